import ButikGrid

/// The selected row of a list whose rows are computed from the shop on every frame.
public struct ListSelection: Hashable, Sendable {
    public var index = 0

    public init() {}

    /// Moves the selection with the table's keys; true if the key was one of them.
    mutating func handle(_ key: Key, in table: Table) -> Bool {
        var table = table
        table.select(index)
        guard table.handle(key) else { return false }
        index = table.selection ?? 0
        return true
    }

    /// `table` with this selection applied (clamped to its rows).
    func applied(to table: Table) -> Table {
        var table = table
        table.select(index)
        return table
    }
}

extension KeyBinding {
    /// The keys that move the selection of a list: ↑↓ (on the help line) and PgUp/PgDn, plus
    /// Home/End unless a text field of the mode has them.
    static func list(_ description: String, homeAndEnd: Bool = true, _ action: (Key) -> Action) -> [KeyBinding] {
        let pages = KeyBinding(label: "PgUp PgDn", "a page up, down", [Key.pageUp, .pageDown].map { ($0, action($0)) },
                               showsOnHelpLine: false)
        let ends = KeyBinding(label: "Home End", "the first, the last", [Key.home, .end].map { ($0, action($0)) },
                              showsOnHelpLine: false)
        return [KeyBinding(label: "↑↓", description, [Key.up, .down].map { ($0, action($0)) }), pages] + (homeAndEnd ? [ends] : [])
    }
}

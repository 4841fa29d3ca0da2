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

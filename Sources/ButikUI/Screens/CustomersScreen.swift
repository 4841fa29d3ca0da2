import ButikDomain
import ButikGrid

/// F6: every customer, or those matching the filter (`/` to type), with their key, phone,
/// waiting parcels and note.
public struct CustomersScreen: Sendable {
    public var filter = TextField(placeholder: "type or press / to filter")
    public var filtering = false
    public var selection = ListSelection()

    public init() {}

    /// What a key does on the customers screen.
    enum Action: Sendable, Equatable {
        case select(Key), filter, doneFiltering, clear
    }

    /// How the customers screen goes, for F1.
    static let flow = "Every customer by key, with phone, parcels in the shop and note. Type (or / first) to "
        + "filter by key, name, phone or pickup code; ↑↓ select; Esc shows everyone again."

    /// The keys of the current mode: the list's, and Enter while the filter has the focus.
    var keys: KeyMap<Action> {
        // Home and End edit the filter while it has the focus.
        var bindings = KeyBinding<Action>.list("select", homeAndEnd: !filtering, Action.select)
        if filtering {
            bindings.append(KeyBinding(.enter, "done", action: .doneFiltering))
        } else {
            bindings.append(KeyBinding(.character("/"), "filter", action: .filter))
        }
        if filtering || !filter.text.isEmpty || selection.index != 0 { bindings.append(KeyBinding(.escape, "clear", action: .clear)) }
        return KeyMap(bindings, typing: "filter", flow: Self.flow)
    }

    func customers(_ context: AppContext) -> [Customer] {
        let shop = context.shop
        if filter.text.isEmpty {
            return shop.customers.values.sorted { ($0.key, $0.id) < ($1.key, $1.id) }
        }
        return shop.search(filter.text, limit: 500).customers.compactMap { shop.customers[$0] }
    }

    func table(_ context: AppContext) -> Table {
        let rows = customers(context).map { customer in
            let waiting = context.shop.parcelsInShop(for: customer.id).count
            return Table.Row([customer.key, customer.name, customer.phones.first ?? "", waiting == 0 ? "" : "\(waiting)", customer.note ?? ""])
        }
        return Table(columns: [Table.Column("Key", width: .fixed(6)), Table.Column("Name"),
                               Table.Column("Phone", width: .fixed(12)), Table.Column("Parcels", width: .fixed(7), alignment: .right),
                               Table.Column("Note")],
                     rows: rows, emptyMessage: filter.text.isEmpty ? "No customers yet." : "No customer matches \"\(filter.text)\".")
    }

    /// Performs a binding of ``keys``.
    mutating func perform(_ action: Action, _ context: AppContext) {
        switch action {
        case .select(let key): _ = selection.handle(key, in: table(context))
        case .filter: filtering = true
        case .doneFiltering: filtering = false
        case .clear:
            filter = TextField(placeholder: filter.placeholder)
            filtering = false
            selection = ListSelection()
        }
    }

    /// A key no binding has: typed into the filter, which then has the focus.
    mutating func type(_ key: Key, _ context: AppContext) {
        guard filter.handle(key) else { return }
        filtering = true
        selection = ListSelection()
    }

    func draw(into screen: inout Screen, at rect: Rect, _ context: AppContext) {
        screen.put("Filter:", row: rect.row, column: rect.column, style: Style(.accent, bold: true))
        filter.draw(into: &screen, at: Rect(row: rect.row, column: rect.column + 8, width: rect.width - 8, height: 1), focused: filtering)
        selection.applied(to: table(context)).draw(into: &screen, at: Rect(row: rect.row + 2, column: rect.column, width: rect.width, height: rect.height - 2))
    }
}

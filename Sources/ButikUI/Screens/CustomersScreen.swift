import ButikDomain
import ButikGrid

/// F6: every customer, or those matching the filter (`/` to type), with their key, phone,
/// waiting parcels and note.
public struct CustomersScreen: Sendable {
    public var filter = TextField(placeholder: "type or press / to filter")
    public var filtering = false
    public var selection = ListSelection()

    public init() {}

    public static let help = [
        HelpEntry(label: "type", description: "filter"),
        HelpEntry(label: "↑↓", description: "select"),
        HelpEntry(label: "Esc", description: "clear"),
    ]

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

    mutating func handle(_ key: Key, _ context: AppContext) {
        switch key {
        case .character("/") where !filtering:
            filtering = true
        case .escape:
            filter = TextField(placeholder: filter.placeholder)
            filtering = false
            selection = ListSelection()
        case .enter where filtering:
            filtering = false
        case .character where !filtering:
            // Typing a name starts the filter at once.
            filtering = true
            if filter.handle(key) { selection = ListSelection() }
        default:
            if key != .home, key != .end || !filtering, selection.handle(key, in: table(context)) { return }
            if filtering, filter.handle(key) { selection = ListSelection() }
        }
    }

    func draw(into screen: inout Screen, at rect: Rect, _ context: AppContext) {
        screen.put("Filter:", row: rect.row, column: rect.column, style: Style(.accent, bold: true))
        filter.draw(into: &screen, at: Rect(row: rect.row, column: rect.column + 8, width: rect.width - 8, height: 1), focused: filtering)
        selection.applied(to: table(context)).draw(into: &screen, at: Rect(row: rect.row + 2, column: rect.column, width: rect.width, height: rect.height - 2))
    }
}

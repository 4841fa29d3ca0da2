import ButikDomain
import ButikGrid
import ButikText

/// F6: every customer, or those matching the filter (`/` to type), with their key, phone,
/// waiting parcels and note.
public struct CustomersScreen: AppScreen {
    public var filter = TextField()
    public var filtering = false
    public var selection = ListSelection()

    public init() {}

    /// What a key does on the customers screen.
    enum Action: Sendable, Equatable {
        case select(Key), filter, doneFiltering, clear
    }

    /// How the customers screen goes, for F1.
    static func flow(_ words: Words) -> String { words.text("screen.customers.flow") }

    /// The keys of the current mode: the list's, and Enter while the filter has the focus.
    func keys(_ context: AppContext) -> KeyMap<Action> {
        let words = context.words
        // Home and End edit the filter while it has the focus.
        var bindings = KeyBinding<Action>.list(words.text("keys.select"), homeAndEnd: !filtering, words, Action.select)
        if filtering {
            bindings.append(KeyBinding(.enter, words.text("keys.customers.done"), action: .doneFiltering))
        } else {
            bindings.append(KeyBinding(.character("/"), words.text("keys.customers.filter"), action: .filter))
        }
        if filtering || !filter.text.isEmpty || selection.index != 0 {
            bindings.append(KeyBinding(.escape, words.text("keys.counter.clear"), action: .clear))
        }
        return KeyMap(bindings, typing: words.text("keys.customers.filter"), flow: Self.flow(words))
    }

    /// A burst of fast keys ending in Enter is a scan (of a known format) or the filter's text.
    func burst(_ context: AppContext) -> Burst { .scanOrText }

    func customers(_ context: AppContext) -> [Customer] {
        let shop = context.shop
        if filter.text.isEmpty {
            return shop.customers.values.sorted { ($0.key, $0.id) < ($1.key, $1.id) }
        }
        return shop.search(filter.text, limit: 500).customers.compactMap { shop.customers[$0] }
    }

    func table(_ context: AppContext) -> Table {
        let words = context.words
        let rows = customers(context).map { customer in
            let waiting = context.shop.parcelsInShop(for: customer.id).count
            return Table.Row([customer.key.value, customer.name, customer.phones.first ?? "", waiting == 0 ? "" : "\(waiting)", customer.note ?? ""])
        }
        return Table(columns: [Table.Column(words.text("column.key"), width: .fixed(6)), Table.Column(words.text("column.name")),
                               Table.Column(words.text("column.phone"), width: .fixed(12)),
                               Table.Column(words.text("column.parcels"), width: .fixed(7), alignment: .right),
                               Table.Column(words.text("column.note"))],
                     rows: rows, emptyMessage: filter.text.isEmpty ? words.text("customers.none")
                         : words.text("customers.noMatch", ["text": .text(filter.text)]))
    }

    /// Performs a binding of ``keys(_:)``.
    mutating func perform(_ action: Action, _ context: AppContext) -> [AppEffect] {
        switch action {
        case .select(let key): _ = selection.handle(key, in: table(context))
        case .filter: filtering = true
        case .doneFiltering: filtering = false
        case .clear:
            filter = TextField()
            filtering = false
            selection = ListSelection()
        }
        return []
    }

    /// A key no binding has: typed into the filter, which then has the focus.
    mutating func type(_ key: Key, _ context: AppContext) {
        guard filter.handle(key) else { return }
        filtering = true
        selection = ListSelection()
    }

    func draw(into screen: inout Screen, at rect: Rect, _ context: AppContext) {
        let label = context.words.text("customers.filter")
        screen.put(label, row: rect.row, column: rect.column, style: Style(.accent, bold: true))
        var field = filter
        field.placeholder = context.words.text("customers.filter.placeholder")
        let left = label.displayWidth + 1
        field.draw(into: &screen, at: Rect(row: rect.row, column: rect.column + left, width: rect.width - left, height: 1), focused: filtering)
        selection.applied(to: table(context)).draw(into: &screen, at: Rect(row: rect.row + 2, column: rect.column, width: rect.width, height: rect.height - 2))
    }
}

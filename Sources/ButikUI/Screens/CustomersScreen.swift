import ButikDomain
import ButikGrid
import ButikText

/// F6: every customer, or those matching the filter (`/` to type), with their key, phone,
/// waiting parcels and note; Enter opens one on a card with their timeline. `a` adds a
/// customer; on the card `p` and `P` register and withdraw a proxy. Tab shows the shop's
/// cases instead (``CaseListView``), and back.
public struct CustomersScreen: WritingScreen {
    public var filter = TextField()
    public var filtering = false
    public var selection = ListSelection()
    /// The customer opened, over the list (which stays where it was for Esc).
    public internal(set) var card: CustomerCard?
    /// The dialog open: a new customer, a proxy to register or withdraw.
    public internal(set) var prompt: CustomersPrompt?
    /// The card's record being edited (`e`).
    public internal(set) var editor: CustomerEditor?
    /// Another record being merged into the card's (`m`).
    public internal(set) var merging: CustomerMergeDialog?
    /// The card's contact or case dialog open, at its step.
    var dialog: CardDialog?
    /// How the last addition or proxy change went.
    public internal(set) var notice: Notice?
    /// The list shows the shop's cases instead of the customers.
    public internal(set) var showsCases = false
    /// The case list, kept as it was while the customers show.
    public internal(set) var cases = CaseListView()
    /// The list's customers as last worked out, for one filter text and one shop.
    private var matches: DirectoryMatches?

    public init() {}

    /// How the customers screen goes, for F1.
    static func flow(_ words: Words) -> String { words.text("screen.customers.flow") }

    /// A burst of fast keys ending in Enter: the text of a dialog; a scan on the card; a scan
    /// (of a known format) or the filter's text on the list.
    func burst(_ context: AppContext) -> Burst {
        if prompt != nil || editor?.text != nil || merging != nil || dialog != nil { return .text }
        if card != nil { return .scan }
        guard showsCases else { return .scanOrText }
        return cases.opened?.dialog != nil ? .text : .scan
    }

    /// The customers the list shows: every one by key, or those the filter finds, best first.
    /// The ones kept by ``keepMatches(_:)`` while the filter and the shop are those it saw;
    /// worked out afresh otherwise.
    func customers(_ context: AppContext) -> [CustomerID] {
        if let matches, matches.filter == filter.text, matches.shop == context.shopVersion { return matches.customers }
        return Self.customers(matching: filter.text, in: context.shop)
    }

    /// Works out the list's customers once per change of the filter or of the shop, so that the
    /// key table, the selection and the view of a keystroke all read the same list; not while a
    /// card or the case list covers it (going back to it works them out if they changed). The
    /// case list, while it shows, keeps its own (``CaseListView/keepList(_:)``).
    mutating func keepMatches(_ context: AppContext) {
        guard card == nil else { return }
        if showsCases { return cases.keepList(context) }
        guard matches?.filter != filter.text || matches?.shop != context.shopVersion else { return }
        matches = DirectoryMatches(filter: filter.text, shop: context.shopVersion, customers: Self.customers(matching: filter.text, in: context.shop))
    }

    /// Every customer by key (then id) when `filter` is empty; else the first 500 that
    /// ``ShopState/customersFound(by:limit:)`` finds.
    static func customers(matching filter: String, in shop: ShopState) -> [CustomerID] {
        guard filter.isEmpty else { return shop.customersFound(by: filter, limit: 500) }
        return shop.customers.values.sorted { ($0.key, $0.id) < ($1.key, $1.id) }.map(\.id)
    }

    /// The customer the list's selection is on.
    func selectedCustomer(_ context: AppContext) -> CustomerID? {
        let customers = customers(context)
        return selection.applied(to: table(customers, context)).selection.map { customers[$0] }
    }

    /// The list of `customers`: a row for each, the rows a rect `height` rows high shows with the
    /// selection filled in and the others blank (without a height, none is filled in: enough to
    /// move the selection).
    func table(_ customers: [CustomerID], _ context: AppContext, height: Int? = nil) -> Table {
        let words = context.words
        var table = Table(columns: [Table.Column(words.text("column.key"), width: .fixed(6)), Table.Column(words.text("column.name")),
                                    Table.Column(words.text("column.phone"), width: .fixed(12)),
                                    Table.Column(words.text("column.parcels"), width: .fixed(7), alignment: .right),
                                    Table.Column(words.text("column.note"))],
                          rows: Array(repeating: Table.Row([]), count: customers.count),
                          emptyMessage: filter.text.isEmpty ? words.text("customers.none")
                              : words.text("customers.noMatch", ["text": .text(filter.text)]))
        table = selection.applied(to: table)
        guard let height else { return table }
        for index in table.shownRows(height: height) {
            guard let customer = context.shop.customers[customers[index]] else { continue }
            let waiting = context.shop.parcelsInShop(for: customer.id).count
            table.rows[index] = Table.Row([customer.key.value, customer.name, customer.phones.first ?? "", waiting == 0 ? "" : "\(waiting)",
                                           customer.note ?? ""])
        }
        return table
    }

    // MARK: The timeline

    /// The page of a timeline the card waits for: the app asks the driver for it.
    var wantedTimeline: (customer: CustomerID, page: Int)? {
        guard let card, let page = card.wantedPage else { return nil }
        return (card.customer, page)
    }

    /// Whether the card waits for a page of `customer`'s timeline.
    func waitsForTimeline(of customer: CustomerID) -> Bool { wantedTimeline?.customer == customer }

    /// Another program wrote to the store: the card's timeline is read again.
    mutating func storeChanged() { card?.storeChanged() }

    /// The driver read a page of the card's timeline.
    mutating func timelineRead(_ page: TimelinePage) { card?.read(page) }

    /// The driver could not read the card's timeline.
    mutating func timelineUnread(_ reason: Phrase) { card?.unread(reason) }

    // MARK: Writes

    /// A command of the screen is on disk: a new customer is opened; a proxy change is said,
    /// and the card's timeline read again from its newest entry, which tells it.
    mutating func performed(_ outcome: Outcome, _ context: AppContext) {
        switch outcome {
        case .customerAdded(let customer):
            card = CustomerCard(customer.id)
            notice = Notice(Phrase("customers.added", ["key": .text(customer.key.value), "name": .text(customer.name)]))
        case .proxyAuthorised(let id, let proxy):
            notice = Notice(Phrase("customers.proxyAuthorised", ["name": .text(proxy.name), "key": .text(context.shop.customers[id]?.key.value ?? "?")]))
            if card?.customer == id { card?.want(1) }
        case .proxyRevoked(let id, let proxy):
            notice = Notice(Phrase("customers.proxyRevoked", ["name": .text(proxy.name), "key": .text(context.shop.customers[id]?.key.value ?? "?")]))
            if card?.customer == id { card?.want(1) }
        case .customerEdited, .customersMerged: performedEdit(outcome)
        case .contactLogged, .caseOpened: caseOutcome(outcome, context)
        case .caseUpdated, .caseClosed, .caseReopened: cases.performed(outcome)
        }
    }

    /// A command was refused: its dialog opens again with what was typed, and says why.
    mutating func refused(_ command: Command, _ reason: Phrase, _ context: AppContext) {
        notice = Notice(reason, tone: .error)
        switch command {
        case .addCustomer(let new): prompt = .phone(name: new.name, text: new.phones.first ?? "")
        case .authoriseProxy(let id, let name, let relation, let validUntil):
            prompt = .validUntil(id, name: name, relation: relation ?? "", text: validUntil.map(context.words.date) ?? "")
        case .revokeProxy(let id, let name): prompt = .withdraw(id, text: name)
        case .editCustomer, .mergeCustomers: refusedEdit(reason)
        case .logContact(let id, let channel, let about, let text): dialog = .contact(ContactDialog(id, channel: channel, about: about, text: text))
        case .openCase(let new): dialog = .newCase(CaseDialog(new, owner: context.staff))
        case .updateCase, .closeCase, .reopenCase:
            notice = nil
            cases.refused(command, reason, context)
        }
    }

    // MARK: Drawing

    func draw(into screen: inout Screen, at rect: Rect, _ context: AppContext) {
        if let card {
            card.draw(into: &screen, at: rect, notice: notice, context)
        } else if showsCases, cases.opened != nil {
            cases.draw(into: &screen, at: rect, context)
        } else {
            drawTitle(into: &screen, at: rect, context)
            let below = Rect(row: rect.row + 1, column: rect.column, width: rect.width, height: max(0, rect.height - 1))
            if showsCases {
                cases.draw(into: &screen, at: below, context)
            } else {
                drawList(into: &screen, at: below, context)
            }
        }
        if let prompt { prompt.modal(context).draw(into: &screen, at: rect) }
        if let editor { editor.modal(context, room: rect).draw(into: &screen, at: rect) }
        if let merging { merging.modal(context, room: rect).draw(into: &screen, at: rect) }
        switch dialog {
        case .contact(let contact): contact.modal(context).draw(into: &screen, at: rect)
        case .newCase(let opening): opening.modal(context).draw(into: &screen, at: rect)
        case nil: break
        }
    }

    /// "Customers · Cases: 3 due", the view shown marked.
    private func drawTitle(into screen: inout Screen, at rect: Rect, _ context: AppContext) {
        let words = context.words
        let due = CaseListView.dueCount(context)
        let parts = [(words.text("customers.title.customers"), !showsCases),
                     (words.text("customers.title.cases", ["n": .count(due)]), showsCases)]
        var column = rect.column
        for (index, part) in parts.enumerated() {
            if index > 0 {
                column += screen.put("·", row: rect.row, column: column, style: Style(.muted), maxWidth: max(0, rect.column + rect.width - column))
            }
            let style = part.1 ? Style(.title, bold: true, reverse: true) : due > 0 && index == 1 ? Style(.warning) : Style(.muted)
            column += screen.put(" \(part.0) ", row: rect.row, column: column, style: style, maxWidth: max(0, rect.column + rect.width - column))
        }
    }

    /// The filter, the notice under it (on the rows it needs), the customers.
    private func drawList(into screen: inout Screen, at rect: Rect, _ context: AppContext) {
        let label = context.words.text("customers.filter")
        screen.put(label, row: rect.row, column: rect.column, style: Style(.accent, bold: true))
        var field = filter
        field.placeholder = context.words.text("customers.filter.placeholder")
        let left = label.displayWidth + 1
        field.draw(into: &screen, at: Rect(row: rect.row, column: rect.column + left, width: rect.width - left, height: 1), focused: filtering)
        // The title above takes the blank row that would stand here.
        var top = rect.row + 1
        if let notice {
            top = rect.row + 1 + notice.draw(into: &screen, at: Rect(row: rect.row + 1, column: rect.column, width: rect.width, height: max(1, rect.height - 4)),
                                             context.words)
        }
        let room = Rect(row: top, column: rect.column, width: rect.width, height: rect.row + rect.height - top)
        table(customers(context), context, height: room.height).draw(into: &screen, at: room)
    }
}

/// The customers F6's list showed for a filter text in one version of the shop
/// (``AppContext/shopVersion``).
struct DirectoryMatches: Equatable, Sendable {
    var filter: String
    var shop: Int
    var customers: [CustomerID]
}

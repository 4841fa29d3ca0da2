import ButikDomain
import ButikGrid
import ButikText

/// F2: one search field that takes anything (key, name fragments, phone, pickup code, tracking
/// digits, a scan) and the matching customers and parcels, with the selected one's details below.
public struct CounterScreen: WritingScreen {
    public var field = TextField()
    public var selection = ListSelection()
    /// After a scan the field holds the scanned number; the next typed character starts afresh.
    public internal(set) var replaceOnType = false
    /// A hand-out in progress for the selected customer.
    public var handOut: HandOutFlow?
    /// The parcels of the last hand-out here, for Ctrl-Z.
    public internal(set) var lastHandOut: [ParcelID] = []
    /// What the last hand-out step came to; `alarm` for a parcel that is not this customer's.
    public internal(set) var notice: Notice?
    /// The past of a searched number no parcel in the shop has, once the driver read it.
    public internal(set) var past: PastParcels?
    /// The newest lines of the timeline of a customer with no parcels in the shop, once read.
    public internal(set) var recent: RecentTimeline?

    public init() {}

    /// One result row: a customer or a parcel.
    enum Hit: Equatable {
        case customer(CustomerID)
        case parcel(ParcelID)
    }

    /// At most this many customers and this many parcels are listed; a longer list helps nobody
    /// at the counter, and the search stops early.
    static let resultLimit = 40

    func hits(_ context: AppContext) -> [Hit] {
        let results = context.shop.search(field.text, limit: CounterScreen.resultLimit)
        return results.customers.map(Hit.customer) + results.parcels.map(Hit.parcel)
    }

    /// Esc: an empty search, nothing selected, no notice.
    mutating func clear() {
        field = TextField(placeholder: field.placeholder)
        selection = ListSelection()
        notice = nil
    }

    /// The selected result.
    func selectedHit(_ context: AppContext) -> Hit? {
        let hits = hits(context)
        guard let index = selection.applied(to: table(hits, context)).selection, hits.indices.contains(index) else { return nil }
        return hits[index]
    }

    /// The customer of the selected result (a customer row, or the customer of a parcel row).
    func selectedCustomer(_ context: AppContext) -> CustomerID? {
        switch selectedHit(context) {
        case .customer(let id): id
        case .parcel(let id): context.shop.parcels[id]?.customer
        case nil: nil
        }
    }

    /// Puts a scanned number in the search field; typing next replaces it.
    mutating func search(_ text: String, _ context: AppContext) {
        field = TextField(text, placeholder: field.placeholder)
        selection = ListSelection()
        replaceOnType = true
        past = nil
    }

    func table(_ hits: [Hit], _ context: AppContext) -> Table {
        let shop = context.shop
        let words = context.words
        let rows = hits.compactMap { hit -> Table.Row? in
            switch hit {
            case .customer(let id):
                guard let customer = shop.customers[id] else { return nil }
                let inShop = shop.parcelsInShop(for: id)
                let waiting = inShop.filter { $0.status == .waiting }.count
                let slots = Set(inShop.map(\.slot.value)).sorted().joined(separator: " ")
                return Table.Row([customer.key.value, customer.name, slots, waiting == 0 ? words.text("counter.nothingWaiting") : words.text("counter.waiting", ["n": .count(waiting)]),
                                  customer.phones.joined(separator: ", "), "", "", customer.note ?? ""])
            case .parcel(let id):
                guard let parcel = shop.parcels[id] else { return nil }
                let state = parcel.status == .waiting ? context.dueText(parcel.deadline) : words.text(parcel.status.kind.phrase)
                return Table.Row([parcel.key.value, parcel.tracking.value, parcel.slot.value, state, "", context.dayAndMonth(parcel.receivedAt), parcel.carrier.value],
                                 style: parcel.status.isInShop ? .plain : Style(.muted))
            }
        }
        let empty = field.text.isEmpty ? words.text("counter.empty") : words.text("counter.noMatch", ["text": .text(field.text)])
        return Table(columns: [Table.Column(words.text("column.key"), width: .fixed(6)), Table.Column(words.text("column.nameOrTracking")),
                               Table.Column(words.text("column.slot"), width: .fixed(12)), Table.Column(words.text("column.state"), width: .fixed(16))]
                        + Self.wideColumns(words),
                     rows: rows, emptyMessage: empty)
    }

    /// The results' columns a wide window adds: a customer's phones and note, a parcel's
    /// arrival and carrier.
    static func wideColumns(_ words: Words) -> [Table.Column] {
        [Table.Column(words.text("column.phone"), width: .fixed(24), shownFrom: 120),
         Table.Column(words.text("column.arrived"), width: .fixed(7), shownFrom: 120),
         Table.Column(words.text("column.carrier"), width: .fixed(12), shownFrom: 140),
         Table.Column(words.text("column.note"), shownFrom: 160)]
    }

    func draw(into screen: inout Screen, at rect: Rect, _ context: AppContext) {
        guard rect.height >= 4 else { return }
        let words = context.words
        let label = words.text("counter.find")
        screen.put(label, row: rect.row, column: rect.column, style: Style(.accent, bold: true))
        let offset = label.displayWidth + 1
        var shown = field
        shown.placeholder = words.text("counter.find.placeholder")
        shown.draw(into: &screen, at: Rect(row: rect.row, column: rect.column + offset, width: rect.width - offset, height: 1))
        if let past {
            drawPast(past, into: &screen, at: Rect(row: rect.row + 2, column: rect.column, width: rect.width, height: rect.height - 2), context)
            return
        }
        let hits = hits(context)
        // The results take at most half the height and no more than they need (header, rows,
        // a blank line): one hit is the common case, and the card or hand-out below gets the rest.
        var tableHeight = max(3, min((rect.height - 2) / 2, hits.count + 2))
        if handOut != nil {
            // A hand-out keeps its rows (line, who, step, the whole notice, the parcels' header
            // and one): in a small window the results give way to it.
            let said = notice.map { $0.text(words).wrapped(toWidth: rect.width).count } ?? 1
            tableHeight = max(3, min(tableHeight, rect.height - 2 - 5 - said))
        }
        let table = selection.applied(to: table(hits, context))
        table.draw(into: &screen, at: Rect(row: rect.row + 2, column: rect.column, width: rect.width, height: tableHeight))
        let detailTop = rect.row + 2 + tableHeight
        var detail = Rect(row: detailTop, column: rect.column, width: rect.width, height: rect.row + rect.height - detailTop)
        guard detail.height > 1 else { return }
        if let handOut {
            screen.horizontalLine(row: detail.row, column: detail.column, width: detail.width, style: Style(.muted))
            drawHandOut(handOut, into: &screen, at: detail, context)
            return
        }
        if let notice {
            // The whole notice in the ─── line's place, the card under it.
            let rows = notice.draw(into: &screen, at: Rect(row: detail.row, column: detail.column, width: detail.width, height: detail.height - 1),
                                   words)
            detail.row += rows - 1
            detail.height -= rows - 1
        }
        guard let selected = table.selection, hits.indices.contains(selected) else { return }
        if notice == nil { screen.horizontalLine(row: detail.row, column: detail.column, width: detail.width, style: Style(.muted)) }
        switch hits[selected] {
        case .customer(let id): drawCustomer(id, into: &screen, at: detail, context)
        case .parcel(let id): drawParcel(id, into: &screen, at: detail, context)
        }
    }

    /// How many of the newest customer log entries the card shows.
    static let cardLogEntries = 3

    /// The customer card: name and phone; their note, open cases, newest log entries and proxies as far as
    /// they leave room for the parcel table's header and a row; then the parcels in the shop,
    /// or one line summing them up when not even one row would fit; with none in the shop, the
    /// newest lines of their timeline.
    private func drawCustomer(_ id: CustomerID, into screen: inout Screen, at rect: Rect, _ context: AppContext) {
        guard let customer = context.shop.customers[id] else { return }
        let words = context.words
        let bottom = rect.row + rect.height
        var row = rect.row + 1
        let phones = customer.phones.isEmpty ? "" : "  ☎ " + customer.phones.joined(separator: ", ")
        screen.put("\(customer.key)  \(customer.name)\(phones)", row: row, column: rect.column, style: Style(.title, bold: true), maxWidth: rect.width)
        row += 1
        let parcels = context.shop.parcelsInShop(for: id)
        let lines = cardLines(customer, withLog: !(parcels.isEmpty && showsRecent(of: id)), context)
        let shown = min(lines.count, max(0, bottom - row - 2))
        // Two or more parcels need three rows (header, a parcel, "+ N more") to show any.
        let summing = parcels.count > 1 && bottom - row - shown < 3
        for line in lines.prefix(summing ? max(0, bottom - row - 1) : shown) {
            screen.put(line.text, row: row, column: rect.column, style: line.style, maxWidth: rect.width)
            row += 1
        }
        if summing {
            let slots = Set(parcels.map(\.slot.value)).sorted().joined(separator: " ")
            screen.putWrapped(words.text("counter.card.summed", ["n": .count(parcels.count), "slots": .text(slots)]),
                              in: Rect(row: row, column: rect.column, width: rect.width, height: bottom - row), style: Style(.muted))
            return
        }
        let below = Rect(row: row, column: rect.column, width: rect.width, height: bottom - row)
        if parcels.isEmpty {
            drawRecent(id, into: &screen, at: below, context)
        } else {
            CardParcels.draw(parcels, into: &screen, at: below, context)
        }
    }

    /// The card's lines under the name, most important first: note, open cases (what the shop
    /// promised them), newest log entries (shown nowhere else at the counter, unless `withLog`
    /// is false: the newest lines of the timeline below tell them), registered proxies (the
    /// proxy step lists them too).
    private func cardLines(_ customer: Customer, withLog: Bool, _ context: AppContext) -> [(text: String, style: Style)] {
        let words = context.words
        var lines: [(text: String, style: Style)] = []
        if let note = customer.note { lines.append((words.text("counter.card.note", ["note": .text(note)]), Style(.warning))) }
        lines += context.shop.openCustomerCases(customer.id).map { $0.line(context) }
        for entry in context.shop.log(of: customer.id).suffix(withLog ? Self.cardLogEntries : 0).reversed() {
            let said: [String: Phrase.Argument] = ["day": .text(context.dayAndMonth(entry.at)), "staff": .text(entry.staff.value), "text": .text(entry.text)]
            let line = switch (entry.kind, entry.proxyName) {
            case (.refusal, let proxy?): words.text("counter.card.refusedProxy", said.merging(["proxy": .text(proxy)]) { $1 })
            case (.refusal, nil): words.text("counter.card.refused", said)
            }
            lines.append((line, Style(.danger)))
        }
        if !customer.proxies.isEmpty {
            lines.append((words.text("counter.card.proxies", ["names": .list(customer.proxies.map(\.name))]), .plain))
        }
        return lines
    }

    private func drawParcel(_ id: ParcelID, into screen: inout Screen, at rect: Rect, _ context: AppContext) {
        guard let parcel = context.shop.parcels[id] else { return }
        let words = context.words
        var first = "\(parcel.tracking.value)  \(words.text(parcel.format.phrase))"
        if parcel.checkDigit == .overridden { first += " " + words.text("counter.parcel.checkDigitOverridden") }
        if let code = parcel.pickupCode { first += "  " + words.text("counter.parcel.pickupCode", ["code": .text(code.digits)]) }
        let size = parcel.size == .large ? words.text("size.large") : words.text("size.small")
        var lines = [
            first,
            words.text("counter.parcel.for", ["name": .text(parcel.recipientName), "key": .text(parcel.key.value), "carrier": .text(parcel.carrier.value),
                                              "slot": .text(parcel.slot.value), "size": .text(size)]),
            words.text("counter.parcel.received", ["when": .text(context.moment(parcel.receivedAt)), "staff": .text(parcel.receivedBy.value),
                                                   "deadline": .date(parcel.deadline)]),
        ]
        switch parcel.status {
        case .waiting: lines.append(words.text("counter.parcel.waiting", ["due": .text(context.dueText(parcel.deadline))]))
        case .handedOut(let handOut):
            var line = words.text("counter.parcel.handedOut", ["when": .text(context.moment(handOut.at)), "staff": .text(handOut.staff.value),
                                                                "how": .phrase(handOut.verification.shortPhrase)])
            if let name = handOut.proxyName { line += ", " + words.text("counter.parcel.proxy", ["name": .text(name)]) }
            if let proxyID = handOut.proxyID { line += " (\(proxyID))" }
            lines.append(line)
        case .returning(let since): lines.append(words.text("counter.parcel.returning", ["when": .text(context.moment(since))]))
        case .collected(let at): lines.append(words.text("counter.parcel.collected", ["when": .text(context.moment(at))]))
        }
        var row = rect.row + 1
        for (offset, line) in lines.enumerated() where row < rect.row + rect.height {
            row += screen.putWrapped(line, in: Rect(row: row, column: rect.column, width: rect.width, height: rect.row + rect.height - row),
                                     style: offset == 0 ? Style(.title, bold: true) : .plain)
        }
    }
}

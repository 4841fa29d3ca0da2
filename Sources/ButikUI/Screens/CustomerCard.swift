import ButikDomain
import ButikGrid
import ButikText

/// The customer opened in F6: their record, the parcels they have in the shop, and their
/// timeline from the shop's history, newest first, a page read at a time
/// (``AppEffect/lookUpTimeline(_:page:pageSize:)``).
public struct CustomerCard: Equatable, Sendable {
    /// Where the timeline's read is.
    public enum Timeline: Equatable, Sendable {
        /// This page is to be read: the app asks for it after the message that wants it.
        case wanted(page: Int)
        case read(TimelinePage)
        /// This page is shown and read again: another program wrote to the store.
        case stale(TimelinePage)
        /// The page could not be read (the history is being prepared, the store is busy, ...).
        case unread(page: Int, Phrase)
    }

    public let customer: CustomerID
    public internal(set) var timeline = Timeline.wanted(page: 1)
    /// The entry of the page shown first; ↑↓ move it.
    public internal(set) var first = 0
    /// The customer's visits counted on the newest page of the timeline, once read.
    public internal(set) var visits: Visits?

    /// Timeline entries read at a time.
    static let pageSize = 40

    init(_ customer: CustomerID) {
        self.customer = customer
    }

    /// The page the card waits for, while it does.
    var wantedPage: Int? {
        switch timeline {
        case .wanted(let page): page
        case .stale(let shown): shown.page
        case .read, .unread: nil
        }
    }

    /// The page shown, once read.
    var page: TimelinePage? {
        switch timeline {
        case .read(let page), .stale(let page): page
        case .wanted, .unread: nil
        }
    }

    /// Asks for `page` of the timeline (shown from its newest entry once read).
    mutating func want(_ page: Int) {
        timeline = .wanted(page: page)
        first = 0
    }

    /// Moves the first entry shown by `lines`, within the page.
    mutating func scroll(_ lines: Int) {
        guard let page else { return }
        first = min(max(0, first + lines), max(0, page.entries.count - 1))
    }

    /// Asks for the page `pages` after the one shown (before it, when negative), within the timeline.
    mutating func turn(_ pages: Int) {
        guard let page else { return }
        want(min(max(1, page.page + pages), page.pageCount))
    }

    /// Asks for the last page: the oldest entries.
    mutating func oldest() {
        guard let page else { return }
        want(page.pageCount)
    }

    /// Asks again for the page that could not be read.
    mutating func readAgain() {
        guard case .unread(let page, _) = timeline else { return }
        want(page)
    }

    /// Another program wrote to the store: the page shown is read again, staying where it is
    /// until the new one comes, and scrolled as it was.
    mutating func storeChanged() {
        if case .read(let page) = timeline { timeline = .stale(page) }
    }

    /// The driver read a page; taken if it is the one the card waits for.
    mutating func read(_ page: TimelinePage) {
        guard wantedPage == page.page else { return }
        timeline = .read(page)
        first = min(first, max(0, page.entries.count - 1))
        if page.page == 1 { visits = Visits(page) }
    }

    /// The driver could not read the page the card waits for.
    mutating func unread(_ reason: Phrase) {
        // Read again and not read this time: what was read stays (the next change asks again).
        if case .stale(let shown) = timeline {
            timeline = .read(shown)
            return
        }
        guard let page = wantedPage else { return }
        timeline = .unread(page: page, reason)
    }

    // MARK: Drawing

    /// The name and key, the record's lines, the notice, the parcels in the shop (as many as
    /// leave half the room to the timeline), then the timeline from ``first`` on.
    func draw(into screen: inout Screen, at rect: Rect, notice: Notice?, _ context: AppContext) {
        guard rect.height > 0, rect.width > 0, let customer = context.shop.customers[customer] else { return }
        let words = context.words
        let bottom = rect.row + rect.height
        var row = rect.row
        screen.put("\(customer.key)  \(customer.name)", row: row, column: rect.column, style: Style(.title, bold: true), maxWidth: rect.width)
        row += 1
        for line in recordLines(customer, height: rect.height - 1, context) where row < bottom {
            screen.put(line.text, row: row, column: rect.column, style: line.style, maxWidth: rect.width)
            row += 1
        }
        if let notice, row < bottom {
            row += notice.draw(into: &screen, at: Rect(row: row, column: rect.column, width: rect.width, height: min(3, bottom - row)), words)
        }
        guard row < bottom else { return }
        row += drawParcels(customer.id, into: &screen, at: Rect(row: row, column: rect.column, width: rect.width, height: bottom - row), context)
        guard row < bottom else { return }
        drawTimeline(into: &screen, at: Rect(row: row, column: rect.column, width: rect.width, height: bottom - row), context)
    }

    /// The parcels in the shop, in at most half of `rect` (the last row then counts the rest),
    /// or a line saying there are none. Returns the rows drawn.
    private func drawParcels(_ id: CustomerID, into screen: inout Screen, at rect: Rect, _ context: AppContext) -> Int {
        let parcels = context.shop.parcelsInShop(for: id)
        guard !parcels.isEmpty else {
            screen.put(context.words.text("counter.card.noParcels"), row: rect.row, column: rect.column, style: Style(.muted), maxWidth: rect.width)
            return 1
        }
        let height = min(parcels.count + 1, max(2, rect.height / 2))
        CardParcels.draw(parcels, into: &screen, at: Rect(row: rect.row, column: rect.column, width: rect.width, height: height), context)
        return height
    }

    /// The timeline's heading, then its entries from ``first`` on as far as they fit, the
    /// last row saying what more there is; or why it could not be read.
    private func drawTimeline(into screen: inout Screen, at rect: Rect, _ context: AppContext) {
        let words = context.words
        let heading: String
        var rows: [(text: String, style: Style)] = []
        switch timeline {
        case .wanted:
            heading = words.text("customers.timeline.title")
        case .unread(_, let reason):
            heading = words.text("customers.timeline.title")
            rows = words.text("customers.timeline.unread", ["reason": .phrase(reason)]).wrapped(toWidth: rect.width).map { ($0, Notice.style(.error)) }
        case .read(let page) where page.total == 0, .stale(let page) where page.total == 0:
            heading = words.text("customers.timeline.title")
            rows = [(words.text("customers.timeline.empty"), Style(.muted))]
        case .read(let page), .stale(let page):
            heading = page.pageCount == 1 ? words.text("customers.timeline.heading", ["n": .count(page.total)])
                : words.text("customers.timeline.headingPaged", ["n": .count(page.total), "page": .count(page.page), "pages": .count(page.pageCount)])
            rows = entryRows(page, width: rect.width, height: rect.height - 1, context)
        }
        screen.put(heading, row: rect.row, column: rect.column, style: Style(.accent, bold: true), maxWidth: rect.width)
        for (offset, line) in rows.prefix(rect.height - 1).enumerated() {
            screen.put(line.text, row: rect.row + 1 + offset, column: rect.column, style: line.style, maxWidth: rect.width)
        }
    }

    /// The page's entries from ``first`` on in at most `height` rows: whole entries only (but
    /// for the first, where not even it fits), and when not all fit, or older pages follow, a
    /// last row saying so.
    private func entryRows(_ page: TimelinePage, width: Int, height: Int, _ context: AppContext) -> [(text: String, style: Style)] {
        let words = context.words
        let entries = page.entries.dropFirst(first)
        let staffWidth = HistoryRows.staffWidth(entries.map(\.staff))
        let newer: [(text: String, style: Style)] = first > 0 ? [(words.text("customers.timeline.newer", ["n": .count(first)]), Style(.muted))] : []
        // The entries' rows up to the first that does not fit (and at least the newest): those after it cannot show.
        var groups: [[String]] = []
        var rowsSoFar = newer.count
        for entry in entries where groups.isEmpty || rowsSoFar <= height {
            groups.append(HistoryRows.rows(at: entry.at, staff: entry.staff, staffWidth: staffWidth, words.text(entry.what.phrased),
                                           width: width, margin: "", context))
            rowsSoFar += groups[groups.count - 1].count
        }
        func fitting(_ rows: Int) -> [[String]] {
            var used = newer.count
            return Array(groups.prefix { group in
                used += group.count
                return used <= rows
            })
        }
        var shown = fitting(height)
        var more: String?
        if shown.count < entries.count || page.page < page.pageCount {
            shown = fitting(height - 1)
            // In a small window an entry taller than the room still shows its first rows.
            if shown.isEmpty, let newest = groups.first { shown = [Array(newest.prefix(max(0, height - 1 - newer.count)))] }
            let hidden = entries.count - shown.count
            more = hidden > 0 ? words.text("customers.timeline.more", ["n": .count(hidden)])
                : words.text("customers.timeline.older", ["page": .count(page.page + 1), "pages": .count(page.pageCount)])
        }
        return newer + shown.joined().map { ($0, .plain) } + (more.map { [($0, Style(.muted))] } ?? [])
    }
}

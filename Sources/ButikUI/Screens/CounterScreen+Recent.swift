import ButikDomain
import ButikGrid
import ButikText

/// The newest lines of a customer's timeline, for the Counter's card of a customer with no
/// parcels in the shop: a regular's card tells their last visits, not only that nothing waits.
public struct RecentTimeline: Equatable, Sendable {
    public enum Lines: Equatable, Sendable {
        /// Newest first.
        case read([TimelineEntry])
        /// Why they could not be read.
        case unread(Phrase)
    }

    public var customer: CustomerID
    public var lines: Lines

    /// The entries read; none when they could not be read.
    var entries: [TimelineEntry] {
        if case .read(let entries) = lines { entries } else { [] }
    }
}

extension CounterScreen {
    /// How many of the newest timeline entries the card of a customer with no parcels reads.
    static let recentEntries = 5

    /// The customer whose card (selected, no parcels in the shop) lacks the newest lines of
    /// their timeline: the app asks the driver for them.
    func wantedRecent(_ context: AppContext) -> CustomerID? {
        guard handOut == nil, past == nil, case .customer(let id)? = selectedHit(context), recent?.customer != id,
              context.shop.parcelsInShop(for: id).isEmpty else { return nil }
        return id
    }

    /// Another program wrote to the store: the newest lines are read again.
    mutating func storeChanged() { recent = nil }

    /// The driver's answer, taken while the card still wants it.
    mutating func recentRead(_ customer: CustomerID, _ lines: RecentTimeline.Lines, _ context: AppContext) {
        guard wantedRecent(context) == customer else { return }
        recent = RecentTimeline(customer: customer, lines: lines)
    }

    /// Whether the card of `customer` shows the newest lines of their timeline (and so leaves
    /// the refusals in it out of the lines above).
    func showsRecent(of customer: CustomerID) -> Bool {
        recent?.customer == customer && recent?.entries.isEmpty == false
    }

    /// "No parcels waiting", then the newest lines of the timeline as far as whole entries fit,
    /// or why they could not be read.
    func drawRecent(_ customer: CustomerID, into screen: inout Screen, at rect: Rect, _ context: AppContext) {
        guard rect.height > 0 else { return }
        let words = context.words
        guard let recent, recent.customer == customer else {
            screen.put(words.text("counter.card.noParcels"), row: rect.row, column: rect.column, style: Style(.muted), maxWidth: rect.width)
            return
        }
        var rows: [(text: String, style: Style)]
        switch recent.lines {
        case .read(let entries) where entries.isEmpty: rows = [(words.text("counter.card.noParcels"), Style(.muted))]
        case .read(let entries):
            rows = [(words.text("counter.card.lately"), Style(.muted))]
            let staffWidth = HistoryRows.staffWidth(entries.map(\.staff))
            for entry in entries {
                let lines = HistoryRows.rows(at: entry.at, staff: entry.staff, staffWidth: staffWidth, words.text(entry.what.phrased),
                                             width: rect.width, margin: "", context)
                guard rows.count + lines.count <= rect.height else { break }
                rows += lines.map { ($0, .plain) }
            }
        case .unread(let reason):
            rows = [(words.text("counter.card.noParcels"), Style(.muted))]
                + words.text("customers.timeline.unread", ["reason": .phrase(reason)]).wrapped(toWidth: rect.width).map { ($0, Style(.muted)) }
        }
        for (offset, row) in rows.prefix(rect.height).enumerated() {
            screen.put(row.text, row: rect.row + offset, column: rect.column, style: row.style, maxWidth: rect.width)
        }
    }
}

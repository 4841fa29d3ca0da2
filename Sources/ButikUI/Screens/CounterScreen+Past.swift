import ButikDomain
import ButikGrid
import ButikText

/// What the counter shows of a number no parcel in the shop has: the story of every parcel that
/// ever had it, newest first, as the driver read it from the store (``AppEffect/lookUpStories(_:)``).
public struct PastParcels: Equatable, Sendable {
    public var tracking: TrackingNumber
    /// Newest first; never empty.
    public var stories: [ParcelStory]
    /// The story shown first; ↑↓ move it when they do not all fit.
    public internal(set) var first = 0
}

extension CounterScreen {
    /// The search is a whole tracking number that no parcel in the shop has and no customer
    /// matches: Enter looks up its past rather than starting a hand-out.
    func numberToLookUp(_ context: AppContext) -> TrackingNumber? {
        let text = field.text
        guard TrackingQuery(text) != nil, case .success(let parsed) = Tracking.parse(text, force: true),
              context.shop.parcelInShop(parsed.number) == nil,
              context.shop.searchCustomers(text, limit: 1).isEmpty else { return nil }
        return parsed.number
    }

    /// The driver read the stories of `tracking` (never empty: no story is "not known").
    mutating func show(_ stories: [ParcelStory], of tracking: TrackingNumber) {
        past = PastParcels(tracking: tracking, stories: stories)
        notice = nil
    }

    /// The driver could not read the past of `tracking`; the search goes on as before.
    mutating func pastUnread(_ tracking: TrackingNumber, _ reason: Phrase) {
        past = nil
        notice = Notice(Phrase("counter.past.unread", ["tracking": .text(tracking.value), "reason": .phrase(reason)]), tone: .error)
    }

    /// The count of parcels, then each story from ``PastParcels/first`` on: its headline and a
    /// row a step (time, staff, what), the text wrapped to the width. Short of room, the blank
    /// rows go first; what still does not fit is said on the last row.
    func drawPast(_ past: PastParcels, into screen: inout Screen, at rect: Rect, _ context: AppContext) {
        guard rect.height > 0, rect.width > 0 else { return }
        let words = context.words
        let count = words.text(ParcelStory.phrasedCount(past.stories.count, of: past.tracking))
        var rows: [(text: String, style: Style)] = HistoryRows.lines(count, width: rect.width).map { ($0, Style(.accent, bold: true)) }
        let shown = past.stories[past.first...]
        let staffWidth = HistoryRows.staffWidth(shown.flatMap(\.steps).map(\.staff))
        for (offset, story) in shown.enumerated() {
            rows.append(offset == 0 && past.first > 0 ? (words.text("counter.past.newer", ["n": .count(past.first)]), Style(.muted)) : ("", .plain))
            rows += HistoryRows.lines(words.text(story.phrasedHeadline(in: context.layout)), width: rect.width).map { ($0, Style(.title, bold: true)) }
            for step in story.steps {
                rows += HistoryRows.rows(at: step.at, staff: step.staff, staffWidth: staffWidth, words.text(step.what.phrased), width: rect.width, context)
                    .map { ($0, .plain) }
            }
        }
        // Short of room, the blank rows between the parcels go first.
        if rows.count > rect.height { rows.removeAll { $0.text.isEmpty } }
        var visible = rows.prefix(rect.height)
        if rows.count > rect.height {
            let hidden = rows.count - rect.height + 1
            let more = past.first + 1 < past.stories.count ? words.text("counter.past.moreNext", ["n": .count(hidden)])
                : words.text("counter.past.more", ["n": .count(hidden)])
            visible = visible.dropLast() + [(more, Style(.muted))]
        }
        for (offset, row) in visible.enumerated() {
            screen.put(row.text, row: rect.row + offset, column: rect.column, style: row.style, maxWidth: rect.width)
        }
    }
}

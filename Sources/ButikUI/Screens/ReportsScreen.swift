import ButikDomain
import ButikGrid
import ButikText

/// F7: today's counts per carrier and per staff member (received, handed out, returned).
public struct ReportsScreen: Sendable {
    public init() {}

    /// How the reports screen goes, for F1. It has no keys of its own.
    static func flow(_ words: Words) -> String { words.text("screen.reports.flow") }

    /// The keys of the screen: none, only the flow.
    static func keys(_ context: AppContext) -> KeyMap<KeyAction> { KeyMap<KeyAction>([], flow: flow(context.words)) }

    /// Counts for one carrier or staff member today.
    struct Counts: Equatable {
        var received = 0
        var handedOut = 0
        var returned = 0
    }

    /// Today's counts by carrier and by staff member, from the parcels in live state.
    static func counts(_ context: AppContext) -> (carriers: [String: Counts], staff: [String: Counts]) {
        let zone = context.layout.zone
        let today = context.today
        var carriers: [String: Counts] = [:]
        var staff: [String: Counts] = [:]
        for parcel in context.shop.parcels.values {
            if Day(parcel.receivedAt, in: zone) == today {
                carriers[parcel.carrier.value, default: Counts()].received += 1
                staff[parcel.receivedBy.value, default: Counts()].received += 1
            }
            switch parcel.status {
            case .handedOut(let handOut) where Day(handOut.at, in: zone) == today:
                carriers[parcel.carrier.value, default: Counts()].handedOut += 1
                staff[handOut.staff.value, default: Counts()].handedOut += 1
            case .collected(let at) where Day(at, in: zone) == today:
                carriers[parcel.carrier.value, default: Counts()].returned += 1
            default:
                break
            }
        }
        return (carriers, staff)
    }

    func draw(into screen: inout Screen, at rect: Rect, _ context: AppContext) {
        let (carriers, staff) = ReportsScreen.counts(context)
        let words = context.words
        screen.put(words.text("reports.today", ["day": .date(context.today)]), row: rect.row, column: rect.column, style: Style(.accent, bold: true))
        func table(_ title: String, _ counts: [String: Counts], returned: Bool) -> Table {
            var rows = counts.keys.sorted().map { name -> Table.Row in
                let c = counts[name]!
                return Table.Row([name, "\(c.received)", "\(c.handedOut)"] + (returned ? ["\(c.returned)"] : []))
            }
            let total = counts.values.reduce(Counts()) { Counts(received: $0.received + $1.received, handedOut: $0.handedOut + $1.handedOut, returned: $0.returned + $1.returned) }
            rows.append(Table.Row([words.text("reports.total"), "\(total.received)", "\(total.handedOut)"] + (returned ? ["\(total.returned)"] : []), style: Style(bold: true)))
            return Table(columns: [Table.Column(title), Table.Column(words.text("reports.received"), width: .fixed(9), alignment: .right),
                                   Table.Column(words.text("reports.handedOut"), width: .fixed(11), alignment: .right)]
                         + (returned ? [Table.Column(words.text("reports.toSender"), width: .fixed(10), alignment: .right)] : []),
                         rows: rows)
        }
        // The carrier table has one more column ("To sender", 10 cells and a gap): give it
        // those cells on top of half, so both name columns get the same width.
        let half = max(20, (rect.width - 2 + 11) / 2)
        let height = rect.height - 2
        table(words.text("column.carrier"), carriers, returned: true).draw(into: &screen, at: Rect(row: rect.row + 2, column: rect.column, width: half, height: height))
        table(words.text("reports.staff"), staff, returned: false).draw(into: &screen, at: Rect(row: rect.row + 2, column: rect.column + half + 2, width: rect.width - half - 2, height: height))
    }
}

import ButikDomain

/// F5: every parcel awaiting pickup, the earliest deadline first, overdue and due-today marked;
/// then the parcels in the outbound area for the driver.
public struct QueueScreen: Sendable {
    public var selection = ListSelection()

    public init() {}

    public static let help = [HelpEntry(label: "↑↓", description: "select")]

    func parcels(_ context: AppContext) -> [Parcel] {
        let inShop = context.shop.parcelsInShop
        let waiting = inShop.filter { $0.status == .waiting }.sorted { ($0.deadline, $0.id) < ($1.deadline, $1.id) }
        return waiting + inShop.filter { $0.status != .waiting }
    }

    func table(_ context: AppContext) -> Table {
        let today = context.today
        let rows = parcels(context).map { parcel -> Table.Row in
            let state = parcel.status == .waiting ? context.dueText(parcel.deadline) : "for the driver"
            let style: Style = parcel.status != .waiting ? Style(.muted)
                : parcel.deadline < today ? Style(.danger, bold: true)
                : parcel.deadline == today ? Style(.warning) : .plain
            return Table.Row([state, parcel.key, parcel.recipientName, parcel.slot.value, parcel.carrier, parcel.tracking.value], style: style)
        }
        return Table(columns: [Table.Column("Due", width: .fixed(14)), Table.Column("Key", width: .fixed(6)),
                               Table.Column("Name"), Table.Column("Slot", width: .fixed(6)),
                               Table.Column("Carrier", width: .fixed(9)), Table.Column("Tracking", width: .fixed(20))],
                     rows: rows, emptyMessage: "No parcels are waiting for pickup.")
    }

    mutating func handle(_ key: Key, _ context: AppContext) {
        _ = selection.handle(key, in: table(context))
    }

    func draw(into screen: inout Screen, at rect: Rect, _ context: AppContext) {
        let parcels = parcels(context)
        let waiting = parcels.filter { $0.status == .waiting }
        let overdue = waiting.filter { $0.deadline < context.today }.count
        let summary = "\(waiting.count) waiting · \(context.dueToday) due today · \(overdue) overdue · \(parcels.count - waiting.count) for the driver"
        screen.put(summary, row: rect.row, column: rect.column, style: Style(.accent, bold: true), maxWidth: rect.width)
        selection.applied(to: table(context)).draw(into: &screen, at: Rect(row: rect.row + 2, column: rect.column, width: rect.width, height: rect.height - 2))
    }
}

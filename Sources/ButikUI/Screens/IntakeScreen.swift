import ButikDomain

/// F3: today's intake: the last parcel's key and slot in large letters, and every parcel
/// received today, newest first.
public struct IntakeScreen: Sendable {
    public var selection = ListSelection()

    public init() {}

    public static let help = [HelpEntry(label: "↑↓", description: "select")]

    func receivedToday(_ context: AppContext) -> [Parcel] {
        let zone = context.layout.zone
        let today = context.today
        return context.shop.parcels.values.filter { Day($0.receivedAt, in: zone) == today }.sorted { $0.id > $1.id }
    }

    func table(_ parcels: [Parcel], _ context: AppContext) -> Table {
        Table(columns: [Table.Column("Time", width: .fixed(6)), Table.Column("Key", width: .fixed(6)),
                        Table.Column("Slot", width: .fixed(6)), Table.Column("Name"),
                        Table.Column("Carrier", width: .fixed(9)), Table.Column("Tracking", width: .fixed(20))],
              rows: parcels.map {
                  Table.Row([LocalTime.minute($0.receivedAt, in: context.layout.zone), $0.key, $0.slot.value,
                             $0.recipientName, $0.carrier, $0.tracking.value])
              },
              emptyMessage: "Nothing received today yet.")
    }

    mutating func handle(_ key: Key, _ context: AppContext) {
        _ = selection.handle(key, in: table(receivedToday(context), context))
    }

    func draw(into screen: inout Screen, at rect: Rect, _ context: AppContext) {
        let parcels = receivedToday(context)
        screen.put("Received today: \(parcels.count)", row: rect.row, column: rect.column, style: Style(.accent, bold: true))
        var top = rect.row + 1
        if let last = parcels.first, rect.height >= BigText.height + 6 {
            BigText("\(last.key) \(last.slot)").draw(into: &screen, at: Rect(row: top + 1, column: rect.column + 2, width: rect.width - 2, height: BigText.height))
            top += BigText.height + 2
        }
        selection.applied(to: table(parcels, context)).draw(into: &screen, at: Rect(row: top, column: rect.column, width: rect.width, height: rect.row + rect.height - top))
    }
}

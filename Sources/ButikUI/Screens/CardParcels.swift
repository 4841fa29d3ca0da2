import ButikDomain
import ButikGrid
import ButikText

/// A customer's parcels in the shop as the cards (the Counter's, F6's) list them: tracking
/// number, slot, carrier, arrival and deadline.
enum CardParcels {
    /// Draws `parcels` (at least one) in `rect`, a header and a row each; when not all fit, the
    /// last row says how many more there are.
    static func draw(_ parcels: [Parcel], into screen: inout Screen, at rect: Rect, _ context: AppContext) {
        let words = context.words
        let columns = [Table.Column(words.text("column.tracking"), width: .fixed(20)), Table.Column(words.text("column.slot"), width: .fixed(6)),
                       Table.Column(words.text("column.carrier"), width: .fixed(9)), Table.Column(words.text("column.arrived"), width: .fixed(7)),
                       Table.Column(words.text("column.due"))]
        // The deadline's date follows the days left where the column has room for it.
        let dueWidth = Table.widths(of: columns, total: rect.width).last ?? 0
        let table = Table(
            columns: columns,
            rows: parcels.map { parcel in
                var due = parcel.status == .waiting ? context.dueText(parcel.deadline) : words.text("counter.forReturn")
                if due.count + 8 <= dueWidth { due += " (\(words.dayAndMonth(parcel.deadline)))" }
                let arrived = context.dayAndMonth(parcel.receivedAt)
                return Table.Row([parcel.tracking.value, parcel.slot.value, parcel.carrier.value, arrived, due],
                                 style: parcel.status == .waiting ? .plain : Style(.muted))
            })
        var height = rect.height
        // Header plus rows: when they do not all fit, the last row says how many more there are.
        if parcels.count + 1 > height, height >= 2 {
            height -= 1
            screen.put(words.text("counter.card.more", ["n": .count(parcels.count - (height - 1))]),
                       row: rect.row + height, column: rect.column, style: Style(.muted), maxWidth: rect.width)
        }
        table.draw(into: &screen, at: Rect(row: rect.row, column: rect.column, width: rect.width, height: height))
    }
}

import ButikDomain

/// F4: the shelves as a map of slots, like the cabinet doors in the shop: each slot with how
/// full it is and the keys in it; the floor and outbound areas below; the selected slot's
/// parcels at the bottom.
public struct ShelvesScreen: Sendable {
    /// The selected slot as (shelf index, slot index); the row after the last shelf is the areas.
    public var shelf = 0
    public var slot = 0

    public init() {}

    public static let help = [HelpEntry(label: "←→↑↓", description: "choose slot")]

    /// The slots of each shelf, then the floor and outbound areas as a last row.
    static func rows(_ layout: ShopLayout) -> [[SlotID]] {
        let slots = layout.slots
        return layout.shelves.map { shelf in slots.filter { $0.shelf == shelf.id }.map(\.id) } + [[layout.overflowID, layout.outboundID]]
    }

    mutating func handle(_ key: Key, _ context: AppContext) {
        let rows = ShelvesScreen.rows(context.layout)
        switch key {
        case .up: shelf = max(0, shelf - 1)
        case .down: shelf = min(rows.count - 1, shelf + 1)
        case .left: slot = max(0, slot - 1)
        case .right: slot += 1
        case .home: slot = 0
        case .end: slot = Int.max
        default: return
        }
        slot = min(slot, rows[shelf].count - 1)
    }

    /// The slot the selection points at.
    func selected(_ layout: ShopLayout) -> SlotID {
        let rows = ShelvesScreen.rows(layout)
        let row = rows[min(shelf, rows.count - 1)]
        return row[min(slot, row.count - 1)]
    }

    func draw(into screen: inout Screen, at rect: Rect, _ context: AppContext) {
        let layout = context.layout
        var bySlot: [SlotID: [Parcel]] = [:]
        for parcel in context.shop.parcelsInShop { bySlot[parcel.slot, default: []].append(parcel) }
        let capacity = Dictionary(uniqueKeysWithValues: layout.slots.map { ($0.id, context.shop.capacity(of: $0)) })
        let rows = ShelvesScreen.rows(layout)
        let perRow = rows.map(\.count).max() ?? 1
        let cellWidth = max(8, min(16, (rect.width - 1) / perRow))
        let selectedID = selected(layout)
        let mapHeight = min(rows.count * 2, max(2, rect.height - 4))
        // When not every shelf fits, the map scrolls so the selected one shows in full.
        let firstRow = max(0, min(shelf, rows.count - 1) - max(1, mapHeight / 2) + 1)
        for (r, ids) in rows.enumerated() where r >= firstRow && (r - firstRow) * 2 < mapHeight {
            let top = rect.row + (r - firstRow) * 2
            for (c, id) in ids.enumerated() {
                let parcels = bySlot[id] ?? []
                let column = rect.column + c * cellWidth
                let isArea = capacity[id] == nil
                let fill = capacity[id].map { Double(parcels.count) / Double($0) } ?? 0
                var style: Style = fill >= 1 ? Style(.danger) : fill >= 0.75 ? Style(.warning) : isArea ? Style(.muted) : Style(.ok)
                if id == selectedID { style = Style(.selection, reverse: true) }
                let count = capacity[id].map { "\(parcels.count)/\($0)" } ?? "\(parcels.count)"
                screen.put("\(id) \(count)", row: top, column: column, style: style, maxWidth: cellWidth - 1)
                var keys: [String] = []
                for parcel in parcels where !keys.contains(parcel.key) { keys.append(parcel.key) }
                screen.put(keys.joined(separator: " ").truncated(toWidth: cellWidth - 1), row: top + 1, column: column,
                           style: id == selectedID ? Style(.selection, bold: true) : .plain, maxWidth: cellWidth - 1)
            }
        }
        let listTop = rect.row + mapHeight
        guard listTop < rect.row + rect.height - 1 else { return }
        screen.horizontalLine(row: listTop, column: rect.column, width: rect.width, style: Style(.muted))
        let parcels = bySlot[selectedID] ?? []
        let table = Table(
            columns: [Table.Column("Key", width: .fixed(6)), Table.Column("Name"), Table.Column("Tracking", width: .fixed(20)),
                      Table.Column("Due", width: .fixed(12))],
            rows: parcels.map { Table.Row([$0.key, $0.recipientName, $0.tracking.value, context.dueText($0.deadline)]) },
            emptyMessage: "\(selectedID) is empty.")
        table.draw(into: &screen, at: Rect(row: listTop + 1, column: rect.column, width: rect.width, height: rect.row + rect.height - listTop - 1))
    }

    /// A move or capacity change of this screen is on disk.
    mutating func performed(_ outcome: AppOutcome, _ context: AppContext) {}
}

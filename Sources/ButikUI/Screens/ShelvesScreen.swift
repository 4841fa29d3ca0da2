import ButikDomain
import ButikGrid
import ButikText

/// F4: the shelves as a map of slots, like the cabinet doors in the shop: each slot with how
/// full it is and the keys in it; the floor and outbound areas below; the selected slot's
/// parcels at the bottom. A scan (or `m`) moves parcels, `c` changes a slot's capacity, `/`
/// finds the slots of a customer or parcel.
public struct ShelvesScreen: WritingScreen {
    /// Where the arrows go: the map, or the selected slot's parcel list.
    public enum Focus: Equatable, Sendable { case map, list }

    /// The selected slot as (shelf index, slot index); the row after the last shelf is the areas.
    public var shelf = 0
    public var slot = 0
    public var focus = Focus.map
    /// The parcel chosen in the slot list.
    public var list = ListSelection()
    /// The move or capacity prompt, when open.
    public var prompt: ShelvesPrompt?
    /// The find field: Enter keeps what it found, Esc clears it.
    var find = TextPrompt<Action>(Phrase("keys.shelves.findWhat"), placeholder: Phrase("shelves.find.placeholder"),
                                  enter: .init(Phrase("keys.shelves.keepFound"), .keepFound), escape: .init(Phrase("keys.counter.clear"), .clearFind),
                                  scan: Phrase("keys.shelves.move"))
    /// Whether the find field has the focus.
    public var finding = false
    /// The slots holding a parcel matching the find text, in map order.
    public internal(set) var found: [SlotID] = []
    /// How the last move, capacity change or scan went.
    public internal(set) var notice: Notice?
    var moves = MoveReport()

    public init() {}

    /// The slots of each shelf, then the floor and outbound areas as a last row.
    static func rows(_ layout: ShopLayout) -> [[SlotID]] {
        let slots = layout.slots
        return layout.shelves.map { shelf in slots.filter { $0.shelf == shelf.id }.map(\.id) } + [[layout.overflowID, layout.outboundID]]
    }

    /// ←→↑↓, Home and End on the map.
    mutating func moveSelection(_ key: Key, _ context: AppContext) {
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
        list = ListSelection()
    }

    /// Selects the slot `id`, if it is on the map.
    mutating func select(_ id: SlotID, _ context: AppContext) {
        for (r, ids) in ShelvesScreen.rows(context.layout).enumerated() {
            if let c = ids.firstIndex(of: id) {
                if (shelf, slot) != (r, c) { list = ListSelection() }
                (shelf, slot) = (r, c)
                return
            }
        }
    }

    /// The parcels in slot `id`, as the slot list shows them.
    func parcels(in id: SlotID, _ context: AppContext) -> [Parcel] {
        context.shop.parcelsInShop.filter { $0.slot == id }
    }

    /// The selected slot's parcels.
    func table(_ context: AppContext) -> Table {
        let id = selected(context.layout)
        let words = context.words
        let table = Table(
            columns: [Table.Column(words.text("column.key"), width: .fixed(6)), Table.Column(words.text("column.name")),
                      Table.Column(words.text("column.tracking"), width: .fixed(20)), Table.Column(words.text("column.due"), width: .fixed(12)),
                      // A wide window also shows the arrival, the carrier and the customer's phones and note.
                      Table.Column(words.text("column.arrived"), width: .fixed(7), shownFrom: 120),
                      Table.Column(words.text("column.carrier"), width: .fixed(12), shownFrom: 120),
                      Table.Column(words.text("column.phone"), width: .fixed(24), shownFrom: 150),
                      Table.Column(words.text("column.note"), shownFrom: 170)],
            rows: parcels(in: id, context).map { parcel in
                let customer = context.shop.customers[parcel.customer]
                return Table.Row([parcel.key.value, parcel.recipientName, parcel.tracking.value, context.dueText(parcel.deadline),
                                  context.dayAndMonth(parcel.receivedAt), parcel.carrier.value, customer?.phones.joined(separator: ", ") ?? "", customer?.note ?? ""])
            },
            emptyMessage: words.text("shelves.empty", ["slot": .text(id.value)]))
        return focus == .list ? list.applied(to: table) : table
    }

    /// A mark of how full a slot is, `width` cells at most: one cell per place when they fit
    /// (`▮▮▮▯▯▯`), else a bar scaled to the width; a single cell is a rising block (`▁`…`█`).
    /// Only a full slot shows all filled; only an empty one shows none.
    static func fillMark(load: Int, capacity: Int, width: Int) -> String {
        guard width > 0, capacity > 0 else { return "" }
        let levels = Array(" ▁▂▃▄▅▆▇█")
        if width == 1 {
            let level = load <= 0 ? 0 : load >= capacity ? 8 : min(7, max(1, (load * 8 + capacity - 1) / capacity))
            return String(levels[level])
        }
        let cells = min(width, capacity, 6)
        let filled = load <= 0 ? 0 : load >= capacity ? cells : min(cells - 1, max(1, (load * cells + capacity - 1) / capacity))
        return String(repeating: "▮", count: filled) + String(repeating: "▯", count: cells - filled)
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
        let highlighted = Set(found)
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
                if highlighted.contains(id) { style = Style(.accent, bold: true, reverse: true) }
                if id == selectedID { style = Style(.selection, reverse: true) }
                var text = "\(id.value) " + (capacity[id].map { "\(parcels.count)/\($0)" } ?? "\(parcels.count)")
                if let capacity = capacity[id] {
                    let mark = ShelvesScreen.fillMark(load: parcels.count, capacity: capacity, width: cellWidth - 2 - text.displayWidth)
                    if !mark.isEmpty { text += " " + mark }
                }
                screen.put(text, row: top, column: column, style: style, maxWidth: cellWidth - 1)
                var keys: [String] = []
                for parcel in parcels where !keys.contains(parcel.key.value) { keys.append(parcel.key.value) }
                screen.put(keys.joined(separator: " ").truncated(toWidth: cellWidth - 1), row: top + 1, column: column,
                           style: id == selectedID ? Style(.selection, bold: true) : .plain, maxWidth: cellWidth - 1)
            }
        }
        let listTop = rect.row + mapHeight
        guard listTop < rect.row + rect.height - 1 else { return }
        let listRow = listTop + drawStatusRow(into: &screen, row: listTop, rect: rect, context.words)
        table(context).draw(into: &screen, at: Rect(row: listRow, column: rect.column, width: rect.width, height: rect.row + rect.height - listRow))
        if let prompt { prompt.modal(context).draw(into: &screen, at: rect) }
    }

    /// The row between the map and the list: the find field while it is in use, else the last
    /// notice (on the rows it needs, the list keeping its header and a row), else the find text
    /// and what it highlights, else a line. Returns the rows drawn.
    private func drawStatusRow(into screen: inout Screen, row: Int, rect: Rect, _ words: Words) -> Int {
        if finding || (notice == nil && !find.text.isEmpty) {
            let label = words.text("counter.find")
            screen.put(label, row: row, column: rect.column, style: Style(.accent, bold: true))
            let count = find.text.isEmpty ? "" : found.isEmpty ? words.text("shelves.found.none") : words.text("shelves.found", ["n": .count(found.count)])
            let fieldWidth = max(1, min(30, rect.width - label.count - 1 - count.count - 2))
            find.shown(words).draw(into: &screen, at: Rect(row: row, column: rect.column + label.count + 1, width: fieldWidth, height: 1), focused: finding)
            screen.put(count, row: row, column: rect.column + label.count + fieldWidth + 3, style: Style(.muted),
                       maxWidth: max(0, rect.width - label.count - fieldWidth - 3))
        } else if let notice {
            return notice.draw(into: &screen, at: Rect(row: row, column: rect.column, width: rect.width, height: max(1, rect.row + rect.height - row - 2)),
                               words)
        } else {
            screen.horizontalLine(row: row, column: rect.column, width: rect.width, style: Style(.muted))
        }
        return 1
    }
}

import ButikDomain
import ButikGrid
import ButikText

/// The pickup queue at the top of the queue screen: who is at the counter or announced, where
/// their parcels are, and who is fetching them.
extension QueueScreen {
    func pickupTable(_ context: AppContext) -> Table {
        let shop = context.shop
        let words = context.words
        let rows = shop.openQueue.map { entry -> Table.Row in
            let customer = shop.customers[entry.customer]
            let slots = shop.fetchList(for: entry.customer, context.layout).slots.map(\.value)
            let when = entry.announcedFor.map { words.text("queue.at", ["time": .text(context.time($0))]) } ?? words.text("queue.here")
            let status = switch entry.status {
            case .fetching: words.text("queue.fetchingBy", ["staff": .text(entry.fetchingBy?.value ?? "?")])
            default: words.text(entry.status.phrase)
            }
            let style: Style = switch entry.status {
            case .ready: Style(.ok, bold: true)
            case .fetching: Style(.accent)
            default: entry.announcedFor.map { $0 > context.now } == true ? Style(.muted) : .plain
            }
            let fetch = entry.status == .ready ? words.text("queue.atCounter")
                : slots.isEmpty ? words.text("counter.nothingWaiting") : slots.joined(separator: " ")
            let name = ([customer?.name ?? ""] + (entry.note.map { [$0] } ?? [])).joined(separator: " · ")
            return Table.Row([entry.id.description, customer?.key.value ?? "?", name, when, status, fetch], style: style)
        }
        return Table(columns: [Table.Column(words.text("column.number"), width: .fixed(4)), Table.Column(words.text("column.key"), width: .fixed(6)),
                               Table.Column(words.text("column.name")), Table.Column(words.text("column.when"), width: .fixed(9)),
                               Table.Column(words.text("column.status"), width: .fixed(18)),
                               Table.Column(words.text("column.slots"), width: .fixed(14))],
                     rows: rows, emptyMessage: words.text("queue.empty"))
    }

    /// The entry selected in the pickup queue.
    func selectedEntry(_ context: AppContext) -> QueueEntry? {
        let entries = context.shop.openQueue
        guard let index = pickup.applied(to: pickupTable(context)).selection, entries.indices.contains(index) else { return nil }
        return entries[index]
    }

    /// f, r: `command` for the customer of the selected queue entry.
    mutating func changeSelectedEntry(_ context: AppContext, _ command: (CustomerID) -> Command) -> [AppEffect] {
        guard let entry = selectedEntry(context) else { return nobodySelected() }
        return [.perform(.queue(command(entry.customer)))]
    }

    /// f, r or x with nobody in the queue selected.
    mutating func nobodySelected() -> [AppEffect] {
        notice = Notice(Phrase("queue.noneSelected"), tone: .error)
        return [.beep]
    }

    /// A queue entry was added or changed: say so, and select it.
    mutating func pickupPerformed(_ entry: QueueEntry, _ context: AppContext) {
        let customer = context.shop.customers[entry.customer]
        let who: [String: Phrase.Argument] = ["key": .text(customer?.key.value ?? "?"), "name": .text(customer?.name ?? "")]
        let phrase = switch entry.status {
        case .waiting: entry.announcedFor.map { Phrase("queue.announced", who.merging(["time": .text(context.time($0))]) { $1 }) }
            ?? Phrase("queue.added", who)
        case .fetching:
            Phrase("queue.fetching", who.merging(["stops": .list(context.shop.fetchList(for: entry.customer, context.layout).stops.map {
                "\($0.slot) (\($0.parcels.count))"
            })]) { $1 })
        case .ready: Phrase("queue.ready", who)
        case .done: Phrase("queue.done", who)
        case .cancelled: Phrase("queue.removed", who)
        }
        notice = Notice(phrase)
        if let index = context.shop.openQueue.firstIndex(where: { $0.id == entry.id }) {
            pickup.index = index
            focus = .pickup
        }
    }

    /// Draws the title and the pickup list from the top of `rect`; returns the rows it took.
    func drawPickup(into screen: inout Screen, at rect: Rect, _ context: AppContext) -> Int {
        let entries = context.shop.openQueue
        let ready = entries.filter { $0.status == .ready }.count
        let fetching = entries.filter { $0.status == .fetching }.count
        let title = context.words.text("queue.title", ["n": .count(entries.count), "fetching": .count(fetching), "ready": .count(ready)])
        screen.put(title, row: rect.row, column: rect.column, style: Style(focus == .pickup ? .accent : .muted, bold: true),
                   maxWidth: rect.width)
        let height = min(max(2, entries.count + 1), max(2, rect.height / 3))
        var table = pickup.applied(to: pickupTable(context))
        table.showsSelection = focus == .pickup
        table.draw(into: &screen, at: Rect(row: rect.row + 1, column: rect.column, width: rect.width, height: height))
        return height + 1
    }
}

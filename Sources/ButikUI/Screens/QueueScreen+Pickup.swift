import ButikDomain
import ButikGrid

/// The pickup queue at the top of the queue screen: who is at the counter or announced, where
/// their parcels are, and who is fetching them.
extension QueueScreen {
    func pickupTable(_ context: AppContext) -> Table {
        let shop = context.shop
        let zone = context.layout.zone
        let rows = shop.openQueue.map { entry -> Table.Row in
            let customer = shop.customers[entry.customer]
            let slots = shop.fetchList(for: entry.customer, context.layout).slots.map(\.value)
            let when = entry.announcedFor.map { "at " + LocalTime.minute($0, in: zone) } ?? "here"
            let status = switch entry.status {
            case .fetching: "fetching (\(entry.fetchingBy ?? "?"))"
            default: entry.status.rawValue
            }
            let style: Style = switch entry.status {
            case .ready: Style(.ok, bold: true)
            case .fetching: Style(.accent)
            default: entry.announcedFor.map { $0 > context.now } == true ? Style(.muted) : .plain
            }
            return Table.Row([entry.id.description, customer?.key ?? "?", customer?.name ?? "", when, status,
                              entry.status == .ready ? "at counter" : slots.isEmpty ? "nothing waiting" : slots.joined(separator: " ")],
                             style: style)
        }
        return Table(columns: [Table.Column("No", width: .fixed(4)), Table.Column("Key", width: .fixed(6)),
                               Table.Column("Name"), Table.Column("When", width: .fixed(8)),
                               Table.Column("Status", width: .fixed(18)), Table.Column("Slots", width: .fixed(14))],
                     rows: rows, emptyMessage: "Nobody in the queue. a adds a customer.")
    }

    /// The entry selected in the pickup queue.
    func selectedEntry(_ context: AppContext) -> QueueEntry? {
        let entries = context.shop.openQueue
        guard let index = pickup.applied(to: pickupTable(context)).selection, entries.indices.contains(index) else { return nil }
        return entries[index]
    }

    /// f, r, x: `command` for the customer of the selected queue entry.
    mutating func changeSelectedEntry(_ context: AppContext, _ command: (CustomerID) -> AppCommand) -> [AppEffect] {
        guard let entry = selectedEntry(context) else {
            notice = QueueNotice(text: "Nobody in the queue is selected. a adds a customer.", isProblem: true)
            return [.beep]
        }
        return [.perform(command(entry.customer))]
    }

    /// A queue entry was added or changed: say so, and select it.
    mutating func pickupPerformed(_ entry: QueueEntry, _ context: AppContext) {
        let customer = context.shop.customers[entry.customer]
        let who = "\(customer?.key ?? "?") (\(customer?.name ?? ""))"
        let text = switch entry.status {
        case .waiting: entry.announcedFor.map { "\(who) is announced for \(LocalTime.minute($0, in: context.layout.zone))." }
            ?? "\(who) is in the queue."
        case .fetching: "You are fetching \(who)'s parcels: "
            + context.shop.fetchList(for: entry.customer, context.layout).stops.map { "\($0.slot) (\($0.parcels.count))" }.joined(separator: ", ") + "."
        case .ready: "\(who)'s parcels are ready at the counter. Enter hands them out."
        case .done: "\(who) is done."
        case .cancelled: "\(who) is out of the queue."
        }
        notice = QueueNotice(text: text, isProblem: false)
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
        let title = "Pickup queue: \(entries.count) · \(fetching) fetching · \(ready) ready"
        screen.put(title, row: rect.row, column: rect.column, style: Style(focus == .pickup ? .accent : .muted, bold: true),
                   maxWidth: rect.width)
        let height = min(max(2, entries.count + 1), max(2, rect.height / 3))
        var table = pickup.applied(to: pickupTable(context))
        table.showsSelection = focus == .pickup
        table.draw(into: &screen, at: Rect(row: rect.row + 1, column: rect.column, width: rect.width, height: height))
        return height + 1
    }
}

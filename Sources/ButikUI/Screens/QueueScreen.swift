import ButikDomain
import ButikGrid
import ButikText

/// F5: the pickup queue at the top (customers at the counter or announced, whose parcels a
/// colleague fetches), then every parcel awaiting pickup, the earliest deadline first,
/// overdue and due-today marked, and the parcels in the outbound area for the driver.
public struct QueueScreen: WritingScreen {
    /// Which list the arrow keys move in; Tab switches.
    public enum Focus: Sendable {
        case pickup, parcels
    }

    public var focus = Focus.pickup
    /// The selected entry of the pickup queue.
    public var pickup = ListSelection()
    /// The selected parcel of the list below.
    public var selection = ListSelection()
    /// A dialog open over the screen.
    public var prompt: QueuePrompt?
    /// What the last action came to, shown between the lists.
    public internal(set) var notice: Notice?
    /// Only this carrier's parcels (an id of the layout), or every carrier's.
    public var carrierFilter: CarrierID?
    /// Which parcels the lower list shows.
    public var stateFilter = ParcelFilter.all
    /// The driver's handover while parcels leaving are scanned.
    public var handover: HandoverCount?

    public init() {}

    func parcels(_ context: AppContext) -> [Parcel] {
        let inShop = context.shop.parcelsInShop
        let waiting = inShop.filter { $0.status == .waiting }.sorted { ($0.deadline, $0.id) < ($1.deadline, $1.id) }
        return (waiting + inShop.filter { $0.status != .waiting }).filter { shows($0, context) }
    }

    func table(_ context: AppContext) -> Table {
        let today = context.today
        let words = context.words
        let rows = parcels(context).map { parcel -> Table.Row in
            let state = parcel.status == .waiting ? context.dueText(parcel.deadline)
                : handover?.scanned.contains(parcel.tracking) == true ? words.text("queue.handover.scanned") : words.text("queue.forDriver")
            let style: Style = parcel.status != .waiting ? Style(.muted)
                : parcel.deadline < today ? Style(.danger, bold: true)
                : parcel.deadline == today ? Style(.warning) : .plain
            let customer = context.shop.customers[parcel.customer]
            return Table.Row([state, parcel.key.value, parcel.recipientName, parcel.slot.value, parcel.carrier.value, parcel.tracking.value,
                              customer?.phones.joined(separator: ", ") ?? "", context.dayAndMonth(parcel.receivedAt), customer?.note ?? ""], style: style)
        }
        // A wide window also shows the customer's phones, the arrival and the customer's note.
        return Table(columns: [Table.Column(words.text("column.due"), width: .fixed(16)), Table.Column(words.text("column.key"), width: .fixed(6)),
                               Table.Column(words.text("column.name")), Table.Column(words.text("column.slot"), width: .fixed(6)),
                               Table.Column(words.text("column.carrier"), width: .fixed(9), shownFrom: 72),
                               Table.Column(words.text("column.tracking"), width: .fixed(20)),
                               Table.Column(words.text("column.phone"), width: .fixed(24), shownFrom: 140),
                               Table.Column(words.text("column.arrived"), width: .fixed(7), shownFrom: 140),
                               Table.Column(words.text("column.note"), shownFrom: 160)],
                     rows: rows, emptyMessage: isFiltered ? words.text("queue.parcels.noMatch") : words.text("queue.parcels.none"))
    }

    /// The parcel selected in the lower list.
    func selectedParcel(_ context: AppContext) -> Parcel? {
        let parcels = parcels(context)
        guard let index = selection.applied(to: table(context)).selection, parcels.indices.contains(index) else { return nil }
        return parcels[index]
    }

    /// Enter: the customer of the selected entry, or of the selected parcel in the lower list.
    func customerForHandOut(_ context: AppContext) -> CustomerID? {
        switch focus {
        case .pickup: selectedEntry(context)?.customer
        case .parcels: selectedParcel(context).flatMap { $0.status.isCollectable ? $0.customer : nil }
        }
    }

    /// A change of this screen is on disk.
    mutating func performed(_ outcome: Outcome, _ context: AppContext) {
        switch outcome {
        case .queueChanged(let entry): pickupPerformed(entry, context)
        default: parcelsPerformed(outcome, context)
        }
    }

    /// The store refused a change of this screen.
    mutating func refused(_ command: Command, _ reason: Phrase, _ context: AppContext) {
        notice = Notice(reason, tone: .error)
    }

    func draw(into screen: inout Screen, at rect: Rect, _ context: AppContext) {
        guard rect.height >= 8 else { return }
        let words = context.words
        let pickupHeight = drawPickup(into: &screen, at: rect, context)
        var row = rect.row + pickupHeight
        // What is said takes the rows it needs; the list keeps its header and two rows.
        func room() -> Rect { Rect(row: row, column: rect.column, width: rect.width, height: max(1, rect.row + rect.height - row - 4)) }
        if let handover {
            row += screen.putWrapped(handover.line(context), in: room(), style: Style(.accent, bold: true, reverse: true))
        } else if let notice {
            row += notice.draw(into: &screen, at: room(), words)
        } else {
            row += 1
        }
        let waiting = context.shop.parcelsInShop.filter { $0.status == .waiting }
        let overdue = waiting.filter { $0.deadline < context.today }.count
        // The count a driver's handover starts from (the open one's carrier): returning parcels and drop-offs.
        let forDriver = (handover?.tally(context) ?? context.shop.handoverTally(scanned: [], carrierID: nil)).expected.count
        let summary = words.text("queue.summary", ["waiting": .count(waiting.count), "dueToday": .count(context.dueToday),
                                                   "overdue": .count(overdue), "forDriver": .count(forDriver)]) + filterSummary(context)
        if handover != nil, let notice {
            // A scan the handover refused is said under its count.
            row += notice.draw(into: &screen, at: room(), style: Notice.style(.error), words)
        } else {
            row += screen.putWrapped(summary, in: room(), style: Style(focus == .parcels ? .accent : .muted, bold: true))
        }
        var table = selection.applied(to: table(context))
        table.showsSelection = focus == .parcels
        table.draw(into: &screen, at: Rect(row: row, column: rect.column, width: rect.width, height: rect.row + rect.height - row))
        if let prompt { prompt.modal(context).draw(into: &screen, at: rect) }
    }
}

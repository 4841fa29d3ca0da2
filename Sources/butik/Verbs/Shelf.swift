import ButikDomain
import ButikText

extension Verb {
    static let shelf = Verb(
        name: "shelf",
        summary: Phrase("cli.shelf.summary"),
        usage: ["\(may: json)"],
        details: Phrase("cli.shelf.details"),
        run: runShelf)

    private static let json = Flag.json(Phrase("cli.shelf.json"))


    private static func runShelf(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        let store = try session.openStore()
        let layout = store.layout
        var bySlot: [SlotID: [Parcel]] = [:]
        for parcel in store.state.parcelsInShop { bySlot[parcel.slot, default: []].append(parcel) }
        var views = layout.slots.map { slot in
            SlotView(slot: slot.id.value, kind: slot.size.rawValue, capacity: store.state.capacity(of: slot), parcels: bySlot[slot.id] ?? [])
        }
        views.append(SlotView(slot: layout.overflow.id, kind: "overflow", capacity: nil, parcels: bySlot[layout.overflowID] ?? []))
        views.append(SlotView(slot: layout.outbound.id, kind: "outbound", capacity: nil, parcels: bySlot[layout.outboundID] ?? []))
        if args.has(json) {
            try Output.json(views)
            return 0
        }
        let total = views.reduce(0) { $0 + $1.count }
        Output.line(session.words.text("cli.shelf.title", ["shop": .text(layout.name), "n": .count(total)]))

        Output.table(views.map { view in
            let fill = view.capacity.map { "\(view.count)/\($0)" } ?? "\(view.count)"
            let mark = view.capacity.map { bar(view.count, $0) } ?? ""
            return [view.slot, fill, mark, view.keys.joined(separator: " ")]
        })
        return 0
    }

    /// A fill mark like `███░░░` for `count` of `capacity`.
    private static func bar(_ count: Int, _ capacity: Int) -> String {
        let filled = min(capacity, count)
        return String(repeating: "█", count: filled) + String(repeating: "░", count: capacity - filled)
    }
}

private struct SlotView: Encodable {
    let slot: String
    let kind: String
    let capacity: Int?
    let count: Int
    let keys: [String]
    let tracking: [String]

    init(slot: String, kind: String, capacity: Int?, parcels: [Parcel]) {
        self.slot = slot
        self.kind = kind
        self.capacity = capacity
        count = parcels.count
        var seen: [String] = []
        for parcel in parcels where !seen.contains(parcel.key.value) { seen.append(parcel.key.value) }
        keys = seen
        tracking = parcels.map(\.tracking.value)
    }
}

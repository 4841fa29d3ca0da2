import ButikDomain
import ButikGrid
import ButikText

/// Moving parcels and changing capacities on the shelves screen: the prompts, the scans that
/// fill a move batch, and what the store answered.
extension ShelvesScreen {
    /// A valid scan on this screen: the parcel's slot is selected and the move prompt opens, or
    /// the parcel joins the batch of the open one.
    mutating func scan(_ tracking: ParsedTracking, _ context: AppContext) -> [AppEffect] {
        guard let parcel = context.shop.latestParcel(tracking.number) else {
            notice = Notice(Phrase("scan.unknown", ["tracking": .text(tracking.number.value)]), tone: .warning)
            return [.beep]
        }
        guard parcel.status == .waiting else {
            notice = Notice(Phrase("shelves.cannotMove", ["tracking": .text(parcel.tracking.value),
                                                          "status": .phrase(parcel.status.kind.phrase)]), tone: .warning)
            return [.beep]
        }
        finding = false
        var batch = prompt?.batch ?? []
        guard !batch.contains(parcel.id) else {
            notice = Notice(Phrase("shelves.alreadyInMove", ["tracking": .text(parcel.tracking.value)]), tone: .info)
            return []
        }
        // A slot already typed in an open move prompt stays.
        let typed = batch.isEmpty ? "" : prompt?.text ?? ""
        batch.append(parcel.id)
        if batch.count == 1 { select(parcel, context) }
        notice = nil
        prompt = .move(batch, text: typed)
        return []
    }

    /// `m`: the parcel chosen in the slot list, or every waiting parcel of the selected slot.
    mutating func openMove(_ context: AppContext) -> [AppEffect] {
        let parcels = parcels(in: selected(context.layout), context).filter { $0.status == .waiting }
        let batch = focus == .list ? Array(parcels.dropFirst(list.index).prefix(1)) : parcels
        guard !batch.isEmpty else {
            notice = Notice(Phrase("shelves.nothingToMove", ["slot": .text(selected(context.layout).value)]), tone: .warning)
            return [.beep]
        }
        notice = nil
        prompt = .move(batch.map(\.id))
        return []
    }

    /// `c`: the selected slot's capacity.
    mutating func openCapacity(_ context: AppContext) -> [AppEffect] {
        let id = selected(context.layout)
        guard let slot = context.layout.slots.first(where: { $0.id == id }) else {
            notice = Notice(Phrase("shelves.noCapacity", ["slot": .text(id.value)]), tone: .warning)
            return [.beep]
        }
        notice = nil
        prompt = .capacity(id, text: "\(context.shop.capacity(of: slot))")
        return []
    }

    /// Enter in the open prompt: moves the batch, or sets the capacity.
    mutating func submitPrompt(_ context: AppContext) -> [AppEffect] {
        guard let open = prompt else { return [] }
        return submit(open, open.input.answer, context)
    }

    private mutating func submit(_ open: ShelvesPrompt, _ text: String, _ context: AppContext) -> [AppEffect] {
        switch open.purpose {
        case .move(let batch):
            let target = SlotID(text)
            guard !text.isEmpty, context.layout.contains(target), target != context.layout.outboundID else {
                notice = Notice(text.isEmpty ? Phrase("shelves.typeSlot") : DomainError.unknownSlot(target.value).phrase,
                                       tone: .warning)
                prompt = .move(batch, text: text)
                return [.beep]
            }
            prompt = nil
            notice = nil
            moves = MoveReport(target: target)
            select(target, context)
            return batch.map { .perform(.shelves(.move($0, to: target))) }
        case .capacity(let slot):
            guard let capacity = Int(text) else {
                notice = Notice(Phrase("shelves.typeCapacity", ["slot": .text(slot.value)]), tone: .warning)
                prompt = .capacity(slot, text: text)
                return [.beep]
            }
            prompt = nil
            notice = nil
            return [.perform(.shelves(.setCapacity(slot, capacity)))]
        }
    }

    /// A move or capacity change of this screen is on disk.
    mutating func performed(_ outcome: Outcome, _ context: AppContext) {
        switch outcome {
        case .moved(let parcel):
            moves.moved.append(parcel)
            notice = Notice(moves.summary, tone: .info)
        case .capacitySet(let slot, let capacity):
            notice = Notice(Phrase("shelves.capacitySet", ["slot": .text(slot.value), "n": .count(capacity)]), tone: .info)
        }
        refreshFound(context)
    }

    /// The store refused a move or capacity change: the message shows and the prompt opens
    /// again with what was refused, to choose another slot or number.
    mutating func refused(_ command: Command, _ reason: Phrase, _ context: AppContext) {
        switch command {
        case .move(let id, let target):
            notice = moves.moved.isEmpty ? Notice(reason, tone: .warning) : Notice(moves.summary, reason, tone: .warning)
            let batch = (prompt?.batch ?? []) + [id]
            prompt = .move(batch, text: target.value)
        case .setCapacity(let slot, let capacity):
            notice = Notice(reason, tone: .warning)
            prompt = .capacity(slot, text: "\(capacity)")
        }
    }

    /// Selects the slot holding `parcel`, and the parcel in the slot list.
    mutating func select(_ parcel: Parcel, _ context: AppContext) {
        select(parcel.slot, context)
        list.index = parcels(in: parcel.slot, context).firstIndex { $0.id == parcel.id } ?? 0
    }
}

/// The moves of one Enter in the move prompt, for the line under the map.
struct MoveReport: Sendable {
    var target: SlotID?
    var moved: [Parcel] = []

    var summary: Phrase {
        let slot = Phrase.Argument.text(target?.value ?? "")
        if moved.count == 1 {
            return Phrase("shelves.moved.one", ["tracking": .text(moved[0].tracking.value), "key": .text(moved[0].key.value), "slot": slot])
        }
        return Phrase("shelves.moved", ["n": .count(moved.count), "slot": slot, "keys": .list(moved.map(\.key.value))])
    }
}

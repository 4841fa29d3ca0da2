extension ShopState {
    /// Decides to move a parcel in the shop to another slot or area (never over a slot's capacity).
    public func move(_ id: ParcelID, to target: SlotID, _ context: Context) throws(DomainError) -> Decision<Parcel> {
        var parcel = try existing(id)
        guard parcel.status == .waiting else { throw .notWaiting(tracking: parcel.tracking, state: parcel.status.phrase) }
        guard context.layout.contains(target), target != context.layout.outboundID else { throw .unknownSlot(target.value) }
        guard parcel.slot != target else { throw .alreadyInSlot(tracking: parcel.tracking, slot: target) }
        if let slot = context.layout.slots.first(where: { $0.id == target }), freeRoom(in: slot) <= 0 {
            throw .slotFull(slot: target, capacity: capacity(of: slot))
        }
        parcel.slot = target
        return Decision(events: [.parcelMoved(parcel: id, to: target)], outcome: parcel)
    }

    /// Decides to give a waiting parcel `days` more days (the customer asked).
    public func extendDeadline(_ id: ParcelID, to day: Day, _ context: Context) throws(DomainError) -> Decision<Parcel> {
        var parcel = try existing(id)
        guard parcel.status == .waiting else { throw .notWaiting(tracking: parcel.tracking, state: parcel.status.phrase) }
        guard day > parcel.deadline, day >= context.today else {
            throw .extensionNotLater(tracking: parcel.tracking, deadline: max(parcel.deadline, context.today.adding(days: -1)))
        }
        parcel.deadline = day
        return Decision(events: [.deadlineExtended(parcel: id, to: day)], outcome: parcel)
    }

    /// Decides to send a waiting parcel back to the sender: it moves to the outbound area.
    public func returnToSender(_ id: ParcelID, _ context: Context) throws(DomainError) -> Decision<Parcel> {
        var parcel = try existing(id)
        guard parcel.status == .waiting else { throw .notWaiting(tracking: parcel.tracking, state: parcel.status.phrase) }
        parcel.slot = context.layout.outboundID
        parcel.status = .returning(since: context.now)
        return Decision(events: [.parcelReturning(parcel: id, to: context.layout.outboundID)], outcome: parcel)
    }

    /// Decides that the driver took these parcels from the outbound area.
    public func collectByDriver(_ ids: [ParcelID], _ context: Context) throws(DomainError) -> Decision<[Parcel]> {
        guard !ids.isEmpty else { throw .nothingGiven }
        var taken: [Parcel] = []
        for id in ids where !taken.contains(where: { $0.id == id }) {
            var parcel = try existing(id)
            guard case .returning = parcel.status else { throw .notReturning(tracking: parcel.tracking) }
            parcel.status = .collected(at: context.now)
            taken.append(parcel)
        }
        return Decision(events: [.parcelsCollectedByDriver(parcels: taken.map(\.id))], outcome: taken)
    }
}

extension ParcelStatus {
    /// A few words for messages: "waiting", "handed out", ...
    public var phrase: String {
        switch self {
        case .waiting: "waiting for pickup"
        case .handedOut: "handed out"
        case .returning: "in the outbound area for return"
        case .collected: "collected by the driver"
        }
    }
}

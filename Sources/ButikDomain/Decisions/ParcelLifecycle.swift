/// How a waiting parcel's deadline is to move when the customer asks for more time.
public enum DeadlineExtension: Equatable, Sendable {
    /// This day becomes the deadline.
    case to(Day)
    /// This many days more: after the deadline, or after today when the deadline has passed.
    case days(Int)
}

extension ShopState {
    /// Decides to move a parcel in the shop to another slot or area (never over a slot's capacity).
    public func move(_ id: ParcelID, to target: SlotID, _ context: Context) throws(DomainError) -> Decision<Parcel> {
        var parcel = try existing(id)
        guard parcel.status == .waiting else { throw .notWaiting(tracking: parcel.tracking, status: parcel.status.kind) }
        try checkShelved(target, context)
        guard parcel.slot != target else { throw .alreadyInSlot(tracking: parcel.tracking, slot: target) }
        try checkRoom(for: parcel, in: target, context)
        parcel.slot = target
        return Decision(events: [.parcelMoved(parcel: id, to: target)], outcome: parcel)
    }

    /// Decides to take a parcel returning to its sender, and not yet collected by the driver,
    /// back from the outbound area to `target`, a slot or area where a move could put it (see
    /// ``move(_:to:_:)``): it waits for its customer again, until the deadline it had. The one
    /// rule for every caller: the queue's returns view and `butik return undo`.
    public func cancelReturn(_ id: ParcelID, to target: SlotID, _ context: Context) throws(DomainError) -> Decision<Parcel> {
        var parcel = try existing(id)
        guard case .returning = parcel.status else { throw .notReturningToShelf(tracking: parcel.tracking, status: parcel.status.kind) }
        try checkShelved(target, context)
        try checkRoom(for: parcel, in: target, context)
        parcel.slot = target
        parcel.status = .waiting
        return Decision(events: [.returnCancelled(parcel: id, to: target)], outcome: parcel)
    }

    /// Refuses a target that is not a slot or area of the layout, or is the outbound area.
    private func checkShelved(_ target: SlotID, _ context: Context) throws(DomainError) {
        guard context.layout.contains(target), target != context.layout.outboundID else { throw .unknownSlot(target.value) }
    }

    /// Refuses a shelf slot that does not take the parcel's size or has no room left (an area
    /// has no capacity).
    private func checkRoom(for parcel: Parcel, in target: SlotID, _ context: Context) throws(DomainError) {
        guard let slot = context.layout.slots.first(where: { $0.id == target }) else { return }
        // A small parcel fits a large slot; a large one does not fit a small slot.
        if parcel.size == .large, slot.size == .small { throw .tooLargeForSlot(tracking: parcel.tracking, slot: target) }
        if freeRoom(in: slot) <= 0 { throw .slotFull(slot: target, capacity: capacity(of: slot)) }
    }

    /// Decides to give a waiting parcel a later deadline (the customer asked): later than the
    /// one it has, not in the past, and at most its carrier's ``ShopLayout/Carrier/maxHoldDays``
    /// after the day it arrived (``ShopLayout/latestDeadline(of:)``). The one rule for every
    /// caller: the counter's prompt and `butik extend` only read what was typed.
    public func extendDeadline(_ id: ParcelID, _ request: DeadlineExtension, _ context: Context) throws(DomainError) -> Decision<Parcel> {
        var parcel = try existing(id)
        guard parcel.status == .waiting else { throw .notWaiting(tracking: parcel.tracking, status: parcel.status.kind) }
        let latest = context.layout.latestDeadline(of: parcel)
        let tooLong = DomainError.extensionTooLong(
            tracking: parcel.tracking, carrier: context.layout.name(of: parcel.carrier),
            maxHoldDays: context.layout.maxHoldDays(ofCarrier: parcel.carrier),
            latest: latest > parcel.deadline && latest >= context.today ? latest : nil)
        let day: Day
        switch request {
        case .to(let wanted):
            day = wanted
        case .days(let more):
            let from = max(parcel.deadline, context.today)
            guard more >= 1 else { throw .extensionNotLater(tracking: parcel.tracking, deadline: from) }
            // Compared before adding: no number of days overflows.
            guard more <= latest.days(since: from) else { throw tooLong }
            day = from.adding(days: more)
        }
        guard day > parcel.deadline, day >= context.today else {
            throw .extensionNotLater(tracking: parcel.tracking, deadline: max(parcel.deadline, context.today.adding(days: -1)))
        }
        guard day <= latest else { throw tooLong }
        parcel.deadline = day
        return Decision(events: [.deadlineExtended(parcel: id, to: day)], outcome: parcel)
    }

    /// Decides to send a waiting parcel back to the sender: it moves to the outbound area.
    public func returnToSender(_ id: ParcelID, _ context: Context) throws(DomainError) -> Decision<Parcel> {
        let parcel = try existing(id)
        guard parcel.status == .waiting else { throw .notWaiting(tracking: parcel.tracking, status: parcel.status.kind) }
        let (event, returned) = returning(parcel, context)
        return Decision(events: [event], outcome: returned)
    }

    /// Decides to send several waiting parcels back at once; any that is not waiting refuses all.
    public func returnToSender(_ ids: [ParcelID], _ context: Context) throws(DomainError) -> Decision<[Parcel]> {
        guard !ids.isEmpty else { throw .nothingGiven }
        var events: [Event] = []
        var returned: [Parcel] = []
        for id in ids where !returned.contains(where: { $0.id == id }) {
            let one = try returnToSender(id, context)
            events += one.events
            returned.append(one.outcome)
        }
        return Decision(events: events, outcome: returned)
    }

    /// Decides to send back every waiting parcel whose deadline was before today
    /// (``overdue(_:)``), in slot order; no events when none is overdue.
    public func returnOverdue(_ context: Context) -> Decision<[Parcel]> {
        let decided = overdue(context.today).map { returning($0, context) }
        return Decision(events: decided.map(\.0), outcome: decided.map(\.1))
    }

    /// The event moving a parcel to the outbound area, and the parcel as it will be.
    private func returning(_ parcel: Parcel, _ context: Context) -> (Event, Parcel) {
        var parcel = parcel
        parcel.slot = context.layout.outboundID
        parcel.status = .returning(since: context.now)
        return (.parcelReturning(parcel: parcel.id, to: context.layout.outboundID), parcel)
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

import Foundation

extension ShopState {
    /// Open queue entries in the order the customers are (or will be) at the counter: by
    /// ``QueueEntry/dueAt``, an announced customer by their time, then by number.
    public var openQueue: [QueueEntry] {
        indexes.openQueueByCustomer.values.compactMap { records.queue[$0] }.sorted { ($0.dueAt, $0.id) < ($1.dueAt, $1.id) }
    }

    /// The customer's open queue entry, if they have one.
    public func openQueueEntry(for customer: CustomerID) -> QueueEntry? {
        indexes.openQueueByCustomer[customer].flatMap { records.queue[$0] }
    }

    /// Decides to put a customer in the queue: at the counter now, or announced for
    /// `announcedFor`. The customer must exist and have no open entry; a blank note is none.
    public func addToQueue(_ customer: CustomerID, announcedFor: Date?, note: String?,
                           _ context: Context) throws(DomainError) -> Decision<QueueEntry> {
        guard let known = records.customers[customer] else { throw .unknownCustomer(customer.description) }
        if let open = openQueueEntry(for: customer) { throw .alreadyQueued(key: known.key, status: open.status) }
        let text = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        let entry = QueueEntry(id: try QueueEntryID.minted(from: records.nextQueueNumber), customer: customer, announcedFor: announcedFor,
                               note: text?.isEmpty == false ? text : nil, addedAt: context.now, addedBy: context.staff)
        return Decision(events: [.queueEntryAdded(entry)], outcome: entry)
    }

    /// Decides that the acting staff member starts fetching a waiting entry's parcels.
    public func startFetching(for customer: CustomerID, _ context: Context) throws(DomainError) -> Decision<QueueEntry> {
        let entry = try openEntry(customer)
        guard entry.status == .waiting else { throw .queueStep(key: key(customer), status: entry.status, step: .fetching) }
        return decided(.queueFetchStarted(entry: entry.id), on: entry.id, context)
    }

    /// Decides that a waiting or fetching entry's parcels are at the counter.
    public func markReady(for customer: CustomerID, _ context: Context) throws(DomainError) -> Decision<QueueEntry> {
        let entry = try openEntry(customer)
        guard entry.status != .ready else { throw .queueStep(key: key(customer), status: entry.status, step: .ready) }
        return decided(.queueEntryReady(entry: entry.id), on: entry.id, context)
    }

    /// Decides to close a customer's open entry as done or cancelled.
    public func closeQueueEntry(for customer: CustomerID, as outcome: QueueEntry.Outcome,
                                _ context: Context) throws(DomainError) -> Decision<QueueEntry> {
        let entry = try openEntry(customer)
        return decided(.queueEntryClosed(entry: entry.id, as: outcome), on: entry.id, context)
    }

    /// The close events for the open entries of customers left with no waiting parcel by a
    /// hand-out of `handedOut`. (Worked out from this state: a copy with the hand-out applied
    /// would copy every parcel.)
    func queueClosures(handedOut: [Parcel]) -> [Event] {
        var customers: [CustomerID] = []
        for parcel in handedOut where !customers.contains(parcel.customer) { customers.append(parcel.customer) }
        let given = Set(handedOut.map(\.id))
        return customers.compactMap { customer in
            guard let entry = openQueueEntry(for: customer),
                  !parcelsInShop(for: customer).contains(where: { $0.status == .waiting && !given.contains($0.id) }) else { return nil }
            return .queueEntryClosed(entry: entry.id, as: .done)
        }
    }

    private func openEntry(_ customer: CustomerID) throws(DomainError) -> QueueEntry {
        guard let entry = openQueueEntry(for: customer) else { throw .notQueued(key: key(customer)) }
        return entry
    }

    private func key(_ customer: CustomerID) -> CustomerKey {
        records.customers[customer]?.key ?? CustomerKey(stored: customer.description)
    }

    /// The event as a decision whose outcome is the entry it changed, as it is afterwards.
    private func decided(_ event: Event, on entry: QueueEntryID, _ context: Context) -> Decision<QueueEntry> {
        var after = self
        after.apply(context.record(event))
        return Decision(events: [event], outcome: after.queue[entry]!)
    }
}

/// What merging two records of one person does, as decided (before it is applied).
public struct CustomerMerge: Equatable, Sendable {
    /// The record kept, as it is after the merge.
    public var kept: Customer
    /// The record merged into it, as it was.
    public var merged: Customer
    /// The merged customer's parcels in the shop, now the kept one's.
    public var parcels: [ParcelID]
    /// The proxies and phone numbers the kept record gains.
    public var proxies: [String]
    public var phones: [String]
    /// How many entries of the merged customer's log join the kept one's.
    public var logEntries: Int
    /// The merged customer's open queue entry, now the kept one's.
    public var queueEntry: QueueEntryID?
}

extension ShopState {
    /// Decides to merge `other` into `keep`, two records of one person: `other`'s parcels, log,
    /// proxies (one of each name, compared folded), phone numbers, queue entry and drop-offs
    /// go to `keep`; `keep`'s e-mail, note, channel and language stay unless it has none; it is
    /// a regular by hand or collects in person only when either was; `other`'s key (and its
    /// retired keys) become retired keys of `keep`, which they still find. Refused for one
    /// customer twice, an unknown one, and two who both wait in the queue.
    public func mergeCustomers(keep: CustomerID, other: CustomerID, _ context: Context) throws(DomainError) -> Decision<CustomerMerge> {
        guard let kept = customer(keep) else { throw .unknownCustomer(keep.description) }
        guard let merged = customer(other) else { throw .unknownCustomer(other.description) }
        guard kept.id != merged.id else { throw .mergeWithItself(key: kept.key) }
        let queued = openQueueEntry(for: merged.id)
        if queued != nil, openQueueEntry(for: kept.id) != nil { throw .mergeBothQueued(kept: kept.key, merged: merged.key) }
        let event = Event.customersMerged(kept: kept.id, merged: merged.id)
        var after = self
        after.apply(context.record(event))
        let result = after.records.customers[kept.id] ?? kept
        let outcome = CustomerMerge(
            kept: result, merged: merged, parcels: parcelsInShop(for: merged.id).map(\.id),
            proxies: result.proxies.map(\.name).filter { name in !kept.proxies.contains { $0.name == name } },
            phones: result.phones.filter { !kept.phones.contains($0) }, logEntries: log(of: merged.id).count,
            queueEntry: queued?.id)
        return Decision(events: [event], outcome: outcome)
    }

    /// Applies a merge (see ``mergeCustomers(keep:other:_:)``): the merged record goes, its id
    /// names the kept one, and everything of theirs moves, one kind of thing a line.
    mutating func merge(_ mergedID: CustomerID, into keptID: CustomerID) {
        guard mergedID != keptID, let merged = records.customers[mergedID], let kept = records.customers[keptID] else { return }
        records.customers[mergedID] = nil
        indexes.remove(merged)
        insert(kept.absorbing(merged))
        records.mergedCustomers[mergedID] = keptID
        for (id, into) in records.mergedCustomers where into == mergedID { records.mergedCustomers[id] = keptID }
        moveParcels(of: mergedID, to: keptID)
        moveLog(of: mergedID, to: keptID)
        moveQueueEntries(of: mergedID, to: keptID)
        moveDropOffs(of: mergedID, to: keptID)
    }

    /// Every parcel of theirs in live state; each keeps the key written on it, which still
    /// finds the kept customer.
    private mutating func moveParcels(of merged: CustomerID, to kept: CustomerID) {
        for id in records.parcels.values.filter({ $0.customer == merged }).map(\.id) { update(id) { $0.customer = kept } }
    }

    /// Their log joins the kept one's in time order, as long as a log is kept.
    private mutating func moveLog(of merged: CustomerID, to kept: CustomerID) {
        guard let entries = records.customerLogs.removeValue(forKey: merged) else { return }
        let joined = ((records.customerLogs[kept] ?? []) + entries).enumerated()
            .sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map { $0.element }
        records.customerLogs[kept] = Array(joined.suffix(ShopState.customerLogLimit))
    }

    private mutating func moveQueueEntries(of merged: CustomerID, to kept: CustomerID) {
        for id in records.queue.values.filter({ $0.customer == merged }).map(\.id) { update(id) { $0.customer = kept } }
    }

    private mutating func moveDropOffs(of merged: CustomerID, to kept: CustomerID) {
        for var dropOff in records.dropOffs.values where dropOff.customer == merged {
            dropOff.customer = kept
            insert(dropOff)
        }
    }
}

extension Customer {
    /// This record with `other`'s merged into it (see ``ShopState/mergeCustomers(keep:other:_:)``).
    func absorbing(_ other: Customer) -> Customer {
        var kept = self
        let names = Set(proxies.map { NameFolding.fold($0.name) })
        kept.proxies += other.proxies.filter { !names.contains(NameFolding.fold($0.name)) }
        kept.phones += other.phones.filter { !phones.contains($0) }
        kept.email = email ?? other.email
        kept.note = note ?? other.note
        kept.channel = channel ?? other.channel
        kept.language = language ?? other.language
        kept.regularByHand = regularByHand || other.regularByHand
        kept.personalOnly = personalOnly || other.personalOnly
        for key in [other.key] + other.retiredKeys where key != kept.key && !kept.retiredKeys.contains(key) { kept.retiredKeys.append(key) }
        return kept
    }
}

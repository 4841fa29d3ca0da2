import Foundation

/// Something that happened in the shop. Decisions produce events; applying them changes state.
///
/// Encoded as a JSON object with a `type` field and the case's fields beside it.
public enum Event: Equatable, Sendable {
    case customerAdded(Customer)
    case parcelReceived(Parcel)
    case parcelMoved(parcel: ParcelID, to: SlotID)
    /// `proxyName` and `proxyID` (a note of the proxy's own ID) only with `.proxy`.
    case parcelsHandedOut(parcels: [ParcelID], verification: Verification, proxyName: String?, proxyID: String?)
    case handOutUndone(parcels: [ParcelID])
    case deadlineExtended(parcel: ParcelID, to: Day)
    /// Marked to go back to the sender: moved to the outbound area `to`.
    case parcelReturning(parcel: ParcelID, to: SlotID)
    case parcelsCollectedByDriver(parcels: [ParcelID])
    /// A returning parcel taken back from the outbound area to the slot `to`: it waits for its
    /// customer again.
    case returnCancelled(parcel: ParcelID, to: SlotID)
    /// A receipt made by mistake, taken back: the parcel is removed from the shop.
    case receiptUndone(parcel: ParcelID)
    case deliveryStarted(Delivery)
    case deliveryEnded(DeliverySummary)
    /// Parcels a manifest announced (only numbers not already expected or in the shop).
    case parcelsExpected([ExpectedParcel])
    /// A slot's capacity changed from what the shop file says.
    case slotCapacityChanged(slot: SlotID, capacity: Int)
    /// A customer's prepaid return parcel, taken in for the driver.
    case droppedOff(DropOff)
    /// The driver took parcels and drop-offs from the outbound area; the count check with it.
    case driverHandover(Handover)
    /// A customer joined the pickup queue.
    case queueEntryAdded(QueueEntry)
    /// The record's staff member started fetching the entry's parcels.
    case queueFetchStarted(entry: QueueEntryID)
    /// The entry's parcels are at the counter.
    case queueEntryReady(entry: QueueEntryID)
    /// The entry left the queue, `done` or `cancelled`.
    case queueEntryClosed(entry: QueueEntryID, as: QueueEntry.Outcome)
    /// A hand-out refused at the counter, noted in the customer's log; `proxyName` when it was
    /// a proxy's (none in lines written before it was recorded).
    case handOutRefused(customer: CustomerID, parcels: [ParcelID], reason: String, proxyName: String? = nil)
    /// The customer registered somebody who may collect their parcels (a fullmakt).
    case proxyAuthorised(customer: CustomerID, proxy: Proxy)
    /// The customer's proxy of this name (as registered) may no longer collect.
    case proxyRevoked(customer: CustomerID, name: String)
    /// A customer's record changed: the whole record after the edit.
    case customerEdited(Customer)
    /// Two records of one person made one: `merged`'s parcels, log, proxies, phones and queue
    /// entry go to `kept`, its key becomes one of `kept`'s retired keys, and its id names `kept`.
    case customersMerged(kept: CustomerID, merged: CustomerID)
    /// A contact with a customer, logged.
    case contactLogged(Contact)
    /// A case opened for a customer.
    case caseOpened(Case)
    /// A change to a case (closing it is its status set to resolved).
    case caseUpdated(case: CaseID, CaseUpdate)
    /// The customer's personal data was erased on request (see ``Erasure``): their record is
    /// scrubbed, and the store rewrites the journal lines that held it.
    case customerErased(customer: CustomerID)
    /// Contacts and closed cases older than the shop's retention removed (see ``Purge``); a
    /// journal line that logged, opened or updated one of them is rewritten as this event
    /// naming that one.
    case purged(contacts: [ContactID], cases: [CaseID])
}

/// An event with when it happened and who did it: one line of the journal.
public struct Record: Codable, Equatable, Sendable {
    public var at: Date
    public var staff: StaffID
    public var event: Event

    public init(at: Date, staff: StaffID, event: Event) {
        self.at = at
        self.staff = staff
        self.event = event
    }
}

extension Event: Codable {
    private enum Kind: String, Codable {
        case customerAdded, parcelReceived, parcelMoved, parcelsHandedOut, handOutUndone
        case deadlineExtended, parcelReturning, parcelsCollectedByDriver, returnCancelled
        case receiptUndone, deliveryStarted, deliveryEnded, parcelsExpected, slotCapacityChanged
        case droppedOff, driverHandover
        case queueEntryAdded, queueFetchStarted, queueEntryReady, queueEntryClosed, handOutRefused
        case proxyAuthorised, proxyRevoked
        case customerEdited, customersMerged
        case contactLogged, caseOpened, caseUpdated
        case customerErased
        case purged
    }

    private enum Keys: String, CodingKey {
        case type, customer, parcel, parcels, to, verification, proxyName, proxyID
        case delivery, summary, expected, slot, capacity, dropOff, handover
        case entry, outcome, reason, proxy, name
        case kept, merged
        case contact, `case`, update
        case contacts, cases
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        switch try c.decode(Kind.self, forKey: .type) {
        case .customerAdded: self = .customerAdded(try c.decode(Customer.self, forKey: .customer))
        case .parcelReceived: self = .parcelReceived(try c.decode(Parcel.self, forKey: .parcel))
        case .parcelMoved:
            self = .parcelMoved(parcel: try c.decode(ParcelID.self, forKey: .parcel), to: try c.decode(SlotID.self, forKey: .to))
        case .parcelsHandedOut:
            self = .parcelsHandedOut(
                parcels: try c.decode([ParcelID].self, forKey: .parcels),
                verification: try c.decode(Verification.self, forKey: .verification),
                proxyName: try c.decodeIfPresent(String.self, forKey: .proxyName),
                proxyID: try c.decodeIfPresent(String.self, forKey: .proxyID))
        case .handOutUndone: self = .handOutUndone(parcels: try c.decode([ParcelID].self, forKey: .parcels))
        case .deadlineExtended:
            self = .deadlineExtended(parcel: try c.decode(ParcelID.self, forKey: .parcel), to: try c.decode(Day.self, forKey: .to))
        case .parcelReturning:
            self = .parcelReturning(parcel: try c.decode(ParcelID.self, forKey: .parcel), to: try c.decode(SlotID.self, forKey: .to))
        case .parcelsCollectedByDriver: self = .parcelsCollectedByDriver(parcels: try c.decode([ParcelID].self, forKey: .parcels))
        case .returnCancelled:
            self = .returnCancelled(parcel: try c.decode(ParcelID.self, forKey: .parcel), to: try c.decode(SlotID.self, forKey: .to))
        case .receiptUndone: self = .receiptUndone(parcel: try c.decode(ParcelID.self, forKey: .parcel))
        case .deliveryStarted: self = .deliveryStarted(try c.decode(Delivery.self, forKey: .delivery))
        case .deliveryEnded: self = .deliveryEnded(try c.decode(DeliverySummary.self, forKey: .summary))
        case .parcelsExpected: self = .parcelsExpected(try c.decode([ExpectedParcel].self, forKey: .expected))
        case .slotCapacityChanged:
            self = .slotCapacityChanged(slot: try c.decode(SlotID.self, forKey: .slot),
                                        capacity: try c.decode(Int.self, forKey: .capacity, in: Ranges.slotCapacity, "slot capacity"))
        case .droppedOff: self = .droppedOff(try c.decode(DropOff.self, forKey: .dropOff))
        case .driverHandover: self = .driverHandover(try c.decode(Handover.self, forKey: .handover))
        case .queueEntryAdded: self = .queueEntryAdded(try c.decode(QueueEntry.self, forKey: .entry))
        case .queueFetchStarted: self = .queueFetchStarted(entry: try c.decode(QueueEntryID.self, forKey: .entry))
        case .queueEntryReady: self = .queueEntryReady(entry: try c.decode(QueueEntryID.self, forKey: .entry))
        case .queueEntryClosed:
            self = .queueEntryClosed(entry: try c.decode(QueueEntryID.self, forKey: .entry),
                                     as: try c.decode(QueueEntry.Outcome.self, forKey: .outcome))
        case .handOutRefused:
            self = .handOutRefused(customer: try c.decode(CustomerID.self, forKey: .customer),
                                   parcels: try c.decode([ParcelID].self, forKey: .parcels),
                                   reason: try c.decode(String.self, forKey: .reason),
                                   proxyName: try c.decodeIfPresent(String.self, forKey: .proxyName))
        case .proxyAuthorised:
            self = .proxyAuthorised(customer: try c.decode(CustomerID.self, forKey: .customer), proxy: try c.decode(Proxy.self, forKey: .proxy))
        case .proxyRevoked:
            self = .proxyRevoked(customer: try c.decode(CustomerID.self, forKey: .customer), name: try c.decode(String.self, forKey: .name))
        case .customerEdited: self = .customerEdited(try c.decode(Customer.self, forKey: .customer))
        case .customersMerged:
            self = .customersMerged(kept: try c.decode(CustomerID.self, forKey: .kept), merged: try c.decode(CustomerID.self, forKey: .merged))
        case .contactLogged: self = .contactLogged(try c.decode(Contact.self, forKey: .contact))
        case .caseOpened: self = .caseOpened(try c.decode(Case.self, forKey: .case))
        case .caseUpdated:
            self = .caseUpdated(case: try c.decode(CaseID.self, forKey: .case), try c.decode(CaseUpdate.self, forKey: .update))
        case .customerErased: self = .customerErased(customer: try c.decode(CustomerID.self, forKey: .customer))
        case .purged:
            self = .purged(contacts: try c.decode([ContactID].self, forKey: .contacts), cases: try c.decode([CaseID].self, forKey: .cases))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case .customerAdded(let customer):
            try c.encode(Kind.customerAdded, forKey: .type)
            try c.encode(customer, forKey: .customer)
        case .parcelReceived(let parcel):
            try c.encode(Kind.parcelReceived, forKey: .type)
            try c.encode(parcel, forKey: .parcel)
        case .parcelMoved(let parcel, let to):
            try c.encode(Kind.parcelMoved, forKey: .type)
            try c.encode(parcel, forKey: .parcel)
            try c.encode(to, forKey: .to)
        case .parcelsHandedOut(let parcels, let verification, let proxyName, let proxyID):
            try c.encode(Kind.parcelsHandedOut, forKey: .type)
            try c.encode(parcels, forKey: .parcels)
            try c.encode(verification, forKey: .verification)
            try c.encodeIfPresent(proxyName, forKey: .proxyName)
            try c.encodeIfPresent(proxyID, forKey: .proxyID)
        case .handOutUndone(let parcels):
            try c.encode(Kind.handOutUndone, forKey: .type)
            try c.encode(parcels, forKey: .parcels)
        case .deadlineExtended(let parcel, let to):
            try c.encode(Kind.deadlineExtended, forKey: .type)
            try c.encode(parcel, forKey: .parcel)
            try c.encode(to, forKey: .to)
        case .parcelReturning(let parcel, let to):
            try c.encode(Kind.parcelReturning, forKey: .type)
            try c.encode(parcel, forKey: .parcel)
            try c.encode(to, forKey: .to)
        case .parcelsCollectedByDriver(let parcels):
            try c.encode(Kind.parcelsCollectedByDriver, forKey: .type)
            try c.encode(parcels, forKey: .parcels)
        case .returnCancelled(let parcel, let to):
            try c.encode(Kind.returnCancelled, forKey: .type)
            try c.encode(parcel, forKey: .parcel)
            try c.encode(to, forKey: .to)
        case .receiptUndone(let parcel):
            try c.encode(Kind.receiptUndone, forKey: .type)
            try c.encode(parcel, forKey: .parcel)
        case .deliveryStarted(let delivery):
            try c.encode(Kind.deliveryStarted, forKey: .type)
            try c.encode(delivery, forKey: .delivery)
        case .deliveryEnded(let summary):
            try c.encode(Kind.deliveryEnded, forKey: .type)
            try c.encode(summary, forKey: .summary)
        case .parcelsExpected(let expected):
            try c.encode(Kind.parcelsExpected, forKey: .type)
            try c.encode(expected, forKey: .expected)
        case .slotCapacityChanged(let slot, let capacity):
            try c.encode(Kind.slotCapacityChanged, forKey: .type)
            try c.encode(slot, forKey: .slot)
            try c.encode(capacity, forKey: .capacity)
        case .droppedOff(let dropOff):
            try c.encode(Kind.droppedOff, forKey: .type)
            try c.encode(dropOff, forKey: .dropOff)
        case .driverHandover(let handover):
            try c.encode(Kind.driverHandover, forKey: .type)
            try c.encode(handover, forKey: .handover)
        case .queueEntryAdded(let entry):
            try c.encode(Kind.queueEntryAdded, forKey: .type)
            try c.encode(entry, forKey: .entry)
        case .queueFetchStarted(let entry):
            try c.encode(Kind.queueFetchStarted, forKey: .type)
            try c.encode(entry, forKey: .entry)
        case .queueEntryReady(let entry):
            try c.encode(Kind.queueEntryReady, forKey: .type)
            try c.encode(entry, forKey: .entry)
        case .queueEntryClosed(let entry, let outcome):
            try c.encode(Kind.queueEntryClosed, forKey: .type)
            try c.encode(entry, forKey: .entry)
            try c.encode(outcome, forKey: .outcome)
        case .handOutRefused(let customer, let parcels, let reason, let proxyName):
            try c.encode(Kind.handOutRefused, forKey: .type)
            try c.encode(customer, forKey: .customer)
            try c.encode(parcels, forKey: .parcels)
            try c.encode(reason, forKey: .reason)
            try c.encodeIfPresent(proxyName, forKey: .proxyName)
        case .proxyAuthorised(let customer, let proxy):
            try c.encode(Kind.proxyAuthorised, forKey: .type)
            try c.encode(customer, forKey: .customer)
            try c.encode(proxy, forKey: .proxy)
        case .proxyRevoked(let customer, let name):
            try c.encode(Kind.proxyRevoked, forKey: .type)
            try c.encode(customer, forKey: .customer)
            try c.encode(name, forKey: .name)
        case .customerEdited(let customer):
            try c.encode(Kind.customerEdited, forKey: .type)
            try c.encode(customer, forKey: .customer)
        case .customersMerged(let kept, let merged):
            try c.encode(Kind.customersMerged, forKey: .type)
            try c.encode(kept, forKey: .kept)
            try c.encode(merged, forKey: .merged)
        case .contactLogged(let contact):
            try c.encode(Kind.contactLogged, forKey: .type)
            try c.encode(contact, forKey: .contact)
        case .caseOpened(let opened):
            try c.encode(Kind.caseOpened, forKey: .type)
            try c.encode(opened, forKey: .case)
        case .caseUpdated(let id, let update):
            try c.encode(Kind.caseUpdated, forKey: .type)
            try c.encode(id, forKey: .case)
            try c.encode(update, forKey: .update)
        case .customerErased(let customer):
            try c.encode(Kind.customerErased, forKey: .type)
            try c.encode(customer, forKey: .customer)
        case .purged(let contacts, let cases):
            try c.encode(Kind.purged, forKey: .type)
            try c.encode(contacts, forKey: .contacts)
            try c.encode(cases, forKey: .cases)
        }
    }
}

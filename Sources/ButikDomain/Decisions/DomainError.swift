import Foundation

/// A command refused by a rule. ButikText puts it into words (`words.describe(error)`): why, and
/// what to do, for a person at the counter.
public enum DomainError: Error, Equatable, Sendable {
    /// A name without a letter.
    case invalidName(String)
    case nameTooLong(limit: Int)
    /// A name or staff id holding a control, bidi or invisible character (see ``TypedText``).
    case hiddenCharacter(String, HiddenCharacter, in: TypedText.Field)
    case invalidStaffID(limit: Int)
    case invalidKey(String)
    case keyTaken(key: CustomerKey, holder: String)
    case invalidPhone(String)
    case unknownCustomer(String)
    case ambiguousRecipient(name: String, keys: [CustomerKey])
    case unknownCarrier(CarrierID, known: [CarrierID])
    case alreadyInShop(tracking: TrackingNumber, slot: SlotID, key: CustomerKey)
    case unknownParcel(String)
    case alreadyHandedOut(tracking: TrackingNumber, when: LocalMoment, staff: StaffID)
    case notWaiting(tracking: TrackingNumber, status: ParcelStatus.Kind)
    /// Only a parcel returning to its sender, still in the outbound area, goes back to a shelf.
    case notReturningToShelf(tracking: TrackingNumber, status: ParcelStatus.Kind)
    /// One hand-out (one check of who collects) was asked for parcels of these customers.
    case handOutForSeveralCustomers(keys: [CustomerKey])
    case proxyNameMissing
    case invalidProxyID(limit: Int)
    case invalidProxyName(limit: Int)
    case proxyAlreadyRegistered(name: String, key: CustomerKey)
    case notAProxy(name: String, key: CustomerKey, registered: [String])
    /// A proxy's relation to the customer is longer than `limit`.
    case invalidProxyRelation(limit: Int)
    /// A fullmakt's last day must lie from `earliest` (today) to `latest`.
    case invalidValidUntil(Day, earliest: Day, latest: Day)
    /// The proxy's fullmakt ran out on `day`: they may not collect.
    case proxyExpired(name: String, key: CustomerKey, day: Day)
    /// Not a plausible e-mail address (``EmailAddress``).
    case invalidEmail(String)
    /// A customer's note is longer than `limit`.
    case noteTooLong(limit: Int)
    /// An edit that leaves the customer's record as it was.
    case nothingChanged(key: CustomerKey)
    /// A customer cannot be merged with themselves.
    case mergeWithItself(key: CustomerKey)
    /// Both customers wait in the queue: one entry must be closed before they are merged.
    case mergeBothQueued(kept: CustomerKey, merged: CustomerKey)
    /// The customer collects in person only: no proxy may collect for them.
    case personalHandOutOnly(key: CustomerKey)
    case notHandedOut(tracking: TrackingNumber)
    case undoTooLate(tracking: TrackingNumber, minutes: Int)
    case unknownSlot(String)
    case slotFull(slot: SlotID, capacity: Int)
    /// A large parcel cannot go to a slot for small ones.
    case tooLargeForSlot(tracking: TrackingNumber, slot: SlotID)
    case alreadyInSlot(tracking: TrackingNumber, slot: SlotID)
    case extensionNotLater(tracking: TrackingNumber, deadline: Day)
    /// Longer than the carrier lets a parcel wait (``ShopLayout/latestDeadline(of:)``):
    /// `latest` is the day it can be kept until, nil when it cannot be kept any longer.
    case extensionTooLong(tracking: TrackingNumber, carrier: String, maxHoldDays: Int, latest: Day?)
    case notReturning(tracking: TrackingNumber)
    case nothingGiven
    /// The number was received before and left the shop as `left` says.
    case receivedBefore(tracking: TrackingNumber, left: Departure, when: LocalMoment)
    /// Only a receipt of a parcel still waiting can be undone.
    case receiptNotUndoable(tracking: TrackingNumber, status: ParcelStatus.Kind)
    case receiptUndoTooLate(tracking: TrackingNumber, minutes: Int)
    case deliveryOpen(carrier: CarrierID, scanned: Int)
    case noOpenDelivery
    case invalidDeclaredCount(Int)
    case invalidCapacity(slot: SlotID, capacity: Int)
    case capacityBelowLoad(slot: SlotID, load: Int)
    case recipientMissing(TrackingNumber)
    case alreadyDroppedOff(tracking: TrackingNumber, receipt: String)
    case alreadyQueued(key: CustomerKey, status: QueueEntry.Status)
    case notQueued(key: CustomerKey)
    case queueStep(key: CustomerKey, status: QueueEntry.Status, step: QueueEntry.Status)
    case invalidReason(limit: Int)
    case notCustomersParcel(tracking: TrackingNumber, key: CustomerKey)
    case invalidPickupCode(String)
    /// A parcel scanned for the driver waits for a customer: it stays in the shop.
    case waitingForCustomer(tracking: TrackingNumber, key: CustomerKey, slot: SlotID)
    /// A hand-out on the pickup code was asked for without the code.
    case pickupCodeMissing
    /// These parcels do not have the pickup code given: not handed out on it.
    case pickupCodeMismatch(code: PickupCode, tracking: [TrackingNumber])
    /// Every number in ``Ranges/identifier`` for this kind of record is used.
    case numbersExhausted(RecordKind)
    /// The computer's clock is outside ``Ranges/dates``: every action is recorded with its time.
    case clockWrong(Date)
    /// A free text holding what looks like a national identity number of this kind (see
    /// ``NationalID``): the kind of ID checked is recorded, never its number.
    case nationalIDInText(NationalID.Kind)
    /// A contact's or a case's text outside 1 to `limit` characters.
    case invalidLogText(limit: Int)
    case unknownCase(String)
    /// A contact about a case of another customer.
    case notCustomersCase(case: CaseID, key: CustomerKey)
    /// A resolved case takes no update but a reopen.
    case caseResolved(CaseID)
    /// Only a resolved case is reopened.
    case caseNotResolved(CaseID)
    /// An update that changes nothing.
    case caseUpdateEmpty(CaseID)
    /// A case waiting for somebody needs a follow-up day.
    case followUpNeeded(status: CaseStatus)
    /// A follow-up day before today.
    case followUpInPast(Day)
    /// A customer with parcels in the shop (on a shelf or in the outbound area) is not erased:
    /// the label needs the name to hand out by; they go out or back first.
    case erasureWithParcelsInShop(key: CustomerKey, parcels: [TrackingNumber])
    /// A customer with an open case is not erased: the case is a promise to them, closed first.
    case erasureWithOpenCases(key: CustomerKey, cases: [CaseID])
}

extension DomainError {
    /// How a parcel left the shop.
    public enum Departure: Equatable, Sendable {
        case handedOut, collected
    }
}

import Foundation

/// A command refused by a rule. `message` says why and what to do, for a person at the counter.
public enum DomainError: Error, Equatable, Sendable {
    /// A name without a letter.
    case invalidName(String)
    case nameTooLong(limit: Int)
    /// A name or staff id holding a control, bidi or invisible character (see ``TypedText``).
    case hiddenCharacter(String, HiddenCharacter, in: TypedText.Field)
    case invalidStaffID(limit: Int)
    case invalidKey(String)
    case keyTaken(key: String, holder: String)
    case invalidPhone(String)
    case unknownCustomer(String)
    case ambiguousRecipient(name: String, keys: [String])
    case unknownCarrier(String, known: [String])
    case alreadyInShop(tracking: TrackingNumber, slot: SlotID, key: String)
    case unknownParcel(String)
    case alreadyHandedOut(tracking: TrackingNumber, when: String, staff: String)
    case notWaiting(tracking: TrackingNumber, state: String)
    /// One hand-out (one check of who collects) was asked for parcels of these customers.
    case handOutForSeveralCustomers(keys: [String])
    case proxyNameMissing
    case invalidProxyID(limit: Int)
    case invalidProxyName(limit: Int)
    case proxyAlreadyRegistered(name: String, key: String)
    case notAProxy(name: String, key: String, registered: [String])
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
    case receivedBefore(tracking: TrackingNumber, state: String, when: String)
    case receiptNotUndoable(tracking: TrackingNumber, reason: String)
    case deliveryOpen(carrier: String, scanned: Int)
    case noOpenDelivery
    case invalidDeclaredCount(Int)
    case invalidCapacity(slot: SlotID, capacity: Int)
    case capacityBelowLoad(slot: SlotID, load: Int)
    case recipientMissing(TrackingNumber)
    case alreadyDroppedOff(tracking: TrackingNumber, receipt: String)
    case alreadyQueued(key: String, status: String)
    case notQueued(key: String)
    case queueStep(key: String, status: String, step: String)
    case invalidReason(limit: Int)
    case notCustomersParcel(tracking: TrackingNumber, key: String)
    case invalidPickupCode(String)
    /// Every number in ``Ranges/identifier`` for this kind of record (e.g. "parcel") is used.
    case numbersExhausted(String)
    /// The computer's clock is outside ``Ranges/dates``: every action is recorded with its time.
    case clockWrong(Date)

    public var message: String {
        switch self {
        case .invalidName(let name):
            return "\"\(name)\" is not a usable name: give at least one letter."
        case .nameTooLong(let limit):
            return "A name takes at most \(limit) characters."
        case .hiddenCharacter(let text, let hidden, let field):
            // A pasted text can be long: quote enough of it to recognise.
            let quoted = text.count > 60 ? text.prefix(59) + "…" : Substring(text)
            return "\"\(quoted)\" cannot be a \(field.noun): it holds \(hidden.phrase). Leave that character out."
        case .invalidStaffID(let limit):
            return "Give a staff id of 1 to \(limit) characters."
        case .invalidKey(let key):
            return "\"\(key)\" cannot be a customer key: use 2 to 6 letters or digits, like JEDS."
        case .keyTaken(let key, let holder):
            return "The key \(key) already belongs to \(holder). Choose another key."
        case .invalidPhone(let phone):
            return "\"\(phone)\" is not a phone number: use 5 to 15 digits, spaces and + allowed."
        case .unknownCustomer(let text):
            return "No customer has the key \(text). Look them up with `butik find`."
        case .ambiguousRecipient(let name, let keys):
            return "More than one customer is called \(name) (\(keys.joined(separator: ", "))). Give the key or the phone number."
        case .unknownCarrier(let carrier, let known):
            return "Unknown carrier \"\(carrier)\". Known carriers: \(known.joined(separator: ", "))."
        case .alreadyInShop(let tracking, let slot, let key):
            return "\(tracking) is already on the shelf: slot \(slot), key \(key)."
        case .unknownParcel(let text):
            return "No parcel \(text) in the shop."
        case .alreadyHandedOut(let tracking, let when, let staff):
            return "\(tracking) was already handed out \(when) by \(staff)."
        case .notWaiting(let tracking, let state):
            return "\(tracking) is not waiting for pickup: it is \(state)."
        case .handOutForSeveralCustomers(let keys):
            return "These parcels are for \(keys.count) customers (\(keys.joined(separator: ", "))): hand out each customer's "
                + "parcels on their own, with their own check of who collects them."
        case .proxyNameMissing:
            return "A proxy hand-out needs the proxy's name."
        case .invalidProxyID(let limit):
            return "A proxy hand-out needs a note of the proxy's own ID in 1 to \(limit) characters, like \"førerkort …4521\" (the last digits are enough)."
        case .invalidProxyName(let limit):
            return "Give the proxy's full name, as on their ID, in 1 to \(limit) characters."
        case .proxyAlreadyRegistered(let name, let key):
            return "\(name) is already a registered proxy for \(key)."
        case .notAProxy(let name, let key, let registered):
            return registered.isEmpty
                ? "\(key) has no registered proxies, so \"\(name)\" cannot be removed."
                : "\"\(name)\" is not a registered proxy for \(key). Registered: \(registered.joined(separator: ", "))."
        case .notHandedOut(let tracking):
            return "\(tracking) has not been handed out, so there is nothing to undo."
        case .undoTooLate(let tracking, let minutes):
            return "\(tracking) was handed out more than \(minutes) minutes ago; it can no longer be undone here."
        case .unknownSlot(let slot):
            return "There is no slot \(slot) in this shop."
        case .slotFull(let slot, let capacity):
            return "Slot \(slot) is full (\(capacity) parcels). Choose another slot or the floor."
        case .tooLargeForSlot(let tracking, let slot):
            return "\(tracking) is large and \(slot) takes small parcels. Choose a large slot or the floor."
        case .alreadyInSlot(let tracking, let slot):
            return "\(tracking) is already in \(slot)."
        case .extensionNotLater(let tracking, let deadline):
            return "The new deadline for \(tracking) must be later than \(deadline)."
        case .extensionTooLong(let tracking, let carrier, let days, let latest?):
            return "\(carrier) lets a parcel wait at most \(days) days after it arrived: \(tracking) can wait until \(latest) at the latest."
        case .extensionTooLong(let tracking, let carrier, let days, nil):
            return "\(tracking) already waits as long as \(carrier) allows (\(days) days after it arrived): it cannot be extended."
        case .notReturning(let tracking):
            return "\(tracking) is not marked for return, so the driver cannot take it."
        case .nothingGiven:
            return "No parcels were given."
        case .receivedBefore(let tracking, let state, let when):
            return "\(tracking) was received before and \(state) \(when). Receive it again only on purpose."
        case .receiptNotUndoable(let tracking, let reason):
            return "The receipt of \(tracking) cannot be undone: \(reason)."
        case .deliveryOpen(let carrier, let scanned):
            return "You already have a \(carrier) delivery open (\(scanned) scanned). End it first."
        case .noOpenDelivery:
            return "No delivery is open."
        case .invalidDeclaredCount(let count):
            return "The declared count must be \(Ranges.declaredCount.lowerBound) to \(Ranges.declaredCount.upperBound), not \(count)."
        case .invalidCapacity(let slot, let capacity):
            return "A slot holds \(Ranges.slotCapacity.lowerBound) to \(Ranges.slotCapacity.upperBound) parcels; \(capacity) is not possible for \(slot)."
        case .capacityBelowLoad(let slot, let load):
            return "\(slot) holds \(load) parcels now; move some out before making it smaller."
        case .recipientMissing(let tracking):
            return "No manifest announced \(tracking): give the name on the parcel (--to NAME) or a customer's key."
        case .alreadyDroppedOff(let tracking, let receipt):
            return "\(tracking) was already dropped off (receipt \(receipt)) and waits for the driver."
        case .alreadyQueued(let key, let status):
            return "\(key) is already in the queue (\(status))."
        case .notQueued(let key):
            return "\(key) is not in the queue. Add them with `butik queue add \(key)`."
        case .queueStep(let key, let status, let step):
            return "\(key)'s queue entry is \(status), so it cannot be marked \(step)."
        case .invalidReason(let limit):
            return "Give the reason in 1 to \(limit) characters."
        case .notCustomersParcel(let tracking, let key):
            return "\(tracking) is not one of \(key)'s parcels."
        case .invalidPickupCode(let text):
            return "\"\(text)\" is not a pickup code: give the 4 to 6 digits from the carrier's message."
        case .numbersExhausted(let what):
            return "Every \(what) number up to \(Ranges.identifier.upperBound) is used, so no new \(what) can be recorded. "
                + "The journal may hold a wrong number: run `butik check` and ask for help."
        case .clockWrong(let now):
            let shown = ISO8601DateFormatter().string(from: now)
            return "The computer's clock says \(shown). Every action is recorded with its time, so set the clock "
                + "right first; nothing was saved."
        }
    }
}

import Foundation

/// Everything the journal says about one parcel, from its receipt on: what ``History`` keeps
/// per parcel. Small on purpose (the facts of the receipt once, then one ``ParcelStep`` per
/// event), so a year of parcels fits in memory.
public struct ParcelStory: Codable, Equatable, Sendable {
    /// Where the parcel is now in its life.
    public enum Status: String, Codable, Sendable {
        case waiting, returning, handedOut, collected
        /// The receipt was undone: the parcel was taken out of the store.
        case receiptUndone

        /// True while the parcel is physically in the shop.
        public var isInShop: Bool { self == .waiting || self == .returning }
    }

    public var id: ParcelID
    public var tracking: TrackingNumber
    /// Carrier id from the layout.
    public var carrier: CarrierID
    public var customer: CustomerID
    /// The customer's key written on the parcel when it was received.
    public var key: CustomerKey
    /// The name printed on the parcel.
    public var recipientName: String
    public private(set) var status: Status
    /// In journal order; the first is the receipt.
    public private(set) var steps: [ParcelStep]

    init(_ parcel: Parcel, receipt: ParcelStep) {
        id = parcel.id
        tracking = parcel.tracking
        carrier = parcel.carrier
        customer = parcel.customer
        key = parcel.key
        recipientName = parcel.recipientName
        status = .waiting
        steps = [receipt]
    }

    /// A story as a store kept it, read back field by field (``History`` builds stories by
    /// applying records).
    public init(id: ParcelID, tracking: TrackingNumber, carrier: CarrierID, customer: CustomerID, key: CustomerKey,
                recipientName: String, status: Status, steps: [ParcelStep]) {
        self.id = id
        self.tracking = tracking
        self.carrier = carrier
        self.customer = customer
        self.key = key
        self.recipientName = recipientName
        self.status = status
        self.steps = steps
    }

    /// Adds a step and the status it leads to; returns the step's index in ``steps`` and
    /// whether the parcel was in the shop before it.
    private mutating func append(_ step: ParcelStep) -> (index: Int, wasInShop: Bool) {
        let wasInShop = status.isInShop
        steps.append(step)
        switch step.what {
        case .received, .handOutUndone, .returnCancelled: status = .waiting
        case .handedOut: status = .handedOut
        case .returning: status = .returning
        case .collected: status = .collected
        case .receiptUndone: status = .receiptUndone
        case .moved, .extended, .refused: break
        }
        return (steps.count - 1, wasInShop)
    }

    /// The step that took the parcel out of the shop for good, while it is out: the hand-out,
    /// the driver's collection or the undone receipt; nil while it is in the shop.
    public var closing: ParcelStep? {
        guard !status.isInShop else { return nil }
        return steps.last { step in
            switch step.what {
            case .handedOut, .collected, .receiptUndone: true
            default: false
            }
        }
    }
}

/// One event in a parcel's life: when, by whom (the staff member who recorded it), and what.
public struct ParcelStep: Codable, Equatable, Sendable {
    public enum What: Codable, Equatable, Sendable {
        case received(slot: SlotID, delivery: DeliveryID?, deadline: Day)
        case moved(to: SlotID)
        case extended(to: Day)
        /// `proxyName` and `proxyID` (a note of the proxy's own ID) only with `.proxy`.
        case handedOut(verification: Verification, proxyName: String?, proxyID: String?)
        case handOutUndone
        /// A hand-out refused at the counter, and why; `proxyName` when it was a proxy's.
        case refused(reason: String, proxyName: String?)
        /// Marked to go back to the sender, into the outbound area `to`.
        case returning(to: SlotID)
        /// Taken back from the outbound area to the slot `to`, waiting for the customer again.
        case returnCancelled(to: SlotID)
        case collected
        case receiptUndone
    }

    /// The journal entry's sequence number.
    public var seq: Int
    public var at: Date
    public var staff: StaffID
    public var what: What

    public init(seq: Int, at: Date, staff: StaffID, what: What) {
        self.seq = seq
        self.at = at
        self.staff = staff
        self.what = what
    }
}

extension ParcelStep.What {
    /// A few words for people: "handed out to proxy Per Hansen (ID note: førerkort …4521)".
    public var phrase: String {
        switch self {
        case .received(let slot, let delivery, let deadline):
            "received into \(slot)\(delivery.map { " in delivery \($0)" } ?? ""), deadline \(deadline)"
        case .moved(let slot): "moved to \(slot)"
        case .extended(let day): "deadline extended to \(day)"
        case .handedOut(let verification, let proxyName, let proxyID):
            verification == .proxy
                ? "handed out to proxy \(proxyName ?? "(no name)")\(proxyID.map { " (ID note: \($0))" } ?? "")"
                : "handed out to the recipient, \(verification.checkPhrase)"
        case .handOutUndone: "hand-out undone, waiting again"
        case .refused(let reason, let proxyName): "hand-out\(proxyName.map { " to proxy \($0)" } ?? "") refused: \(reason)"
        case .returning(let area): "marked for return to the sender, into \(area)"
        case .returnCancelled(let slot): "taken back from return to \(slot), waiting again"
        case .collected: "collected by the driver"
        case .receiptUndone: "receipt undone, taken out of the store"
        }
    }
}

extension Verification {
    /// How identity was checked, for people: "ID checked".
    public var checkPhrase: String {
        switch self {
        case .id: "photo ID checked"
        case .code: "pickup code given"
        case .known: "known to the staff"
        case .proxy: "collected by a proxy"
        }
    }
}

extension ParcelStory {
    /// Adds `step` (``append(_:)``) and gives what a history notes of it elsewhere: the
    /// step's index, whether the parcel was and is in the shop, whose it is and its carrier.
    mutating func noting(_ step: ParcelStep) -> (index: Int, wasInShop: Bool, isInShop: Bool, customer: CustomerID, carrier: CarrierID) {
        let (index, wasInShop) = append(step)
        return (index, wasInShop, status.isInShop, customer, carrier)
    }
}

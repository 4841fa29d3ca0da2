import Foundation

/// How the person collecting a parcel proved who they are.
public enum Verification: String, Codable, Sendable, CaseIterable {
    /// Photo ID checked against the name on the parcel.
    case id
    /// The pickup code from the carrier's message.
    case code
    /// A regular the staff know.
    case known
    /// Somebody collecting on the recipient's behalf (their name and a note of their ID are
    /// recorded).
    case proxy
}

/// Who took a parcel and how they were checked.
public struct HandOut: Codable, Equatable, Sendable {
    public var at: Date
    public var staff: StaffID
    public var verification: Verification
    public var proxyName: String?
    /// What the clerk noted of a proxy's own ID.
    public var proxyID: String?

    public init(at: Date, staff: StaffID, verification: Verification, proxyName: String? = nil, proxyID: String? = nil) {
        self.at = at
        self.staff = staff
        self.verification = verification
        self.proxyName = proxyName
        self.proxyID = proxyID
    }
}

/// Where a parcel is in its life.
public enum ParcelStatus: Codable, Equatable, Sendable {
    /// On a shelf slot or the floor, waiting for the recipient.
    case waiting
    /// Given to the recipient or their proxy.
    case handedOut(handOut: HandOut)
    /// Not collected in time (or refused): in the outbound area for the driver.
    case returning(since: Date)
    /// Taken away by the carrier's driver.
    case collected(at: Date)

    /// True while the parcel is physically in the shop.
    public var isInShop: Bool {
        switch self {
        case .waiting, .returning: true
        case .handedOut, .collected: false
        }
    }

    /// The status without its details, as a refusal names it.
    public enum Kind: Equatable, Sendable {
        case waiting, handedOut, returning, collected
    }

    public var kind: Kind {
        switch self {
        case .waiting: .waiting
        case .handedOut: .handedOut
        case .returning: .returning
        case .collected: .collected
        }
    }
}

/// A parcel the shop received.
public struct Parcel: Codable, Equatable, Sendable {
    public var id: ParcelID
    public var tracking: TrackingNumber
    public var format: TrackingFormat
    public var checkDigit: CheckDigitStatus
    /// Carrier id from the shop layout (`postnord`, `posten`, ...).
    public var carrier: CarrierID
    /// The name printed on the parcel.
    public var recipientName: String
    public var customer: CustomerID
    /// The customer's key when the parcel was received (written on the parcel).
    public var key: CustomerKey
    public var slot: SlotID
    public var size: SizeClass
    /// The last day the parcel waits before it goes back to the sender.
    public var deadline: Day
    public var receivedAt: Date
    public var receivedBy: StaffID
    public var status: ParcelStatus
    /// The delivery it came in, when it was scanned in a delivery session.
    public var delivery: DeliveryID?
    /// True when a pre-advice manifest announced it.
    public var preAdvised: Bool?
    /// The code the carrier sent the recipient (see ``PickupCode``), when known.
    public var pickupCode: PickupCode?

    public init(id: ParcelID, tracking: TrackingNumber, format: TrackingFormat, checkDigit: CheckDigitStatus, carrier: CarrierID,
                recipientName: String, customer: CustomerID, key: CustomerKey, slot: SlotID, size: SizeClass, deadline: Day,
                receivedAt: Date, receivedBy: StaffID, status: ParcelStatus, delivery: DeliveryID? = nil,
                preAdvised: Bool? = nil, pickupCode: PickupCode? = nil) {
        self.id = id
        self.tracking = tracking
        self.format = format
        self.checkDigit = checkDigit
        self.carrier = carrier
        self.recipientName = recipientName
        self.customer = customer
        self.key = key
        self.slot = slot
        self.size = size
        self.deadline = deadline
        self.receivedAt = receivedAt
        self.receivedBy = receivedBy
        self.status = status
        self.delivery = delivery
        self.preAdvised = preAdvised
        self.pickupCode = pickupCode
    }
}

import Foundation

/// A delivery's number in this store.
public typealias DeliveryID = Identifier<Delivery>

/// One delivery being scanned in: a carrier's cage or pallet, with the count the driver declared.
public struct Delivery: Codable, Equatable, Sendable, IdentifierTag {
    public static var identifierPrefix: String { "D" }

    public var id: DeliveryID
    /// Carrier id from the layout.
    public var carrier: String
    /// How many items the driver said they left; nil when not given.
    public var declared: Int?
    public var startedAt: Date
    public var staff: String

    public init(id: DeliveryID, carrier: String, declared: Int?, startedAt: Date, staff: String) {
        self.id = id
        self.carrier = carrier
        self.declared = declared
        self.startedAt = startedAt
        self.staff = staff
    }
}

/// What a finished delivery came to; kept in the journal as the shop's evidence.
public struct DeliverySummary: Codable, Equatable, Sendable {
    public var delivery: DeliveryID
    public var carrier: String
    public var declared: Int?
    /// Parcels received in this delivery (undone receipts not counted).
    public var scanned: Int
    /// Scanned parcels per carrier id (a cage may hold another carrier's parcels).
    public var perCarrier: [String: Int]
    /// Parcels that went to the overflow area.
    public var overflow: Int
    /// Received parcels that no manifest announced.
    public var unexpected: Int

    /// Scanned minus declared; nil when nothing was declared.
    public var mismatch: Int? { declared.map { scanned - $0 } }
}

/// A parcel announced by a carrier's pre-advice manifest, before it arrives.
public struct ExpectedParcel: Codable, Equatable, Sendable {
    public var tracking: TrackingNumber
    public var name: String
    public var phone: String?
    public var carrier: String?
    public var holdDays: Int?
    public var importedAt: Date
    /// The parcel it arrived as; nil while still expected.
    public var arrivedAs: ParcelID?
    /// The pickup code the carrier sent the recipient (digits only), if the manifest gave one.
    public var pickupCode: String?

    public init(tracking: TrackingNumber, name: String, phone: String? = nil, carrier: String? = nil,
                holdDays: Int? = nil, importedAt: Date, arrivedAs: ParcelID? = nil, pickupCode: String? = nil) {
        self.tracking = tracking
        self.name = name
        self.phone = phone
        self.carrier = carrier
        self.holdDays = holdDays
        self.importedAt = importedAt
        self.arrivedAs = arrivedAs
        self.pickupCode = pickupCode
    }
}

import Foundation

/// A delivery's number in this store.
public typealias DeliveryID = Identifier<Delivery>

/// One delivery being scanned in: a carrier's cage or pallet, with the count the driver declared.
public struct Delivery: Codable, Equatable, Sendable, IdentifierTag {
    public static var identifierPrefix: String { "D" }
    public static var recordKind: RecordKind { .delivery }

    public var id: DeliveryID
    /// Carrier id from the layout.
    public var carrier: CarrierID
    /// How many items the driver said they left; nil when not given.
    public var declared: Int?
    public var startedAt: Date
    public var staff: StaffID

    public init(id: DeliveryID, carrier: CarrierID, declared: Int?, startedAt: Date, staff: StaffID) {
        self.id = id
        self.carrier = carrier
        self.declared = declared
        self.startedAt = startedAt
        self.staff = staff
    }
}

extension Delivery {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(DeliveryID.self, forKey: .id)
        carrier = try c.decode(CarrierID.self, forKey: .carrier)
        declared = try c.decodeIfPresent(Int.self, forKey: .declared, in: Ranges.declaredCount, "declared count")
        startedAt = try c.decode(Date.self, forKey: .startedAt)
        staff = try c.decode(StaffID.self, forKey: .staff)
    }
}

/// What a finished delivery came to; kept in the journal as the shop's evidence.
public struct DeliverySummary: Codable, Equatable, Sendable {
    public var delivery: DeliveryID
    public var carrier: CarrierID
    public var declared: Int?
    /// Parcels received in this delivery (undone receipts not counted).
    public var scanned: Int
    /// Scanned parcels per carrier id (a cage may hold another carrier's parcels).
    public var perCarrier: [CarrierID: Int]
    /// Parcels that went to the overflow area.
    public var overflow: Int
    /// Received parcels that no manifest announced.
    public var unexpected: Int

    /// Scanned minus declared; nil when nothing was declared.
    public var mismatch: Int? { declared.map { scanned - $0 } }
}

extension DeliverySummary {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        delivery = try c.decode(DeliveryID.self, forKey: .delivery)
        carrier = try c.decode(CarrierID.self, forKey: .carrier)
        declared = try c.decodeIfPresent(Int.self, forKey: .declared, in: Ranges.declaredCount, "declared count")
        scanned = try c.decode(Int.self, forKey: .scanned, in: Ranges.parcelCount, "scanned count")
        perCarrier = try c.decode([CarrierID: Int].self, forKey: .perCarrier)
        for (carrier, count) in perCarrier {
            _ = try Ranges.checked(count, in: Ranges.parcelCount, "\(carrier) count", at: c.codingPath + [CodingKeys.perCarrier])
        }
        overflow = try c.decode(Int.self, forKey: .overflow, in: Ranges.parcelCount, "overflow count")
        unexpected = try c.decode(Int.self, forKey: .unexpected, in: Ranges.parcelCount, "unexpected count")
    }
}

/// A parcel announced by a carrier's pre-advice manifest, before it arrives.
public struct ExpectedParcel: Codable, Equatable, Sendable {
    public var tracking: TrackingNumber
    public var name: String
    public var phone: String?
    public var carrier: CarrierID?
    public var holdDays: Int?
    public var importedAt: Date
    /// The parcel it arrived as (the first received with its number); nil while still expected.
    public var arrivedAs: ParcelID?
    /// The pickup code the carrier sent the recipient, if the manifest gave one.
    public var pickupCode: PickupCode?

    public init(tracking: TrackingNumber, name: String, phone: String? = nil, carrier: CarrierID? = nil,
                holdDays: Int? = nil, importedAt: Date, arrivedAs: ParcelID? = nil, pickupCode: PickupCode? = nil) {
        self.tracking = tracking
        self.name = name
        self.phone = phone
        self.carrier = carrier
        self.holdDays = holdDays
        self.importedAt = importedAt
        self.arrivedAs = arrivedAs
        self.pickupCode = pickupCode
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        tracking = try c.decode(TrackingNumber.self, forKey: .tracking)
        name = try c.decode(String.self, forKey: .name)
        phone = try c.decodeIfPresent(String.self, forKey: .phone)
        carrier = try c.decodeIfPresent(CarrierID.self, forKey: .carrier)
        holdDays = try c.decodeIfPresent(Int.self, forKey: .holdDays, in: Ranges.holdDays, "hold days")
        importedAt = try c.decode(Date.self, forKey: .importedAt)
        arrivedAs = try c.decodeIfPresent(ParcelID.self, forKey: .arrivedAs)
        pickupCode = try c.decodeIfPresent(PickupCode.self, forKey: .pickupCode)
    }
}

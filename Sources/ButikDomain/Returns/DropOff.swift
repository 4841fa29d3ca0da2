import Foundation

/// A drop-off's number in this store; the customer's receipt shows it as `R0001`.
public typealias DropOffID = Identifier<DropOff>

/// A prepaid return parcel a customer left at the counter; it waits in the outbound area for
/// its carrier's driver.
public struct DropOff: Codable, Equatable, Sendable, IdentifierTag {
    public static var identifierPrefix: String { "R" }
    public static var recordKind: RecordKind { .dropOff }

    public var id: DropOffID
    public var tracking: TrackingNumber
    /// Carrier id from the layout.
    public var carrier: CarrierID
    /// The customer who brought it, when known.
    public var customer: CustomerID?
    public var at: Date
    public var staff: StaffID
    /// When the driver took it; nil while it waits in the outbound area.
    public var collectedAt: Date?

    public init(id: DropOffID, tracking: TrackingNumber, carrier: CarrierID, customer: CustomerID?, at: Date, staff: StaffID,
                collectedAt: Date? = nil) {
        self.id = id
        self.tracking = tracking
        self.carrier = carrier
        self.customer = customer
        self.at = at
        self.staff = staff
        self.collectedAt = collectedAt
    }

    /// The receipt number given to the customer: `R` and at least four digits (`R0001`).
    public var receipt: String { DropOff.receipt(of: id) }

    /// The receipt number of the drop-off `id`.
    public static func receipt(of id: DropOffID) -> String {
        let digits = String(id.rawValue)
        return "R" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

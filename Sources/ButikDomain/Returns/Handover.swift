/// What the driver took from the outbound area, checked against what the store says is there.
public struct Handover: Codable, Equatable, Sendable {
    /// The carrier whose items were counted; nil when every carrier's were.
    public var carrier: String?
    /// Returning parcels that left with the driver.
    public var parcels: [ParcelID]
    /// Drop-offs that left with the driver.
    public var dropOffs: [DropOffID]
    /// Expected but not scanned: they stay waiting for the driver until found or taken.
    public var missing: [TrackingNumber]
    /// Scanned but not expected: not taken into the store, for staff to look into.
    public var unknown: [TrackingNumber]

    public init(carrier: String?, parcels: [ParcelID], dropOffs: [DropOffID], missing: [TrackingNumber], unknown: [TrackingNumber]) {
        self.carrier = carrier
        self.parcels = parcels
        self.dropOffs = dropOffs
        self.missing = missing
        self.unknown = unknown
    }

    /// True when what was scanned is exactly what was expected.
    public var isComplete: Bool { missing.isEmpty && unknown.isEmpty }
}

extension ShopState {
    /// Decides what the driver takes: every scanned number that is a returning parcel or a
    /// waiting drop-off (of `carrier`, an id or name, when given) leaves the shop; the rest of
    /// those are missing, and scans matching neither are unknown. Recorded even when incomplete.
    public func handOver(scanned: [TrackingNumber], carrier: String?, _ context: Context) throws(DomainError) -> Decision<Handover> {
        guard !scanned.isEmpty else { throw .nothingGiven }
        var carrierID: String?
        if let carrier { carrierID = try resolveCarrier(carrier, context.layout).id }
        let returning = parcelsInShop.filter { parcel in
            guard case .returning = parcel.status else { return false }
            return carrierID == nil || parcel.carrier == carrierID
        }
        let dropped = dropOffsWaiting(carrier: carrierID)
        let parcelByTracking = Dictionary(returning.map { ($0.tracking, $0.id) }, uniquingKeysWith: min)
        let dropOffByTracking = Dictionary(dropped.map { ($0.tracking, $0.id) }, uniquingKeysWith: min)
        var handover = Handover(carrier: carrierID, parcels: [], dropOffs: [], missing: [], unknown: [])
        var seen = Set<TrackingNumber>()
        for number in scanned where seen.insert(number).inserted {
            if let id = parcelByTracking[number] {
                handover.parcels.append(id)
            } else if let id = dropOffByTracking[number] {
                handover.dropOffs.append(id)
            } else {
                handover.unknown.append(number)
            }
        }
        handover.missing = (returning.map(\.tracking) + dropped.map(\.tracking)).filter { !seen.contains($0) }
        return Decision(events: [.driverHandover(handover)], outcome: handover)
    }
}

/// What the driver took from the outbound area, checked against what the store says is there.
public struct Handover: Codable, Equatable, Sendable {
    /// The carrier whose items were counted; nil when every carrier's were.
    public var carrier: CarrierID?
    /// Returning parcels that left with the driver.
    public var parcels: [ParcelID]
    /// Drop-offs that left with the driver.
    public var dropOffs: [DropOffID]
    /// Expected but not scanned: they stay waiting for the driver until found or taken.
    public var missing: [TrackingNumber]
    /// Scanned but not expected: not taken into the store, for staff to look into.
    public var unknown: [TrackingNumber]

    public init(carrier: CarrierID?, parcels: [ParcelID], dropOffs: [DropOffID], missing: [TrackingNumber], unknown: [TrackingNumber]) {
        self.carrier = carrier
        self.parcels = parcels
        self.dropOffs = dropOffs
        self.missing = missing
        self.unknown = unknown
    }

    /// How many items left with the driver.
    public var taken: Int { parcels.count + dropOffs.count }
    /// How many items the store expected the driver to take.
    public var expected: Int { taken + missing.count }

    /// True when what was scanned is exactly what was expected.
    public var isComplete: Bool { missing.isEmpty && unknown.isEmpty }
}

/// A driver's handover as it is scanned: what the store expects the driver of `carrier` (or of
/// every carrier) to take, and how the scans so far stand against it. The one count the
/// screens and `butik handover` show.
public struct HandoverTally: Equatable, Sendable {
    /// The carrier's id; nil when every carrier's items are expected.
    public var carrier: CarrierID?
    /// Returning parcels in the outbound area, then waiting drop-offs.
    public var expected: [TrackingNumber]
    /// Every number scanned, once each, in order, but for the parcels in ``waiting``.
    public var scanned: [TrackingNumber]
    /// Scanned parcels that wait for a customer: they do not go with the driver.
    public var waiting: [Parcel]

    /// How many of the expected were scanned.
    public var counted: Int { scanned.filter(expected.contains).count }
    /// Expected but not scanned yet.
    public var missing: [TrackingNumber] { expected.filter { !scanned.contains($0) } }
    /// Scanned but not expected: not the shop's to give this driver.
    public var unknown: [TrackingNumber] { scanned.filter { !expected.contains($0) } }

    /// The refusal of the first scanned parcel that waits for a customer: put it back.
    public var refusal: DomainError? {
        waiting.first.map { .waitingForCustomer(tracking: $0.tracking, key: $0.key, slot: $0.slot) }
    }
}

extension ShopState {
    /// What the driver of the carrier with id `carrierID` (every carrier's when nil) takes,
    /// against what was scanned.
    public func handoverTally(scanned: [TrackingNumber], carrierID: CarrierID?) -> HandoverTally {
        var tally = HandoverTally(carrier: carrierID, expected: [], scanned: [], waiting: [])
        for number in scanned where !tally.scanned.contains(number) && !tally.waiting.contains(where: { $0.tracking == number }) {
            if let parcel = parcelInShop(number), parcel.status == .waiting {
                tally.waiting.append(parcel)
            } else {
                tally.scanned.append(number)
            }
        }
        let returning = parcelsInShop.filter { parcel in
            guard case .returning = parcel.status else { return false }
            return carrierID == nil || parcel.carrier == carrierID
        }
        tally.expected = returning.map(\.tracking) + dropOffsWaiting(carrier: carrierID).map(\.tracking)
        return tally
    }

    /// Decides what the driver takes (of `carrier`, an id or name, when given; see
    /// ``handoverTally(scanned:carrierID:)``): every scanned number that is a returning parcel
    /// or a waiting drop-off leaves the shop; the rest of those are missing, and scans matching
    /// neither are unknown. Recorded even when incomplete; refused whole when a scanned parcel
    /// waits for a customer.
    public func handOver(scanned: [TrackingNumber], carrier: CarrierID?, _ context: Context) throws(DomainError) -> Decision<Handover> {
        guard !scanned.isEmpty else { throw .nothingGiven }
        var carrierID: CarrierID?
        if let carrier { carrierID = try resolveCarrier(carrier, context.layout).id }
        let tally = handoverTally(scanned: scanned, carrierID: carrierID)
        if let refusal = tally.refusal { throw refusal }
        var handover = Handover(carrier: carrierID, parcels: [], dropOffs: [], missing: tally.missing, unknown: tally.unknown)
        let expected = Set(tally.expected)
        for number in tally.scanned where expected.contains(number) {
            if let parcel = parcelInShop(number), case .returning = parcel.status {
                handover.parcels.append(parcel.id)
            } else if let dropOff = indexes.waitingDropOffByTracking[number] {
                handover.dropOffs.append(dropOff)
            }
        }
        return Decision(events: [.driverHandover(handover)], outcome: handover)
    }
}

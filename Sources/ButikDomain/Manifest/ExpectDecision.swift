import Foundation

/// What importing a manifest did.
public struct ManifestImport: Equatable, Sendable {
    /// Entries now expected.
    public var added: [ExpectedParcel]
    /// Entries skipped because the number was already expected or is in the shop.
    public var alreadyKnown: Int
}

extension ShopState {
    /// Decides to expect the parcels of a manifest. Numbers already expected or already in the
    /// shop are skipped, so importing the same file twice adds nothing.
    public func expect(_ entries: [ManifestEntry], _ context: Context) -> Decision<ManifestImport> {
        var added: [ExpectedParcel] = []
        var seen = Set<TrackingNumber>()
        for entry in entries {
            let number = entry.tracking.number
            guard records.expected[number] == nil, parcelInShop(number) == nil, seen.insert(number).inserted else { continue }
            added.append(ExpectedParcel(tracking: number, name: ShopState.givenNameFirst(entry.name), phone: entry.phone, carrier: entry.carrierID,
                                        holdDays: entry.holdDays, importedAt: context.now,
                                        pickupCode: entry.pickupCode))
        }
        let outcome = ManifestImport(added: added, alreadyKnown: entries.count - added.count)
        return Decision(events: added.isEmpty ? [] : [.parcelsExpected(added)], outcome: outcome)
    }

    /// `Østby, Anne-Marie` (as carriers' systems often print names) becomes `Anne-Marie Østby`.
    static func givenNameFirst(_ name: String) -> String {
        let parts = name.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return name }
        let family = parts[0].trimmingCharacters(in: .whitespaces), given = parts[1].trimmingCharacters(in: .whitespaces)
        return family.isEmpty || given.isEmpty ? name : "\(given) \(family)"
    }

    /// The recipient a manifest announced for `tracking`, while the parcel has not arrived.
    public func announcedRecipient(_ tracking: TrackingNumber) -> NewCustomer? {
        guard let entry = records.expected[tracking], entry.arrivedAs == nil else { return nil }
        return NewCustomer(name: entry.name, phones: entry.phone.map { [$0] } ?? [])
    }

    /// Announced parcels that have not arrived, oldest announcement first.
    public var stillExpected: [ExpectedParcel] {
        records.expected.values.filter { $0.arrivedAs == nil }.sorted { ($0.importedAt, $0.tracking) < ($1.importedAt, $1.tracking) }
    }
}

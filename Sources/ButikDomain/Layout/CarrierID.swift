/// A carrier's id as `carriers` in the shop file lists it (`"posten"`, `"postnord"`), held by
/// every parcel, drop-off, delivery, manifest row, handover and per-carrier tally.
///
/// Matched only by ``ShopLayout/carrier(named:)``: the carrier whose id or name is this text,
/// ignoring case, so `posten`, `POSTEN` and `Posten` find the same carrier. What a person
/// typed (`--carrier`, a manifest's carrier cell) is made by ``init(typed:)`` and matched so;
/// a decision records the matched carrier's own id. An id read from the store is taken as
/// written (``init(stored:)``): one that is no longer in the shop file (a carrier taken out)
/// still reads, is counted under its text and shown as its text where a name would be
/// (``ShopLayout/name(of:)``), and its parcels take the shop's defaults (the longest wait, no
/// claim deadline); it never stops a read.
/// Coded as one JSON string.
public struct CarrierID: Hashable, Comparable, Sendable, CustomStringConvertible, StoredAsText {
    /// The id's text: `"postnord"`.
    public let value: String

    /// An id as the store or the shop file wrote it, not checked.
    public init(stored value: String) { self.value = value }

    /// What a person typed to name a carrier, its id or its name, to be matched by
    /// ``ShopLayout/carrier(named:)``: surrounding white space dropped, not checked.
    public init(typed text: String) { value = text.trimmingCharacters(in: .whitespaces) }

    public var description: String { value }

    public static func < (lhs: CarrierID, rhs: CarrierID) -> Bool { lhs.value < rhs.value }
}

/// Tallies keyed by carrier (a delivery's `perCarrier`) are coded as a JSON object with the ids
/// as its keys, as when they were strings.
extension CarrierID: CodingKeyRepresentable {
    public var codingKey: any CodingKey { Key(stringValue: value) }

    public init?<T: CodingKey>(codingKey: T) { self.init(stored: codingKey.stringValue) }

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

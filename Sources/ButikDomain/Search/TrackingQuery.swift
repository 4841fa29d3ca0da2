/// A search that can name parcels by tracking number: a whole number or scan, or 4+
/// characters of one with at least one digit (e.g. its last digits).
public struct TrackingQuery: Equatable, Sendable {
    /// The number the query parses as, when it is a whole one.
    public let exact: TrackingNumber?
    /// The normalised characters of the query (see ``Tracking/normalize(_:)``).
    public let fragment: String

    /// Nil when `query` cannot be part of a tracking number.
    public init?(_ query: String) {
        let code = Tracking.normalize(query)
        guard code.count >= 4, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
              code.contains(where: \.isASCIIDigit) else { return nil }
        exact = (try? Tracking.parse(query).get())?.number
        fragment = code
    }

    /// True for the exact number, or one ending with the fragment.
    public func matchesWholeOrEnd(_ tracking: TrackingNumber) -> Bool {
        tracking == exact || tracking.value.hasSuffix(fragment)
    }

    /// True for the exact number (or the fragment as a whole number).
    public func isExact(_ tracking: TrackingNumber) -> Bool { tracking == exact || tracking.value == fragment }
}

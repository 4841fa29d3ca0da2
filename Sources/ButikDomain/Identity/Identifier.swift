/// A record's number in this store, never reused; `Tag` says what it numbers.
///
/// Encoded as a plain JSON number; described with the tag's prefix (`C12`, `P340`).
public struct Identifier<Tag: IdentifierTag>: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }
    public init(from decoder: any Decoder) throws { rawValue = try decoder.singleValueContainer().decode(Int.self) }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
    public var description: String { "\(Tag.identifierPrefix)\(rawValue)" }
    public static func < (lhs: Identifier, rhs: Identifier) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A type that has ``Identifier``s.
public protocol IdentifierTag: Sendable {
    /// The letter an identifier is described with.
    static var identifierPrefix: String { get }
}

/// A customer's number in this store.
public typealias CustomerID = Identifier<Customer>

/// A parcel's number in this store (the same tracking number received again after a hand-out
/// is a new parcel).
public typealias ParcelID = Identifier<Parcel>

extension Customer: IdentifierTag {
    public static var identifierPrefix: String { "C" }
}

extension Parcel: IdentifierTag {
    public static var identifierPrefix: String { "P" }
}

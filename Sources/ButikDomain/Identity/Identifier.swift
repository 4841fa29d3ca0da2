/// A record's number in this store, never reused; `Tag` says what it numbers.
///
/// Encoded as a plain JSON number in ``Ranges/identifier``; described with the tag's prefix
/// (`C12`, `P340`).
public struct Identifier<Tag: IdentifierTag>: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: Int
    public init(_ rawValue: Int) { self.rawValue = rawValue }

    /// The identifier a decision gives out from a next-number counter; refused once every
    /// number in ``Ranges/identifier`` is used.
    public static func minted(from counter: Int) throws(DomainError) -> Identifier {
        guard Ranges.identifier.contains(counter) else { throw .numbersExhausted(Tag.recordKind) }
        return Identifier(counter)
    }

    public init(from decoder: any Decoder) throws {
        let number = try decoder.singleValueContainer().decode(Int.self)
        rawValue = try Ranges.checked(number, in: Ranges.identifier, "\(Tag.recordKind.name) id", at: decoder.codingPath)
    }

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
    /// What it numbers.
    static var recordKind: RecordKind { get }
}

/// The kinds of record that have ``Identifier``s.
public enum RecordKind: Equatable, Sendable {
    case customer, parcel, delivery, dropOff, queueEntry, contact, `case`

    /// The kind named in the descriptions of damage found while reading: "parcel".
    public var name: String {
        switch self {
        case .customer: "customer"
        case .parcel: "parcel"
        case .delivery: "delivery"
        case .dropOff: "drop-off"
        case .queueEntry: "queue entry"
        case .contact: "contact"
        case .case: "case"
        }
    }
}

/// A customer's number in this store.
public typealias CustomerID = Identifier<Customer>

/// A parcel's number in this store (the same tracking number received again after a hand-out
/// is a new parcel).
public typealias ParcelID = Identifier<Parcel>

extension Customer: IdentifierTag {
    public static var identifierPrefix: String { "C" }
    public static var recordKind: RecordKind { .customer }
}

extension Parcel: IdentifierTag {
    public static var identifierPrefix: String { "P" }
    public static var recordKind: RecordKind { .parcel }
}

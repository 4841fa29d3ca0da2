/// A tracking number in its normalised form (upper case, no spaces, no AIM prefix, no AI `00`).
///
/// Encoded as a plain JSON string.
public struct TrackingNumber: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The normalised characters, e.g. `RR123456785SE` or `370725380000086508`.
    public let value: String

    /// Wraps an already normalised value. Use ``Tracking/parse(_:force:)`` for raw input.
    public init(_ value: String) { self.value = value }

    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    public var description: String { value }

    public static func < (lhs: TrackingNumber, rhs: TrackingNumber) -> Bool { lhs.value < rhs.value }
}

/// The kinds of tracking number a shop sees.
public enum TrackingFormat: String, Codable, Sendable, CaseIterable {
    /// UPU S10: 2 letters, 8 digits, a check digit, 2-letter country (`RR123456785SE`).
    case s10
    /// GS1 SSCC-18, the "kolli" id (AI 00).
    case sscc
    /// GS1 GSIN-17, the shipment number (AI 402).
    case gsin
    /// DHL Express 10-digit waybill (check = first nine digits mod 7).
    case dhlExpress
    /// UPS `1Z` + 16 characters.
    case ups
    /// Amazon `TBA` + 12 digits (no check digit).
    case amazon
    /// InPost 24 digits (no check digit known).
    case inpost
    /// Hermes 14 digits (no check digit known).
    case hermes
    /// Any other code of 6-35 letters and digits, accepted without a check.
    case unvalidated
}

/// How far a tracking number's check digit was verified.
public enum CheckDigitStatus: String, Codable, Sendable {
    /// The format has a check digit and it is right.
    case verified
    /// The format has no check digit that can be verified.
    case none
    /// The check digit is wrong and a person accepted the number on purpose.
    case overridden
}

/// A tracking number read from a scan or typed input, with what is known about it.
public struct ParsedTracking: Equatable, Sendable {
    public let number: TrackingNumber
    public let format: TrackingFormat
    public let checkDigit: CheckDigitStatus
    /// AI 421 ship-to postal code that followed an SSCC in the same scan, e.g. `NO 0150`.
    public let shipToPostalCode: String?

    public init(number: TrackingNumber, format: TrackingFormat, checkDigit: CheckDigitStatus, shipToPostalCode: String? = nil) {
        self.number = number
        self.format = format
        self.checkDigit = checkDigit
        self.shipToPostalCode = shipToPostalCode
    }
}

/// Why a code is not an acceptable tracking number.
public enum TrackingError: Error, Equatable, Sendable {
    case empty
    /// Characters other than letters and digits remained after normalising: the first few as
    /// ``describe(invalid:)`` names them, and how many more distinct ones there are.
    case invalidCharacters(String, more: Int = 0)
    /// Too short or too long for any format (6-35 characters).
    case badLength(Int)
    /// A known format whose check digit is wrong; `expected` is the right digit.
    case wrongCheckDigit(format: TrackingFormat, number: String, expected: Character, found: Character)
}

/// Normalising and classifying scanner or typed input.
///
/// ``parse(_:force:)`` is in `Classify.swift`, ``normalize(_:)`` in `Normalize.swift`.
public enum Tracking {}

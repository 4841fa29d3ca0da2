/// The pickup code a carrier sends the recipient (PostNord: 4 digits from the SMS; Posten's
/// "hentekode"; Amazon and InPost: 6 digits). The customer says it at the counter.
///
/// Made from what a person typed or a manifest gave by ``init(_:)``, which refuses anything
/// but 4 to 6 digits. Coded as its digits, a JSON string; decoded as written (the store only
/// writes codes made so).
public struct PickupCode: Hashable, Sendable, Codable, CustomStringConvertible {
    /// How many digits a pickup code has.
    public static let lengths = 4...6

    /// The code's digits: `"123456"`.
    public let digits: String

    /// The digits of `text` with white space dropped (`"123 456"` is `123456`), or nil when
    /// what is left is not 4 to 6 ASCII digits.
    public init?(_ text: String) {
        let code = text.filter { !$0.isWhitespace }
        guard PickupCode.lengths.contains(code.count), code.allSatisfy(\.isASCIIDigit) else { return nil }
        digits = code
    }

    /// A code as the store wrote it.
    init(stored digits: String) { self.digits = digits }

    public init(from decoder: any Decoder) throws {
        digits = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }

    public var description: String { digits }
}

extension Parcel {
    /// True when the carrier's code for this parcel is `code`; a parcel whose code is not
    /// known has none.
    public func hasPickupCode(_ code: PickupCode) -> Bool {
        pickupCode == code
    }
}

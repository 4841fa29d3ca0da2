/// The pickup code a carrier sends the recipient (PostNord: 4 digits from the SMS; Posten's
/// "hentekode"; Amazon and InPost: 6 digits). The customer says it at the counter.
public enum PickupCode {
    /// How many digits a pickup code has.
    public static let lengths = 4...6

    /// The digits of `text` with white space dropped (`"123 456"` is `123456`), or nil when
    /// what is left is not 4 to 6 ASCII digits.
    public static func normalized(_ text: String) -> String? {
        let code = text.filter { !$0.isWhitespace }
        guard lengths.contains(code.count), code.allSatisfy(\.isASCIIDigit) else { return nil }
        return code
    }
}

extension Parcel {
    /// True when the carrier's code for this parcel is `code` (as ``PickupCode/normalized(_:)``
    /// gives it); a parcel whose code is not known has none.
    public func hasPickupCode(_ code: String) -> Bool {
        pickupCode != nil && pickupCode == code
    }
}

/// The key the shop writes on a customer's parcels ("JFJ", "AMØ", "JFJ2", or a regular's
/// chosen key such as "JEDS"), in upper case.
///
/// Made from a name by ``initials(of:)`` and ``firstFree(_:isTaken:)``, from a key a person
/// chose by ``chosen(_:)`` (which refuses a bad one), and from what a person typed to find a
/// customer by ``init(typed:)``. Coded as one JSON string; read from the store as written
/// (``init(stored:)``): old stores hold keys of one letter and other shapes.
public struct CustomerKey: Hashable, Comparable, Sendable, CustomStringConvertible, StoredAsText {
    /// The key's characters: `"JFJ2"`.
    public let value: String

    /// A key as the store wrote it, not checked.
    public init(stored value: String) { self.value = value }

    /// What a person typed to name a key, to find its customer: upper-cased, not checked, so
    /// that a key of any shape the store holds is found.
    public init(typed text: String) { value = text.uppercased() }

    /// The initials of `name`: the first letter of each part (parts split at spaces and hyphens),
    /// upper-cased, letters only, Nordic letters kept; with more than four parts the first three
    /// and the last. Nil when the name has no letters.
    ///
    ///     initials(of: "Jan Fredrik Jacobsen") == "JFJ"
    ///     initials(of: "Anne-Marie Østby") == "AMØ"
    public static func initials(of name: String) -> CustomerKey? {
        let parts = name.split(whereSeparator: { $0 == " " || $0 == "-" || $0.isWhitespace })
        let letters = parts.compactMap { part in part.first(where: \.isLetter) }
        guard !letters.isEmpty else { return nil }
        let chosen = letters.count > 4 ? Array(letters.prefix(3)) + [letters.last!] : letters
        // One letter a part even when its upper case is longer ("ß" -> "SS"), without a joiner
        // that came with it ("Å\u{200D}se" -> "Å").
        return CustomerKey(stored: String(chosen.map { letter in
            let upper = letter.uppercased().first ?? letter
            return String(upper.unicodeScalars.filter { $0.properties.generalCategory != .format })
        }.joined()))
    }

    /// The first of `base`, `base2`, `base3`, ... that `isTaken` says is free.
    public static func firstFree(_ base: CustomerKey, isTaken: (CustomerKey) -> Bool) -> CustomerKey {
        if !isTaken(base) { return base }
        var n = 2
        while isTaken(CustomerKey(stored: "\(base.value)\(n)")) { n += 1 }
        return CustomerKey(stored: "\(base.value)\(n)")
    }

    /// A key a person chose, in upper case, or nil unless it is 2-6 letters or digits (no
    /// invisible joiner either).
    public static func chosen(_ text: String) -> CustomerKey? {
        let key = text.uppercased()
        guard (2...6).contains(key.count), key.allSatisfy({ $0.isLetter || $0.isASCIIDigit }),
              key.unicodeScalars.allSatisfy({ $0.properties.generalCategory != .format }) else { return nil }
        return CustomerKey(stored: key)
    }

    public var description: String { value }

    public static func < (lhs: CustomerKey, rhs: CustomerKey) -> Bool { lhs.value < rhs.value }
}

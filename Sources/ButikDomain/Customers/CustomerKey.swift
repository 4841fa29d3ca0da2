/// The initials key the shop writes on a customer's parcels ("JFJ", "AMØ", "JFJ2", or a
/// regular's chosen key such as "JEDS").
public enum CustomerKey {
    /// The initials of `name`: the first letter of each part (parts split at spaces and hyphens),
    /// upper-cased, letters only, Nordic letters kept; with more than four parts the first three
    /// and the last. Empty when the name has no letters.
    ///
    ///     initials(of: "Jan Fredrik Jacobsen") == "JFJ"
    ///     initials(of: "Anne-Marie Østby") == "AMØ"
    public static func initials(of name: String) -> String {
        let parts = name.split(whereSeparator: { $0 == " " || $0 == "-" || $0.isWhitespace })
        let letters = parts.compactMap { part in part.first(where: \.isLetter) }
        let chosen = letters.count > 4 ? Array(letters.prefix(3)) + [letters.last!] : letters
        // One letter a part even when its upper case is longer ("ß" -> "SS"), without a joiner
        // that came with it ("Å\u{200D}se" -> "Å").
        return String(chosen.map { letter in
            let upper = letter.uppercased().first ?? letter
            return String(upper.unicodeScalars.filter { $0.properties.generalCategory != .format })
        }.joined())
    }

    /// The first of `base`, `base2`, `base3`, ... that `isTaken` says is free.
    public static func firstFree(_ base: String, isTaken: (String) -> Bool) -> String {
        if !isTaken(base) { return base }
        var n = 2
        while isTaken("\(base)\(n)") { n += 1 }
        return "\(base)\(n)"
    }

    /// A chosen key in its stored form (upper case), or nil unless it is 2-6 letters or digits
    /// (no invisible joiner either).
    public static func chosen(_ text: String) -> String? {
        let key = text.uppercased()
        guard (2...6).contains(key.count), key.allSatisfy({ $0.isLetter || $0.isASCIIDigit }),
              key.unicodeScalars.allSatisfy({ $0.properties.generalCategory != .format }) else { return nil }
        return key
    }
}

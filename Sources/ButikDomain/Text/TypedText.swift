/// The rule for short texts people type that the shop stores and shows again: customer and
/// proxy names, staff ids, notes, a proxy's relation.
///
/// Spaces are tidied: runs of whitespace (tabs and line breaks too) become one space, none at
/// the ends. Nothing else is changed: a text holding a character that acts instead of showing
/// is refused, naming the character, so that what is stored is what staff read:
/// - a control character (C0, DEL, C1; ESC starts terminal escape sequences);
/// - a bidi control (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069), which reorders the text
///   around it;
/// - any other invisible format character (zero-width space U+200B, word joiner, soft hyphen,
///   byte order mark ...), which shows nothing and makes equal-looking names differ.
///
/// Kept, because they are part of what is shown: the joiners U+200C/U+200D (emoji sequences
/// like 👩‍👩‍👧, Persian and Indic spelling) and the tag characters of an emoji flag.
public enum TypedText {
    /// The longest name a customer or a registered proxy takes.
    public static let nameLimit = 80
    /// The longest staff id.
    public static let staffIDLimit = 40

    /// What a typed text is, for messages.
    public enum Field: Equatable, Sendable {
        case name, staffID, note, relation
    }

    /// `text` with its spaces tidied, or a ``DomainError/hiddenCharacter(_:_:in:)`` refusal.
    public static func tidied(_ text: String, as field: Field) throws(DomainError) -> String {
        let tidy = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if let hidden = hiddenCharacter(in: tidy) { throw .hiddenCharacter(text, hidden, in: field) }
        return tidy
    }

    /// A customer's name as stored: tidied, 1 to ``nameLimit`` characters, with a letter.
    public static func customerName(_ text: String) throws(DomainError) -> String {
        let name = try tidied(text, as: .name)
        guard name.count <= nameLimit else { throw .nameTooLong(limit: nameLimit) }
        guard CustomerKey.initials(of: name) != nil else { throw .invalidName(text) }
        return name
    }

    /// A staff id as recorded: tidied, 1 to ``staffIDLimit`` characters.
    public static func staffID(_ text: String) throws(DomainError) -> StaffID {
        let id = try tidied(text, as: .staffID)
        guard (1...staffIDLimit).contains(id.count) else { throw .invalidStaffID(limit: staffIDLimit) }
        return StaffID(stored: id)
    }

    /// The first character in `text` that a typed text cannot hold (see above), or nil.
    public static func hiddenCharacter(in text: String) -> HiddenCharacter? {
        for character in text {
            let isEmoji = character.unicodeScalars.first?.properties.isEmoji == true
            for scalar in character.unicodeScalars {
                let properties = scalar.properties
                if properties.isBidiControl { return .direction(scalar) }
                if properties.generalCategory == .control { return .control(scalar) }
                guard properties.generalCategory == .format, !properties.isJoinControl else { continue }
                if isEmoji, (0xE0020...0xE007F).contains(scalar.value) { continue }
                return .invisible(scalar)
            }
        }
        return nil
    }
}

/// A character a typed text cannot hold (see ``TypedText``).
public enum HiddenCharacter: Equatable, Sendable {
    /// C0, DEL or C1.
    case control(Unicode.Scalar)
    /// A bidi control.
    case direction(Unicode.Scalar)
    /// Another invisible format character.
    case invisible(Unicode.Scalar)
}

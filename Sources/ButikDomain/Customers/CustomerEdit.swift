/// Changes to a customer's record as asked for at the counter or on the command line: a field
/// left nil stays as it is. An empty e-mail or note clears it; `channel` and `language` set to
/// `.some(nil)` clear them.
public struct CustomerChanges: Equatable, Sendable {
    public var name: String?
    /// A chosen key (``CustomerKey/chosen(_:)``), unique among every customer's keys and
    /// retired keys.
    public var key: String?
    /// Every phone number, replacing the ones there.
    public var phones: [String]?
    public var email: String?
    public var note: String?
    public var channel: ContactChannel??
    public var language: Language??
    public var regularByHand: Bool?
    public var personalOnly: Bool?

    public init(name: String? = nil, key: String? = nil, phones: [String]? = nil, email: String? = nil, note: String? = nil,
                channel: ContactChannel?? = nil, language: Language?? = nil, regularByHand: Bool? = nil, personalOnly: Bool? = nil) {
        self.name = name
        self.key = key
        self.phones = phones
        self.email = email
        self.note = note
        self.channel = channel
        self.language = language
        self.regularByHand = regularByHand
        self.personalOnly = personalOnly
    }
}

extension ShopState {
    /// Decides to change a customer's record: each field given is checked as adding a customer
    /// checks it (a name by ``TypedText/customerName(_:)``, a chosen key by
    /// ``CustomerKey/chosen(_:)`` and free of every other customer's keys and retired keys,
    /// phones by ``PhoneNumber``, an e-mail by ``EmailAddress``, a note by ``CustomerNote``).
    /// A new key retires the old one, which is written on their parcels and still finds them;
    /// taking back a retired key of their own makes it their key again. Changes that leave
    /// the record as it was are refused.
    public func editCustomer(_ id: CustomerID, _ changes: CustomerChanges, _ context: Context) throws(DomainError) -> Decision<Customer> {
        guard let old = records.customers[id] else { throw .unknownCustomer(id.description) }
        var new = old
        if let name = changes.name { new.name = try TypedText.customerName(name) }
        if let wanted = changes.key {
            guard let key = CustomerKey.chosen(wanted) else { throw .invalidKey(wanted) }
            if let holder = customer(withKey: key), holder.id != id { throw .keyTaken(key: key, holder: holder.name) }
            if key != old.key {
                new.retiredKeys.removeAll { $0 == key }
                new.retiredKeys.append(old.key)
                (new.key, new.keyIsChosen) = (key, true)
            }
        }
        if let phones = changes.phones { new.phones = try PhoneNumber.normalized(every: phones) }
        if let email = changes.email { new.email = try EmailAddress.checked(email) }
        if let note = changes.note { new.note = try CustomerNote.checked(note) }
        if let channel = changes.channel { new.channel = channel }
        if let language = changes.language { new.language = language }
        if let regular = changes.regularByHand { new.regularByHand = regular }
        if let personal = changes.personalOnly { new.personalOnly = personal }
        guard new != old else { throw .nothingChanged(key: old.key) }
        return Decision(events: [.customerEdited(new)], outcome: new)
    }
}

/// The rule for a customer's e-mail address: a plausible one, since the shop cannot check more.
public enum EmailAddress {
    /// The longest address taken (RFC 5321's limit).
    public static let limit = 254

    /// `text` trimmed when it is a plausible address (one `@` with text before it, a domain
    /// with a dot inside it after, no spaces or hidden characters, at most ``limit``
    /// characters); nil for an empty text; refused otherwise.
    public static func checked(_ text: String) throws(DomainError) -> String? {
        let address = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !address.isEmpty else { return nil }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard address.count <= limit, parts.count == 2, !parts[0].isEmpty,
              let dot = parts[1].lastIndex(of: "."), dot != parts[1].startIndex, parts[1].index(after: dot) != parts[1].endIndex,
              !address.contains(where: \.isWhitespace), TypedText.hiddenCharacter(in: address) == nil else {
            throw .invalidEmail(address)
        }
        return address
    }
}

/// The rule for a customer's note: free text the counter reads again.
public enum CustomerNote {
    /// The longest note taken.
    public static let limit = 500

    /// `text` with its spaces tidied (``TypedText``), nil when nothing is left; refused when it
    /// holds a hidden character or is longer than ``limit``.
    public static func checked(_ text: String) throws(DomainError) -> String? {
        let note = try TypedText.tidied(text, as: .note)
        guard note.count <= limit else { throw .noteTooLong(limit: limit) }
        return note.isEmpty ? nil : note
    }
}

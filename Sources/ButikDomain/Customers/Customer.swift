import Foundation

/// Somebody who collects parcels at the shop.
public struct Customer: Codable, Equatable, Sendable {
    public var id: CustomerID
    public var name: String
    /// The initials key written on their parcels (unique in the shop).
    public var key: CustomerKey
    /// True when the key was chosen (a regular's "JEDS") rather than derived from the name.
    public var keyIsChosen: Bool
    public var phones: [String]
    public var email: String?
    public var note: String?
    public var createdAt: Date
    /// People registered to collect for them (a fullmakt), in the order registered.
    public var proxies: [Proxy]
    /// How they like to be reached.
    public var channel: ContactChannel?
    /// The language they speak with the shop.
    public var language: Language?
    /// A regular by hand (being one by visits is derived: ``RegularRule``).
    public var regularByHand: Bool
    /// Parcels go to them in person only: every proxy is refused.
    public var personalOnly: Bool
    /// The keys of records merged into this one, oldest first: they still find the customer.
    public var retiredKeys: [CustomerKey]

    public init(id: CustomerID, name: String, key: CustomerKey, keyIsChosen: Bool, phones: [String] = [],
                email: String? = nil, note: String? = nil, createdAt: Date, proxies: [Proxy] = [],
                channel: ContactChannel? = nil, language: Language? = nil, regularByHand: Bool = false,
                personalOnly: Bool = false, retiredKeys: [CustomerKey] = []) {
        self.id = id
        self.name = name
        self.key = key
        self.keyIsChosen = keyIsChosen
        self.phones = phones
        self.email = email
        self.note = note
        self.createdAt = createdAt
        self.proxies = proxies
        self.channel = channel
        self.language = language
        self.regularByHand = regularByHand
        self.personalOnly = personalOnly
        self.retiredKeys = retiredKeys
    }
}

extension Customer {
    private enum CodingKeys: String, CodingKey {
        case id, name, key, keyIsChosen, phones, email, note, createdAt, proxies
        case channel, language, regularByHand, personalOnly, retiredKeys
    }

    /// Decodes a customer; records written before proxies, the channel, the language, the
    /// flags or the retired keys existed have none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(CustomerID.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        key = try c.decode(CustomerKey.self, forKey: .key)
        keyIsChosen = try c.decode(Bool.self, forKey: .keyIsChosen)
        phones = try c.decode([String].self, forKey: .phones)
        email = try c.decodeIfPresent(String.self, forKey: .email)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        proxies = try c.decodeIfPresent([Proxy].self, forKey: .proxies) ?? []
        channel = try c.decodeIfPresent(ContactChannel.self, forKey: .channel)
        language = try c.decodeIfPresent(Language.self, forKey: .language)
        regularByHand = try c.decodeIfPresent(Bool.self, forKey: .regularByHand) ?? false
        personalOnly = try c.decodeIfPresent(Bool.self, forKey: .personalOnly) ?? false
        retiredKeys = try c.decodeIfPresent([CustomerKey].self, forKey: .retiredKeys) ?? []
    }

    /// Encodes a customer; the flags only when set and the retired keys only when there are
    /// some, so an ordinary record reads as it did before they existed.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(key, forKey: .key)
        try c.encode(keyIsChosen, forKey: .keyIsChosen)
        try c.encode(phones, forKey: .phones)
        try c.encodeIfPresent(email, forKey: .email)
        try c.encodeIfPresent(note, forKey: .note)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(proxies, forKey: .proxies)
        try c.encodeIfPresent(channel, forKey: .channel)
        try c.encodeIfPresent(language, forKey: .language)
        if regularByHand { try c.encode(regularByHand, forKey: .regularByHand) }
        if personalOnly { try c.encode(personalOnly, forKey: .personalOnly) }
        if !retiredKeys.isEmpty { try c.encode(retiredKeys, forKey: .retiredKeys) }
    }
}

/// Phone numbers as digits only (a leading `+` dropped), for storage and matching.
public enum PhoneNumber {
    /// The digits of `text`, or nil when it is not a plausible phone number (5-15 digits, only
    /// digits, spaces, `+`, `-`, `(`, `)`).
    public static func normalized(_ text: String) -> String? {
        let allowed = Set("0123456789 +-()")
        guard text.allSatisfy({ allowed.contains($0) }) else { return nil }
        let digits = text.filter(\.isASCIIDigit)
        return (5...15).contains(digits.count) ? String(digits) : nil
    }

    /// Each of `texts` normalized, each number once, in the order given; a text that is no
    /// plausible number is refused.
    public static func normalized(every texts: [String]) throws(DomainError) -> [String] {
        var phones: [String] = []
        for text in texts {
            guard let digits = normalized(text) else { throw .invalidPhone(text) }
            if !phones.contains(digits) { phones.append(digits) }
        }
        return phones
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

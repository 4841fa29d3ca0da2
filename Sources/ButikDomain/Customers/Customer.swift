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

    public init(id: CustomerID, name: String, key: CustomerKey, keyIsChosen: Bool, phones: [String] = [],
                email: String? = nil, note: String? = nil, createdAt: Date, proxies: [Proxy] = []) {
        self.id = id
        self.name = name
        self.key = key
        self.keyIsChosen = keyIsChosen
        self.phones = phones
        self.email = email
        self.note = note
        self.createdAt = createdAt
        self.proxies = proxies
    }
}

extension Customer {
    /// Decodes a customer; records written before proxies existed have none.
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
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

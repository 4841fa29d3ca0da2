import Foundation

/// A contact's number in this store, shown as `K12`.
public typealias ContactID = Identifier<Contact>

/// One contact with a customer, logged in a few keys: the channel, what it was about, what
/// was said.
public struct Contact: Codable, Equatable, Sendable, IdentifierTag {
    public static var identifierPrefix: String { "K" }
    public static var recordKind: RecordKind { .contact }

    /// What a contact was about.
    public enum About: Equatable, Sendable {
        case parcel(TrackingNumber)
        case `case`(CaseID)
        case question
    }

    public var id: ContactID
    public var customer: CustomerID
    public var channel: ContactChannel
    public var about: About
    public var text: String
    public var at: Date
    public var staff: StaffID

    public init(id: ContactID, customer: CustomerID, channel: ContactChannel, about: About, text: String, at: Date, staff: StaffID) {
        self.id = id
        self.customer = customer
        self.channel = channel
        self.about = about
        self.text = text
        self.at = at
        self.staff = staff
    }
}

/// Coded as `{"parcel": "RR…"}`, `{"case": 12}` or `{"question": true}`.
extension Contact.About: Codable {
    private enum Keys: String, CodingKey {
        case parcel, `case`, question
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        if let tracking = try c.decodeIfPresent(TrackingNumber.self, forKey: .parcel) {
            self = .parcel(tracking)
        } else if let id = try c.decodeIfPresent(CaseID.self, forKey: .case) {
            self = .case(id)
        } else if try c.decodeIfPresent(Bool.self, forKey: .question) == true {
            self = .question
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "a contact is about a parcel, a case or a question"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case .parcel(let tracking): try c.encode(tracking, forKey: .parcel)
        case .case(let id): try c.encode(id, forKey: .case)
        case .question: try c.encode(true, forKey: .question)
        }
    }
}

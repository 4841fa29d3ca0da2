import Foundation

/// A case's number in this store, shown as `#12`.
public typealias CaseID = Identifier<Case>

/// What a case is about.
public enum CaseKind: Hashable, Sendable {
    /// What went wrong with a parcel the customer claims for (reklamasjon, reklamation).
    public enum Claim: String, Sendable, CaseIterable {
        case damaged, missing, late
    }

    case claim(Claim)
    case deliveryBooking
    /// A parcel to be delivered to the shop instead.
    case redirect
    /// A longer hold at the shop.
    case `extension`
    case question
    case complaint

    /// Every kind, in the order lists offer them.
    public static let allCases: [CaseKind] = Claim.allCases.map(CaseKind.claim)
        + [.deliveryBooking, .redirect, .extension, .question, .complaint]

    /// The name the JSON and the command line use: `claimDamaged`, `deliveryBooking`, ...
    public var code: String {
        switch self {
        case .claim(let claim): "claim" + claim.rawValue.prefix(1).uppercased() + claim.rawValue.dropFirst()
        case .deliveryBooking: "deliveryBooking"
        case .redirect: "redirect"
        case .extension: "extension"
        case .question: "question"
        case .complaint: "complaint"
        }
    }

    /// The kind named `code`, or nil.
    public init?(code: String) {
        guard let kind = Self.allCases.first(where: { $0.code == code }) else { return nil }
        self = kind
    }
}

extension CaseKind: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let code = try container.decode(String.self)
        guard let kind = CaseKind(code: code) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(code)\" is not a kind of case")
        }
        self = kind
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}

/// Where a case stands.
public enum CaseStatus: String, Codable, Sendable, CaseIterable {
    case open, waitingForCarrier, waitingForCustomer, resolved

    /// Waiting for somebody: such a case needs a follow-up day, on which it comes back.
    public var isWaiting: Bool { self == .waitingForCarrier || self == .waitingForCustomer }
}

/// One change to a case: who, when, and what changed (a field left nil stayed as it was).
public struct CaseUpdate: Codable, Equatable, Sendable {
    public var at: Date
    public var staff: StaffID
    public var status: CaseStatus?
    public var owner: StaffID?
    public var followUp: Day?
    /// Parcels it concerns from now on as well.
    public var addedParcels: [TrackingNumber]
    public var text: String?

    public init(at: Date, staff: StaffID, status: CaseStatus? = nil, owner: StaffID? = nil, followUp: Day? = nil,
                addedParcels: [TrackingNumber] = [], text: String? = nil) {
        self.at = at
        self.staff = staff
        self.status = status
        self.owner = owner
        self.followUp = followUp
        self.addedParcels = addedParcels
        self.text = text
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(at: try c.decode(Date.self, forKey: .at), staff: try c.decode(StaffID.self, forKey: .staff),
                  status: try c.decodeIfPresent(CaseStatus.self, forKey: .status), owner: try c.decodeIfPresent(StaffID.self, forKey: .owner),
                  followUp: try c.decodeIfPresent(Day.self, forKey: .followUp),
                  addedParcels: try c.decodeIfPresent([TrackingNumber].self, forKey: .addedParcels) ?? [],
                  text: try c.decodeIfPresent(String.self, forKey: .text))
    }
}

/// A contact that needs follow-up: a claim, a booking, a question to answer... It has an owner
/// on the staff, a status, a follow-up day on which it comes back by itself (``isDue(on:)``),
/// the parcels it concerns and its updates.
public struct Case: Codable, Equatable, Sendable, IdentifierTag {
    public static var identifierPrefix: String { "#" }
    public static var recordKind: RecordKind { .case }

    public var id: CaseID
    public var customer: CustomerID
    public var kind: CaseKind
    public var status: CaseStatus
    public var owner: StaffID
    public var followUp: Day?
    public var parcels: [TrackingNumber]
    /// What the customer asked for or reported, as it was opened.
    public var text: String
    public var openedAt: Date
    public var openedBy: StaffID
    /// Oldest first.
    public var updates: [CaseUpdate]

    public init(id: CaseID, customer: CustomerID, kind: CaseKind, status: CaseStatus = .open, owner: StaffID, followUp: Day? = nil,
                parcels: [TrackingNumber] = [], text: String, openedAt: Date, openedBy: StaffID, updates: [CaseUpdate] = []) {
        self.id = id
        self.customer = customer
        self.kind = kind
        self.status = status
        self.owner = owner
        self.followUp = followUp
        self.parcels = parcels
        self.text = text
        self.openedAt = openedAt
        self.openedBy = openedBy
        self.updates = updates
    }

    /// Open (not resolved) and its follow-up day has come: it is back on the list to act on,
    /// with no event.
    public func isDue(on today: Day) -> Bool {
        guard status != .resolved, let followUp else { return false }
        return followUp <= today
    }

    /// What was said last: the text of the newest update that has one, else the case's own.
    public var latestText: String { updates.last { $0.text != nil }?.text ?? text }

    /// The case with `update` made.
    public func updated(with update: CaseUpdate) -> Case {
        var copy = self
        if let status = update.status { copy.status = status }
        if let owner = update.owner { copy.owner = owner }
        if let followUp = update.followUp { copy.followUp = followUp }
        for tracking in update.addedParcels where !copy.parcels.contains(tracking) { copy.parcels.append(tracking) }
        copy.updates.append(update)
        return copy
    }
}

import Foundation

/// Somebody a customer authorised to collect their parcels: a registered fullmakt.
public struct Proxy: Codable, Equatable, Sendable {
    /// Their full name, as on their ID.
    public var name: String
    public var registeredAt: Date
    /// The staff member who registered it.
    public var registeredBy: StaffID
    /// Who they are to the customer ("daughter", "neighbour"), when said.
    public var relation: String?
    /// The last day they may collect, when the fullmakt runs out (PostNord Sweden registers
    /// one for up to five years); nil for no end.
    public var validUntil: Day?

    public init(name: String, registeredAt: Date, registeredBy: StaffID, relation: String? = nil, validUntil: Day? = nil) {
        self.name = name
        self.registeredAt = registeredAt
        self.registeredBy = registeredBy
        self.relation = relation
        self.validUntil = validUntil
    }

    /// Whether they may still collect on `day`.
    public func isValid(on day: Day) -> Bool { validUntil.map { day <= $0 } ?? true }

    /// The longest relation a proxy takes.
    public static let relationLimit = 40

    /// How many years ahead a fullmakt may run at most.
    public static let validYears = 5

    /// The last day a proxy registered on `day` may be valid until: ``validYears`` later (a
    /// 29 February to the 28th).
    public static func latestValidUntil(from day: Day) -> Day {
        let (year, month, date) = day.components
        return Day(year: year + validYears, month: month, day: date) ?? Day(year: year + validYears, month: month, day: date - 1) ?? day
    }
}

extension ShopState {
    /// The customer's registered proxy called `name`, compared folded (case, accents and
    /// spacing ignored), or nil.
    public func proxy(named name: String, of customer: CustomerID) -> Proxy? {
        let folded = NameFolding.fold(name)
        return records.customers[customer]?.proxies.first { NameFolding.fold($0.name) == folded }
    }

    /// Decides to register somebody who may collect the customer's parcels. The name follows
    /// ``TypedText``, is 1 to ``TypedText/nameLimit`` characters with a letter, and is not
    /// already registered for them; a relation, when given (blank: none), is at most
    /// ``Proxy/relationLimit`` characters; a valid-until day is from today to
    /// ``Proxy/latestValidUntil(from:)``.
    public func authoriseProxy(_ name: String, relation: String? = nil, validUntil: Day? = nil, for customer: CustomerID,
                               _ context: Context) throws(DomainError) -> Decision<Proxy> {
        guard let known = records.customers[customer] else { throw .unknownCustomer(customer.description) }
        let tidy = try Self.proxyName(name)
        if let registered = proxy(named: tidy, of: customer) { throw .proxyAlreadyRegistered(name: registered.name, key: known.key) }
        let relationText = try TypedText.tidied(relation ?? "", as: .relation)
        guard relationText.count <= Proxy.relationLimit else { throw .invalidProxyRelation(limit: Proxy.relationLimit) }
        if let day = validUntil {
            let latest = Proxy.latestValidUntil(from: context.today)
            guard context.today <= day, day <= latest else { throw .invalidValidUntil(day, earliest: context.today, latest: latest) }
        }
        let proxy = Proxy(name: tidy, registeredAt: context.now, registeredBy: context.staff,
                          relation: relationText.isEmpty ? nil : relationText, validUntil: validUntil)
        return Decision(events: [.proxyAuthorised(customer: customer, proxy: proxy)], outcome: proxy)
    }

    /// A proxy's name as typed, its spaces tidied (``TypedText``): 1 to ``TypedText/nameLimit``
    /// characters with a letter.
    public static func proxyName(_ typed: String) throws(DomainError) -> String {
        let tidy = try TypedText.tidied(typed, as: .name)
        guard (1...TypedText.nameLimit).contains(tidy.count), tidy.contains(where: \.isLetter) else {
            throw .invalidProxyName(limit: TypedText.nameLimit)
        }
        return tidy
    }

    /// Decides to withdraw a registered proxy's authorisation; `name` is compared folded.
    public func revokeProxy(_ name: String, for customer: CustomerID, _ context: Context) throws(DomainError) -> Decision<Proxy> {
        guard let known = records.customers[customer] else { throw .unknownCustomer(customer.description) }
        guard let registered = proxy(named: name, of: customer) else {
            throw .notAProxy(name: name.trimmingCharacters(in: .whitespaces), key: known.key, registered: known.proxies.map(\.name))
        }
        return Decision(events: [.proxyRevoked(customer: customer, name: registered.name)], outcome: registered)
    }
}

import Foundation

/// Somebody a customer authorised to collect their parcels: a registered fullmakt.
public struct Proxy: Codable, Equatable, Sendable {
    /// Their full name, as on their ID.
    public var name: String
    public var registeredAt: Date
    /// The staff member who registered it.
    public var registeredBy: StaffID

    public init(name: String, registeredAt: Date, registeredBy: StaffID) {
        self.name = name
        self.registeredAt = registeredAt
        self.registeredBy = registeredBy
    }
}

extension ShopState {
    /// The customer's registered proxy called `name`, compared folded (case, accents and
    /// spacing ignored), or nil.
    public func proxy(named name: String, of customer: CustomerID) -> Proxy? {
        let folded = NameFolding.fold(name)
        return records.customers[customer]?.proxies.first { NameFolding.fold($0.name) == folded }
    }

    /// Decides to register `name` as somebody who may collect the customer's parcels. The name
    /// follows ``TypedText``, is 1 to ``TypedText/nameLimit`` characters with a letter, and is
    /// not already registered for them.
    public func authoriseProxy(_ name: String, for customer: CustomerID, _ context: Context) throws(DomainError) -> Decision<Proxy> {
        guard let known = records.customers[customer] else { throw .unknownCustomer(customer.description) }
        let tidy = try Self.proxyName(name)
        if let registered = proxy(named: tidy, of: customer) { throw .proxyAlreadyRegistered(name: registered.name, key: known.key) }
        let proxy = Proxy(name: tidy, registeredAt: context.now, registeredBy: context.staff)
        return Decision(events: [.proxyAuthorised(customer: customer, proxy: proxy)], outcome: proxy)
    }

    /// A proxy's name as typed, its spaces tidied (``TypedText``): 1 to ``TypedText/nameLimit``
    /// characters with a letter.
    static func proxyName(_ typed: String) throws(DomainError) -> String {
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

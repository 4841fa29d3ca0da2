import Foundation

/// One line of a customer's history kept in state, e.g. a refused hand-out and why.
public struct CustomerLogEntry: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        /// A hand-out refused at the counter (the ID did not match, ...).
        case refusal
    }

    public var kind: Kind
    public var text: String
    /// The parcels it concerned.
    public var parcels: [TrackingNumber]
    public var at: Date
    public var staff: StaffID
    /// The proxy who came for the parcels, when a proxy's hand-out was refused.
    public var proxyName: String?

    public init(kind: Kind, text: String, parcels: [TrackingNumber], at: Date, staff: StaffID, proxyName: String? = nil) {
        self.kind = kind
        self.text = text
        self.parcels = parcels
        self.at = at
        self.staff = staff
        self.proxyName = proxyName
    }
}

extension ShopState {
    /// How many entries a customer's log keeps; older ones are left to the journal.
    public static let customerLogLimit = 20

    /// The longest reason a refusal takes.
    public static let reasonLimit = 200

    /// A customer's log, oldest first.
    public func log(of customer: CustomerID) -> [CustomerLogEntry] { records.customerLogs[customer] ?? [] }

    /// Decides to note a refused hand-out with its reason in the customer's log. `parcels` must
    /// be the customer's; none given means their waiting parcels. The reason is 1 to
    /// ``reasonLimit`` characters. `proxyName` names the proxy who came for them, if one did
    /// (blank: none), as a registered proxy is named.
    public func refuseHandOut(_ customer: CustomerID, parcels: [ParcelID], reason: String, proxyName: String? = nil,
                              _ context: Context) throws(DomainError) -> Decision<CustomerLogEntry> {
        guard let known = records.customers[customer] else { throw .unknownCustomer(customer.description) }
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...Self.reasonLimit).contains(text.count) else { throw .invalidReason(limit: Self.reasonLimit) }
        let typedProxy = proxyName?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let proxy = typedProxy.isEmpty ? nil : try Self.proxyName(typedProxy)
        var ids: [ParcelID] = []
        for id in parcels where !ids.contains(id) {
            let parcel = try existing(id)
            guard parcel.customer == customer else { throw .notCustomersParcel(tracking: parcel.tracking, key: known.key) }
            ids.append(id)
        }
        if parcels.isEmpty { ids = parcelsInShop(for: customer).filter { $0.status == .waiting }.map(\.id) }
        let entry = CustomerLogEntry(kind: .refusal, text: text, parcels: ids.compactMap { self.parcels[$0]?.tracking },
                                     at: context.now, staff: context.staff, proxyName: proxy)
        return Decision(events: [.handOutRefused(customer: customer, parcels: ids, reason: text, proxyName: proxy)], outcome: entry)
    }
}

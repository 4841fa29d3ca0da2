import Foundation

/// A case as given at the counter or on the command line.
public struct NewCase: Equatable, Sendable {
    public var customer: CustomerID
    public var kind: CaseKind
    public var parcels: [TrackingNumber]
    /// Nil: the staff member who opens it.
    public var owner: String?
    public var followUp: Day?
    public var text: String

    public init(customer: CustomerID, kind: CaseKind, parcels: [TrackingNumber] = [], owner: String? = nil, followUp: Day? = nil,
                text: String) {
        self.customer = customer
        self.kind = kind
        self.parcels = parcels
        self.owner = owner
        self.followUp = followUp
        self.text = text
    }
}

/// What to change on a case; nil (or empty) leaves it as it is.
public struct CaseChange: Equatable, Sendable {
    public var status: CaseStatus?
    public var owner: String?
    public var followUp: Day?
    public var parcels: [TrackingNumber]
    public var text: String?

    public init(status: CaseStatus? = nil, owner: String? = nil, followUp: Day? = nil, parcels: [TrackingNumber] = [], text: String? = nil) {
        self.status = status
        self.owner = owner
        self.followUp = followUp
        self.parcels = parcels
        self.text = text
    }
}

extension ShopState {
    /// The longest text a contact or a case update takes.
    public static let logTextLimit = 1000

    /// The customer's cases, oldest first.
    public func customerCases(_ customer: CustomerID) -> [Case] {
        (indexes.casesByCustomer[customer] ?? []).compactMap { records.cases[$0] }
    }

    /// The customer's cases not resolved, oldest first.
    public func openCustomerCases(_ customer: CustomerID) -> [Case] {
        customerCases(customer).filter { $0.status != .resolved }
    }

    /// Decides to log a contact with a customer. A parcel it is about, when the shop knows the
    /// number, must be theirs (one not here yet or long gone is taken as said); a case must be
    /// theirs. The text follows ``TypedText``, is 1 to ``logTextLimit`` characters and holds no
    /// national identity number (``NationalID``).
    public func logContact(_ customer: CustomerID, channel: ContactChannel, about: Contact.About, text: String,
                           _ context: Context) throws(DomainError) -> Decision<Contact> {
        let known = try existing(customer)
        switch about {
        case .parcel(let tracking): _ = try caseParcels([tracking], of: known)
        case .case(let id):
            guard let theirs = records.cases[id] else { throw .unknownCase(id.description) }
            guard theirs.customer == customer else { throw .notCustomersCase(case: id, key: known.key) }
        case .question: break
        }
        let contact = Contact(id: try ContactID.minted(from: records.nextContactNumber), customer: customer, channel: channel,
                              about: about, text: try Self.logText(text), at: context.now, staff: context.staff)
        return Decision(events: [.contactLogged(contact)], outcome: contact)
    }

    /// Decides to open a case: its parcels as ``logContact(_:channel:about:text:_:)`` takes one,
    /// the owner a staff id (the one who opens it when none is given), a follow-up day today or
    /// later, the text as a contact's.
    public func openCase(_ new: NewCase, _ context: Context) throws(DomainError) -> Decision<Case> {
        let known = try existing(new.customer)
        let opened = Case(id: try CaseID.minted(from: records.nextCaseNumber), customer: new.customer, kind: new.kind,
                          owner: try new.owner.map(TypedText.staffID) ?? context.staff, followUp: try Self.followUp(new.followUp, context),
                          parcels: try caseParcels(new.parcels, of: known), text: try Self.logText(new.text), openedAt: context.now,
                          openedBy: context.staff)
        return Decision(events: [.caseOpened(opened)], outcome: opened)
    }

    /// Decides to change a case that is not resolved: at least one thing given, a follow-up day
    /// today or later, and a waiting case needs one. Resolving it needs a text (see
    /// ``closeCase(_:text:_:)``).
    public func updateCase(_ id: CaseID, _ change: CaseChange, _ context: Context) throws(DomainError) -> Decision<Case> {
        let current = try existing(id)
        guard current.status != .resolved else { throw .caseResolved(id) }
        return try decided(current, change, context)
    }

    /// Decides to resolve a case, saying how.
    public func closeCase(_ id: CaseID, text: String, _ context: Context) throws(DomainError) -> Decision<Case> {
        try updateCase(id, CaseChange(status: .resolved, text: text), context)
    }

    /// Decides to open a resolved case again, saying why.
    public func reopenCase(_ id: CaseID, text: String, _ context: Context) throws(DomainError) -> Decision<Case> {
        let current = try existing(id)
        guard current.status == .resolved else { throw .caseNotResolved(id) }
        return try decided(current, CaseChange(status: .open, text: text), context)
    }

    private func decided(_ current: Case, _ change: CaseChange, _ context: Context) throws(DomainError) -> Decision<Case> {
        guard change.status != nil || change.owner != nil || change.followUp != nil || !change.parcels.isEmpty || change.text != nil else {
            throw .caseUpdateEmpty(current.id)
        }
        if change.status == .resolved, change.text == nil { throw .invalidLogText(limit: Self.logTextLimit) }
        let followUp = try Self.followUp(change.followUp, context)
        if let status = change.status, status.isWaiting, (followUp ?? current.followUp).map({ $0 < context.today }) ?? true {
            throw .followUpNeeded(status: status)
        }
        let added = try caseParcels(change.parcels, of: try existing(current.customer)).filter { !current.parcels.contains($0) }
        let update = CaseUpdate(at: context.now, staff: context.staff, status: change.status, owner: try change.owner.map(TypedText.staffID),
                                followUp: followUp, addedParcels: added, text: try change.text.map(Self.logText))
        return Decision(events: [.caseUpdated(case: current.id, update)], outcome: current.updated(with: update))
    }

    /// The text of a contact or a case as stored: tidied (``TypedText``), 1 to ``logTextLimit``
    /// characters, no national identity number.
    static func logText(_ typed: String) throws(DomainError) -> String {
        let text = try TypedText.tidied(typed, as: .text)
        guard (1...logTextLimit).contains(text.count) else { throw .invalidLogText(limit: logTextLimit) }
        try NationalID.check(text)
        return text
    }

    /// A follow-up day given: today or later.
    private static func followUp(_ day: Day?, _ context: Context) throws(DomainError) -> Day? {
        if let day, day < context.today { throw .followUpInPast(day) }
        return day
    }

    /// `tracking` without repeats, each the customer's when the shop knows the number.
    private func caseParcels(_ tracking: [TrackingNumber], of customer: Customer) throws(DomainError) -> [TrackingNumber] {
        var kept: [TrackingNumber] = []
        for number in tracking where !kept.contains(number) {
            if let parcel = latestParcel(number), parcel.customer != customer.id {
                throw .notCustomersParcel(tracking: number, key: customer.key)
            }
            kept.append(number)
        }
        return kept
    }

    private func existing(_ id: CustomerID) throws(DomainError) -> Customer {
        guard let known = records.customers[id] else { throw .unknownCustomer(id.description) }
        return known
    }

    private func existing(_ id: CaseID) throws(DomainError) -> Case {
        guard let known = records.cases[id] else { throw .unknownCase(id.description) }
        return known
    }
}

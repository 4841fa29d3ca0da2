/// A new customer as given at the counter or on the command line.
public struct NewCustomer: Equatable, Sendable {
    public var name: String
    /// A chosen key (a regular's "JEDS"); nil derives the key from the initials.
    public var key: String?
    public var phones: [String]
    public var email: String?
    public var note: String?

    public init(name: String, key: String? = nil, phones: [String] = [], email: String? = nil, note: String? = nil) {
        self.name = name
        self.key = key
        self.phones = phones
        self.email = email
        self.note = note
    }

    /// A new customer as typed in one field at intake: the name, and a phone number when the
    /// text ends in one (`"Kari Nordmann 912 34 567"`, `"Ola +47 400 11 222"`); the rest is
    /// the name. Text without a trailing phone number is all name.
    public init(typed text: String) {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        let phoneLike = Set("0123456789+-()")
        // The trailing words made of phone characters, with a digit each.
        let tail = words.reversed().prefix { word in word.allSatisfy(phoneLike.contains) && word.contains(where: \.isASCIIDigit) }
        let name = words.dropLast(tail.count).joined(separator: " ")
        let phone = tail.reversed().joined(separator: " ")
        guard !tail.isEmpty, name.contains(where: \.isLetter), PhoneNumber.normalized(phone) != nil else {
            self.init(name: text.trimmingCharacters(in: .whitespaces))
            return
        }
        self.init(name: name, phones: [phone])
    }
}

extension ShopState {
    /// Decides to add a customer; the key is the chosen one or the first free initials key
    /// (both free of every key and retired key); phones, e-mail and note follow the rules of
    /// ``editCustomer(_:_:_:)``.
    public func addCustomer(_ new: NewCustomer, _ context: Context) throws(DomainError) -> Decision<Customer> {
        let customer = try makeCustomer(new, context)
        return Decision(events: [.customerAdded(customer)], outcome: customer)
    }

    func makeCustomer(_ new: NewCustomer, _ context: Context) throws(DomainError) -> Customer {
        let name = try TypedText.customerName(new.name)
        let key: CustomerKey
        if let wanted = new.key {
            guard let chosen = CustomerKey.chosen(wanted) else { throw .invalidKey(wanted) }
            if let holder = customer(withKey: chosen) { throw .keyTaken(key: chosen, holder: holder.name) }
            key = chosen
        } else {
            guard let initials = CustomerKey.initials(of: name) else { throw .invalidName(new.name) }
            key = CustomerKey.firstFree(initials) { indexes.customerByKey[$0] != nil }
        }
        return Customer(
            id: try CustomerID.minted(from: records.nextCustomerNumber), name: name, key: key, keyIsChosen: new.key != nil,
            phones: try PhoneNumber.normalized(every: new.phones), email: try new.email.flatMap(EmailAddress.checked),
            note: try new.note.flatMap(CustomerNote.checked), createdAt: context.now)
    }
}

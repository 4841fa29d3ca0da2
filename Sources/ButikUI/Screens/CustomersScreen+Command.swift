import ButikDomain

extension CustomersScreen {
    /// A change the customers screen asks the store to make.
    public enum Command: Equatable, Sendable {
        /// A new customer: a name, and a phone number if one was given.
        case addCustomer(NewCustomer)
        /// Somebody the customer authorises to collect their parcels: who they are to them and
        /// the last day they may, when given.
        case authoriseProxy(CustomerID, name: String, relation: String?, validUntil: Day?)
        /// A registered proxy whose authorisation ends.
        case revokeProxy(CustomerID, name: String)
        /// A change to the customer's record.
        case editCustomer(CustomerID, CustomerChanges)
        /// Another record of the same person merged into the one kept.
        case mergeCustomers(keep: CustomerID, other: CustomerID)
        /// A contact with the customer: its channel, what about, what was said.
        case logContact(CustomerID, channel: ContactChannel, about: Contact.About, text: String)
        /// A case opened for a customer.
        case openCase(NewCase)
        /// A change to a case not resolved: its status, owner, follow-up day, a text.
        case updateCase(CaseID, CaseChange)
        /// A case resolved, saying how.
        case closeCase(CaseID, text: String)
        /// A resolved case opened again, saying why.
        case reopenCase(CaseID, text: String)

        /// The domain decision for this command.
        func decide(_ state: ShopState, _ context: Context) throws(DomainError) -> Decision<Outcome> {
            switch self {
            case .addCustomer(let new): try state.addCustomer(new, context).map(Outcome.customerAdded)
            case .authoriseProxy(let customer, let name, let relation, let validUntil):
                try state.authoriseProxy(name, relation: relation, validUntil: validUntil, for: customer, context).map { Outcome.proxyAuthorised(customer, $0) }
            case .revokeProxy(let customer, let name):
                try state.revokeProxy(name, for: customer, context).map { Outcome.proxyRevoked(customer, $0) }
            case .editCustomer(let customer, let changes): try state.editCustomer(customer, changes, context).map(Outcome.customerEdited)
            case .mergeCustomers(let keep, let other): try state.mergeCustomers(keep: keep, other: other, context).map(Outcome.customersMerged)
            case .logContact(let customer, let channel, let about, let text):
                try state.logContact(customer, channel: channel, about: about, text: text, context).map(Outcome.contactLogged)
            case .openCase(let new): try state.openCase(new, context).map(Outcome.caseOpened)
            case .updateCase(let id, let change): try state.updateCase(id, change, context).map(Outcome.caseUpdated)
            case .closeCase(let id, let text): try state.closeCase(id, text: text, context).map(Outcome.caseClosed)
            case .reopenCase(let id, let text): try state.reopenCase(id, text: text, context).map(Outcome.caseReopened)
            }
        }
    }

    /// What a command of the customers screen did, once it is on disk.
    public enum Outcome: Equatable, Sendable {
        case customerAdded(Customer)
        case proxyAuthorised(CustomerID, Proxy)
        case proxyRevoked(CustomerID, Proxy)
        case customerEdited(Customer)
        case customersMerged(CustomerMerge)
        case contactLogged(Contact)
        case caseOpened(Case)
        case caseUpdated(Case)
        case caseClosed(Case)
        case caseReopened(Case)
    }
}

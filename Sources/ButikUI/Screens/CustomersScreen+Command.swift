import ButikDomain

extension CustomersScreen {
    /// A change the customers screen asks the store to make.
    public enum Command: Equatable, Sendable {
        /// A new customer: a name, and a phone number if one was given.
        case addCustomer(NewCustomer)
        /// Somebody the customer authorises to collect their parcels.
        case authoriseProxy(CustomerID, name: String)
        /// A registered proxy whose authorisation ends.
        case revokeProxy(CustomerID, name: String)
        /// A contact with the customer: its channel, what about, what was said.
        case logContact(CustomerID, channel: ContactChannel, about: Contact.About, text: String)
        /// A case opened for a customer.
        case openCase(NewCase)

        /// The domain decision for this command.
        func decide(_ state: ShopState, _ context: Context) throws(DomainError) -> Decision<Outcome> {
            switch self {
            case .addCustomer(let new): try state.addCustomer(new, context).map(Outcome.customerAdded)
            case .authoriseProxy(let customer, let name):
                try state.authoriseProxy(name, for: customer, context).map { Outcome.proxyAuthorised(customer, $0) }
            case .revokeProxy(let customer, let name):
                try state.revokeProxy(name, for: customer, context).map { Outcome.proxyRevoked(customer, $0) }
            case .logContact(let customer, let channel, let about, let text):
                try state.logContact(customer, channel: channel, about: about, text: text, context).map(Outcome.contactLogged)
            case .openCase(let new): try state.openCase(new, context).map(Outcome.caseOpened)
            }
        }
    }

    /// What a command of the customers screen did, once it is on disk.
    public enum Outcome: Equatable, Sendable {
        case customerAdded(Customer)
        case proxyAuthorised(CustomerID, Proxy)
        case proxyRevoked(CustomerID, Proxy)
        case contactLogged(Contact)
        case caseOpened(Case)
    }
}

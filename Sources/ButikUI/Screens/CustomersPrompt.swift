import ButikDomain
import ButikGrid
import ButikText

/// The dialog open over the customers screen: a new customer's name, then their phone; a
/// proxy to register; a registered proxy to withdraw. Its words are put together when it is drawn.
public struct CustomersPrompt: Sendable {
    public enum Purpose: Equatable, Sendable {
        /// A new customer's name.
        case name
        /// The new customer's phone number, or none.
        case phone(name: String)
        /// Somebody to register as collecting for the customer.
        case proxy(CustomerID)
        /// Who the proxy called `name` is to the customer, or none.
        case relation(CustomerID, name: String)
        /// The last day the proxy may collect (DD.MM.YYYY, at most five years), or none.
        case validUntil(CustomerID, name: String, relation: String)
        /// Which registered proxy of the customer's to withdraw: by number, or by name.
        case withdraw(CustomerID)
    }

    public private(set) var purpose: Purpose
    /// The answer typed so far, and the prompt's keys.
    var input: TextPrompt<CustomersScreen.Action>

    /// Asks for a new customer's name, with `text` typed so far.
    static func name(text: String = "") -> CustomersPrompt {
        CustomersPrompt(.name, Phrase("keys.customers.theName"), text, Phrase("customers.add.name.placeholder"), enter: Phrase("keys.customers.next"))
    }

    /// Asks for the phone number of the new customer called `name`; Esc goes back to the name.
    static func phone(name: String, text: String = "") -> CustomersPrompt {
        CustomersPrompt(.phone(name: name), Phrase("keys.customers.thePhone"), text, Phrase("customers.add.phone.placeholder"),
                        enter: Phrase("keys.customers.add"), escape: Phrase("keys.customers.backToName"))
    }

    /// Asks whom `customer` authorises to collect for them.
    static func proxy(_ customer: CustomerID, text: String = "") -> CustomersPrompt {
        CustomersPrompt(.proxy(customer), Phrase("keys.customers.theProxy"), text, Phrase("customers.proxy.placeholder"),
                        enter: Phrase("keys.customers.register"))
    }

    /// Asks who the proxy `name` is to `customer`; Esc goes back to the name.
    static func relation(_ customer: CustomerID, name: String, text: String = "") -> CustomersPrompt {
        CustomersPrompt(.relation(customer, name: name), Phrase("keys.customers.theRelation"), text, Phrase("customers.proxy.relation.placeholder"),
                        enter: Phrase("keys.customers.next"), escape: Phrase("keys.customers.backToName"))
    }

    /// Asks until when the proxy `name` may collect for `customer`; Esc goes back to the relation.
    static func validUntil(_ customer: CustomerID, name: String, relation: String, text: String = "") -> CustomersPrompt {
        CustomersPrompt(.validUntil(customer, name: name, relation: relation), Phrase("keys.customers.theValidUntil"), text,
                        Phrase("customers.proxy.validUntil.placeholder"), enter: Phrase("keys.customers.register"),
                        escape: Phrase("keys.customers.backToRelation"))
    }

    /// Asks which of `customer`'s proxies to withdraw: a digit picks one, a name typed is looked for.
    static func withdraw(_ customer: CustomerID, text: String = "") -> CustomersPrompt {
        CustomersPrompt(.withdraw(customer), Phrase("keys.customers.theProxy"), text, Phrase("customers.withdraw.placeholder"),
                        limit: .noDigits, enter: Phrase("keys.customers.withdraw"))
    }

    private init(_ purpose: Purpose, _ label: Phrase, _ text: String, _ placeholder: Phrase, limit: TextPrompt<CustomersScreen.Action>.Limit = .text,
                 enter: Phrase, escape: Phrase = Phrase("keys.counter.cancel")) {
        self.purpose = purpose
        input = TextPrompt(label, text: text, placeholder: placeholder, limit: limit, enter: .init(enter, .submitPrompt),
                           escape: .init(escape, .cancelPrompt))
    }

    /// The answer typed so far.
    public var text: String { input.text }

    /// At most this many registered proxies are numbered to pick.
    static let picked = 9

    /// The dialog as it reads in the context's words.
    func modal(_ context: AppContext) -> Modal {
        let words = context.words
        let field = input.shown(words)
        let cancel = words.text("modal.cancel")
        func about(_ id: CustomerID) -> [String: Phrase.Argument] {
            let customer = context.shop.customers[id]
            return ["key": .text(customer?.key.value ?? "?"), "name": .text(customer?.name ?? "")]
        }
        switch purpose {
        case .name:
            return Modal(.prompt(field), title: " \(words.text("customers.add.title")) ", message: words.text("customers.add.name"),
                         confirmLabel: words.text("customers.add.next"), cancelLabel: cancel)
        case .phone(let name):
            return Modal(.prompt(field), title: " \(words.text("customers.add.title")) ",
                         message: words.text("customers.add.phone", ["name": .text(name)]),
                         confirmLabel: words.text("customers.add.confirm"), cancelLabel: words.text("customers.add.back"))
        case .proxy(let id):
            return Modal(.prompt(field), title: " \(words.text("customers.proxy.title")) ", message: words.text("customers.proxy.message", about(id)),
                         confirmLabel: words.text("customers.add.next"), cancelLabel: cancel)
        case .relation(let id, let name):
            return Modal(.prompt(field), title: " \(words.text("customers.proxy.title")) ",
                         message: words.text("customers.proxy.relation", about(id).merging(["proxy": .text(name)]) { $1 }),
                         confirmLabel: words.text("customers.add.next"), cancelLabel: words.text("customers.add.back"))
        case .validUntil(let id, let name, _):
            let latest = Proxy.latestValidUntil(from: context.today)
            return Modal(.prompt(field), title: " \(words.text("customers.proxy.title")) ",
                         message: words.text("customers.proxy.validUntil", about(id).merging(["proxy": .text(name), "latest": .date(latest)]) { $1 }),
                         confirmLabel: words.text("customers.proxy.confirm"), cancelLabel: words.text("customers.add.back"))
        case .withdraw(let id):
            let proxies = context.shop.customers[id]?.proxies ?? []
            let lines = proxies.prefix(Self.picked).enumerated().map { "\($0.offset + 1) \($0.element.name)" }
            return Modal(.prompt(field), title: " \(words.text("customers.withdraw.title")) ",
                         message: ([words.text("customers.withdraw.message", about(id))] + lines).joined(separator: "\n"),
                         confirmLabel: words.text("customers.withdraw.confirm"), cancelLabel: cancel)
        }
    }
}

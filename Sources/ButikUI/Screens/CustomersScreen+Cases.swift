import ButikDomain
import ButikGrid
import ButikText

/// The card's contact and case dialogs (`c` and `o`), over the card.
extension CustomersScreen {
    /// A dialog of the card that takes more than one step.
    enum CardDialog: Equatable, Sendable {
        case contact(ContactDialog)
        case newCase(CaseDialog)
    }

    /// The dialog's keys.
    func dialogKeys(_ dialog: CardDialog, _ context: AppContext) -> KeyMap<Action> {
        switch dialog {
        case .contact(let contact): contact.keys(context, flow: Self.flow(context.words))
        case .newCase(let opening): opening.keys(context, flow: Self.flow(context.words))
        }
    }

    /// `c` and `o`: a dialog opened for the card's customer.
    mutating func openDialog(_ action: Action, _ context: AppContext) {
        guard let id = card?.customer else { return }
        dialog = action == .logContact ? .contact(ContactDialog(id)) : .newCase(CaseDialog(id, owner: context.staff))
        notice = nil
    }

    /// A step in the open dialog; the command it ends in is asked of the store.
    mutating func step(_ move: CardStep, _ context: AppContext) -> [AppEffect] {
        var command: Command?
        switch dialog {
        case .contact(var contact):
            let (close, asked) = contact.take(move, context)
            dialog = close ? nil : .contact(contact)
            command = asked
        case .newCase(var opening):
            let (close, asked, problem) = opening.take(move, context)
            dialog = close ? nil : .newCase(opening)
            command = asked
            if let problem {
                notice = Notice(problem, tone: .error)
                return [.beep]
            }
        case nil: return []
        }
        notice = nil
        return command.map { [.perform(.customers($0))] } ?? []
    }

    /// A key typed into the dialog's prompt.
    mutating func typeInDialog(_ key: Key) {
        switch dialog {
        case .contact(var contact):
            _ = contact.input.type(key)
            dialog = .contact(contact)
        case .newCase(var opening):
            _ = opening.input.type(key)
            dialog = .newCase(opening)
        case nil: break
        }
    }

    /// A contact logged or a case opened is said, and the card's timeline read again from its
    /// newest entry, which tells it.
    mutating func caseOutcome(_ outcome: Outcome, _ context: AppContext) {
        switch outcome {
        case .contactLogged(let contact):
            notice = Notice(Phrase("customers.contact.logged", ["channel": .phrase(contact.channel.phrase)]))
            if card?.customer == contact.customer { card?.want(1) }
        case .caseOpened(let opened):
            notice = Notice(phrases: [Phrase("customers.case.opened", ["case": .text(opened.id.description), "kind": .phrase(opened.kind.phrase)])]
                + CaseDialog.claimCountdowns(opened.kind, opened.parcels, context))
            if card?.customer == opened.customer { card?.want(1) }
        default: break
        }
    }
}

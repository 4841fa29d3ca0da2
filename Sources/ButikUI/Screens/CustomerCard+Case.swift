import ButikDomain
import ButikGrid
import ButikText
import Foundation

/// `o` on the card: a case opened step by step: the kind, the parcels it concerns (picked
/// from the customer's in the shop), the owner (the one signed in unless changed), a follow-up
/// day (`DD.MM[.YYYY]`, or none), then the text. A damage claim shows each picked parcel's
/// reporting deadline as a countdown.
struct CaseDialog: Equatable, Sendable {
    enum Step: Equatable, Sendable {
        case kind, parcels, owner, followUp, text
    }

    let customer: CustomerID
    private(set) var step = Step.kind
    private(set) var choice = 0
    private(set) var kind = CaseKind.question
    private(set) var parcels: [TrackingNumber] = []
    private(set) var owner: String
    private(set) var followUp = ""
    /// The text of the step that asks for one.
    var input: TextPrompt<CustomersScreen.Action>

    init(_ customer: CustomerID, owner: StaffID) {
        self.customer = customer
        self.owner = owner.value
        input = Self.prompt(.owner, "")
    }

    /// The dialog at its text, as a refused case left it: everything given kept for correction.
    init(_ refused: NewCase, owner: StaffID) {
        self.init(refused.customer, owner: owner)
        kind = refused.kind
        parcels = refused.parcels
        self.owner = refused.owner ?? owner.value
        followUp = refused.followUp.map { day in
            let parts = day.components
            return "\(parts.day).\(parts.month).\(parts.year)"
        } ?? ""
        step = .text
        input = Self.prompt(.text, refused.text)
    }

    private static func prompt(_ step: Step, _ text: String) -> TextPrompt<CustomersScreen.Action> {
        let (label, placeholder, enter): (Phrase, Phrase, Phrase) = switch step {
        case .owner: (Phrase("keys.customers.caseOwner"), Phrase("customers.case.owner.placeholder"), Phrase("keys.customers.next"))
        case .followUp: (Phrase("keys.customers.followUp"), Phrase("customers.case.followUp.placeholder"), Phrase("keys.customers.next"))
        default: (Phrase("keys.customers.caseText"), Phrase("customers.contact.placeholder"), Phrase("keys.customers.openCase"))
        }
        return TextPrompt(label, text: text, placeholder: placeholder, enter: .init(enter, .dialog(.next)),
                          escape: .init(Phrase("keys.customers.stepBack"), .dialog(.back)))
    }

    /// The customer's parcels in the shop, as many as can be picked.
    private func offered(_ context: AppContext) -> [Parcel] {
        Array(context.shop.parcelsInShop(for: customer).prefix(CardChoices.most))
    }

    /// The step's keys: a kind picked by its digit or ↑↓ and Enter; parcels ticked by digit; a prompt.
    func keys(_ context: AppContext, flow: String) -> KeyMap<CustomersScreen.Action> {
        switch step {
        case .kind: CardChoices.keys(count: CaseKind.allCases.count, context.words, flow: flow)
        case .parcels: CardChoices.keys(count: offered(context).count, context.words, flow: flow, next: Phrase("keys.customers.next"))
        case .owner, .followUp, .text: input.keys(context.words, flow: flow)
        }
    }

    /// Takes a step; returns whether the dialog closes, the command once the text is given, and
    /// what was wrong with a follow-up day typed.
    mutating func take(_ move: CardStep, _ context: AppContext) -> (close: Bool, command: CustomersScreen.Command?, problem: Phrase?) {
        let parcelsHere = offered(context)
        switch (move, step) {
        case (.move(let by), .kind): choice = min(max(0, choice + by), CaseKind.allCases.count - 1)
        case (.move(let by), .parcels): choice = min(max(0, choice + by), max(0, parcelsHere.count - 1))
        case (.move, _): break
        case (.pick(let number), .kind) where CaseKind.allCases.indices.contains(number - 1):
            choice = number - 1
            return take(.next, context)
        case (.pick(let number), .parcels) where parcelsHere.indices.contains(number - 1):
            let tracking = parcelsHere[number - 1].tracking
            if let at = parcels.firstIndex(of: tracking) { parcels.remove(at: at) } else { parcels.append(tracking) }
        case (.pick, _): break
        case (.back, .kind): return (true, nil, nil)
        case (.back, .parcels): go(.kind, context)
        case (.back, .owner): go(parcelsHere.isEmpty ? .kind : .parcels, context)
        case (.back, .followUp): go(.owner, context)
        case (.back, .text): go(.followUp, context)
        case (.next, .kind):
            kind = CaseKind.allCases[choice]
            go(parcelsHere.isEmpty ? .owner : .parcels, context)
        case (.next, .parcels): go(.owner, context)
        case (.next, .owner):
            owner = input.answer.isEmpty ? context.staff.value : input.answer
            go(.followUp, context)
        case (.next, .followUp):
            guard input.answer.isEmpty || Day(typed: input.answer, from: context.today) != nil else {
                return (false, nil, Phrase("customers.case.badDay", ["text": .text(input.answer)]))
            }
            followUp = input.answer
            go(.text, context)
        case (.next, .text):
            let day = followUp.isEmpty ? nil : Day(typed: followUp, from: context.today)
            return (true, .openCase(NewCase(customer: customer, kind: kind, parcels: parcels, owner: owner, followUp: day, text: input.answer)), nil)
        }
        return (false, nil, nil)
    }

    /// Goes to `next`, its prompt holding what was given there before.
    private mutating func go(_ next: Step, _ context: AppContext) {
        // What the prompt held is kept for the step it belongs to.
        switch step {
        case .owner: owner = input.answer
        case .followUp: followUp = input.answer
        default: break
        }
        step = next
        choice = next == .kind ? CaseKind.allCases.firstIndex(of: kind) ?? 0 : 0
        switch next {
        case .owner: input = Self.prompt(.owner, owner)
        case .followUp: input = Self.prompt(.followUp, followUp)
        case .text: input = Self.prompt(.text, "")
        default: break
        }
    }

    /// The dialog as it reads in the context's words.
    func modal(_ context: AppContext) -> Modal {
        let words = context.words
        let key = context.shop.customers[customer]?.key.value ?? "?"
        let title = " \(words.text("customers.case.title", ["key": .text(key)])) "
        let kindLine = words.text("customers.case.kind", ["kind": .phrase(kind.phrase)])
        switch step {
        case .kind:
            return CardChoices.modal(title: title, message: words.text("customers.case.whatKind"), CaseKind.allCases.map { words.text($0.phrase) },
                                     choice, words)
        case .parcels:
            let lines = offered(context).map { parcel in
                (parcels.contains(parcel.tracking) ? "[x] " : "[ ] ") + parcel.tracking.value
            }
            return CardChoices.modal(title: title, message: [kindLine, words.text("customers.case.whichParcels")].joined(separator: "\n"),
                                     lines, choice, words, confirm: words.text("customers.add.next"))
        case .owner, .followUp, .text:
            var lines = [kindLine]
            if !parcels.isEmpty { lines.append(words.text("customers.case.parcels", ["parcels": .list(parcels.map(\.value))])) }
            lines += Self.claimCountdowns(kind, parcels, context).map(words.text)
            let ask = step == .owner ? Phrase("customers.case.askOwner") : step == .followUp ? Phrase("customers.case.askFollowUp")
                : Phrase("customers.case.askText")
            lines.append(words.text(ask))
            return Modal(.prompt(input.shown(words)), title: title, message: lines.joined(separator: "\n"),
                         confirmLabel: words.text(step == .text ? Phrase("customers.case.confirm") : Phrase("customers.add.next")),
                         cancelLabel: words.text("customers.add.back"))
        }
    }

    /// For a damage claim, each parcel's deadline to report it to its carrier: "Report to
    /// PostNord by 24.11 13:00: 3 h 20 min left" (or how long ago it passed).
    static func claimCountdowns(_ kind: CaseKind, _ parcels: [TrackingNumber], _ context: AppContext) -> [Phrase] {
        ClaimCountdown.all(kind, parcels, context).map { $0.sentence(context) }
    }
}

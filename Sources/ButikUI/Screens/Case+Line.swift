import ButikDomain
import ButikGrid
import ButikText

extension Case {
    /// The case in a line of a customer's card, an overdue follow-up in red and one due today in
    /// yellow: "Case #3 claim: damaged, waiting for the carrier, follow-up OVERDUE since 02.12".
    func line(_ context: AppContext) -> (text: String, style: Style) {
        let words = context.words
        var arguments: [String: Phrase.Argument] = ["case": .text(id.description), "kind": .phrase(kind.phrase),
                                                    "status": .phrase(status.phrase)]
        guard let day = followUp else { return (words.text("customers.card.case", arguments), .plain) }
        arguments["day"] = .text(words.dayAndMonth(day))
        let today = context.today
        if day < today { return (words.text("customers.card.caseOverdue", arguments), Notice.style(.error)) }
        if isDue(on: today) { return (words.text("customers.card.caseDue", arguments), Style(.warning)) }
        return (words.text("customers.card.caseFollowUp", arguments), .plain)
    }
}

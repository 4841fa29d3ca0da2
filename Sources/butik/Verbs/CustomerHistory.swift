import ButikDomain
import ButikText

extension Verb {
    /// How many timeline entries `customer history` shows a page.
    static let historyPageSize = 20

    /// `customer history KEY [--since DAY] [--page N]`: the customer's timeline, newest first.
    static func runCustomerHistory(_ args: Arguments, _ session: Session) throws(CLIError) {
        guard args.positionals.count == 2 else { throw .usage(Phrase("cli.usage.oneKey", ["verb": .text("customer history")])) }
        let since = args.value(CustomerOptions.since)
        let page = args.value(CustomerOptions.page) ?? 1
        let store = try session.openStore()
        guard let customer = store.state.customer(withKey: CustomerKey(typed: args.positionals[1])) else {
            throw .refused(DomainError.unknownCustomer(args.positionals[1]).phrase)

        }
        let timeline = try session.history(store, .timeline(customer.id, since: since, page: page, pageSize: historyPageSize))
            .timeline(of: customer.id, since: since, page: page, pageSize: historyPageSize)
        if args.has(CustomerOptions.json) {
            try Output.json(CustomerHistoryView(key: customer.key.value, name: customer.name, since: since, page: timeline.page,
                                                pages: timeline.pageCount, total: timeline.total,
                                                entries: timeline.entries.map(TimelineEntryView.init)))
            return
        }
        let zone = store.layout.zone
        let words = session.words
        var about: [String: Phrase.Argument] = ["key": .text(customer.key.value), "name": .text(customer.name), "n": .count(timeline.total),
                                                "page": .count(page), "pages": .count(timeline.pageCount)]
        about["since"] = since.map { .date($0) }
        guard timeline.total > 0 else {
            Output.line(words.text(since == nil ? Phrase("cli.customerHistory.nothing", about) : Phrase("cli.customerHistory.nothingSince", about)))
            return
        }
        Output.line(words.text(since == nil ? Phrase("cli.customerHistory.title", about) : Phrase("cli.customerHistory.titleSince", about)))
        if timeline.entries.isEmpty { Output.line("  " + words.text("cli.customerHistory.emptyPage")) }
        Output.table(timeline.entries.map { ["  " + words.moment(LocalMoment($0.at, in: zone)), $0.staff.value, words.text($0.what.phrased)] })
        if page < timeline.pageCount {
            let sinceWords = since.map { " \(CustomerOptions.since.name) \($0)" } ?? ""
            Output.line(words.text("cli.customerHistory.more", ["command": .text("butik customer history \(customer.key)\(sinceWords) \(CustomerOptions.page.name) \(page + 1)")]))
        }

    }
}

private struct CustomerHistoryView: Encodable {
    let key: String
    let name: String
    let since: Day?
    let page: Int
    let pages: Int
    let total: Int
    /// Newest first.
    let entries: [TimelineEntryView]
}

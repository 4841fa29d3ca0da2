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
        guard let customer = store.state.customer(withKey: args.positionals[1]) else {
            throw .refused(DomainError.unknownCustomer(args.positionals[1]).phrase)

        }
        let timeline = try session.history(store, .timeline(customer.id, since: since, page: page, pageSize: historyPageSize))
            .timeline(of: customer.id, since: since, page: page, pageSize: historyPageSize)
        if args.has(CustomerOptions.json) {
            try Output.json(CustomerHistoryView(key: customer.key, name: customer.name, since: since, page: timeline.page,
                                                pages: timeline.pageCount, total: timeline.total,
                                                entries: timeline.entries.map(TimelineEntryView.init)))
            return
        }
        let zone = store.layout.zone
        let range = since.map { " since \($0)" } ?? ""
        guard timeline.total > 0 else {
            Output.line("\(customer.key) (\(customer.name)): nothing in the journal\(range).")
            return
        }
        Output.line("\(customer.key) (\(customer.name)): \(timeline.total) entries\(range), newest first; page \(page) of \(timeline.pageCount).")
        if timeline.entries.isEmpty { Output.line("  (no entries on this page)") }
        Output.table(timeline.entries.map { ["  " + LocalTime.dayAndMinute($0.at, in: zone), $0.staff, $0.what.phrase] })
        if page < timeline.pageCount {
            let sinceWords = since.map { " \(CustomerOptions.since.name) \($0)" } ?? ""
            Output.line("More: butik customer history \(customer.key)\(sinceWords) \(CustomerOptions.page.name) \(page + 1)")
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

import ButikDomain
import ButikText

extension Verb {
    static let report = Verb(
        name: "report",
        summary: Phrase("cli.report.summary"),
        usage: ["\(may: date) \(may: json)"],
        details: Phrase("cli.report.details"),
        run: runReport)

    private static let date = Option.day("--date", help: Phrase("cli.report.option.date"))
    private static let json = Flag.json(Phrase("cli.json.counts"))

    private static func runReport(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard args.positionals.isEmpty else { throw .usage(Phrase("cli.report.noArguments", ["option": .text(date.name)])) }
        let store = try session.openStore()
        let zone = store.layout.zone
        let today = Day(session.now, in: zone)
        let day = args.value(date) ?? today
        guard day <= today else { throw .refused(Phrase("cli.report.notYet", ["day": .date(day), "today": .date(today), "zone": .text(zone.identifier)])) }

        let counts = try session.history(store, .day(day)).counts(on: day)
        if args.has(json) {
            try Output.json(DayReportView(counts, zone: zone))
            return 0
        }
        let words = session.words
        let title: [String: Phrase.Argument] = ["day": .date(day), "zone": .text(zone.identifier)]
        Output.line(words.text(day == today ? Phrase("cli.report.titleToday", title) : Phrase("cli.report.title", title)))
        var rows = [["", words.text("cli.report.received"), words.text("cli.report.handedOut"), words.text("cli.report.id"),
                     words.text("cli.report.code"), words.text("cli.report.known"), words.text("cli.report.proxy"),
                     words.text("cli.report.returned"), words.text("cli.report.droppedOff"), words.text("cli.report.collected")]]
        func row(_ name: String, _ tally: Tally) -> [String] {
            ["  " + name] + [tally.received, tally.handedOut.total, tally.handedOut.id, tally.handedOut.code, tally.handedOut.known,
                             tally.handedOut.proxy, tally.returned, tally.droppedOff, tally.collected].map(String.init)
        }
        rows.append(row(words.text("cli.report.all"), counts.total))
        rows.append([words.text("cli.report.byCarrier")])
        rows += counts.carriers.sorted { $0.key < $1.key }.map { row(store.layout.name(of: $0.key), $0.value) }
        rows.append([words.text("cli.report.byStaff")])
        rows += counts.staff.sorted { $0.key < $1.key }.map { row($0.key, $0.value) }
        Output.table(rows)
        if counts.total.receiptsUndone > 0 || counts.total.handOutsUndone > 0 {
            Output.line(words.text("cli.report.undone", ["receipts": .phrase(Phrase("cli.report.receipts", ["n": .count(counts.total.receiptsUndone)])),
                                                         "handOuts": .phrase(Phrase("cli.report.handOuts", ["n": .count(counts.total.handOutsUndone)]))]))
        }
        let onHand: [String: Phrase.Argument] = ["n": .count(counts.onHandAtClose)]
        Output.line(words.text(day == today ? Phrase("cli.report.onHandNow", onHand) : Phrase("cli.report.onHandAtClose", onHand)))

        return 0
    }
}

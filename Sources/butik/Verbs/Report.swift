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
        Output.line("\(day) (\(zone.identifier))\(day == today ? ", so far" : "")")
        var rows = [["", "received", "handed out", "ID", "code", "known", "proxy", "returned", "dropped off", "collected"]]
        func row(_ name: String, _ tally: Tally) -> [String] {
            ["  " + name] + [tally.received, tally.handedOut.total, tally.handedOut.id, tally.handedOut.code, tally.handedOut.known,
                             tally.handedOut.proxy, tally.returned, tally.droppedOff, tally.collected].map(String.init)
        }
        rows.append(row("All", counts.total))
        rows.append(["By carrier"])
        rows += counts.carriers.sorted { $0.key < $1.key }.map { row(store.layout.carrier(named: $0.key)?.name ?? $0.key, $0.value) }
        rows.append(["By staff"])
        rows += counts.staff.sorted { $0.key < $1.key }.map { row($0.key, $0.value) }
        Output.table(rows)
        if counts.total.receiptsUndone > 0 || counts.total.handOutsUndone > 0 {
            Output.line("Undone: \(counts.total.receiptsUndone) receipt(s), \(counts.total.handOutsUndone) hand-out(s).")
        }
        Output.line("\(day == today ? "On hand now" : "On hand at the day's close"): \(counts.onHandAtClose) parcel(s).")
        return 0
    }
}

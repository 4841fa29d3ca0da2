import ButikDomain
import ButikStore
import ButikText
import Foundation

extension Verb {
    private static let apply = Flag(name: "--apply", help: Phrase("cli.purge.option.apply"))
    private static let json = Flag.json(Phrase("cli.purge.json"))

    static let purge = Verb(
        name: "purge",
        summary: Phrase("cli.purge.summary"),
        usage: ["\(may: apply) \(may: json)"],
        details: Phrase("cli.purge.details"),
        run: { args, session throws(CLIError) in try runPurge(args, session); return 0 })

    /// `purge [--apply]`: lists the contacts and closed cases the shop's retention lets go (a dry
    /// run: nothing changes); with `--apply`, removes them from every file of the store.
    private static func runPurge(_ args: Arguments, _ session: Session) throws(CLIError) {
        guard args.positionals.isEmpty else { throw .usage(Phrase("cli.usage.noArguments", ["verb": .text("purge")])) }
        let store = try session.openStore()
        let rule = store.layout.retention
        let outcome: PurgeOutcome, rewrite: RewriteReport?
        if args.has(apply) {
            let done: ShopStore.PurgeDone
            do { done = try store.purge(staff: session.staff, now: session.now) } catch { throw CLIError(error) }
            (outcome, rewrite) = (done.outcome, done.rewrite)
        } else {
            let context = Context(layout: store.layout, now: session.now, staff: session.staff)
            (outcome, rewrite) = (store.state.purge(rule, context).outcome, nil)
        }
        let key = { (customer: CustomerID) in store.state.customer(customer)?.key.value ?? customer.description }
        if args.has(json) {
            try Output.json(PurgeView(applied: rewrite != nil, retentionDays: rule.days, firstDayKept: outcome.firstDayKept,
                                      contacts: outcome.contacts.map { PurgeView.Line(id: $0.id.description, key: key($0.customer), what: $0.channel.rawValue, at: $0.at) },
                                      cases: outcome.cases.map { PurgeView.Line(id: $0.id.description, key: key($0.customer), what: $0.kind.code,
                                                                               at: $0.lastChangedAt) },
                                      linesRewritten: rewrite?.lines, segmentsRewritten: rewrite?.segments))
            return
        }
        let words = session.words, zone = store.layout.zone
        Output.line(words.text("cli.purge.rule", ["n": .count(rule.days), "day": .date(outcome.firstDayKept)]))
        guard !outcome.contacts.isEmpty || !outcome.cases.isEmpty else {
            Output.line(words.text("cli.purge.nothing"))
            return
        }
        if !outcome.contacts.isEmpty {
            Output.line(words.text("cli.purge.contacts", ["n": .count(outcome.contacts.count)]))
            Output.table(outcome.contacts.map { [$0.id.description, key($0.customer), words.text($0.channel.phrase), words.date(Day($0.at, in: zone))] })
        }
        if !outcome.cases.isEmpty {
            Output.line(words.text("cli.purge.cases", ["n": .count(outcome.cases.count)]))
            Output.table(outcome.cases.map {
                [$0.id.description, key($0.customer), words.text($0.kind.phrase), words.date(Day($0.lastChangedAt, in: zone))]
            })
        }
        guard let rewrite else {
            Output.line(words.text("cli.purge.dryRun", ["apply": .text(apply.name)]))
            return
        }
        Output.line(words.text("cli.purge.done", ["n": .count(rewrite.lines), "segments": .list(rewrite.segments)]))
        Output.line(words.text("cli.customer.erase.backups", ["folder": .text(store.defaultBackupFolder.path)]))
    }
}

/// `purge --json`: what goes (or went, with `applied`), without its texts.
private struct PurgeView: Encodable {
    struct Line: Encodable {
        let id: String
        let key: String
        /// A contact's channel, a case's kind.
        let what: String
        /// When it was logged; for a case, its last change.
        let at: Date
    }
    let applied: Bool
    let retentionDays: Int
    let firstDayKept: Day
    let contacts: [Line]
    let cases: [Line]
    let linesRewritten: Int?
    let segmentsRewritten: [String]?
}

import ButikDomain
import ButikStore
import ButikText
import Foundation

extension Verb {
    static let customerCase = Verb(
        name: "case",
        summary: Phrase("cli.case.summary"),
        usage: [
            "open KEY \(C.kind) \(may: C.parcel) \(may: C.owner) \(may: C.followUp) TEXT \(may: C.json)",
            "update N \(may: C.status) \(may: C.owner) \(may: C.followUp) \(may: C.parcel) [TEXT] \(may: C.json)",
            "close N TEXT \(may: C.json)",
            "reopen N TEXT \(may: C.json)",
            "list \(may: C.owner) \(may: C.kind) \(may: C.status) \(may: C.due) \(may: C.json)",
            "show N \(may: C.json)",
        ],
        details: Phrase("cli.case.details"),
        run: runCase)

    /// The options of `case` (`--parcel` is `customer contact`'s too).
    enum CaseOptions {
        static let kind = Option<CaseKind>("--kind", "K", help: Phrase("cli.case.option.kind", ["kinds": .list(CaseKind.allCases.map(\.code))]),
                                           takes: Phrase("cli.takes.choice", ["choices": .list(CaseKind.allCases.dropLast().map(\.code)),
                                                                              "last": .text(CaseKind.allCases.last?.code ?? "")]),
                                           parse: CaseKind.init(code:))
        static let status = Option<CaseStatus>.choice("--status", "S", help: Phrase("cli.case.option.status",
                                                                                   ["statuses": .list(CaseStatus.allCases.map(\.rawValue))]))
        static let parcel = Option.text("--parcel", "TRACKING", help: Phrase("cli.case.option.parcel"), repeatable: true)
        static let owner = Option.words("--owner", "STAFF", help: Phrase("cli.case.option.owner"), takes: Phrase("cli.takes.text"))
        /// Read as a day once the store's today is known (see `followUpDay`).
        static let followUp = Option.words("--follow-up", "DD.MM[.YYYY]", help: Phrase("cli.case.option.followUp"),
                                           takes: Phrase("cli.takes.typedDay"))
        static let due = Flag(name: "--due", help: Phrase("cli.case.option.due"))
        static let json = Flag.json(Phrase("cli.case.json"))
    }

    private typealias C = CaseOptions

    private static func runCase(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard let action = args.positionals.first else { throw .usage(Phrase("cli.case.needsAction")) }
        let rest = Array(args.positionals.dropFirst())
        switch action {
        case "open": try openCase(args, rest, session)
        case "update", "close", "reopen": try changeCase(action, args, rest, session)
        case "list": try listCases(args, rest, session)
        case "show": try showCase(args, rest, session)
        default:
            throw .usage(Phrase("cli.usage.action", ["verb": .text("case"), "actions": .list(["open", "update", "close", "reopen", "list"]),
                                                     "last": .text("show"), "given": .text(action)]))
        }
        return 0
    }

    private static func openCase(_ args: Arguments, _ rest: [String], _ session: Session) throws(CLIError) {
        guard rest.count >= 2 else { throw .usage(Phrase("cli.case.openNeeds")) }
        guard let kind = args.value(C.kind) else { throw .usage(Phrase("cli.usage.needs", ["verb": .text("case open"), "option": .text(C.kind.spelling)])) }
        let key = rest[0], text = rest.dropFirst().joined(separator: " ")
        let store = try session.openStore()
        let followUp = try followUpDay(args, session, store)
        let opened = try session.perform(store) { state, context throws(DomainError) in
            guard let customer = state.customer(withKey: CustomerKey(typed: key)) else { throw DomainError.unknownCustomer(key) }
            return try state.openCase(NewCase(customer: customer.id, kind: kind, parcels: args.values(C.parcel).map(Tracking.lookupKey),
                                              owner: args.value(C.owner), followUp: followUp, text: text), context)
        }
        try say(opened, Phrase("cli.case.opened", caseArguments(opened, store.state)), args, session, store)
    }

    private static func changeCase(_ action: String, _ args: Arguments, _ rest: [String], _ session: Session) throws(CLIError) {
        guard let first = rest.first, let id = caseID(first) else { throw .usage(Phrase("cli.case.needsNumber", ["verb": .text("case \(action)")])) }
        let text = rest.count > 1 ? rest.dropFirst().joined(separator: " ") : nil
        guard action == "update" || text != nil else { throw .usage(Phrase("cli.case.needsText", ["verb": .text("case \(action)")])) }
        guard action == "update" || !(args.gave(C.status) || args.gave(C.owner) || args.gave(C.followUp) || args.gave(C.parcel)) else {
            throw .usage(Phrase("cli.case.onlyText", ["verb": .text("case \(action)")]))
        }
        let store = try session.openStore()
        let followUp = try followUpDay(args, session, store)
        let changed = try session.perform(store) { state, context throws(DomainError) in
            switch action {
            case "close": return try state.closeCase(id, text: text ?? "", context)
            case "reopen": return try state.reopenCase(id, text: text ?? "", context)
            default:
                let change = CaseChange(status: args.value(C.status), owner: args.value(C.owner), followUp: followUp,
                                        parcels: args.values(C.parcel).map(Tracking.lookupKey), text: text)
                return try state.updateCase(id, change, context)
            }
        }
        let said = caseArguments(changed, store.state)
        let line = switch action {
        case "close": Phrase("cli.case.closed", said)
        case "reopen": Phrase("cli.case.reopened", said)
        default: Phrase("cli.case.updated", said)
        }
        try say(changed, line, args, session, store)
    }

    private static func listCases(_ args: Arguments, _ rest: [String], _ session: Session) throws(CLIError) {
        guard rest.isEmpty else { throw .usage(Phrase("cli.usage.noArguments", ["verb": .text("case list")])) }
        let store = try session.openStore()
        let today = Day(session.now, in: store.layout.zone)
        let filter = CaseFilter(owner: args.value(C.owner), kind: args.value(C.kind), status: args.value(C.status), dueOnly: args.has(C.due))
        let cases = store.state.caseList(filter, today: today)
        if args.has(C.json) {
            try Output.json(cases.map { CaseView($0, in: store, now: session.now) })
            return
        }
        let words = session.words
        Output.line(words.text(cases.isEmpty ? Phrase("cli.case.listEmpty") : Phrase("cli.case.listed", ["n": .count(cases.count)])))
        Output.table(cases.map { listed -> [String] in
            let key = store.state.customers[listed.customer]?.key.value ?? listed.customer.description
            let followUp = listed.followUp.map { words.text(followUpPhrase($0, listed, today)) } ?? ""
            let text = String(listed.text.prefix(40)) + (listed.text.count > 40 ? "…" : "")
            return [listed.id.description, key, words.text(listed.kind.phrase), words.text(listed.status.phrase), listed.owner.value, followUp, text]
        })
    }

    private static func showCase(_ args: Arguments, _ rest: [String], _ session: Session) throws(CLIError) {
        guard rest.count == 1, let id = caseID(rest[0]) else { throw .usage(Phrase("cli.case.needsNumber", ["verb": .text("case show")])) }
        let store = try session.openStore()
        guard let shown = store.state.cases[id] else { throw .refused(DomainError.unknownCase(rest[0]).phrase) }
        if args.has(C.json) {
            try Output.json(CaseView(shown, in: store, now: session.now))
            return
        }
        let words = session.words, zone = store.layout.zone, today = Day(session.now, in: zone)
        Output.line(words.text("cli.case.card", caseArguments(shown, store.state)))
        var state: [String: Phrase.Argument] = ["status": .phrase(shown.status.phrase), "owner": .text(shown.owner.value)]
        if let day = shown.followUp, shown.status != .resolved {
            state["followUp"] = .phrase(followUpPhrase(day, shown, today))
            Output.line(words.text("cli.case.stateFollowUp", state))
        } else {
            Output.line(words.text("cli.case.state", state))
        }
        if !shown.parcels.isEmpty { Output.line(words.text("cli.case.parcels", ["parcels": .list(shown.parcels.map(\.value))])) }
        for claim in ClaimDeadlineView.all(of: shown, in: store, now: session.now) {
            let said: [String: Phrase.Argument] = ["tracking": .text(claim.tracking), "carrier": .text(claim.carrier),
                                                   "when": .moment(LocalMoment(claim.deadline, in: zone)),
                                                   "hours": .count(abs(claim.minutesLeft) / 60), "minutes": .count(abs(claim.minutesLeft) % 60)]
            Output.line(words.text(claim.minutesLeft < 0 ? Phrase("cli.case.claimPassed", said) : Phrase("cli.case.claimLeft", said)))
        }
        Output.line(words.text("cli.case.openedBy", ["when": .moment(LocalMoment(shown.openedAt, in: zone)), "staff": .text(shown.openedBy.value),
                                                     "text": .text(shown.text)]))
        Output.table(shown.updates.map { update in
            ["  " + words.moment(LocalMoment(update.at, in: zone)), update.staff.value, words.text(update.phrased(case: shown.id))]
        })
    }

    /// "04.12.2026, overdue", "04.12.2026, due today" or the day.
    static func followUpPhrase(_ day: Day, _ shown: Case, _ today: Day) -> Phrase {
        guard shown.isDue(on: today) else { return Phrase("cli.case.followUp", ["day": .date(day)]) }
        return day < today ? Phrase("cli.case.followUpOverdue", ["day": .date(day)]) : Phrase("cli.case.followUpToday", ["day": .date(day)])
    }

    /// `--follow-up` as of the store's today: a `DD.MM` is the next such day.
    private static func followUpDay(_ args: Arguments, _ session: Session, _ store: ShopStore) throws(CLIError) -> Day? {
        guard let typed = args.value(C.followUp) else { return nil }
        guard let day = Day(typed: typed, from: Day(session.now, in: store.layout.zone)) else {
            throw .arguments(.badValue(option: C.followUp.name, takes: C.followUp.takes, given: typed), verb: "case")
        }
        return day
    }

    /// A case's number as given: `12` or `#12`.
    static func caseID(_ text: String) -> CaseID? {
        Int(text.hasPrefix("#") ? String(text.dropFirst()) : text).flatMap { Ranges.identifier.contains($0) ? CaseID($0) : nil }
    }

    private static func caseArguments(_ shown: Case, _ state: ShopState) -> [String: Phrase.Argument] {
        let customer = state.customers[shown.customer]
        return ["case": .text(shown.id.description), "kind": .phrase(shown.kind.phrase), "key": .text(customer?.key.value ?? shown.customer.description),
                "name": .text(customer?.name ?? "")]
    }

    private static func say(_ shown: Case, _ line: Phrase, _ args: Arguments, _ session: Session, _ store: ShopStore) throws(CLIError) {
        if args.has(C.json) {
            try Output.json(CaseView(shown, in: store, now: session.now))
        } else {
            Output.line(session.words.text(line))
        }
    }
}

/// A case as `--json` prints it.
private struct CaseView: Encodable {
    let `case`: Int
    let key: String
    let kind: String
    let status: String
    let owner: String
    let followUp: Day?
    let due: Bool
    let parcels: [String]
    let text: String
    let openedAt: Date
    let openedBy: String
    let updates: [CaseUpdate]
    /// For a damage claim, each parcel's deadline to report it to its carrier.
    let claimDeadlines: [ClaimDeadlineView]

    init(_ shown: Case, in store: ShopStore, now: Date) {
        self.case = shown.id.rawValue
        key = store.state.customers[shown.customer]?.key.value ?? shown.customer.description
        kind = shown.kind.code
        status = shown.status.rawValue
        owner = shown.owner.value
        followUp = shown.followUp
        due = shown.isDue(on: Day(now, in: store.layout.zone))
        parcels = shown.parcels.map(\.value)
        text = shown.text
        openedAt = shown.openedAt
        openedBy = shown.openedBy.value
        updates = shown.updates
        claimDeadlines = ClaimDeadlineView.all(of: shown, in: store, now: now)
    }
}

/// When damage to a parcel of a claim must be reported, and how long is left (negative: passed).
private struct ClaimDeadlineView: Encodable {
    let tracking: String
    let carrier: String
    let deadline: Date
    let minutesLeft: Int

    /// The deadlines of a damage claim's parcels the shop knows, whose carriers have a rule.
    static func all(of shown: Case, in store: ShopStore, now: Date) -> [ClaimDeadlineView] {
        guard shown.kind == .claim(.damaged), shown.status != .resolved else { return [] }
        return shown.parcels.compactMap { tracking in
            guard let parcel = store.state.latestParcel(tracking), let deadline = store.layout.damageClaimDeadline(of: parcel) else { return nil }
            return ClaimDeadlineView(tracking: tracking.value, carrier: store.layout.name(of: parcel.carrier),
                                     deadline: deadline, minutesLeft: TimeLeft(until: deadline, from: now).minutes)
        }
    }
}

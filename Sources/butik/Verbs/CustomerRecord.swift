import ButikDomain
import ButikText
import Foundation

extension Verb {
    private typealias O = CustomerOptions

    /// `customer show KEY`: every field of the record, their proxies, their log, the parcels
    /// waiting for them and their open cases; whether they are a regular is read from the history (see ``RegularRule``).
    static func runCustomerShow(_ args: Arguments, _ session: Session) throws(CLIError) {
        guard args.positionals.count == 2 else { throw .usage(Phrase("cli.usage.oneKey", ["verb": .text("customer show")])) }
        let store = try session.openStore()
        guard let customer = store.state.customer(withKey: CustomerKey(typed: args.positionals[1])) else {
            throw .refused(DomainError.unknownCustomer(args.positionals[1]).phrase)
        }
        let zone = store.layout.zone, today = Day(session.now, in: zone), rule = store.layout.regular
        let since = rule.firstDay(endingOn: today)
        let entries = try session.history(store, .timeline(customer.id, since: since, page: 1, pageSize: Int.max))
            .timeline(of: customer.id, since: since, page: 1, pageSize: Int.max).entries
        let regular = RegularView(byHand: customer.regularByHand, visits: rule.visits(in: entries, endingOn: today, in: zone),
                                  of: rule, isRegular: rule.isRegular(customer, timeline: entries, on: today, in: zone))
        let parcels = store.state.parcelsInShop(for: customer.id)
        let cases = store.state.openCustomerCases(customer.id)
        if args.has(O.json) {
            try Output.json(CustomerCard(customer: CustomerView(customer, in: store.state), regular: regular,
                                         parcels: parcels.map { ParcelView($0, today: today) },
                                         openCases: cases.map { OpenCaseView($0, today: today) }))
            return
        }
        let words = session.words
        for line in customer.lines(regular: regular, in: zone) { Output.line(words.text(line)) }
        for entry in store.state.log(of: customer.id) {
            switch entry.kind {
            case .refusal:
                var said: [String: Phrase.Argument] = ["when": .moment(LocalMoment(entry.at, in: zone)), "staff": .text(entry.staff.value),
                                                       "reason": .text(entry.text)]
                if let name = entry.proxyName {
                    said["proxy"] = .text(name)
                    Output.line(words.text("cli.customer.logRefusalProxy", said))
                } else {
                    Output.line(words.text("cli.customer.logRefusal", said))
                }
            }
        }
        Output.line(words.text(parcels.isEmpty ? Phrase("cli.customer.noParcels") : Phrase("cli.customer.parcels", ["n": .count(parcels.count)])))
        Output.table(parcels.map { ["  " + $0.tracking.value] + $0.row(today: today, words).dropFirst(3) })
        guard !cases.isEmpty else { return }
        Output.line(words.text(Phrase("cli.customer.openCases", ["n": .count(cases.count)])))
        Output.table(cases.map { shown in
            ["  " + shown.id.description, words.text(shown.kind.phrase), words.text(shown.status.phrase), shown.owner.value,
             shown.followUp.map { words.text(followUpPhrase($0, shown, today)) } ?? ""]
        })
    }

    /// `customer edit KEY [--name ...] ...` and `customer note KEY TEXT`: the changes given, in
    /// one decision (an empty `--phone` alone clears the numbers; an empty text clears a field).
    static func runCustomerEdit(_ args: Arguments, _ session: Session) throws(CLIError) {
        let noting = args.positionals.first == "note"
        guard args.positionals.count == (noting ? 3 : 2) else {
            throw .usage(noting ? Phrase("cli.customer.noteTakes") : Phrase("cli.usage.oneKey", ["verb": .text("customer edit")]))
        }
        let key = args.positionals[1]
        var changes = CustomerChanges()
        if noting {
            changes.note = args.positionals[2]
        } else {
            for (first, second) in [(O.regular, O.notRegular), (O.personalOnly, O.anyProxy)] where args.has(first) && args.has(second) {
                throw .usage(Phrase("cli.usage.oneOf", ["verb": .text("customer edit"), "first": .text(first.name), "second": .text(second.name)]))
            }
            (changes.name, changes.key, changes.email, changes.note) = (args.value(O.name), args.value(O.key), args.value(O.email), args.value(O.note))
            if args.gave(O.phone) { changes.phones = args.values(O.phone).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty } }
            if let channel = args.value(O.channel) { changes.channel = .some(channel) }
            if let language = args.value(O.language) { changes.language = .some(language) }
            if args.has(O.regular) || args.has(O.notRegular) { changes.regularByHand = args.has(O.regular) }
            if args.has(O.personalOnly) || args.has(O.anyProxy) { changes.personalOnly = args.has(O.personalOnly) }
        }
        let store = try session.openStore()
        let customer = try session.perform(store) { state, context throws(DomainError) in
            guard let customer = state.customer(withKey: CustomerKey(typed: key)) else { throw DomainError.unknownCustomer(key) }
            return try state.editCustomer(customer.id, changes, context)
        }
        if args.has(O.json) {
            try Output.json(CustomerView(customer, in: store.state))
        } else {
            let said: [String: Phrase.Argument] = ["key": .text(customer.key.value), "name": .text(customer.name)]
            Output.line(session.words.text(noting ? Phrase("cli.customer.noted", said) : Phrase("cli.customer.edited", said)))
        }
    }

    /// `customer merge KEEP OTHER [--yes]`: says what moves, asks unless `--yes` (and refuses
    /// without a terminal to ask at), then merges OTHER into KEEP, decided again under the lock.
    static func runCustomerMerge(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard args.positionals.count == 3 else { throw .usage(Phrase("cli.customer.mergeTakes")) }
        let (keep, other) = (args.positionals[1], args.positionals[2])
        let store = try session.openStore()
        func decide(_ state: ShopState, _ context: Context) throws(DomainError) -> Decision<CustomerMerge> {
            guard let kept = state.customer(withKey: CustomerKey(typed: keep)) else { throw DomainError.unknownCustomer(keep) }
            guard let merged = state.customer(withKey: CustomerKey(typed: other)) else { throw DomainError.unknownCustomer(other) }
            return try state.mergeCustomers(keep: kept.id, other: merged.id, context)
        }
        let words = session.words
        if !args.has(O.yes) {
            let plan: CustomerMerge
            do {
                plan = try decide(store.state, Context(layout: store.layout, now: session.now, staff: session.staff)).outcome
            } catch { throw .refused(error.phrase) }
            for line in plan.lines { Output.line(words.text(line)) }
            guard isatty(STDIN_FILENO) == 1 else { throw .refused(Phrase("cli.customer.mergeNeedsYes", ["yes": .text(O.yes.name)])) }
            Output.line(words.text("cli.customer.mergeAsk", ["yes": .phrase(Phrase("cli.restore.yes"))]))
            let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
            guard answer == words.text("cli.restore.yes") || answer == "yes" else {
                Output.line(words.text("cli.customer.mergeNothing"))
                return 1
            }
        }
        let merge = try session.perform(store, decide)
        if args.has(O.json) {
            try Output.json(MergeView(merge, in: store.state))
        } else {
            Output.line(words.text("cli.customer.merged", ["merged": .text(merge.merged.key.value), "key": .text(merge.kept.key.value),
                                                           "name": .text(merge.kept.name)]))
        }
        return 0
    }
}

extension Customer {
    /// The lines of `customer show` before the log: every field that is set.
    fileprivate func lines(regular: RegularView, in zone: TimeZone) -> [Phrase] {
        let card: [String: Phrase.Argument] = ["key": .text(key.value), "name": .text(name)]
        var lines = [keyIsChosen ? Phrase("cli.customer.cardChosenKey", card) : Phrase("cli.customer.card", card)]
        if !retiredKeys.isEmpty { lines.append(Phrase("cli.customer.retiredKeys", ["keys": .list(retiredKeys.map(\.value))])) }
        if !phones.isEmpty { lines.append(Phrase("cli.customer.phones", ["phones": .list(phones)])) }
        if let email { lines.append(Phrase("cli.customer.email", ["email": .text(email)])) }
        if let channel { lines.append(Phrase("cli.customer.channel", ["channel": .phrase(channel.phrase)])) }
        if let language { lines.append(Phrase("cli.customer.language", ["language": .phrase(language.phrase)])) }
        if let note { lines.append(Phrase("cli.customer.note", ["note": .text(note)])) }
        let period: [String: Phrase.Argument] = ["n": .count(regular.visits), "days": .count(regular.days)]
        lines.append(regular.byHand ? Phrase("cli.customer.regularByHand", period)
            : regular.isRegular ? Phrase("cli.customer.regular", period) : Phrase("cli.customer.notRegular", period))
        if personalOnly { lines.append(Phrase("cli.customer.personalOnly")) }
        for proxy in proxies {
            var said: [String: Phrase.Argument] = ["name": .text(proxy.name), "day": .date(Day(proxy.registeredAt, in: zone)),
                                                   "staff": .text(proxy.registeredBy.value)]
            said["relation"] = proxy.relation.map { .text($0) }
            said["until"] = proxy.validUntil.map { .date($0) }
            let line = switch (proxy.relation, proxy.validUntil) {
            case (nil, nil): Phrase("cli.customer.proxy", said)
            case (_?, nil): Phrase("cli.customer.proxyRelation", said)
            case (nil, _?): Phrase("cli.customer.proxyUntil", said)
            case (_?, _?): Phrase("cli.customer.proxyRelationUntil", said)
            }
            lines.append(line)
        }
        return lines
    }
}

extension CustomerMerge {
    /// What `customer merge` says before it asks.
    fileprivate var lines: [Phrase] {
        let names: [String: Phrase.Argument] = ["merged": .text(merged.key.value), "mergedName": .text(merged.name),
                                                "key": .text(kept.key.value), "name": .text(kept.name)]
        var lines = [Phrase("cli.customer.mergePlan", names), Phrase("cli.customer.mergeParcels", ["n": .count(parcels.count)])]
        if !proxies.isEmpty { lines.append(Phrase("cli.customer.mergeProxies", ["names": .list(proxies)])) }
        if !phones.isEmpty { lines.append(Phrase("cli.customer.mergePhones", ["phones": .list(phones)])) }
        if logEntries > 0 { lines.append(Phrase("cli.customer.mergeLog", ["n": .count(logEntries)])) }
        if queueEntry != nil { lines.append(Phrase("cli.customer.mergeQueue")) }
        lines.append(Phrase("cli.customer.mergeKey", names))
        return lines
    }
}

/// Whether a customer is a regular, as `customer show --json` prints it.
struct RegularView: Encodable {
    let byHand: Bool
    /// Days with a hand-out to them in the last ``days`` days.
    let visits: Int
    /// The shop file's rule.
    let needed: Int
    let days: Int
    let isRegular: Bool

    init(byHand: Bool, visits: Int, of rule: RegularRule, isRegular: Bool) {
        (self.byHand, self.visits, needed, days, self.isRegular) = (byHand, visits, rule.visits, rule.days, isRegular)
    }
}

private struct CustomerCard: Encodable {
    let customer: CustomerView
    let regular: RegularView
    let parcels: [ParcelView]
    let openCases: [OpenCaseView]
}

/// One of the customer's open cases on their card.
private struct OpenCaseView: Encodable {
    let `case`: Int
    let kind: String
    let status: String
    let owner: String
    let followUp: Day?
    let due: Bool

    init(_ shown: Case, today: Day) {
        self.case = shown.id.rawValue
        kind = shown.kind.code
        status = shown.status.rawValue
        owner = shown.owner.value
        followUp = shown.followUp
        due = shown.isDue(on: today)
    }
}

/// A merge as `customer merge --json` prints it.
private struct MergeView: Encodable {
    let customer: CustomerView
    let merged: String
    let parcels: Int
    let proxies: [String]
    let phones: [String]
    let logEntries: Int
    let queueEntry: Bool

    init(_ merge: CustomerMerge, in state: ShopState) {
        customer = CustomerView(merge.kept, in: state)
        (merged, parcels, proxies, phones) = (merge.merged.key.value, merge.parcels.count, merge.proxies, merge.phones)
        (logEntries, queueEntry) = (merge.logEntries, merge.queueEntry != nil)
    }
}

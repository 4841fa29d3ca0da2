import ButikDomain
import ButikText
import Foundation

extension Verb {
    static let find = Verb(
        name: "find",
        summary: Phrase("cli.find.summary"),
        usage: ["QUERY... \(may: json)"],
        details: Phrase("cli.find.details"),
        run: runFind)

    private static let json = Flag.json(Phrase("cli.find.json"))

    private static func runFind(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard !args.positionals.isEmpty else { throw .usage(Phrase("cli.find.needsQuery")) }
        let store = try session.openStore()
        let state = store.state
        let query = args.positionals.joined(separator: " ")
        let results = state.search(query)
        let today = Day(session.now, in: store.layout.zone)
        let customers = results.customers.compactMap { state.customers[$0] }
        let parcels = results.parcels.compactMap { state.parcels[$0] }
        // The history is read only when the query can name a parcel by its number; what it
        // could not read is said after what the live state shows.
        var closed: [ParcelStory] = [], unread: CLIError?
        if let tracking = TrackingQuery(query) {
            do {
                closed = try session.history(store, .closedParcels(tracking)).closedStories(matching: tracking).filter { !results.parcels.contains($0.id) }
            } catch {
                unread = error
            }
        }
        defer { if let unread { session.say(unread) } }

        if args.has(json) {
            try Output.json(FindView(customers: customers.map { CustomerView($0, in: state) },
                                     parcels: parcels.map { ParcelView($0, today: today) },
                                     closed: closed.map(ClosedParcelView.init)))
            return unread?.exitCode ?? 0
        }
        let words = session.words
        if results.isEmpty, closed.isEmpty {
            Output.line(words.text("cli.find.nothing", ["query": .text(query)]))
            return 0
        }
        if !customers.isEmpty {
            Output.line(words.text("cli.find.customers"))
            Output.table(customers.map { customer in
                let waiting = state.parcelsInShop(for: customer.id)
                let slots = Set(waiting.map(\.slot.value)).sorted().joined(separator: " ")
                return ["  " + customer.key.value, customer.name, customer.phones.joined(separator: " "),
                        words.text("cli.find.waiting", ["n": .count(waiting.count)]), slots]
            })
        }
        let zone = store.layout.zone
        if !parcels.isEmpty {
            if !customers.isEmpty { Output.line() }
            Output.line(words.text("cli.find.parcels"))
            Output.table(parcels.map { parcel in
                let tracking = "  " + (parcel.pickupCode.map { words.text("cli.find.withCode", ["tracking": .text(parcel.tracking.value), "code": .text($0.digits)]) }
                    ?? parcel.tracking.value)
                guard let closing = closedText(of: parcel, in: zone) else { return [tracking] + parcel.row(today: today, words).dropFirst() }
                return [tracking, parcel.key.value, parcel.recipientName, words.text(closing)]
            })
        }
        if !closed.isEmpty {
            if !results.isEmpty { Output.line() }
            Output.line(words.text("cli.find.closedParcels"))
            Output.table(closed.map { story in
                let when = story.closing.map { closedText($0.at, $0.what, by: $0.staff, in: zone) } ?? Phrase("cli.find.closedUnknown")
                return ["  " + story.tracking.value, story.key.value, story.recipientName, words.text(when)]
            })
        }
        return unread?.exitCode ?? 0
    }
}

extension Verb {
    /// How a parcel that is no longer in the shop went, as a closed story says it: when, what
    /// (to whom it was handed out, how they were checked) and by whom; nil while it is in the shop.
    private static func closedText(of parcel: Parcel, in zone: TimeZone) -> Phrase? {
        switch parcel.status {
        case .waiting, .returning: nil
        case .handedOut(let handOut):
            closedText(handOut.at, .handedOut(verification: handOut.verification, proxyName: handOut.proxyName, proxyID: handOut.proxyID),
                       by: handOut.staff, in: zone)
        case .collected(let at): closedText(at, .collected, by: nil, in: zone)
        }
    }

    /// `closed 01.12.2026 14:41: handed out to the recipient, photo ID checked (maria)`.
    private static func closedText(_ at: Date, _ what: ParcelStep.What, by staff: StaffID?, in zone: TimeZone) -> Phrase {
        let arguments: [String: Phrase.Argument] = ["when": .moment(LocalMoment(at, in: zone)), "what": .phrase(what.phrased)]
        return staff.map { Phrase("cli.find.closedBy", arguments.merging(["staff": .text($0.value)]) { $1 }) } ?? Phrase("cli.find.closed", arguments)
    }

}

private struct FindView: Encodable {
    let customers: [CustomerView]
    let parcels: [ParcelView]
    /// Parcels no longer in the shop whose number matched, newest first.
    let closed: [ClosedParcelView]
}

import ButikDomain
import ButikText

extension Verb {
    static let handover = Verb(
        name: "handover",
        summary: Phrase("cli.handover.summary"),
        usage: ["TRACKING... \(may: carrier) \(may: json)"],
        details: Phrase("cli.handover.details"),
        run: runHandover)

    private static let carrier = Option.carrier(help: Phrase("cli.handover.option.carrier"))
    private static let json = Flag.json(Phrase("cli.handover.json"))

    private static func runHandover(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard !args.positionals.isEmpty else { throw .usage(Phrase("cli.handover.needsNumbers")) }

        let scanned = args.positionals.map(Tracking.lookupKey)
        let store = try session.openStore()
        let handover = try session.perform(store) { state, context throws(DomainError) in
            try state.handOver(scanned: scanned, carrier: args.value(carrier), context)
        }
        let state = store.state
        let view = HandoverView(
            carrier: handover.carrier?.value, parcels: handover.parcels.compactMap { state.parcels[$0]?.tracking.value },
            dropOffs: handover.dropOffs.compactMap { state.dropOffs[$0]?.receipt },
            missing: handover.missing.map(\.value), unknown: handover.unknown.map(\.value))
        if args.has(json) {
            try Output.json(view)
        } else {
            let words = session.words
            Output.line(words.text("cli.handover.took", ["taken": .count(handover.taken), "expected": .count(handover.expected),
                                                         "parcels": .phrase(Phrase("cli.handover.parcels", ["n": .count(view.parcels.count)])),
                                                         "dropOffs": .phrase(Phrase("cli.handover.dropOffs", ["n": .count(view.dropOffs.count)]))]))
            if !view.missing.isEmpty { Output.line(words.text("cli.handover.missing", ["numbers": .text(view.missing.joined(separator: " "))])) }
            if !view.unknown.isEmpty { Output.line(words.text("cli.handover.unknown", ["numbers": .text(view.unknown.joined(separator: " "))])) }
        }
        guard handover.isComplete else {
            Output.error("butik: " + session.words.text("cli.handover.mismatch", ["missing": .count(view.missing.count), "unknown": .count(view.unknown.count)]))

            return 1
        }
        return 0
    }
}

/// `handover --json`: tracking numbers of parcels, receipt numbers of drop-offs.
private struct HandoverView: Encodable {
    let carrier: String?
    let parcels: [String]
    let dropOffs: [String]
    let missing: [String]
    let unknown: [String]
}

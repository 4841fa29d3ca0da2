import ButikDomain
import ButikText

extension Verb {
    static let reconcile = Verb(
        name: "reconcile",
        summary: Phrase("cli.reconcile.summary"),
        usage: ["\(may: json)"],
        details: Phrase("cli.reconcile.details"),
        run: runReconcile)

    private static let json = Flag.json(Phrase("cli.reconcile.json"))


    private static func runReconcile(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        let store = try session.openStore()
        let zone = store.layout.zone
        let today = Day(session.now, in: zone)
        let missing = store.state.stillExpected
        let unexpected = store.state.parcels.values
            .filter { Day($0.receivedAt, in: zone) == today && $0.preAdvised != true }
            .sorted { $0.id < $1.id }
        if args.has(json) {
            try Output.json(ReconcileView(expected: missing.map { ReconcileView.Expected(tracking: $0.tracking.value, name: $0.name, carrier: $0.carrier?.value) },
                                          unexpected: unexpected.map { ParcelView($0, today: today) }))
            return 0
        }
        Output.line(session.words.text("cli.reconcile.missing", ["n": .count(missing.count)]))
        Output.table(missing.map { ["  " + $0.tracking.value, $0.name, $0.carrier?.value ?? ""] })
        Output.line(session.words.text("cli.reconcile.unexpected", ["n": .count(unexpected.count)]))

        Output.table(unexpected.map { ["  " + $0.tracking.value, $0.key.value, $0.recipientName, $0.slot.value] })
        return 0
    }
}

private struct ReconcileView: Encodable {
    struct Expected: Encodable {
        let tracking: String
        let name: String
        let carrier: String?
    }

    let expected: [Expected]
    let unexpected: [ParcelView]
}

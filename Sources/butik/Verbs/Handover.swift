import ButikDomain

extension Verb {
    static let handover = Verb(
        name: "handover",
        summary: "scan out what the driver takes from the outbound area, checked against the store",
        usage: ["TRACKING... \(may: carrier) \(may: json)"],
        details: """
        Give every number scanned as it leaves. Returning parcels and drop-offs among them are
        recorded as collected; the check names what the store expected but was not scanned
        (missing: it stays waiting for the driver) and what was scanned but not expected
        (unknown: not taken into the store). The handover is always written first; the exit
        code is then 1 when anything was missing or unknown, 0 when the count matched.
        """,
        run: runHandover)

    private static let carrier = Option.text("--carrier", "C", help: "only this carrier's driver: other carriers' items are not expected")
    private static let json = Flag.json("print {carrier, parcels, dropOffs, missing, unknown} as JSON")

    private static func runHandover(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard !args.positionals.isEmpty else { throw .usage("handover takes the tracking numbers the driver takes.") }
        let scanned = args.positionals.map(Tracking.lookupKey)
        let store = try session.openStore()
        let handover = try session.perform(store) { state, context throws(DomainError) in
            try state.handOver(scanned: scanned, carrier: args.value(carrier), context)
        }
        let state = store.state
        let view = HandoverView(
            carrier: handover.carrier, parcels: handover.parcels.compactMap { state.parcels[$0]?.tracking.value },
            dropOffs: handover.dropOffs.compactMap { state.dropOffs[$0]?.receipt },
            missing: handover.missing.map(\.value), unknown: handover.unknown.map(\.value))
        if args.has(json) {
            try Output.json(view)
        } else {
            Output.line("The driver took \(handover.taken) of \(handover.expected): \(view.parcels.count) returning parcel(s) and "
                + "\(view.dropOffs.count) drop-off(s).")
            if !view.missing.isEmpty { Output.line("Missing (expected, not scanned): \(view.missing.joined(separator: " "))") }
            if !view.unknown.isEmpty { Output.line("Unknown (scanned, not expected, not taken): \(view.unknown.joined(separator: " "))") }
        }
        guard handover.isComplete else {
            Output.error("butik: the count did not match: \(view.missing.count) missing, \(view.unknown.count) unknown.")
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

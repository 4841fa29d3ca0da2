import ButikDomain

extension Verb {
    static let history = Verb(
        name: "history",
        summary: "the story of every parcel that had a tracking number",
        usage: ["TRACKING \(may: json)"],
        details: """
        Tells what the journal holds of every parcel that ever had this number (numbers come
        back), newest first: when and by whom it was received (delivery, slot, deadline),
        moves, extensions, refusals, the hand-out (to the recipient or which proxy, and how
        identity was checked), an undo, the return and the driver's collection. Times are
        the shop's. Reads the few pieces it needs of history.bin, derived from the journal
        (rebuilt from the whole journal, slowly, when it is missing or does not fit).
        """,
        run: runHistory)

    private static let json = Flag.json("print {tracking, parcels: [{id, status, steps: [...]}]}")

    private static func runHistory(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard args.positionals.count == 1 else { throw .usage("history takes exactly one tracking number.") }
        let code = Tracking.lookupKey(args.positionals[0])
        let store = try session.openStore()
        let stories = try session.history(store, .parcels(code)).stories(for: code)
        guard !stories.isEmpty else {
            throw .refused("No parcel with the number \(code) was ever received in this shop.")
        }
        if args.has(json) {
            try Output.json(ParcelHistoryView(tracking: code.value, parcels: stories.map(StoryView.init)))
            return 0
        }
        let zone = store.layout.zone
        Output.line(ParcelStory.count(stories.count, of: code))
        for story in stories {
            Output.line()
            Output.line(story.headline(in: store.layout))
            Output.table(story.steps.map { ["  " + LocalTime.dayAndMinute($0.at, in: zone), $0.staff, $0.what.phrase] })
        }
        return 0
    }
}

private struct ParcelHistoryView: Encodable {
    let tracking: String
    /// Newest first.
    let parcels: [StoryView]
}

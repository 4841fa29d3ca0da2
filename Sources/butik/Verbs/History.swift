import ButikDomain
import ButikText

extension Verb {
    static let history = Verb(
        name: "history",
        summary: Phrase("cli.history.summary"),
        usage: ["TRACKING \(may: json)"],
        details: Phrase("cli.history.details"),
        run: runHistory)

    private static let json = Flag.json(Phrase("cli.history.json"))

    private static func runHistory(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard args.positionals.count == 1 else { throw .usage(Phrase("cli.usage.oneTracking", ["verb": .text("history")])) }
        let code = Tracking.lookupKey(args.positionals[0])
        let store = try session.openStore()
        let stories = try session.history(store, .parcels(code)).stories(for: code)
        guard !stories.isEmpty else {
            throw .refused(Phrase("cli.history.neverReceived", ["tracking": .text(code.value)]))

        }
        if args.has(json) {
            try Output.json(ParcelHistoryView(tracking: code.value, parcels: stories.map(StoryView.init)))
            return 0
        }
        let zone = store.layout.zone
        let words = session.words
        Output.line(words.text(ParcelStory.phrasedCount(stories.count, of: code)))
        for story in stories {
            Output.line()
            Output.line(words.text(story.phrasedHeadline(in: store.layout)))
            Output.table(story.steps.map { ["  " + words.moment(LocalMoment($0.at, in: zone)), $0.staff.value, words.text($0.what.phrased)] })
        }

        return 0
    }
}

private struct ParcelHistoryView: Encodable {
    let tracking: String
    /// Newest first.
    let parcels: [StoryView]
}

import ButikDomain
import ButikStore
import ButikText

extension Verb {
    static let importManifest = Verb(
        name: "import",
        summary: Phrase("cli.import.summary"),
        usage: ["FILE.csv \(may: json)"],
        details: Phrase("cli.import.details"),
        run: runImport)

    private static let json = Flag.json(Phrase("cli.import.json"))

    private static func runImport(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard args.positionals.count == 1 else { throw .usage(Phrase("cli.import.oneFile")) }
        let store = try session.openStore()
        let parsed: ManifestParse
        do {
            parsed = try ManifestFile.read(args.positionals[0], layout: store.layout)
        } catch {
            throw .refused(error.phrase)

        }
        let entries = parsed.entries
        let result = try session.perform(store) { state, context throws(DomainError) in state.expect(entries, context) }
        if args.has(json) {
            try Output.json(ImportView(added: result.added.count, alreadyKnown: result.alreadyKnown,
                                       problems: parsed.problems.map { ImportView.Problem(line: $0.line, message: Words.english.text($0.phrase)) }))
        } else {
            let words = session.words
            for problem in parsed.problems { Output.error(words.text(problem.phrase)) }
            Output.line(words.text("cli.import.done", ["added": .phrase(Phrase("cli.import.added", ["n": .count(result.added.count)])),
                                                       "known": .count(result.alreadyKnown),
                                                       "bad": .phrase(Phrase("cli.import.badRows", ["n": .count(Set(parsed.problems.map(\.line)).count)]))]))

        }
        return parsed.problems.isEmpty ? 0 : 1
    }
}

private struct ImportView: Encodable {
    struct Problem: Encodable {
        let line: Int
        let message: String
    }

    let added: Int
    let alreadyKnown: Int
    let problems: [Problem]
}

import ButikDomain
import ButikStore
import ButikText

extension Verb {
    static let importManifest = Verb(
        name: "import",
        summary: "import a carrier's pre-advice manifest (CSV)",
        usage: ["FILE.csv \(may: json)"],
        details: """
        Reads a manifest of parcels on their way (columns: tracking, name, phone, carrier, hold days,
        pickup code; a header row; UTF-8 with or without BOM; comma or semicolon; see
        docs/manifest-csv.md).
        Bad rows are listed with their line numbers and skipped; the good rows are stored in one
        write, so nothing is half imported. Numbers already expected or in the shop are skipped,
        so importing the same file twice adds nothing. Exits 1 when any row was bad.
        """,
        run: runImport)

    private static let json = Flag.json("print {added, alreadyKnown, problems: [{line, message}]}")

    private static func runImport(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard args.positionals.count == 1 else { throw .usage("import takes one CSV file.") }
        let store = try session.openStore()
        let parsed: ManifestParse
        do {
            parsed = try ManifestFile.read(args.positionals[0], layout: store.layout)
        } catch {
            throw .refused(Words.english.text(error.phrase))
        }
        let entries = parsed.entries
        let result = try session.perform(store) { state, context throws(DomainError) in state.expect(entries, context) }
        if args.has(json) {
            try Output.json(ImportView(added: result.added.count, alreadyKnown: result.alreadyKnown,
                                       problems: parsed.problems.map { ImportView.Problem(line: $0.line, message: Words.english.text($0.phrase)) }))
        } else {
            for problem in parsed.problems { Output.error(Words.english.text(problem.phrase)) }
            Output.line("Imported \(result.added.count) expected parcel(s); \(result.alreadyKnown) already known; \(Set(parsed.problems.map(\.line)).count) bad row(s) skipped.")
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

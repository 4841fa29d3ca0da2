import Foundation
import Testing

/// Options as each verb declares them: what its help lists is what it takes, and wrong
/// options are usage errors that name the option.
@Suite struct OptionsCommandLineTests {
    /// Runs `args` and expects a usage error (exit 2) whose message says `said`.
    private func expectUsageError(_ butik: Butik, _ args: [String], saying said: String,
                                  sourceLocation: SourceLocation = #_sourceLocation) throws {
        let run = try butik.run(arguments: args)
        #expect(run.status == 2, "\(args): \(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.contains(said), "\(args): \(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stdout.isEmpty, "\(args): nothing is done: \(run.stdout)", sourceLocation: sourceLocation)
    }

    @Test func anUnknownOptionIsAUsageErrorNamingIt() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        try expectUsageError(butik, ["extend", "RR123456785SE", "--dayz", "3"], saying: "Unknown option --dayz.")
        try expectUsageError(butik, ["shelf", "--days", "3"], saying: "Unknown option --days.")
        try expectUsageError(butik, ["--dayz"], saying: "Unknown option --dayz.")
        let run = try butik.run("extend", "RR123456785SE", "--dayz", "3")
        #expect(run.stderr.contains("See `butik extend --help`."), "\(run.stderr)")
    }

    @Test func anOptionWithoutItsValueIsAUsageErrorNamingIt() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        // Butik.run puts --store and --staff last, where they would be taken as the value.
        for (words, said) in [(["receive", "RR123456785SE", "--to", "Åse Berg", "--key"], "--key needs a value."),
                              (["report", "--date"], "--date needs a value."), (["shelf", "--store"], "--store needs a value.")] {
            let process = Process()
            process.executableURL = Butik.binary
            process.arguments = words
            process.environment = butik.environment.merging(["BUTIK_STORE": butik.store.path]) { $1 }
            let err = Pipe()
            process.standardOutput = FileHandle.nullDevice
            process.standardError = err
            try process.run()
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 2, "\(words): \(stderr)")
            #expect(stderr.contains(said), "\(words): \(stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: butik.store.path), "no store was opened for a missing value")
    }

    @Test func aValueOfTheWrongKindIsAUsageErrorNamingTheOptionAndWhatItTakes() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        try expectUsageError(butik, ["move", "--capacity", "many", "A1"], saying: "--capacity takes a whole number, not \"many\".")
        try expectUsageError(butik, ["report", "--date", "24.11.2026"], saying: "--date takes a day as YYYY-MM-DD, not \"24.11.2026\".")
        try expectUsageError(butik, ["queue", "add", "AB", "--at", "3pm"], saying: "--at takes a time such as 9:15 or 15:00, not \"3pm\".")
        try expectUsageError(butik, ["receive", "RR123456785SE", "--to", "Åse Berg", "--size", "huge"],
                             saying: "--size takes small or large, not \"huge\".")
        try expectUsageError(butik, ["handout", "RR123456785SE", "--verified", "face"],
                             saying: "--verified takes id, code, known or proxy, not \"face\".")
        try expectUsageError(butik, ["customer", "history", "AB", "--page", "0"], saying: "--page takes a page number from 1, not \"0\".")
        try expectUsageError(butik, ["shelf", "--json=yes"], saying: "--json takes no value.")
        #expect(!FileManager.default.fileExists(atPath: butik.store.path), "no store was opened for a wrong option")
    }

    @Test func anOptionThatIsNotRepeatableIsAUsageErrorWhenGivenTwice() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        try expectUsageError(butik, ["receive", "RR123456785SE", "--to", "Åse Berg", "--to", "Per Berg"],
                             saying: "--to was given twice; give it once.")
        try expectUsageError(butik, ["extend", "RR123456785SE", "--days=2", "--days", "3"], saying: "--days was given twice")
        try expectUsageError(butik, ["shelf", "--json", "--json"], saying: "--json was given twice")
        try expectUsageError(butik, ["shelf", "--staff", "per"], saying: "--staff was given twice")  // Butik.run gives one too

        // A repeatable one keeps every value.
        let received = try butik.run("receive", "RR123456785SE", "--to", "Åse Berg", "--key", "AB",
                                     "--phone", "912 34 567", "--phone", "22 33 44 55")
        #expect(received.status == 0, "\(received.stderr)")
        let shown = try butik.run("customer", "show", "AB")
        #expect(shown.stdout.contains("phone  91234567, 22334455"), "\(shown.stdout)")
    }

    @Test func aVerbTakesTheLanguageOption() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        let run = try butik.run("shelf", "--lang", "nb")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try butik.run("--help").stdout.contains("--lang LANG"))
    }

    /// The options `help` lists: its Options section and the sentence naming those every verb takes.
    private static func listedOptions(_ help: String) -> Set<String> {
        var listed: Set<String> = []
        var inOptions = false
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "Options:" {
                inOptions = true
            } else if line.isEmpty {
                inOptions = false
            } else if inOptions, line.hasPrefix("  --"), let name = line.split(separator: " ").first {
                listed.insert(String(name))
            } else if line.hasPrefix("Every verb also takes ") {
                for word in line.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "." }) where word.hasPrefix("--") {
                    listed.insert(String(word))
                }
            }
        }
        return listed
    }

    @Test func everyVerbTakesExactlyTheOptionsItsHelpLists() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        let overview = try butik.run("--help").stdout
        let verbLines = overview.components(separatedBy: "\nVerbs:\n").last?.components(separatedBy: "\n\n").first ?? ""
        let verbs = verbLines.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(verbs.count > 20, "\(overview)")
        var listed: [String: Set<String>] = [:]
        for verb in verbs {
            let help = try butik.run(verb, "--help")
            #expect(help.status == 0, "\(verb): \(help.stderr)")
            #expect(help.stdout.hasPrefix("Usage: butik \(verb)"), "\(verb): \(help.stdout)")
            listed[verb] = Self.listedOptions(help.stdout)
            #expect(listed[verb]?.isSuperset(of: ["--store", "--staff", "--lang", "--help"]) == true, "\(verb): \(help.stdout)")
        }
        // Every option any verb lists, and one none does, tried on every verb: after --help,
        // which stops any verb from doing its work, a word is either taken (shown, or a missing
        // value) or an unknown option.
        let candidates = listed.values.reduce(into: Set(["--nonsense"])) { $0.formUnion($1) }.sorted()
        for verb in verbs {
            var taken: Set<String> = []
            for candidate in candidates {
                let run = try butik.run(arguments: [verb, "--help", candidate])
                if !run.stderr.contains("Unknown option \(candidate).") { taken.insert(candidate) }
            }
            #expect(taken == listed[verb], "\(verb) takes \(taken.sorted()) and lists \((listed[verb] ?? []).sorted())")
        }
    }

    @Test func helpListsEachOptionWithItsValueAndWhatItDoes() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        let help = try butik.run("extend", "--help").stdout
        #expect(help.hasPrefix("Usage: butik extend TRACKING --days N [--json]\n       butik extend TRACKING --to YYYY-MM-DD [--json]\n"),
                "\(help)")
        #expect(help.contains("\n  --days N         N more days after the current deadline"), "\(help)")
        #expect(help.contains("\n  --to YYYY-MM-DD  this day as the new deadline"), "\(help)")
        #expect(help.contains("\nEvery verb also takes --store DIR, --staff ID, --lang LANG and --help."), "\(help)")
        let lines = try butik.run("handout", "--help").stdout.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 96 || $0.hasPrefix("Usage:") || $0.hasPrefix("       butik") }, "\(lines)")
    }
}

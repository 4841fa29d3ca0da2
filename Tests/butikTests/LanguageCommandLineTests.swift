import Foundation
import Testing

/// The command line speaks the language chosen: `--lang`, else the shop file's `language`, else
/// the environment, else English; in bokmål and Swedish no English word of the counter's work is
/// left in what the verbs say.
@Suite struct LanguageCommandLineTests {
    /// English words that a person would read in a verb's text if a string had missed the catalog.
    static let englishWords = ["parcel", "handed out", "slot", "deadline", "waiting", "received", "customer", "refused",
                               "closed", "on hand", "collected", "nothing found", "by carrier", "so far", "usage", "options"]

    /// A store with a parcel waiting for Maria Mossestad and one handed out to her.
    private func shop() throws -> Butik {
        let butik = Butik()
        for (serial, name) in [(1, "Maria Mossestad"), (2, "MM")] {
            let run = try butik.run("receive", Butik.s10(serial), "--to", name)
            #expect(run.status == 0, "\(run.stderr)")
        }
        #expect(try butik.run("handout", Butik.s10(2), "--verified", "known").status == 0)
        return butik
    }

    /// Today in the shipped shop file's time zone, as `report --date` takes it.
    private static var today: String {
        let format = DateFormatter()
        format.dateFormat = "yyyy-MM-dd"
        format.timeZone = TimeZone(identifier: "Europe/Oslo")
        return format.string(from: Date())
    }

    /// What the verbs say to a person at the counter, each run with `extra` words and environment.
    private func sayings(_ butik: Butik, _ extra: [String], environment: [String: String] = [:]) throws -> [String: Butik.Run] {
        let runs: [String: [String]] = [
            "find name": ["find", "mossestad"], "find closed": ["find", Butik.s10(2)], "history": ["history", Butik.s10(2)],
            "report": ["report", "--date", Self.today], "refusal": ["handout", "RR999999995NO"], "customer": ["customer", "show", "MM"],
            "queue": ["queue"], "check": ["check"],
        ]
        return try runs.mapValues { try butik.run(arguments: $0 + extra, environment: environment) }
    }

    private func expectNoEnglish(_ runs: [String: Butik.Run], _ language: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for (name, run) in runs {
            let text = (run.stdout + run.stderr).lowercased()
            for word in Self.englishWords {
                #expect(!text.contains(word), "\(language) \(name) says \"\(word)\": \(run.stdout)\(run.stderr)", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func bokmålAndSwedishOnTheVerbs() throws {
        let butik = try shop()
        defer { butik.cleanUp() }
        let nb = try sayings(butik, ["--lang", "nb"])
        expectNoEnglish(nb, "nb")
        #expect(nb["find name"]?.stdout.contains("Kunder") == true, "\(nb["find name"]?.stdout ?? "")")
        #expect(nb["find closed"]?.stdout.contains("avsluttet") == true && nb["find closed"]?.stdout.contains("levert ut til mottakeren, kjent av de ansatte (maria)") == true,
                "\(nb["find closed"]?.stdout ?? "")")
        #expect(nb["history"]?.stdout.contains("én pakke har hatt dette nummeret") == true, "\(nb["history"]?.stdout ?? "")")
        #expect(nb["history"]?.stdout.contains("hentefrist") == true, "\(nb["history"]?.stdout ?? "")")
        #expect(nb["report"]?.stdout.contains("I butikken nå: 1 pakke.") == true, "\(nb["report"]?.stdout ?? "")")
        #expect(nb["refusal"]?.status == 1)
        #expect(nb["customer"]?.stdout.contains("1 pakke i butikken:") == true, "\(nb["customer"]?.stdout ?? "")")

        let sv = try sayings(butik, ["--lang", "sv"])
        expectNoEnglish(sv, "sv")
        #expect(sv["history"]?.stdout.contains("ett paket har haft det här numret") == true, "\(sv["history"]?.stdout ?? "")")
        #expect(sv["find closed"]?.stdout.contains("utlämnat till mottagaren, känd av personalen (maria)") == true, "\(sv["find closed"]?.stdout ?? "")")
        #expect(sv["report"]?.stdout.contains("I butiken nu: 1 paket.") == true, "\(sv["report"]?.stdout ?? "")")
        #expect(sv["refusal"]?.status == 1)

        let en = try sayings(butik, [])
        #expect(en["report"]?.stdout.contains("On hand now: 1 parcel.") == true, "English by default: \(en["report"]?.stdout ?? "")")
    }

    @Test func theCounterSafetyRulesInBokmålAndSwedish() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        #expect(try butik.run("receive", Butik.s10(1), "--to", "Maria Mossestad", "--code", "4711").status == 0)
        #expect(try butik.run("receive", Butik.s10(2), "--to", "Per Hansen").status == 0)
        #expect(try butik.run("return", Butik.s10(2)).status == 0)
        #expect(try butik.run("queue", "add", "MM").status == 0)
        let wrongCode = ["handout", Butik.s10(1), "--verified", "code", "--code", "1234"]
        let runs: [String: (Butik.Run, String)] = try [
            "nb code": (butik.run(arguments: wrongCode + ["--lang", "nb"]), "1 pakke har ikke hentekoden 1234 (\(Butik.s10(1)))"),
            "sv code": (butik.run(arguments: wrongCode + ["--lang", "sv"]), "1 paket har inte koden 1234 (\(Butik.s10(1)))"),
            "nb code alone": (butik.run("handout", Butik.s10(1), "--code", "4711", "--lang", "nb"), "handout --code hører sammen med --verified code."),
            "sv undo": (butik.run("handout", Butik.s10(1), "--undo", "--code", "4711", "--lang", "sv"),
                        "handout --undo tar inte --verified, --proxy-name, --proxy-id eller --code."),
            "nb fetch": (butik.run("queue", "fetch", "MM", "--lang", "nb"), "; hent fra "),
            "sv ready": (butik.run("queue", "ready", "MM", "--lang", "sv"), "; vid disken.\n"),
            "nb stop": (butik.run("handover", Butik.s10(2), Butik.s10(1), "--lang", "nb"), "STOPP: \(Butik.s10(1)) venter på MM"),
            "sv took": (butik.run("handover", Butik.s10(2), "--lang", "sv"), "Chauffören tog med 1 av 1: 1 returpaket och 0 inlämningar.\n"),
        ]
        for (name, (run, said)) in runs {
            #expect((run.stdout + run.stderr).contains(said), "\(name): \(run.stdout)\(run.stderr)")
        }
        expectNoEnglish(runs.mapValues(\.0), "nb and sv")
        // The help names the verb `butik customer proxy`, so it is not scanned for English words.
        let help = try butik.run("handout", "--help", "--lang", "nb").stdout
        #expect(help.contains("--code DIGITS      med --verified code: hentekoden kunden oppgir") && help.contains("På hentekoden"), "\(help)")
        #expect(try butik.run("find", Butik.s10(1), "--json").stdout.contains("\"waiting\""), "the wrong code handed out nothing")
    }

    @Test func helpIsInTheChosenLanguage() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        let nb = try butik.run("--help", "--lang", "nb")
        #expect(nb.stdout.contains("Kommandoer:") && nb.stdout.contains("ta imot en pakke"), "\(nb.stdout)")
        let verb = try butik.run("find", "--help", "--lang", "sv")
        #expect(verb.stdout.hasPrefix("Användning: butik find QUERY... [--json]"), "\(verb.stdout)")
        #expect(verb.stdout.contains("Alternativ:") && verb.stdout.contains("Alla kommandon tar också --store DIR"), "\(verb.stdout)")
        for run in [nb, verb] {
            // The verbs' names and the JSON's keys stay English; the sentences do not.
            for word in ["Usage", "Options", "Every verb", " the ", " and ", " or ", " with "] {

                #expect(!run.stdout.contains(word), "\(word): \(run.stdout)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: butik.store.path), "help opens no store")
    }

    @Test func aUsageErrorIsInTheChosenLanguageAndAnUnknownLanguageNamesTheThree() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        let bad = try butik.run("report", "--date", "24.11.2026", "--lang", "nb")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--date tar en dato som YYYY-MM-DD, ikke «24.11.2026». Se `butik report --help`."), "\(bad.stderr)")
        let unknown = try butik.run("shelf", "--lang", "de")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--lang takes nb, sv or en, not \"de\"."), "\(unknown.stderr)")
        #expect(!FileManager.default.fileExists(atPath: butik.store.path), "no store was opened")
    }

    @Test func theEnvironmentChoosesWhenNothingElseDoes() throws {
        let butik = try shop()
        defer { butik.cleanUp() }
        let sv = try sayings(butik, [], environment: ["LANG": "sv_SE.UTF-8"])
        expectNoEnglish(sv, "LANG=sv_SE.UTF-8")
        #expect(sv["report"]?.stdout.contains("I butiken nu: 1 paket.") == true, "\(sv["report"]?.stdout ?? "")")
        let flag = try butik.run(arguments: ["report", "--date", Self.today, "--lang", "en"], environment: ["LC_ALL": "nb_NO.UTF-8"])
        #expect(flag.stdout.contains("On hand now: 1 parcel."), "--lang before the environment: \(flag.stdout)")
        let c = try butik.run(arguments: ["report", "--date", Self.today], environment: ["LC_ALL": "C", "LANG": "nb_NO.UTF-8"])
        #expect(c.stdout.contains("I butikken nå: 1 pakke."), "C is no language: \(c.stdout)")
    }

    @Test func theShopFileChoosesBeforeTheEnvironment() throws {
        let butik = try shop()
        defer { butik.cleanUp() }
        let file = butik.store.appendingPathComponent("shop.json")
        var layout = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        layout["language"] = "nb"
        try JSONSerialization.data(withJSONObject: layout).write(to: file)
        let nb = try sayings(butik, [], environment: ["LANG": "sv_SE.UTF-8"])
        expectNoEnglish(nb, "shop file nb")
        #expect(nb["report"]?.stdout.contains("I butikken nå: 1 pakke.") == true, "\(nb["report"]?.stdout ?? "")")
        let usage = try butik.run("report", "--date", "24.11.2026")
        #expect(usage.stderr.contains("--date tar en dato"), "a usage error is said in the shop's language too: \(usage.stderr)")
        let flag = try butik.run("report", "--date", Self.today, "--lang", "sv")
        #expect(flag.stdout.contains("I butiken nu: 1 paket."), "--lang before the shop file: \(flag.stdout)")
    }
}

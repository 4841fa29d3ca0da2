import Foundation
import Testing

/// Contacts and cases on the command line: `customer contact`, `case open|update|close|reopen|list|show`,
/// the open case `receive` names, and both in `customer history`.
@Suite struct CaseCommandLineTests {
    struct CaseJSON: Decodable {
        let `case`: Int
        let key: String
        let kind: String
        let status: String
        let owner: String
        let followUp: String?
        let due: Bool
        let parcels: [String]
        let text: String
        let updates: [UpdateJSON]
        let claimDeadlines: [DeadlineJSON]
    }

    struct UpdateJSON: Decodable {
        let staff: String
        let status: String?
        let text: String?
    }

    struct DeadlineJSON: Decodable {
        let tracking: String
        let carrier: String
        let minutesLeft: Int
    }

    struct ContactJSON: Decodable {
        let contact: Int
        let key: String
        let channel: String
        let tracking: String?
        let `case`: Int?
        let text: String
    }

    /// A store with Maria Mossestad (MM) and a PostNord parcel for her, RR123456785SE.
    static func shop() throws -> Butik {
        let butik = Butik()
        let received = try butik.run("receive", "RR123456785SE", "--to", "Maria Mossestad", "--carrier", "postnord")
        #expect(received.status == 0, "\(received.stderr)")
        return butik
    }

    @Test func aContactIsLoggedAndShownInTheHistory() throws {
        let butik = try Self.shop()
        defer { butik.cleanUp() }
        let logged = try butik.run("customer", "contact", "mm", "--channel", "messenger", "--parcel", "RR123456785SE", "Asks", "when it comes")
        #expect(logged.status == 0, "\(logged.stderr)")
        #expect(logged.stdout == "Contact K1 with MM logged: Messenger about RR123456785SE: Asks when it comes\n")
        let json = try butik.run("customer", "contact", "MM", "--channel", "phone", "Opening hours?", "--json").json(ContactJSON.self)
        #expect(json.contact == 2 && json.key == "MM" && json.channel == "phone" && json.tracking == nil && json.text == "Opening hours?")

        let history = try butik.run("customer", "history", "MM")
        #expect(history.stdout.contains("Messenger about RR123456785SE: Asks when it comes"), "\(history.stdout)")
        #expect(history.stdout.contains("phone: Opening hours?"), "\(history.stdout)")

        let wrong = try butik.run("customer", "contact", "MM", "--channel", "pigeon", "x")
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("--channel takes counter, phone, email, chat, messenger, facebook, instagram, x or trustpilot"), "\(wrong.stderr)")
        let both = try butik.run("customer", "contact", "MM", "--channel", "phone", "--parcel", "RR123456785SE", "--case", "1", "x")
        #expect(both.status == 2)
        let noCase = try butik.run("customer", "contact", "MM", "--channel", "phone", "--case", "#4", "x")
        #expect(noCase.status == 1)
        #expect(noCase.stderr.contains("No case #4."), "\(noCase.stderr)")
    }

    @Test func aNationalIDNumberIsRefusedSayingWhy() throws {
        let butik = try Self.shop()
        defer { butik.cleanUp() }
        // 15.03.87, individual number 100: the mod-11 check digits are 4 and 1 (see NationalIDTests).
        let refused = try butik.run("customer", "contact", "MM", "--channel", "counter", "ID 150387 10041")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("looks like a Norwegian national identity number (fødselsnummer)"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("10041"), "the number is not said back")
        let history = try butik.run("customer", "history", "MM", "--json")
        #expect(!history.stdout.contains("10041"))
    }

    @Test func aCaseIsOpenedUpdatedClosedAndReopened() throws {
        let butik = try Self.shop()
        defer { butik.cleanUp() }
        let opened = try butik.run("case", "open", "MM", "--kind", "claimDamaged", "--parcel", "RR123456785SE", "Box", "crushed")
        #expect(opened.status == 0, "\(opened.stderr)")
        #expect(opened.stdout == "Case #1 opened for Maria Mossestad (MM): claim: damaged.\n")
        let second = try butik.run("case", "open", "MM", "--kind", "question", "--owner", "siv", "Opening hours?", "--json").json(CaseJSON.self)
        #expect(second.case == 2 && second.kind == "question" && second.owner == "siv" && second.status == "open" && second.claimDeadlines.isEmpty)

        let shown = try butik.run("case", "show", "#1")
        #expect(shown.stdout.contains("Case #1, claim: damaged, for Maria Mossestad (MM)"), "\(shown.stdout)")
        #expect(shown.stdout.contains("Status: open; owner: maria"), "\(shown.stdout)")
        #expect(shown.stdout.contains(/Report the damage to RR123456785SE to PostNord by \d\d\.\d\d\.\d{4} \d\d:\d\d: \d+ h \d+ min left\./),
                "\(shown.stdout)")
        let card = try butik.run("case", "show", "1", "--json").json(CaseJSON.self)
        #expect(card.case == 1 && card.kind == "claimDamaged" && card.status == "open" && card.parcels == ["RR123456785SE"])
        #expect(card.claimDeadlines.map(\.carrier) == ["PostNord"])
        #expect((card.claimDeadlines.first?.minutesLeft ?? -1) >= 0, "it arrived just now")

        let waiting = try butik.run("case", "update", "1", "--status", "waitingForCarrier")
        #expect(waiting.status == 1)
        #expect(waiting.stderr.contains("A case waiting for the carrier needs a follow-up day"), "\(waiting.stderr)")
        let followUp = try Self.dayAfterTomorrow()
        let updated = try butik.run("case", "update", "1", "--status", "waitingForCarrier", "--follow-up", followUp, "--owner", "per", "Reported")
        #expect(updated.status == 0, "\(updated.stderr)")
        #expect(updated.stdout == "Case #1 of MM updated.\n")
        let json = try butik.run("case", "show", "1", "--json").json(CaseJSON.self)
        #expect(json.status == "waitingForCarrier" && json.owner == "per" && json.followUp != nil && !json.due)
        #expect(json.updates.map(\.text) == ["Reported"])
        let noted = try butik.run("case", "update", "1", "Called PostNord", "--json").json(CaseJSON.self)
        #expect(noted.updates.map(\.text) == ["Reported", "Called PostNord"] && noted.status == "waitingForCarrier")

        let bad = try butik.run("case", "update", "1", "--follow-up", "31.02")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--follow-up takes a day as DD.MM or DD.MM.YYYY, not \"31.02\""), "\(bad.stderr)")

        let closed = try butik.run("case", "close", "1", "Sender", "refunded")
        #expect(closed.stdout == "Case #1 of MM resolved.\n", "\(closed.stderr)")
        let again = try butik.run("case", "update", "1", "more")
        #expect(again.status == 1)
        #expect(again.stderr.contains("Case #1 is resolved: reopen it to change it."), "\(again.stderr)")
        let noText = try butik.run("case", "reopen", "1")
        #expect(noText.status == 2)
        let reopened = try butik.run("case", "reopen", "1", "--json", "Refund never came").json(CaseJSON.self)
        #expect(reopened.status == "open" && reopened.updates.map(\.status) == ["waitingForCarrier", nil, "resolved", "open"])

        let history = try butik.run("customer", "history", "MM")
        #expect(history.stdout.contains("case #1 opened, claim: damaged: Box crushed"), "\(history.stdout)")
        #expect(history.stdout.contains("case #1, now waiting for the carrier, owner per, follow-up"), "\(history.stdout)")
        #expect(history.stdout.contains("case #1, now resolved: Sender refunded"), "\(history.stdout)")
    }

    @Test func theListPutsDueCasesFirstAndFilters() throws {
        let butik = try Self.shop()
        defer { butik.cleanUp() }
        #expect(try butik.run("customer", "add", "Thomas Berg").status == 0)
        let later = try Self.dayAfterTomorrow()
        #expect(try butik.run("case", "open", "MM", "--kind", "question", "--follow-up", later, "Wants a call").status == 0)
        #expect(try butik.run("case", "open", "TB", "--kind", "redirect", "--owner", "per", "--follow-up", Self.today(), "Home to shop").status == 0)
        #expect(try butik.run("case", "open", "TB", "--kind", "complaint", "Rude driver").status == 0)
        let listed = try butik.run("case", "list")
        #expect(listed.status == 0, "\(listed.stderr)")
        let rows = listed.stdout.split(separator: "\n").map(String.init)
        #expect(rows.first == "3 cases:")
        #expect(rows.dropFirst().map { $0.prefix(2) } == ["#2", "#1", "#3"], "\(listed.stdout)")
        #expect(rows[1].contains("due today"), "\(rows[1])")
        let due = try butik.run("case", "list", "--due", "--json").json([CaseJSON].self)
        #expect(due.map(\.case) == [2])
        #expect(try butik.run("case", "list", "--owner", "PER", "--json").json([CaseJSON].self).map(\.case) == [2])
        #expect(try butik.run("case", "list", "--kind", "complaint", "--json").json([CaseJSON].self).map(\.case) == [3])
        #expect(try butik.run("case", "list", "--status", "resolved").stdout == "No cases.\n")
    }

    @Test func theCustomersCardListsTheirOpenCases() throws {
        let butik = try Self.shop()
        defer { butik.cleanUp() }
        #expect(try butik.run("customer", "add", "Thomas Berg").status == 0)
        #expect(try butik.run("case", "open", "MM", "--kind", "claimDamaged", "--parcel", "RR123456785SE", "Box crushed").status == 0)
        #expect(try butik.run("case", "open", "MM", "--kind", "question", "--owner", "siv", "--follow-up", Self.today(), "Wants a call").status == 0)
        #expect(try butik.run("case", "open", "MM", "--kind", "complaint", "Rude driver").status == 0)
        #expect(try butik.run("case", "open", "TB", "--kind", "redirect", "Home to shop").status == 0)
        #expect(try butik.run("case", "close", "3", "Apologised").status == 0)
        let shown = try butik.run("customer", "show", "MM")
        #expect(shown.status == 0, "\(shown.stderr)")
        let lines = shown.stdout.split(separator: "\n").map(String.init)
        let start = try #require(lines.firstIndex(of: "2 open cases:"), "\(shown.stdout)")
        #expect(lines[start + 1].hasPrefix("  #1") && lines[start + 1].contains("open"), "\(shown.stdout)")
        #expect(lines[start + 2].hasPrefix("  #2") && lines[start + 2].contains("siv") && lines[start + 2].contains("due today"), "\(shown.stdout)")
        #expect(lines.count == start + 3, "\(shown.stdout)")
        struct Shown: Decodable {
            struct Open: Decodable, Equatable { let `case`: Int, kind: String, status: String, owner: String, due: Bool }
            let openCases: [Open]
        }
        let json = try butik.run("customer", "show", "MM", "--json").json(Shown.self)
        #expect(json.openCases.map(\.case) == [1, 2])
        #expect(json.openCases.map(\.kind) == ["claimDamaged", "question"])
        #expect(json.openCases.map(\.due) == [false, true])
        #expect(json.openCases[1].owner == "siv")
        #expect(try butik.run("customer", "show", "TB", "--json").json(Shown.self).openCases.map(\.case) == [4])
        #expect(!(try butik.run("customer", "show", "TB").stdout.contains("#1")))
    }

    @Test func receivingForACustomerWithAnOpenCaseSaysSo() throws {
        let butik = try Self.shop()
        defer { butik.cleanUp() }
        #expect(try butik.run("case", "open", "MM", "--kind", "claimMissing", "Where is it?").status == 0)
        let received = try butik.run("receive", Butik.s10(2), "--to", "MM")
        #expect(received.status == 0, "\(received.stderr)")
        #expect(received.stdout.contains("MM has an open case: claim, #1."), "\(received.stdout)")
        struct ReceivedJSON: Decodable { let openCases: [Int] }
        #expect(try butik.run("receive", Butik.s10(3), "--to", "MM", "--json").json(ReceivedJSON.self).openCases == [1])
    }

    @Test func theWordsAreTheShopsLanguage() throws {
        let butik = try Self.shop()
        defer { butik.cleanUp() }
        let nb = try butik.run(arguments: ["case", "open", "MM", "--kind", "claimDamaged", "Knust", "--lang", "nb"])
        #expect(nb.stdout == "Sak #1 opprettet for Maria Mossestad (MM): reklamasjon: skadet.\n", "\(nb.stderr)")
        let sv = try butik.run(arguments: ["case", "show", "1", "--lang", "sv"])
        #expect(sv.stdout.contains("Ärende #1, reklamation: skadat, för Maria Mossestad (MM)"), "\(sv.stdout)")
        #expect(sv.stdout.contains("Status: öppet; ansvarig: maria"), "\(sv.stdout)")
    }

    /// Today in Oslo as `DD.MM.YYYY`.
    static func today(adding days: Int = 0) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Europe/Oslo")
        formatter.dateFormat = "dd.MM.yyyy"
        return formatter.string(from: Date().addingTimeInterval(Double(days) * 86_400))
    }

    static func dayAfterTomorrow() throws -> String { today(adding: 2) }
}

import Foundation
import Testing

/// The customer record on the command line: `customer edit`, `note`, `merge`, a proxy's
/// relation and end, and `customer show` printing every field.
@Suite struct CustomerRecordCommandLineTests {
    struct ProxyJSON: Decodable {
        let name: String
        let relation: String?
        let validUntil: String?
    }

    struct CustomerJSON: Decodable {
        let key: String
        let name: String
        let phones: [String]
        let email: String?
        let note: String?
        let channel: String?
        let language: String?
        let regularByHand: Bool
        let personalOnly: Bool
        let retiredKeys: [String]
        let proxies: [ProxyJSON]
        let waiting: Int
    }

    struct RegularJSON: Decodable {
        let byHand: Bool
        let visits: Int
        let needed: Int
        let days: Int
        let isRegular: Bool
    }

    struct Card: Decodable {
        let customer: CustomerJSON
        let regular: RegularJSON
    }

    struct MergeJSON: Decodable {
        let customer: CustomerJSON
        let merged: String
        let parcels: Int
        let proxies: [String]
        let phones: [String]
    }

    struct HistoryJSON: Decodable {
        struct Entry: Decodable {
            let type: String
            let tracking: String?
            let merged: String?
            let note: String?
        }
        let total: Int
        let entries: [Entry]
    }

    /// Maria Mossestad (MM) with RR123456785SE; Maria M (MM2) with CT797294851NO, a phone and a proxy.
    static func shop() throws -> Butik {
        let butik = Butik()
        for args in [["receive", "RR123456785SE", "--to", "Maria Mossestad"],
                     ["customer", "add", "Maria M", "--key", "MM2", "--phone", "912 34 567", "--note", "Kjører vespa"],
                     ["receive", "CT797294851NO", "--to", "MM2"],
                     ["customer", "proxy", "MM2", "--add", "Petter Dahl", "--relation", "nabo"]] {
            let run = try butik.run(arguments: args)
            #expect(run.status == 0, "\(args): \(run.stderr)")
        }
        return butik
    }

    @Test func editChangesEveryFieldAndShowPrintsThem() throws {
        let butik = try Self.shop()
        defer { butik.cleanUp() }
        let edited = try butik.run("customer", "edit", "mm", "--name", "Maria Mossestad-Berg", "--key", "mamo", "--phone", "400 11 222",
                                   "--phone", "+47 912 00 000", "--email", "maria@example.no", "--channel", "messenger", "--language", "sv",
                                   "--regular", "--personal-only")
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(edited.stdout == "Saved the changes to MAMO (Maria Mossestad-Berg).\n")
        let shown = try butik.run("customer", "show", "MM")
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.hasPrefix("""
            MAMO  Maria Mossestad-Berg  (chosen key)
            also  MM (earlier keys, still find them)
            phone  40011222, 4791200000
            e-mail maria@example.no
            reach  Messenger
            speaks  Swedish
            regular (marked by hand)
            in person only: no proxy may collect
            1 parcel in the shop:
            """), "\(shown.stdout)")
        let card = try butik.run("customer", "show", "MAMO", "--json").json(Card.self)
        #expect(card.customer.channel == "messenger" && card.customer.language == "sv" && card.customer.personalOnly)
        #expect(card.customer.retiredKeys == ["MM"] && card.customer.phones == ["40011222", "4791200000"])
        #expect(card.regular.byHand && card.regular.isRegular && card.regular.needed == 10 && card.regular.days == 90)

        let json = try butik.run("customer", "edit", "MAMO", "--not-regular", "--any-proxy", "--phone", "", "--email", "", "--json")
            .json(CustomerJSON.self)
        #expect(!json.regularByHand && !json.personalOnly && json.phones.isEmpty && json.email == nil)
        #expect(try butik.run("customer", "show", "MAMO").stdout.contains("not a regular (0 visits in 90 days)\n"))
    }

    @Test func badInputAndNoChangeAreRefusedWithTheirReason() throws {
        let butik = try Self.shop()
        defer { butik.cleanUp() }
        let email = try butik.run("customer", "edit", "MM", "--email", "maria@")
        #expect(email.status == 1 && email.stderr.contains("\"maria@\" does not look like an e-mail address"), "\(email.stderr)")
        let taken = try butik.run("customer", "edit", "MM", "--key", "MM2")
        #expect(taken.status == 1 && taken.stderr.contains("MM2"), "\(taken.stderr)")
        let same = try butik.run("customer", "edit", "MM", "--name", "Maria Mossestad")
        #expect(same.status == 1 && same.stderr.contains("Nothing to change: MM's record already reads so."), "\(same.stderr)")
        #expect(try butik.run("customer", "edit", "MM", "--regular", "--not-regular").status == 2)
        #expect(try butik.run("customer", "edit", "MM", "--channel", "pigeon").status == 2)
        #expect(try butik.run("customer", "add", "Ola", "--regular").status == 2, "edit's options go with edit")
        #expect(try butik.run("customer", "show", "MM", "--yes").status == 2)
        let nb = try butik.run("customer", "edit", "MM", "--email", "x", "--lang", "nb")
        #expect(nb.stderr.contains("«x» ser ikke ut som en e-postadresse"), "\(nb.stderr)")
    }

    @Test func noteSetsAndClearsTheNote() throws {
        let butik = try Self.shop()
        defer { butik.cleanUp() }
        let noted = try butik.run("customer", "note", "MM", "Ringer  før henting")
        #expect(noted.status == 0 && noted.stdout == "Note saved for MM (Maria Mossestad).\n", "\(noted.stderr)")
        #expect(try butik.run("customer", "show", "MM", "--json").json(Card.self).customer.note == "Ringer før henting")
        #expect(try butik.run("customer", "note", "MM", "", "--json").json(CustomerJSON.self).note == nil)
        #expect(try butik.run("customer", "note", "MM").status == 2)
        let history = try butik.run("customer", "history", "MM", "--json").json(HistoryJSON.self)
        #expect(history.entries.filter { $0.type == "edited" }.map(\.note) == [nil, "Ringer før henting"])
    }

    @Test func mergeSaysWhatMovesAsksAndMovesItWithYes() throws {
        let butik = try Self.shop()
        defer { butik.cleanUp() }
        let asked = try butik.run("customer", "merge", "MM", "MM2")
        #expect(asked.status == 1)
        #expect(asked.stdout == """
            Merge MM2 (Maria M) into MM (Maria Mossestad):
              1 parcel in the shop moves
              proxies added: Petter Dahl
              phones added: 91234567
              MM2 becomes an earlier key of MM: it still finds them; the history of both shows under MM

            """, "\(asked.stdout)")
        #expect(asked.stderr.contains("Not merged: there is no terminal to ask at. Give --yes to merge without asking."), "\(asked.stderr)")
        #expect(try butik.run("customer", "show", "MM2", "--json").json(Card.self).customer.key == "MM2", "nothing merged")

        let merged = try butik.run("customer", "merge", "MM", "MM2", "--yes")
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout == "Merged MM2 into MM (Maria Mossestad); MM2 still finds them.\n")
        let card = try butik.run("customer", "show", "mm2", "--json").json(Card.self)
        #expect(card.customer.key == "MM" && card.customer.retiredKeys == ["MM2"] && card.customer.waiting == 2)
        #expect(card.customer.note == "Kjører vespa", "the kept record had no note: the merged one's is kept")
        #expect(try butik.run("find", "vespa").stdout.contains("MM "), "and finds her")
        #expect(card.customer.proxies.map(\.name) == ["Petter Dahl"])
        let history = try butik.run("customer", "history", "MM", "--json").json(HistoryJSON.self)
        #expect(history.entries.first?.type == "merged" && history.entries.first?.merged == "C2")
        #expect(Set(history.entries.compactMap(\.tracking)) == ["RR123456785SE", "CT797294851NO"])
        let text = try butik.run("customer", "history", "MM").stdout
        #expect(text.contains("record C2 merged into this one; its history is shown here"), "\(text)")

        let again = try butik.run("customer", "merge", "MM", "MM2", "--yes")
        #expect(again.status == 1 && again.stderr.contains("MM cannot be merged with itself"), "\(again.stderr)")
        #expect(try butik.run("customer", "merge", "MM").status == 2)
        #expect(try butik.run("customer", "merge", "MM", "NOBODY", "--yes").status == 1)
    }

    @Test func mergeJSONSaysWhatMoved() throws {
        let butik = try Self.shop()
        defer { butik.cleanUp() }
        let merge = try butik.run("customer", "merge", "MM", "MM2", "--yes", "--json").json(MergeJSON.self)
        #expect(merge.merged == "MM2" && merge.parcels == 1 && merge.proxies == ["Petter Dahl"] && merge.phones == ["91234567"])
        #expect(merge.customer.key == "MM")
    }

    @Test func aProxyHasARelationAndAnEndAndAnExpiredOneIsRefused() throws {
        let butik = try Self.shop()
        defer { butik.cleanUp() }
        let day = Date().addingTimeInterval(30 * 86_400)
        let formatter = DateFormatter()
        formatter.dateFormat = "dd.MM.yyyy"
        formatter.timeZone = TimeZone(identifier: "Europe/Oslo")
        let until = formatter.string(from: day)
        let added = try butik.run("customer", "proxy", "MM", "--add", "Åse Ødegård", "--relation", "datter", "--valid-until", until)
        #expect(added.status == 0, "\(added.stderr)")
        let shown = try butik.run("customer", "show", "MM").stdout
        #expect(shown.contains(/proxy  Åse Ødegård, datter \(registered \d\d\.\d\d\.\d{4} by maria, valid until \d\d\.\d\d\.\d{4}\)/), "\(shown)")
        let json = try butik.run("customer", "show", "MM", "--json").json(Card.self)
        #expect(json.customer.proxies.first?.relation == "datter" && json.customer.proxies.first?.validUntil?.count == 10)

        let far = try butik.run("customer", "proxy", "MM", "--add", "Ola", "--valid-until", "01.01.2099")
        #expect(far.status == 1 && far.stderr.contains("A fullmakt cannot run until 01.01.2099"), "\(far.stderr)")
        #expect(try butik.run("customer", "proxy", "MM", "--add", "Ola", "--valid-until", "2030-01-01").status == 2)
        #expect(try butik.run("customer", "proxy", "MM", "--remove", "Ola", "--relation", "x").status == 2)

        #expect(try butik.run("customer", "edit", "MM", "--personal-only").status == 0)
        let refused = try butik.run("handout", "RR123456785SE", "--verified", "proxy", "--proxy-name", "Åse Ødegård", "--proxy-id", "pass 1")
        #expect(refused.status == 1 && refused.stderr.contains("MM collects in person only"), "\(refused.stderr)")
    }
}

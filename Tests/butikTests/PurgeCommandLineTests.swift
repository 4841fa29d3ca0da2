import ButikDomain
import ButikStore
import Foundation
import Testing

/// `butik purge` on the real binary: a dry run lists what would go and changes no file;
/// `--apply` removes it from every file, and `check` passes.
@Suite struct PurgeCommandLineTests {
    struct Listed: Decodable {
        struct Line: Decodable { let id: String; let key: String; let what: String }
        let applied: Bool
        let retentionDays: Int
        let contacts: [Line]
        let cases: [Line]
        let linesRewritten: Int?
    }

    static let layout = """
    {"schema":1,"name":"Test","timeZone":"Europe/Oslo","shelves":[{"id":"A","slots":4,"capacity":5,"size":"small"}],
     "overflow":{"id":"FLOOR","name":"Floor"},"outbound":{"id":"OUT","name":"Out"},"defaultHoldDays":7,"retention":{"days":30},
     "carriers":[{"id":"postnord","name":"PostNord","holdDays":7}]}
    """

    /// Åse's Messenger question and her closed damage claim from January 2026; an open case
    /// with a contact about it, from the same day, stays.
    private func shop() throws -> Butik {
        let butik = Butik()
        let store = try ShopStore.open(folder: butik.store, defaultLayout: Data(Self.layout.utf8))
        var minute = 0.0
        func run<O>(_ decide: (ShopState, Context) throws(DomainError) -> Decision<O>) throws -> O {
            minute += 5
            return try store.perform(staff: "kari", now: Date(timeIntervalSince1970: 1_767_610_800 + minute * 60), decide)
        }
        let åse = try run { s, c throws(DomainError) in try s.addCustomer(NewCustomer(name: "Åse Ødegård"), c) }.id
        _ = try run { s, c throws(DomainError) in try s.logContact(åse, channel: .messenger, about: .question, text: "Spør om åpningstider", c) }
        let claim = try run { s, c throws(DomainError) in try s.openCase(NewCase(customer: åse, kind: .claim(.damaged), text: "Knust vase"), c) }
        _ = try run { s, c throws(DomainError) in try s.closeCase(claim.id, text: "Erstattet", c) }
        let open = try run { s, c throws(DomainError) in try s.openCase(NewCase(customer: åse, kind: .question, text: "Venter på svar"), c) }
        _ = try run { s, c throws(DomainError) in try s.logContact(åse, channel: .email, about: .case(open.id), text: "Sendte bilde", c) }
        return butik
    }

    private func journal(_ butik: Butik) throws -> String {
        let folder = butik.store.appendingPathComponent("journal")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }.joined()
    }

    @Test func aDryRunListsAndChangesNothingAndApplyRemovesFromEveryFile() throws {
        let butik = try shop()
        defer { butik.cleanUp() }
        let before = try journal(butik)

        let dry = try butik.run("purge", "--lang", "nb")
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("Lagringstid 30 dager"))
        #expect(dry.stdout.contains("1 kontakt:") && dry.stdout.contains("Messenger"))
        #expect(dry.stdout.contains("1 lukket sak:") && dry.stdout.contains("ÅØ"))
        #expect(dry.stdout.contains("prøvekjøring") && dry.stdout.contains("--apply"))
        #expect(try journal(butik) == before)

        let listed = try butik.run("purge", "--json").json(Listed.self)
        #expect(!listed.applied && listed.retentionDays == 30 && listed.linesRewritten == nil)
        #expect(listed.contacts.map(\.what) == ["messenger"] && listed.cases.map(\.what) == ["claimDamaged"])
        #expect(!(try butik.run("purge", "--json").stdout.contains("Knust")), "no texts in the list")

        let applied = try butik.run("purge", "--apply", "--json").json(Listed.self)
        #expect(applied.applied && applied.linesRewritten == 3)
        let after = try journal(butik)
        for gone in ["Spør om åpningstider", "Knust vase", "Erstattet"] { #expect(!after.contains(gone), "\(gone)") }
        for kept in ["Venter på svar", "Sendte bilde", "Åse Ødegård"] { #expect(after.contains(kept), "\(kept)") }
        let check = try butik.run("check")
        #expect(check.status == 0, "\(check.stdout)")

        let again = try butik.run("purge", "--apply")
        #expect(again.status == 0 && again.stdout.contains("Nothing is that old."))
    }
}

import Foundation
import Testing

/// The headless verbs, run through the real binary on a temporary store.
@Suite struct CommandLineTests {
    struct Received: Decodable {
        let tracking: String
        let key: String
        let slot: String
        let deadline: String
        let newCustomer: Bool
        let checkDigit: String
        let overflow: String?
    }

    struct FoundParcel: Decodable {
        let tracking: String
        let key: String
        let slot: String
        let status: String
    }

    struct FoundCustomer: Decodable {
        let key: String
        let name: String
        let waiting: Int
    }

    struct Found: Decodable {
        let customers: [FoundCustomer]
        let parcels: [FoundParcel]
    }

    @Test func aClosedStandardErrorLosesTheMessageButNeverStopsTheProgram() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        let command = ([Butik.binary.path] + Butik.globalsLast(["receive", "NOT-A-CODE!", "--to", "Åse Ødegård"],
                                                             store: butik.store.path, staff: butik.staff))
            .map { "'\($0)'" }.joined(separator: " ")
        process.arguments = ["-c", "exec \(command) 2>&-"]
        process.environment = butik.environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 1)  // refused, said on a standard error nobody reads
    }

    @Test func receiveThenFindByAccentedFragmentAndLastDigits() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        let first = try butik.run("receive", "RR123456785SE", "--to", "Thomas Schjønningsen", "--phone", "+47 912 34 567", "--json")
        #expect(first.status == 0, "\(first.stderr)")
        let received = try first.json(Received.self)
        #expect(received.tracking == "RR123456785SE")
        #expect(received.key == "TS")
        #expect(received.newCustomer)
        #expect(received.checkDigit == "verified")

        let second = try butik.run("receive", "]C100370725380000086508", "--to", "THOMAS SCHJØNNINGSEN", "--carrier", "posten", "--json")
        #expect(second.status == 0, "\(second.stderr)")
        let again = try second.json(Received.self)
        #expect(again.tracking == "370725380000086508")
        #expect(again.newCustomer == false)
        #expect(again.slot == received.slot, "a customer's parcels share a slot while it has room")

        let byName = try butik.run("find", "schjonningsen", "--json").json(Found.self)
        #expect(byName.customers.map(\.key) == ["TS"])
        #expect(byName.customers.first?.waiting == 2)

        let byDigits = try butik.run("find", "6508", "--json").json(Found.self)
        #expect(byDigits.parcels.map(\.tracking) == ["370725380000086508"])

        let byPhone = try butik.run("find", "91234", "--json").json(Found.self)
        #expect(byPhone.customers.map(\.name) == ["Thomas Schjønningsen"])
    }

    @Test func wrongCheckDigitIsRefusedNamingTheDigitUnlessForced() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        let refused = try butik.run("receive", "RB123456786US", "--to", "Åse Ødegård")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("should be 5"), "\(refused.stderr)")
        #expect(refused.stdout.isEmpty)

        let forced = try butik.run("receive", "RB123456786US", "--to", "Åse Ødegård", "--force", "--json")
        #expect(forced.status == 0, "\(forced.stderr)")
        let received = try forced.json(Received.self)
        #expect(received.checkDigit == "overridden")
        #expect(received.key == "ÅØ")
    }

    @Test func aParcelIsOnTheShelfOnceAndHandedOutOnce() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        let first = try butik.run("receive", "CT797294851NO", "--to", "Maria Mossestad", "--json").json(Received.self)
        let twice = try butik.run("receive", "CT797294851NO", "--to", "Maria Mossestad")
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("already on the shelf: slot \(first.slot), key MM"), "\(twice.stderr)")

        let handout = try butik.run("handout", "ct797294851no", "--verified", "known")
        #expect(handout.status == 0, "\(handout.stderr)")
        let again = try butik.run("handout", "CT797294851NO")
        #expect(again.status == 1)
        #expect(again.stderr.contains("already handed out"), "\(again.stderr)")

        let proxy = try butik.run("receive", "RR123456785SE", "--to", "MM")
        #expect(proxy.status == 0, "\(proxy.stderr)")
        let noName = try butik.run("handout", "RR123456785SE", "--verified", "proxy")
        #expect(noName.status == 1)
        #expect(noName.stderr.contains("proxy's name"))
    }

    @Test func keysFollowTheInitialsRule() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        let jfj = try butik.run("customer", "add", "Jan Fredrik Jacobsen", "--json")
        #expect(jfj.status == 0, "\(jfj.stderr)")
        #expect(jfj.stdout.contains("\"key\" : \"JFJ\""))
        let jfj2 = try butik.run("customer", "add", "Jens Folke Jensen")
        #expect(jfj2.stdout.contains("key JFJ2"), "\(jfj2.stdout)")
        let jeds = try butik.run("customer", "add", "Jeds Hansen", "--key", "jeds", "--note", "Comes by Vespa")
        #expect(jeds.stdout.contains("key JEDS"))
        let taken = try butik.run("customer", "add", "Jon Eriksen", "--key", "JEDS")
        #expect(taken.status == 1)
        #expect(taken.stderr.contains("already belongs to Jeds Hansen"))

        let parcel = try butik.run("receive", "TBA123456789012", "--to", "JEDS", "--carrier", "amazon", "--json").json(Received.self)
        #expect(parcel.key == "JEDS")
        let show = try butik.run("customer", "show", "jeds")
        #expect(show.status == 0)
        #expect(show.stdout.contains("Comes by Vespa"))
        #expect(show.stdout.contains("TBA123456789012"))
    }

    @Test func exitCodesSayWhatKindOfProblemItWas() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        #expect(try butik.run("fly").status == 2)
        let noName = try butik.run("receive", "RR123456785SE")
        #expect(noName.status == 1, "--to is required unless a manifest announced the parcel")
        #expect(noName.stderr.contains("No manifest announced RR123456785SE"))
        #expect(try butik.run("receive", "RR123456785SE", "--to", "A B", "--size", "huge").status == 2)
        #expect(try butik.run("validate", "RR123456785SE", "370725380000086508", "1Z999AA10123456784").status == 0)
        let invalid = try butik.run("validate", "RR123456785SE", "RB123456786US")
        #expect(invalid.status == 1)
        #expect(invalid.stdout.contains("INVALID"))
        #expect(try butik.run("receive", "--help").stdout.contains("Usage: butik receive"))
    }

    @Test func aManifestAnnouncesRecipientsAndImportingTwiceAddsNothing() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        let file = butik.store.deletingLastPathComponent().appendingPathComponent("manifest-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        let csv = "\u{FEFF}Sporingsnummer;Mottaker;Telefon;Transportør;Dager\r\n"
            + "RR123456785SE;\"Østby, Anne-Marie\";+47 912 34 567;postnord;14\r\n"
            + "370725380000086508;Jan Fredrik Jacobsen;;posten;\r\n"
            + "RB123456786US;Kari Nordmann;;;\r\n"
        try Data(csv.utf8).write(to: file)
        let first = try butik.run("import", file.path)
        #expect(first.status == 1, "a bad row makes the import exit 1")
        #expect(first.stderr.contains("Line 4"), "\(first.stderr)")
        #expect(first.stdout.contains("Imported 2 expected parcels; 0 already known"))
        let second = try butik.run("import", file.path)
        #expect(second.stdout.contains("Imported 0 expected parcels; 2 already known"))

        let received = try butik.run("receive", "RR123456785SE", "--json")
        #expect(received.status == 0, "\(received.stderr)")
        let parcel = try received.json(Received.self)
        #expect(parcel.key == "AMØ")
        #expect(parcel.deadline > "2026", "a deadline is set")
        let reconcile = try butik.run("reconcile")
        #expect(reconcile.stdout.contains("Expected but not arrived: 1"))
        #expect(reconcile.stdout.contains("370725380000086508"))
    }

    @Test func globalOptionsMayComeBeforeTheVerb() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        let process = Process()
        process.executableURL = Butik.binary
        process.arguments = ["--store", butik.store.path, "--staff", "siv", "receive", "RR123456785SE", "--to", "Siv Kristin Stakkestad"]
        process.environment = butik.environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let found = try butik.run("find", "SKS", "--json").json(Found.self)
        #expect(found.customers.map(\.name) == ["Siv Kristin Stakkestad"])
    }

    @Test func demoFillsAnEmptyStoreOnlyAndShelfShowsIt() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        let demo = try butik.run("demo")
        #expect(demo.status == 0, "\(demo.stderr)")
        let again = try butik.run("demo")
        #expect(again.status == 1)

        struct Slot: Decodable {
            let slot: String
            let capacity: Int?
            let count: Int
            let keys: [String]
        }
        let slots = try butik.run("shelf", "--json").json([Slot].self)
        let total = slots.reduce(0) { $0 + $1.count }
        #expect((150...260).contains(total), "about 200 parcels, got \(total)")
        #expect(slots.allSatisfy { $0.capacity == nil || $0.count <= $0.capacity! }, "no slot over capacity")
        #expect(slots.contains { $0.keys.contains("JEDS") })
        #expect(try butik.run("check").status == 0)
    }

    /// The demo week keeps a customer log in the language it is made in: the regulars' notes,
    /// KARI's question on Messenger, and cases overdue, due today and later (one more resolved).
    @Test func theDemoHasContactsAndCasesInItsLanguage() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        #expect(try butik.run("--lang", "nb", "demo").status == 0)
        struct Listed: Decodable { let key: String, kind: String, status: String, followUp: String?, due: Bool }
        let cases = try butik.run("case", "list", "--json").json([Listed].self)
        #expect(cases.map(\.kind) == ["deliveryBooking", "claimDamaged", "redirect"], "overdue, due today, later: \(cases)")
        #expect(cases.map(\.due) == [true, true, false])
        #expect(cases[1].key == "JEDS" && cases[1].status == "waitingForCarrier")
        #expect(try butik.run("case", "list", "--status", "resolved", "--json").json([Listed].self).map(\.kind) == ["complaint"])
        let kari = try butik.run("--lang", "nb", "customer", "history", "KARI")
        #expect(kari.stdout.contains("Messenger: Spør om pakken fra Zalando har kommet"), "\(kari.stdout)")
        let jeds = try butik.run("--lang", "nb", "customer", "show", "JEDS")
        #expect(jeds.stdout.contains("Kommer på Vespa, ha pakkene klare ved døra") && jeds.stdout.contains("Petter Dahl Solberg, sønn"), "\(jeds.stdout)")
        #expect(try butik.run("check").status == 0)
    }
}

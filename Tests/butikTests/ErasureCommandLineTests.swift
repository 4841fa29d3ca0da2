import Foundation
import Testing

/// `butik customer erase` and `customer export` on the real binary, and a crash at each of
/// the erasure's named points: afterwards the store opens, `check` passes, and erasing again
/// completes it.
@Suite struct ErasureCommandLineTests {
    static let hers = ["Anna Berg", "41234567", "anna@example.no", "Allergic to dogs", "Petra Lund", "passport 4711"]

    struct Done: Decodable {
        let key: String
        let alreadyErased: Bool
        let linesRewritten: Int
    }

    struct Export: Decodable {
        struct Customer: Decodable { let name: String; let key: String; let phones: [String] }
        struct Entry: Decodable { let type: String }
        let erased: Bool
        let customer: Customer
        let timeline: [Entry]
    }

    /// A store where Anna's parcel was handed out to her proxy, and Ola's waits.
    private func shop() throws -> Butik {
        let butik = Butik()
        for args in [["customer", "add", "Anna Berg", "--phone", "41234567", "--email", "anna@example.no", "--note", "Allergic to dogs"],
                     ["customer", "add", "Ola Dahl", "--phone", "97654321"],
                     ["receive", Butik.s10(1), "--to", "Anna Berg"], ["receive", Butik.s10(2), "--to", "Ola Dahl"],
                     ["customer", "proxy", "AB", "--add", "Petra Lund"],
                     ["handout", Butik.s10(1), "--verified", "proxy", "--proxy-name", "Petra Lund", "--proxy-id", "passport 4711"]] {
            let run = try butik.run(arguments: args)
            #expect(run.status == 0, "\(args): \(run.stderr)")
        }
        return butik
    }

    /// The files of the store folder (backups aside) that hold any of her data.
    private func holdingHers(_ butik: Butik) throws -> [String] {
        let root = butik.store.path
        var found: [String] = []
        for case let path as String in FileManager.default.enumerator(atPath: root)! where !path.hasPrefix("backups") {
            guard let data = FileManager.default.contents(atPath: root + "/" + path) else { continue }
            if Self.hers.contains(where: { data.range(of: Data($0.utf8)) != nil }) { found.append(path) }
        }
        return found
    }

    @Test func asksSaysWhatGoesAndErasesFromEveryFile() throws {
        let butik = try shop()
        defer { butik.cleanUp() }
        let exported = try butik.run("customer", "export", "AB").json(Export.self)
        #expect(exported.customer.name == "Anna Berg" && !exported.erased)
        #expect(exported.timeline.map(\.type) == ["handedOut", "proxyAuthorised", "received"])

        let asked = try butik.run("customer", "erase", "AB")  // no terminal answers the question
        #expect(asked.status == 2)
        #expect(asked.stderr.contains("--yes"))
        #expect(try holdingHers(butik).contains { $0.hasPrefix("journal/") })

        let refused = try butik.run("customer", "erase", "OD", "--yes")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains(Butik.s10(2)))

        let erased = try butik.run("customer", "erase", "AB", "--yes")
        #expect(erased.status == 0, "\(erased.stderr)")
        #expect(erased.stdout.contains("#C1") && erased.stdout.contains("Backups made before now still hold"))
        #expect(try holdingHers(butik) == [])
        #expect(try butik.run("check").status == 0)
        let after = try butik.run("customer", "export", "#C1").json(Export.self)
        #expect(after.erased && after.customer.name == "***" && after.customer.phones.isEmpty)
        #expect(after.timeline.map(\.type) == exported.timeline.map(\.type))
        #expect(try butik.run("customer", "show", "OD").stdout.contains("Ola Dahl"))

        let again = try butik.run("customer", "erase", "#C1", "--yes", "--json").json(Done.self)
        #expect(again.alreadyErased && again.linesRewritten == 0 && again.key == "#C1")
    }

    @Test(arguments: ["rewrite.recorded", "rewrite.cleared", "rewrite.segment"])
    func anErasureKilledOnTheWayLeavesASoundStoreAndIsCompletedByErasingAgain(point: String) throws {
        let butik = try shop()
        defer { butik.cleanUp() }
        #expect(try butik.run("check").status == 0)
        let killed = try butik.start(arguments: ["customer", "erase", "AB", "--yes"], environment: ["BUTIK_CRASH_AT": point]).finish()
        #expect(killed.signal == SIGKILL)
        let check = try butik.run("check")
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
        #expect(try butik.run("customer", "show", "OD").status == 0)
        // The erasure was recorded before the point: the customer holds the erased key.
        let done = try butik.run("customer", "erase", "#C1", "--yes", "--json")
        #expect(done.status == 0, "\(done.stderr)")
        #expect(try done.json(Done.self).alreadyErased)
        #expect(try holdingHers(butik) == [])
        #expect(try butik.run("check").status == 0)
    }

    @Test func aRestoredOlderBackupIsErasedAgain() throws {
        let butik = try shop()
        defer { butik.cleanUp() }
        struct Made: Decodable { let folder: String }
        let made = try butik.run("backup", "--json").json(Made.self)
        #expect(try butik.run("customer", "erase", "AB", "--yes").status == 0)
        let restored = try butik.run("restore", made.folder, "--yes")
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(restored.stdout.contains("1 customer on the list of erasures was erased again"))
        #expect(try holdingHers(butik) == [])
        #expect(try butik.run("check").status == 0)
        #expect(try butik.run("customer", "export", "#C1").json(Export.self).erased)
    }
}

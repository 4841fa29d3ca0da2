import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A store of the first format (the fixture, written by the program before journal segments)
/// opened by today's program: moved into segments after a backup, nothing lost, and a kill at
/// each step of the move leaves a store that opens and checks sound.
@Suite struct MigrationCommandLineTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/store-v1")

    struct Queue: Decodable {
        struct Parcel: Decodable { let tracking: String }
        let waiting: [Parcel]
    }

    /// A copy of the fixture as `butik`'s store.
    private func storeOfTheFirstFormat() throws -> Butik {
        let butik = Butik()
        try FileManager.default.createDirectory(at: butik.store, withIntermediateDirectories: true)
        for name in ["journal.jsonl", "shop.json"] {
            try FileManager.default.copyItem(at: Self.fixture.appendingPathComponent(name), to: butik.store.appendingPathComponent(name))
        }
        return butik
    }

    private var original: Data { get throws { try Data(contentsOf: Self.fixture.appendingPathComponent("journal.jsonl")) } }

    private func files(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    /// What the fixture holds, read through today's program.
    private func expectTheFixturesShop(_ butik: Butik) throws {
        let waiting = try butik.run("queue", "--json").json(Queue.self).waiting.map(\.tracking)
        #expect(Set(waiting) == ["RR000000028NO", "RR000000031NO"])
        let story = try butik.run("history", "RR000000014NO")
        #expect(story.status == 0)
        #expect(story.stdout.contains("handed out to the recipient"), "\(story.stdout)")
        #expect(try butik.run("customer", "show", "SK").stdout.contains("Per Kråkenes"))
    }

    @Test func aStoreOfTheFirstFormatIsCheckedAsItIsThenMovedOnFirstOpenAfterABackupAndSaysSo() throws {
        let butik = try storeOfTheFirstFormat()
        defer { butik.cleanUp() }
        #expect(try butik.run("check").status == 0)
        #expect(files(butik.store) == ["journal.jsonl", "shop.json"], "check changes nothing")

        let first = try butik.run("find", "Åse")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Åse Ødegård"))
        #expect(first.stderr.contains("moved to the journal format of this version (a file a month in journal/)"), "\(first.stderr)")
        #expect(!files(butik.store).contains("journal.jsonl"))
        #expect(try Data(contentsOf: butik.store.appendingPathComponent("journal/000000000001.jsonl")) == original,
                "not a byte rewritten")
        let backups = butik.store.appendingPathComponent("backups")
        let made = try #require(files(backups).first { $0.hasPrefix("before-segments-") })
        #expect(first.stderr.contains(made))
        #expect(files(backups.appendingPathComponent(made)).filter { $0 != "lock" } == ["journal.jsonl", "shop.json"],
                "the backup is of the old format")
        #expect(try Data(contentsOf: backups.appendingPathComponent(made).appendingPathComponent("journal.jsonl")) == original)

        #expect(try butik.run("check").status == 0)
        try expectTheFixturesShop(butik)
        #expect(try butik.run("receive", Butik.s10(5), "--to", "Åse Ødegård").status == 0)
        let again = try butik.run("find", "Åse")
        #expect(!again.stderr.contains("moved"), "said once: \(again.stderr)")
        #expect(files(backups).count == 1)
    }

    @Test(arguments: ["migration.linked", "migration.renamed"])
    func aMoveKilledOnTheWayLosesNothingAndIsFinishedByTheNextOpen(point: String) throws {
        let butik = try storeOfTheFirstFormat()
        defer { butik.cleanUp() }
        let killed = try butik.start(arguments: ["find", "Åse"], environment: ["BUTIK_CRASH_AT": point]).finish()
        #expect(killed.signal == SIGKILL)
        #expect(try butik.run("check").status == 0)
        try expectTheFixturesShop(butik)
        #expect(files(butik.store).filter { !["backups", "history.bin"].contains($0) } == ["journal", "lock", "shop.json"], "moved, nothing left over")
        #expect(try Data(contentsOf: butik.store.appendingPathComponent("journal/000000000001.jsonl")) == original)
        #expect(try butik.run("receive", Butik.s10(5), "--to", "Åse Ødegård").status == 0)
        #expect(try butik.run("check").status == 0)
    }
}

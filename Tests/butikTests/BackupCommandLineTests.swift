import Foundation
import Testing

/// `butik backup` and `butik restore` on the real binary, and a crash at each of their named
/// points: afterwards the store opens, `check` passes, and it holds the old or the new journal whole.
@Suite struct BackupCommandLineTests {
    struct Made: Decodable {
        let folder: String
        let lastEntry: Int
    }

    struct Queue: Decodable {
        struct Parcel: Decodable { let tracking: String }
        let waiting: [Parcel]
    }

    private func waiting(_ butik: Butik) throws -> Set<String> {
        Set(try butik.run("queue", "--json").json(Queue.self).waiting.map(\.tracking))
    }

    @Test func backupThenRestoreTakesTheStoreBack() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        #expect(try butik.run("receive", Butik.s10(1), "--to", "Åse Ødegård").status == 0)
        let backup = try butik.run("backup", "--json")
        #expect(backup.status == 0, "\(backup.stderr)")
        let made = try backup.json(Made.self)
        #expect(made.folder.hasPrefix(butik.store.appendingPathComponent("backups").path))
        #expect(try butik.run("receive", Butik.s10(2), "--to", "Åse Ødegård").status == 0)

        let asked = try butik.run("restore", made.folder)  // no terminal answers the question
        #expect(asked.status == 1)
        #expect(asked.stdout.contains("Nothing was restored"))
        #expect(try waiting(butik) == [Butik.s10(1), Butik.s10(2)])

        let restored = try butik.run("restore", made.folder, "--yes")
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(try waiting(butik) == [Butik.s10(1)])
        #expect(try butik.run("check").status == 0)
        #expect(try butik.run("receive", Butik.s10(3), "--to", "Åse Ødegård").status == 0)
    }

    @Test func repairHealsADamagedLineFromABackupAndTheStoreIsWritableAgain() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        #expect(try butik.run("demo").status == 0)
        let made = try butik.run("backup", "--json").json(Made.self)
        let journal = butik.store.appendingPathComponent("journal/000000000001.jsonl")
        let sound = try Data(contentsOf: journal)
        var bytes = [UInt8](sound)
        let secondLine = bytes.firstIndex(of: UInt8(ascii: "\n"))! + 1
        bytes[bytes[secondLine...].firstIndex { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }!] ^= 0x01
        try Data(bytes).write(to: journal)
        #expect(try butik.run("check").status == 3)
        #expect(try butik.run("receive", Butik.s10(1), "--to", "Åse Ødegård").status == 3)

        let repaired = try butik.run("repair", made.folder)
        #expect(repaired.status == 0, "\(repaired.stderr)")
        #expect(repaired.stdout.contains("journal line 2."))
        #expect(try Data(contentsOf: journal) == sound)
        #expect(try butik.run("check").status == 0)
        #expect(try butik.run("receive", Butik.s10(1), "--to", "Åse Ødegård").status == 0)
    }

    @Test func aSnapshotKilledBeforeItIsInPlaceLosesNothingAndLeavesNothingBehind() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        #expect(try butik.run("demo").status == 0)
        // A damaged snapshot is replaced after the next write: kill it on the way.
        let snapshot = butik.store.appendingPathComponent("snapshot.json")
        var bytes = [UInt8](try Data(contentsOf: snapshot))
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: snapshot)
        let killed = try butik.start(arguments: ["receive", Butik.s10(1), "--to", "Åse Ødegård"],
                                     environment: ["BUTIK_CRASH_AT": "snapshot.written"]).finish()
        #expect(killed.signal == SIGKILL)
        let names = try FileManager.default.contentsOfDirectory(atPath: butik.store.path)
        #expect(names.contains { $0.hasPrefix(".snapshot.json.tmp-") }, "killed with its temporary file: \(names)")
        #expect(try butik.run("check").status != 0)  // the damaged snapshot is still there
        #expect(try waiting(butik).contains(Butik.s10(1)))  // the receive was made durable before
        #expect(try butik.run("receive", Butik.s10(2), "--to", "Åse Ødegård").status == 0)
        #expect(try butik.run("check").status == 0)
        let after = try FileManager.default.contentsOfDirectory(atPath: butik.store.path)
        #expect(!after.contains { $0.hasPrefix(".") }, "the killed writer's temporary file is cleared: \(after)")
    }

    @Test func aBackupKilledBeforeItIsInPlaceLeavesNoBackupAndASoundStore() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        #expect(try butik.run("receive", Butik.s10(1), "--to", "Åse Ødegård").status == 0)
        let killed = try butik.start(arguments: ["backup"], environment: ["BUTIK_CRASH_AT": "backup.copied"]).finish()
        #expect(killed.signal == SIGKILL)
        let backups = butik.store.appendingPathComponent("backups")
        #expect(try FileManager.default.contentsOfDirectory(atPath: backups.path).allSatisfy { $0.hasPrefix(".") })
        #expect(try butik.run("check").status == 0)
        #expect(try butik.run("backup").status == 0)
        let left = try FileManager.default.contentsOfDirectory(atPath: backups.path)
        #expect(left.count == 1 && !left[0].hasPrefix("."), "the half-made one is cleared: \(left)")
    }

    @Test(arguments: ["restore.cleared", "restore.journal-aside", "restore.journal-replaced"])
    func aRestoreKilledOnTheWayLeavesOneWholeJournal(point: String) throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        #expect(try butik.run("receive", Butik.s10(1), "--to", "Åse Ødegård").status == 0)
        let made = try butik.run("backup", "--json").json(Made.self)
        #expect(try butik.run("receive", Butik.s10(2), "--to", "Åse Ødegård").status == 0)
        let killed = try butik.start(arguments: ["restore", made.folder, "--yes"], environment: ["BUTIK_CRASH_AT": point]).finish()
        #expect(killed.signal == SIGKILL)
        let shelf = try waiting(butik)  // opening settles what the restore left
        #expect(try butik.run("check").status == 0)
        #expect(shelf == [Butik.s10(1), Butik.s10(2)] || shelf == [Butik.s10(1)], "\(shelf)")
        // Done again, the restore completes.
        #expect(try butik.run("restore", made.folder, "--yes").status == 0)
        #expect(try waiting(butik) == [Butik.s10(1)])
        #expect(try butik.run("check").status == 0)
    }
}

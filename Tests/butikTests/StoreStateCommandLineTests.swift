import Foundation
import Testing

/// What every verb says about the state of the store: damage, a missing shop file, a folder it
/// may not write, a snapshot it could not write.
@Suite(.serialized) struct StoreStateCommandLineTests {
    private func journal(_ butik: Butik) -> URL { butik.store.appendingPathComponent("journal/000000000001.jsonl") }

    /// `chattr +i` on the folder: no file can be created, renamed or removed in it, even by root
    /// (CI runs as root, which ignores permissions); files in it stay writable.
    private func makeImmutable(_ folder: URL, _ on: Bool) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [on ? "+i" : "-i", folder.path]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "chattr is needed to make a folder unwritable for root")
    }

    @Test func damageBehindTheSnapshotIsShownByEveryVerb() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        #expect(try butik.run("demo").status == 0)
        // Damage line 2, which the snapshot covers: an ordinary open does not read it.
        var bytes = [UInt8](try Data(contentsOf: journal(butik)))
        let secondLine = bytes.firstIndex(of: UInt8(ascii: "\n"))! + 1
        let name = bytes[secondLine...].firstIndex { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }!
        bytes[name] ^= 0x01
        try Data(bytes).write(to: journal(butik))

        let check = try butik.run("check")
        #expect(check.status != 0)
        #expect(check.stdout.contains("line 2"))
        for verb in [["shelf"], ["find", "JEDS"], ["queue"]] {
            let run = try butik.run(arguments: verb)
            #expect(run.status == 3, "\(verb): \(run.stderr)")  // what it shows, then the store problem
            #expect(run.stderr.contains("read-only") && run.stderr.contains("line 2"), "\(verb): \(run.stderr)")
        }
        #expect(try butik.run("shelf").stdout.contains("JEDS"))  // the shop is still shown
        let receive = try butik.run("receive", "RR123456785SE", "--to", "Åse Ødegård")
        #expect(receive.status == 3)
        #expect(receive.stderr.contains("read-only"))
        #expect(try Data(contentsOf: journal(butik)) == Data(bytes))
    }

    /// The store's reasons are values, said in the reader's language: a line whose checksum no
    /// longer matches, in bokmål and Swedish, with nothing of the English left.
    @Test func aDamagedStoreSaysItsReasonInTheReadersLanguage() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        #expect(try butik.run("receive", "RR123456785SE", "--to", "Åse Ødegård").status == 0)
        #expect(try butik.run("receive", Butik.s10(2), "--to", "Åse Ødegård").status == 0)
        var bytes = [UInt8](try Data(contentsOf: journal(butik)))
        let secondLine = bytes.firstIndex(of: UInt8(ascii: "\n"))! + 1
        let name = bytes[secondLine...].firstIndex { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }!
        bytes[name] ^= 0x01
        try Data(bytes).write(to: journal(butik))

        let nb = try butik.run("shelf", "--lang", "nb")
        #expect(nb.status == 3)
        #expect(nb.stderr.contains("000000000001.jsonl linje 2 er skadet: kontrollsummen stemmer ikke med innholdet. "
            + "Dataene kan bare leses, så ingenting blir overskrevet."), "\(nb.stderr)")
        let sv = try butik.run("receive", Butik.s10(3), "--to", "Åse Ødegård", "--lang", "sv")
        #expect(sv.status == 3)
        #expect(sv.stderr.contains("rad 2 är skadad: kontrollsumman stämmer inte med innehållet."), "\(sv.stderr)")
        let check = try butik.run("check", "--lang", "nb")
        #expect(check.stdout.contains("linje 2: kontrollsummen stemmer ikke med innholdet"), "\(check.stdout)")
        for run in [nb, sv, check] {
            #expect(!(run.stdout + run.stderr).contains("checksum"), "\(run.stdout)\(run.stderr)")
        }
    }

    @Test func aMissingShopFileInAStoreWithDataIsNotRecreated() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        #expect(try butik.run("receive", "RR123456785SE", "--to", "Åse Ødegård").status == 0)
        let shopFile = butik.store.appendingPathComponent("shop.json")
        try FileManager.default.removeItem(at: shopFile)
        let run = try butik.run("shelf")
        #expect(run.status == 3)
        #expect(run.stderr.contains("shop.json is missing"))
        #expect(run.stderr.contains("backup"))
        #expect(run.stderr.contains("cp "))
        #expect(!FileManager.default.fileExists(atPath: shopFile.path))
    }

    @Test func anUnwritableFolderWithoutALockFileCanStillBeRead() throws {
        let butik = Butik()
        defer {
            try? makeImmutable(butik.store, false)
            butik.cleanUp()
        }
        #expect(try butik.run("receive", "RR123456785SE", "--to", "Åse Ødegård").status == 0)
        try FileManager.default.removeItem(at: butik.store.appendingPathComponent("lock"))
        try makeImmutable(butik.store, true)
        let shelf = try butik.run("shelf")
        #expect(shelf.status == 3, "\(shelf.stderr)")
        #expect(shelf.stdout.contains("1 parcels") || shelf.stdout.contains("1 parcel"))
        #expect(shelf.stderr.contains("lock file"))
        let receive = try butik.run("receive", "CT123456785NO", "--to", "Åse Ødegård")
        #expect(receive.status == 3)
    }

    @Test func aSnapshotThatCannotBeWrittenIsSaid() throws {
        let butik = Butik()
        defer {
            try? makeImmutable(butik.store, false)
            butik.cleanUp()
        }
        #expect(try butik.run("demo").status == 0)
        // A damaged snapshot is rebuilt at the next write, which cannot make files in the folder.
        let snapshot = butik.store.appendingPathComponent("snapshot.json")
        var bytes = [UInt8](try Data(contentsOf: snapshot))
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: snapshot)
        try makeImmutable(butik.store, true)
        let receive = try butik.run("receive", "RR123456785SE", "--to", "Åse Ødegård")
        #expect(receive.status == 0, "\(receive.stderr)")
        #expect(receive.stderr.contains("snapshot.json") && receive.stderr.contains("Nothing was lost"), "\(receive.stderr)")
    }
}

@testable import ButikStore
import Foundation
import Testing

/// The real binary on a store holding a sealed line or snapshot with a number at `Int.max`:
/// every verb ends with a message and an exit code, never a signal, and nothing is written.
@Suite struct OutOfRangeCommandLineTests {
    static let max = String(Int.max)

    /// A store with one parcel received (journal lines 1 and 2: the new customer and the parcel).
    static func storeWithAParcel() throws -> Butik {
        let butik = Butik()
        #expect(try butik.run("receive", "RR123456785SE", "--to", "Åse Ødegård").status == 0)
        return butik
    }

    static func journal(_ butik: Butik) -> URL { butik.store.appendingPathComponent("journal/000000000001.jsonl") }

    static func journalBytes(_ butik: Butik) throws -> Data { try Data(contentsOf: journal(butik)) }

    @Test func aCapacityAtIntMaxInTheJournalIsNamedAndStopsEveryVerbWithAStoreError() throws {
        let butik = try Self.storeWithAParcel()
        defer { butik.cleanUp() }
        let entry = #"{"at":1773144000000,"event":{"capacity":\#(Self.max),"slot":"A1","type":"slotCapacityChanged"},"staff":"maria"}"#
        let handle = try FileHandle(forWritingTo: Self.journal(butik))
        try handle.seekToEnd()
        try handle.write(contentsOf: JournalLine.encode(seq: 3, version: 1, more: false, entryJSON: Data(entry.utf8)))
        try handle.close()
        let bytes = try Self.journalBytes(butik)

        let check = try butik.run("check")
        #expect(check.status == 3)
        #expect(check.stdout.contains("000000000001.jsonl line 3: its entry cannot be read: slot capacity \(Self.max) is out of range 1...999"),
                "\(check.stdout)")

        let shelf = try butik.run("shelf")
        #expect(shelf.status == 3, "a store error, not a signal: \(shelf.stderr)")
        #expect(shelf.stderr.contains("000000000001.jsonl line 3 is damaged"))
        #expect(shelf.stdout.contains("A1"), "what the store holds up to the damage is still shown")

        let receive = try butik.run("receive", "RR000000014NO", "--to", "Åse Ødegård")
        #expect(receive.status == 3, "\(receive.stderr)")
        #expect(receive.stderr.contains("read-only"))
        #expect(try Self.journalBytes(butik) == bytes)
    }

    @Test func aNextNumberAtIntMaxInTheSnapshotIsIgnoredAndTheNextParcelNumberedFromTheJournal() throws {
        let butik = try Self.storeWithAParcel()
        defer { butik.cleanUp() }
        try ShopStore.open(folder: butik.store, defaultLayout: Data()).writeSnapshot()
        let snapshotURL = butik.store.appendingPathComponent("snapshot.json")
        let body = String(decoding: try Data(contentsOf: snapshotURL), as: UTF8.self).components(separatedBy: #","sum":"#)[0]
        #expect(body.contains(#""nextParcelNumber":2"#))
        var resealed = Array(body.replacingOccurrences(of: #""nextParcelNumber":2"#, with: #""nextParcelNumber":\#(Self.max)"#).utf8)
        Sealed.seal(&resealed)
        try Data(resealed + [UInt8(ascii: "\n")]).write(to: snapshotURL)

        let check = try butik.run("check")
        #expect(check.status == 3)
        #expect(check.stdout.contains("next parcel number \(Self.max) is out of range 1...1000000000000"), "\(check.stdout)")

        let receive = try butik.run("receive", "RR000000014NO", "--to", "Åse Ødegård")
        #expect(receive.status == 0, "\(receive.stderr)")
        #expect(receive.stderr.contains("snapshot.json"))
        let lines = String(decoding: try Self.journalBytes(butik), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.last?.contains(#""id":2,"#) == true, "the parcel got the journal's next number")
        #expect(try butik.run("check").status == 0, "the next transaction wrote a sound snapshot")
    }
}

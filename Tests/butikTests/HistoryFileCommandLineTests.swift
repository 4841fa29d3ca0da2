@testable import ButikStore
import Foundation
import Testing

/// `history.bin` on the real binary: a history verb killed while it writes the file (crash
/// point `history.written`), with no file before and with a damaged one; `check` on it.
@Suite struct HistoryFileCommandLineTests {
    /// The first value of `"field":"…"` in the journal.
    private func first(_ field: String, in butik: Butik) throws -> String {
        let journal = try String(contentsOf: butik.store.appendingPathComponent("journal/000000000001.jsonl"), encoding: .utf8)
        let start = try #require(journal.range(of: "\"\(field)\":\""))
        return String(journal[start.upperBound...].prefix { $0 != "\"" })
    }

    @Test(arguments: [false, true])
    func aHistoryFileKilledBeforeItIsInPlaceLeavesASoundStoreAndTheViewsRight(damagedBefore: Bool) throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        #expect(try butik.run("demo").status == 0)
        let tracking = try first("tracking", in: butik), key = try first("key", in: butik)
        let views = [["history", tracking, "--json"], ["customer", "history", key, "--json"], ["report", "--json"]]
        let expected = try views.map { try butik.run(arguments: $0).stdout }  // the first one wrote the file
        let file = butik.store.appendingPathComponent("history.bin")
        #expect(FileManager.default.fileExists(atPath: file.path))
        #expect(try butik.run("check").status == 0)
        if damagedBefore {  // in the bucket of the days' changes on hand, which report reads
            let onHand = try #require(try HistoryFileReader.open(file.path)).slot(HistoryTables.onHand.index, 0)
            var bytes = [UInt8](try Data(contentsOf: file))
            bytes[Int(onHand.offset) + onHand.length - 2] ^= 0x01
            try Data(bytes).write(to: file)
            let check = try butik.run("check")
            #expect(check.status == 3)
            #expect(check.stdout.contains("\(file.path): bucket"), "\(check.stdout)")
        } else {
            try FileManager.default.removeItem(at: file)
        }

        let killed = try butik.start(arguments: ["report"], environment: ["BUTIK_CRASH_AT": "history.written"]).finish()
        #expect(killed.signal == SIGKILL)
        let names = try FileManager.default.contentsOfDirectory(atPath: butik.store.path)
        #expect(names.contains { $0.hasPrefix(".history.bin.tmp-") }, "killed with its temporary file: \(names)")
        #expect(FileManager.default.fileExists(atPath: file.path) == damagedBefore, "the old file, if any, is still there")

        let again = try butik.run(arguments: views[2])
        #expect(again.stdout == expected[2])
        #expect(again.stderr.contains("Note: Ignored \(file.path)") == damagedBefore, "\(again.stderr)")
        for (view, output) in zip(views, expected) { #expect(try butik.run(arguments: view).stdout == output) }
        #expect(try butik.run("check").status == 0)
        let after = try FileManager.default.contentsOfDirectory(atPath: butik.store.path)
        #expect(!after.contains { $0.hasPrefix(".") }, "the killed writer's temporary file is cleared: \(after)")
    }
}

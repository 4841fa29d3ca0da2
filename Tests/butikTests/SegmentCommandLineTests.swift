import ButikDomain
import ButikStore
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real binary starting a new journal segment (its first entry of a new month), and killed
/// at the named point inside that: nothing half-made stays, the action is not recorded, and the
/// next one starts the segment whole.
@Suite struct SegmentCommandLineTests {
    /// A store whose journal began in June 2025: today's first action starts a new segment.
    private func storeFromAnEarlierMonth() throws -> Butik {
        let butik = Butik()
        let layout = try Data(contentsOf: MigrationCommandLineTests.fixture.appendingPathComponent("shop.json"))
        let store = try ShopStore.open(folder: butik.store, defaultLayout: layout)
        _ = try store.perform(staff: "maria", now: Date(timeIntervalSince1970: 1_750_000_000)) { state, context throws(DomainError) in
            try state.addCustomer(NewCustomer(name: "Åse Ødegård"), context)
        }
        return butik
    }

    private func segments(_ butik: Butik) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: butik.store.appendingPathComponent("journal").path)) ?? []).sorted()
    }

    @Test func aNewMonthsFirstActionStartsASegmentAndAKillBeforeItIsInPlaceRecordsNothing() throws {
        let butik = try storeFromAnEarlierMonth()
        defer { butik.cleanUp() }
        let killed = try butik.start(arguments: ["receive", Butik.s10(1), "--to", "Åse Ødegård"],
                                     environment: ["BUTIK_CRASH_AT": "segment.written"]).finish()
        #expect(killed.signal == SIGKILL)
        #expect(segments(butik).contains { $0.hasPrefix(".000000000002.jsonl.tmp-") }, "killed with its file unnamed: \(segments(butik))")
        #expect(try butik.run("check").status == 0)
        let find = try butik.run("find", Butik.s10(1), "--json")
        #expect(!find.stdout.contains(Butik.s10(1)), "never acknowledged, not recorded: \(find.stdout)")
        #expect(segments(butik) == ["000000000001.jsonl"], "the killed writer's file is cleared")

        let received = try butik.run("receive", Butik.s10(1), "--to", "Åse Ødegård")
        #expect(received.status == 0, "\(received.stderr)")
        #expect(segments(butik) == ["000000000001.jsonl", "000000000002.jsonl"])
        #expect(try butik.run("check").status == 0)
        #expect(try butik.run("find", Butik.s10(1), "--json").stdout.contains(Butik.s10(1)))
    }
}

import ButikDomain
import Foundation
import Testing
@testable import ButikStore

/// The program's own daily backups and how many are kept (`shop.json`'s `backups`).
@Suite struct DailyBackupTests {
    static let oslo = TimeZone(identifier: "Europe/Oslo")!

    private func date(_ text: String) -> Date {
        let format = DateFormatter()
        format.locale = Locale(identifier: "en_US_POSIX")
        format.timeZone = Self.oslo
        format.dateFormat = "yyyy-MM-dd HH:mm"
        return format.date(from: text)!
    }

    @Test func oneBackupADayInTheShopsOwnDay() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("butik-daily-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try ShopStore.open(folder: dir, defaultLayout: Data(ShopStoreTests.layout.utf8))
        _ = try store.perform(staff: "kari", now: date("2026-12-01 08:00")) { state, context throws(DomainError) in
            try state.addCustomer(NewCustomer(name: "Åse Ødegård"), context)
        }
        let first = try #require(try store.backUpIfDue(now: date("2026-12-01 08:05")))
        #expect(first.lastPathComponent == "backup-20261201-080500")
        #expect(try store.backUpIfDue(now: date("2026-12-01 23:59")) == nil)  // still 1 December in Oslo
        #expect(try store.backUpIfDue(now: date("2026-12-02 00:01"))?.lastPathComponent == "backup-20261202-000100")
        #expect(try ShopStore.open(folder: first, defaultLayout: Data()).state.customers.count == 1)
        #expect(store.defaultBackupFolder == dir.appendingPathComponent("backups", isDirectory: true))
    }

    @Test func theNewestOfEachDayAndTheFirstOfEachMonthAreKept() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Self.oslo
        let times = ["2026-09-03 09:00", "2026-09-20 09:00", "2026-10-01 09:00", "2026-10-15 09:00",
                     "2026-11-29 09:00", "2026-11-30 08:00", "2026-11-30 17:00", "2026-12-01 09:00"].map(date)
        let kept = ShopStore.kept(times, settings: BackupSettings(daily: 3, monthly: 2), calendar: calendar)
        // Three days: 1 Dec, 30 Nov (its newest), 29 Nov; two months' firsts: 1 Dec, 29 Nov.
        #expect(kept == Set(["2026-12-01 09:00", "2026-11-30 17:00", "2026-11-29 09:00"].map(date)))
        let longer = ShopStore.kept(times, settings: BackupSettings(daily: 1, monthly: 4), calendar: calendar)
        #expect(longer == Set(["2026-12-01 09:00", "2026-11-29 09:00", "2026-10-01 09:00", "2026-09-03 09:00"].map(date)))
    }

    @Test func backupsTheSettingsNoLongerKeepAreRemovedAndNothingElse() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("butik-daily-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let layout = ShopStoreTests.layout.replacingOccurrences(
            of: "\"defaultHoldDays\":7", with: "\"defaultHoldDays\":7,\"backups\":{\"daily\":2,\"monthly\":0}")
        let store = try ShopStore.open(folder: dir, defaultLayout: Data(layout.utf8))
        #expect(store.layout.backups == BackupSettings(daily: 2, monthly: 0))
        for day in ["2026-11-28", "2026-11-29", "2026-11-30"] { _ = try store.backUpIfDue(now: date("\(day) 09:00")) }
        let mine = store.defaultBackupFolder.appendingPathComponent("my-own-copy")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        _ = try store.backUpIfDue(now: date("2026-12-01 09:00"))
        let names = try FileManager.default.contentsOfDirectory(atPath: store.defaultBackupFolder.path).sorted()
        #expect(names == ["backup-20261130-090000", "backup-20261201-090000", "my-own-copy"])
    }

    @Test func badBackupSettingsAreProblemsOfTheShopFile() throws {
        let layout = ShopStoreTests.layout.replacingOccurrences(
            of: "\"defaultHoldDays\":7", with: "\"defaultHoldDays\":7,\"backups\":{\"folder\":\"\",\"daily\":0,\"monthly\":500}")
        let decoded = try JSONDecoder().decode(ShopLayout.self, from: Data(layout.utf8))
        #expect(decoded.problems == ["backups.folder must name a folder", "backups.daily must be 1 to 366, not 0",
                                     "backups.monthly must be 0 to 120, not 500"])
    }
}

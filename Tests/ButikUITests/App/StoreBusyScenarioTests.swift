import ButikDomain
import ButikGrid
import ButikRuntime
import ButikStore
import ButikText
import ButikUI
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Another program holding the store's lock (a long import, a backup, a stuck script): the app
/// keeps taking keys, a write says that it waits and can be cancelled, and once the lock is
/// free the next write works. Read-only is only for real faults, and even then the app checks
/// again by itself.
@Suite struct StoreBusyScenarioTests {
    /// The store's lock taken by "another program": a second open file of the `lock` file,
    /// which contends with the app's own like another process. Let go by `release()` or when
    /// it goes away.
    final class LockHolder {
        struct Taken: Error {}
        private var fd: Int32

        init(_ folder: URL) throws {
            fd = open(folder.appendingPathComponent("lock").path, O_RDWR | O_CLOEXEC)
            guard fd >= 0, flock(fd, LOCK_EX | LOCK_NB) == 0 else { throw Taken() }
        }

        func release() {
            guard fd >= 0 else { return }
            flock(fd, LOCK_UN)
            close(fd)
            fd = -1
        }

        deinit { release() }
    }

    static let waitingBanner = " Waiting for the store: another program is using it. Esc cancels."
    static let status80 = ScenarioTests.status80

    func journal(_ h: Harness) throws -> Data {
        try Data(contentsOf: h.folder.appendingPathComponent("journal/000000000001.jsonl"))
    }

    /// The store as another program would open it now.
    func reopened(_ h: Harness) throws -> ShopStore {
        try ShopStore.open(folder: h.folder, defaultLayout: Data(Harness.layoutJSON.utf8))
    }

    @Test func typingAndSearchGoOnWhileAnotherProgramHoldsTheStore() throws {
        let h = try Harness()
        let holder = try LockHolder(h.folder)
        h.type("kari")
        #expect(h.screen()[5] == " KARI   Kari Nordmann                             A1 C6 F5     13 waiting")
        // Longer than a lock wait ever lasted: catching up is skipped, never waited for.
        h.wait(8 * AppDriver.refreshInterval)
        #expect(h.state.readOnlyReason == nil)
        #expect(h.state.storeBusy == .reading)
        #expect(h.screen()[22] == " maria │ Butik Klostergaten │ store busy    193 on shelf │ 18 due today │ 11:00")
        h.press(.escape)
        h.type("nordmann")
        #expect(h.screen()[2] == " Find: nordmann")
        #expect(h.screen()[5].hasPrefix(" BN     Bjørn Nordmann "))
        #expect(h.takeEffects() == [])

        holder.release()
        h.wait(AppDriver.refreshInterval)
        #expect(h.state.storeBusy == nil)
        #expect(h.screen()[22] == Self.status80)
    }

    @Test func aWriteWaitsSaysSoAndEscCancelsItWithNothingWritten() throws {
        let h = try Harness()
        let before = try journal(h)
        let holder = try LockHolder(h.folder)
        IntakeScenarioTests.start(h, declared: "3")
        #expect(h.takeEffects() == [])
        #expect(h.state.storeBusy == .writing)
        var lines = h.screen()
        #expect(lines[1] == Self.waitingBanner)
        #expect(h.frame().styleMask[1] == String(repeating: "W", count: 80))
        #expect(lines[22].hasPrefix(" maria │ Butik Klostergaten │ store busy "))

        // Keys and scans are not taken while it waits: a beep says so, and nothing changes.
        h.type("x")
        h.scan(Harness.s10("11111111"))
        #expect(h.takeEffects() == [.beep, .beep])
        #expect(h.screen()[22] == " Waiting for the store to save: keys are not taken until then. Esc cancels.")
        #expect(h.state.tab == .intake)

        h.press(.escape)
        #expect(h.takeEffects() == [.beep])
        #expect(h.state.storeBusy == nil)
        lines = h.screen()
        #expect(lines[1] == "")
        #expect(lines[2] == " New delivery.  Carrier: ◀ PostNord ▶   Declared items: 3")
        #expect(lines.contains(" Not saved: cancelled while another program was using the store."))
        #expect(try journal(h) == before)

        // Nothing more happens once the lock is free: the cancelled write stays unwritten...
        holder.release()
        h.wait(3 * AppDriver.refreshInterval)
        #expect(try journal(h) == before)
        #expect(h.screen()[2] == " New delivery.  Carrier: ◀ PostNord ▶   Declared items: 3")
        // ...and the next write works.
        h.press(.enter)
        #expect(h.takeEffects() == [])
        #expect(h.screen()[2] == " Delivery: PostNord · scanned 0 of 3 declared (3 to go)")
        #expect(h.state.readOnlyReason == nil)
        #expect(try reopened(h).state.openDelivery(of: Harness.staff)?.declared == 3)
    }

    @Test func aWaitingWriteLandsAsSoonAsTheLockIsFree() throws {
        let h = try Harness()
        let before = try journal(h)
        let holder = try LockHolder(h.folder)
        // Past what the command line waits before it gives up.
        h.wait(6)
        IntakeScenarioTests.start(h, declared: "3")
        #expect(h.screen()[1] == Self.waitingBanner)
        h.wait(6)
        #expect(h.state.storeBusy == .writing)
        #expect(try journal(h) == before, "not written while the lock is held")

        holder.release()
        h.wait(0.25)
        #expect(h.state.storeBusy == nil)
        #expect(h.state.readOnlyReason == nil)
        #expect(h.screen()[1] == "")
        #expect(h.screen()[2] == " Delivery: PostNord · scanned 0 of 3 declared (3 to go)")
        #expect(try reopened(h).state.openDelivery(of: Harness.staff)?.declared == 3)
        #expect(h.takeEffects() == [])
    }

    /// The waiting write is decided when it is made, against what other counters did meanwhile.
    @Test func aWaitingHandOutIsDecidedAgainstTheStoreAsItIsWhenTheLockIsFree() throws {
        let h = try Harness()
        let (_, parcels) = try HandOutScenarioTests.startForKariHansen(h)
        h.type("3")
        h.scan(parcels[0].tracking.value)
        let holder = try LockHolder(h.folder)
        h.scan(parcels[1].tracking.value)
        #expect(h.state.storeBusy == .writing)
        #expect(h.takeEffects() == [])

        // Another counter, first to get the lock, hands out one of the parcels.
        holder.release()
        let other = try reopened(h)
        _ = try other.perform(staff: "thomas", now: h.now) { state, context throws(DomainError) in
            try state.handOut(HandOutRequest(parcels: [parcels[1].id], verification: .id), context)
        }
        let before = try journal(h)
        h.wait(0.25)
        #expect(h.state.storeBusy == nil)
        #expect(h.takeEffects() == [.beep])
        #expect(h.state.counter.handOut == nil)
        #expect(try journal(h) == before, "refused: nothing written")
        #expect(try reopened(h).state.parcels[parcels[0].id]?.status == .waiting)
    }

    /// Two keys fast enough to be held as a possible scan come out together: the first one's
    /// write waits, the second's is refused rather than queued behind it.
    @Test func aSecondWriteWhileOneWaitsIsRefused() throws {
        let h = try Harness()
        h.press(.function(5))
        QueueScenarioTests.add(h, "KH2")
        let holder = try LockHolder(h.folder)
        var effects = h.driver.handle(KeyEvent(.character("f"), at: h.clock + 0.01))
        effects += h.driver.handle(KeyEvent(.character("r"), at: h.clock + 0.02))
        #expect(effects == [])
        h.wait(0.3)
        #expect(h.takeEffects() == [.beep])
        #expect(h.state.storeBusy == .writing)
        #expect(h.screen().contains(" Not saved: an earlier action is still waiting for the store."))

        holder.release()
        h.wait(0.25)
        let entry = try #require(try QueueScenarioTests.entry(h, "KH2"))
        #expect(entry.fetchingBy == "maria")
        #expect(entry.status != .ready)
    }

    @Test func quittingWhileAWriteWaitsSaysItWasNotSaved() throws {
        let h = try Harness()
        let before = try journal(h)
        let holder = try LockHolder(h.folder)
        IntakeScenarioTests.start(h, declared: "3")
        h.press(.interrupt)
        #expect(h.takeEffects() == [.quit])
        #expect(h.driver.close().map(Words.english.text) == "Not saved: the last action was still waiting for the store (another program was using it) when Butik quit.")
        holder.release()
        #expect(try journal(h) == before)
    }

    static let readAgain = "Another program wrote the store anew; Butik read it again."

    /// What the app says, its lines joined.
    func said(_ h: Harness) -> String {
        h.screen()[19...22].map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The journal written anew under the running app, as a restore from a backup does (and
    /// another counter's erasure or purge, below): not damage. It is read again at the next
    /// refresh once the lock is free, and said so; the app takes writes as before.
    @Test func aJournalWrittenAnewIsReadAgainOnceTheLockIsFree() throws {
        let h = try Harness()
        let journalURL = h.folder.appendingPathComponent("journal/000000000001.jsonl")
        let copy = h.folder.appendingPathComponent("restored.jsonl")
        let holder = try LockHolder(h.folder)
        try FileManager.default.copyItem(at: journalURL, to: copy)
        #expect(rename(copy.path, journalURL.path) == 0)
        h.wait(3 * AppDriver.refreshInterval)
        #expect(h.state.readOnlyReason == nil)
        #expect(h.state.storeBusy == .reading, "not read while the lock is held")
        holder.release()
        h.wait(AppDriver.refreshInterval)
        #expect(h.state.readOnlyReason == nil)
        #expect(said(h).contains(Self.readAgain), "\(said(h))")
        #expect(h.takeEffects().isEmpty, "no beep")

        IntakeScenarioTests.start(h, declared: "3")
        #expect(h.screen()[2] == " Delivery: PostNord · scanned 0 of 3 declared (3 to go)")
        #expect(try reopened(h).state.openDelivery(of: Harness.staff)?.declared == 3)
    }

    /// Another counter erases a customer while this one runs. Before this one reads the journal
    /// again, it finds the journal written anew only when it writes: the write is decided again
    /// against the new journal and written, not refused. After, the customer shows erased.
    @Test func aWriteAfterAnotherCountersErasureIsWrittenNotRefused() throws {
        var bjorn: Customer?
        let h = try Harness { store in bjorn = try store.addCustomer(NewCustomer(name: "Ragnhild Øvrebø", phones: ["96722109"])) }
        let erased = try #require(bjorn)
        h.wait(AppDriver.refreshInterval)
        _ = try reopened(h).erase(key: erased.key, staff: "kari", now: h.now)
        IntakeScenarioTests.start(h, declared: "3")  // within a second of the last refresh
        #expect(h.state.readOnlyReason == nil)
        #expect(h.screen()[2] == " Delivery: PostNord · scanned 0 of 3 declared (3 to go)")
        #expect(try reopened(h).state.openDelivery(of: Harness.staff)?.declared == 3)
        #expect(h.state.context.shop.isErased(erased.id))
        #expect(h.takeEffects().allSatisfy { $0 != .beep })
    }

    /// The same erasure read at the next refresh: the F6 list shows the customer by their erased
    /// key, and the app says why it read the store again.
    @Test func anotherCountersErasureIsReadAtTheNextRefresh() throws {
        var bjorn: Customer?
        let h = try Harness { store in bjorn = try store.addCustomer(NewCustomer(name: "Ragnhild Øvrebø", phones: ["96722109"])) }
        let erased = try #require(bjorn)
        h.press(.function(6))
        h.type("øvrebø")
        #expect(h.screen().contains { $0.contains("Ragnhild Øvrebø") })
        _ = try reopened(h).erase(key: erased.key, staff: "kari", now: h.now)
        h.wait(AppDriver.refreshInterval)
        #expect(h.state.readOnlyReason == nil)
        #expect(!h.screen().contains { $0.contains("Ragnhild Øvrebø") }, "\(h.screen().joined(separator: "\n"))")
        #expect(said(h).contains(Self.readAgain), "\(said(h))")
        h.press(.escape)
        h.press(.escape)
        h.type("#C\(erased.id.rawValue)")
        #expect(h.screen()[5].hasPrefix(" #C\(erased.id.rawValue) "), "\(h.screen().joined(separator: "\n"))")
    }

    /// Damage another program noted (a check) shows on the running app at its next refresh;
    /// once the journal is repaired, the app's retry says so, with what opening found out.
    @Test func damageNotedByACheckShowsAndTheRepairIsSaid() throws {
        let h = try Harness()
        let journalURL = h.folder.appendingPathComponent("journal/000000000001.jsonl")
        let sound = try Data(contentsOf: journalURL)
        var bytes = [UInt8](sound)
        let secondLine = bytes.firstIndex(of: UInt8(ascii: "\n"))! + 1
        let letter = bytes[secondLine...].firstIndex { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }!
        bytes[letter] ^= 0x01
        try Data(bytes).write(to: journalURL)
        #expect(!Store<ShopState>.check(folder: h.folder, empty: ShopState()).isHealthy)
        h.wait(AppDriver.refreshInterval)
        let reason = try #require(h.state.readOnlyReason.map(Words.english.text))
        #expect(reason.contains("000000000001.jsonl line 2"))
        h.wait(2 * AppDriver.reopenInterval)
        #expect(h.state.readOnlyReason != nil, "still damaged: still read-only")

        try sound.write(to: journalURL)  // restored from a backup
        let holder = try LockHolder(h.folder)
        h.wait(3 * AppDriver.reopenInterval)
        #expect(h.state.readOnlyReason != nil, "not opened again while another program holds the lock")
        holder.release()
        h.wait(AppDriver.reopenInterval)
        #expect(h.state.readOnlyReason == nil)
        #expect(h.screen()[20...22].contains { $0.hasPrefix(" The store is writable again. The damage noted in") })
    }

    /// Today's backup is made by the app itself, a while after it starts, and only once a day.
    @Test func theAppMakesTodaysBackupByItself() throws {
        let h = try Harness()
        let backups = h.folder.appendingPathComponent("backups")
        h.wait(AppDriver.backupCheckInterval - 5)
        #expect(!FileManager.default.fileExists(atPath: backups.path), "not while starting")
        h.wait(6)
        let made = try FileManager.default.contentsOfDirectory(atPath: backups.path)
        #expect(made.count == 1 && made[0].hasPrefix("backup-"), "\(made)")
        #expect(h.screen()[20...22].contains { $0.hasPrefix(" Today's backup is made:") })
        h.wait(AppDriver.backupCheckInterval + 5)
        #expect(try FileManager.default.contentsOfDirectory(atPath: backups.path) == made)
    }

    @Test func aFaultThatStaysKeepsTheStoreReadOnly() throws {
        let h = try Harness()
        let journalURL = h.folder.appendingPathComponent("journal/000000000001.jsonl")
        try FileManager.default.removeItem(at: journalURL)
        h.wait(AppDriver.refreshInterval)
        #expect(h.state.readOnlyReason.map(Words.english.text)?.contains("deleted or replaced") == true)
        h.wait(3 * AppDriver.reopenInterval)
        // Opening again fails for a reason of its own, which replaces the first.
        #expect(h.state.readOnlyReason.map(Words.english.text)?.contains("000000000001.jsonl") == true)
        #expect(h.state.readOnlyReason.map(Words.english.text)?.contains("deleted or replaced") == false, "\(h.state.readOnlyReason.map(Words.english.text) ?? "")")
        #expect(!FileManager.default.fileExists(atPath: journalURL.path), "no new journal started")
        IntakeScenarioTests.start(h)
        #expect(h.takeEffects().contains(.beep))
        #expect(!FileManager.default.fileExists(atPath: journalURL.path))
    }
}

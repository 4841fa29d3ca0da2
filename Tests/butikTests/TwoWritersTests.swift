import Foundation
import Testing

/// Where two writers wait for each other before a contested action, so both start it at once.
private final class Meeting: @unchecked Sendable {
    private let condition = NSCondition()
    private var arrived: [Int: Int] = [:]
    private var abandoned = false

    /// Waits until both writers came to meeting `number`; false when the other left or after a minute.
    func meet(_ number: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        arrived[number, default: 0] += 1
        condition.broadcast()
        let deadline = Date().addingTimeInterval(60)
        while arrived[number, default: 0] < 2 {
            if abandoned || !condition.wait(until: deadline) { return false }
        }
        return true
    }

    /// A writer is done (or failed): nobody waits for it any more.
    func leave() {
        condition.lock()
        abandoned = true
        condition.broadcast()
        condition.unlock()
    }
}

/// What each writer's thread hands back.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var logs: [String: Result<[CrashTests.Logged], any Error>] = [:]

    func set(_ staff: String, _ result: Result<[CrashTests.Logged], any Error>) {
        lock.withLock { logs[staff] = result }
    }

    func log(_ staff: String) throws -> [CrashTests.Logged] {
        try lock.withLock { logs[staff] }?.get() ?? []
    }
}

extension CrashTests {
    /// Actions per writer; `BUTIK_WRITER_ACTIONS` raises it for a longer local run.
    static let writerActions = Int(ProcessInfo.processInfo.environment["BUTIK_WRITER_ACTIONS"] ?? "") ?? 100
    /// Every so many actions both writers do the same one, on a parcel kept for it.
    static let contestEvery = 8
    /// The customer whose parcels are kept for the contests.
    static let contestKey = "OMST"

    /// One action a writer ran, how it ended, and which contest it was.
    struct Logged: Sendable {
        let action: Action
        let run: Butik.Run
        let contest: Int?
    }

    @Test func twoWritersWithMixedWorkloadsGetExactlyTheirAcknowledgedActions() throws {
        var setup = Butik()
        setup.staff = "setup"
        defer { setup.cleanUp() }
        let contests = CrashTests.writerActions / CrashTests.contestEvery
        #expect(try setup.run("customer", "add", "Omstridt Kunde", "--key", CrashTests.contestKey).status == 0)
        for k in 0..<contests {
            #expect(try setup.run("receive", Butik.s10(90_000_000 + k), "--to", CrashTests.contestKey).status == 0)
        }
        let layout = try ReferenceShop.Layout(store: setup.store)
        // Both writers hand out, return or move to the floor the same parcel: one must win.
        let contested: [Action] = (0..<contests).map { k in
            let tracking = Butik.s10(90_000_000 + k)
            return switch k % 3 {
            case 0: .handout(tracking: tracking, verified: "id")
            case 1: .giveBack(tracking: tracking)
            default: .move(tracking: tracking, to: layout.overflow)
            }
        }

        let seed = Workload.seed(1)
        let writers = ["anna", "bjorn"]
        let meeting = Meeting(), results = Results(), finished = DispatchSemaphore(value: 0)
        for (n, staff) in writers.enumerated() {
            var butik = setup
            butik.staff = staff
            let workload = Workload(seed: seed &+ UInt64(n), label: String(staff.prefix(1).uppercased()),
                                    firstSerial: (n + 1) * 10_000_000, reserved: [CrashTests.contestKey])
            Thread { [butik] in
                defer { finished.signal() }
                defer { meeting.leave() }
                results.set(staff, Result { try CrashTests.write(butik, workload, layout: layout, contested: contested, meeting: meeting) })
            }.start()
        }
        for _ in writers { finished.wait() }

        let journal = try JournalTail.all(in: setup.store)
        var shop = ReferenceShop(layout: layout)
        let named = journal.transactions.map { (staff: $0.staff, action: shop.apply($0)) }
        #expect(journal.problems.isEmpty, "\(journal.problems)")
        #expect(shop.violations.isEmpty, "\(shop.violations.prefix(20))")
        #expect(Set(named.map(\.staff)).isSubset(of: writers + ["setup"]))
        #expect(named.filter { $0.staff == "setup" }.count == 1 + contests)

        var acknowledged = 0, refused = 0, lost = 0, doubled = 0, traps = 0
        var logs: [String: [Logged]] = [:]
        for staff in writers {
            let log = try results.log(staff)
            logs[staff] = log
            #expect(log.count == CrashTests.writerActions, "\(staff) ran \(log.count) actions")
            let mine = log.filter { $0.run.signal == nil && $0.run.status == 0 }.map(\.action)
            let recorded = named.filter { $0.staff == staff }.map(\.action)
            // Exactly the acknowledged actions, in their order, under this writer's name: a
            // refused one (exit 1) is not among them.
            #expect(recorded == mine.map(Optional.some), "\(staff)'s journal entries are not their acknowledged actions")
            lost += Action.surplus(mine, over: recorded.compactMap { $0 }).count
            doubled += Action.surplus(recorded.compactMap { $0 }, over: mine).count
            acknowledged += mine.count
            refused += log.filter { $0.run.signal == nil && $0.run.status == 1 }.count
            for logged in log where logged.run.signal != nil || logged.run.status > 1 {
                if logged.run.signal != nil { traps += 1 }
                let ending = logged.run.signal.map { "signal \($0)" } ?? "status \(logged.run.status)"
                Issue.record("\(staff): \(logged.action) ended with \(ending): \(logged.run.stderr)")
            }
        }
        for (k, action) in contested.enumerated() {
            let statuses = writers.compactMap { logs[$0]?.first { $0.contest == k }?.run.status }
            #expect(statuses.sorted() == [0, 1], "contest \(k), \(action): statuses \(statuses)")
            #expect(named.filter { $0.action == action }.count == 1, "contest \(k), \(action) is recorded more or less than once")
        }
        let check = try setup.run("check")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let differences = try StoreView.differences(setup, shop)
        #expect(differences.isEmpty, "the store's view and the journal differ: \(differences)")
        print("two writers: \(writers.count) × \(CrashTests.writerActions) actions, \(acknowledged) acknowledged, \(refused) refused, "
            + "\(contests) contests, \(lost) lost, \(doubled) doubled, \(traps) traps, \(shop.violations.count) rules broken, "
            + "\(journal.transactions.reduce(0) { $0 + $1.events.count }) journal lines, "
            + "snapshot \(JournalTail.snapshotLine(in: setup.store).map { "after line \($0)" } ?? "none"), seed \(seed)")
    }

    /// One writer's loop: catches up with the journal, picks an action (or the next contested
    /// one, after meeting the other writer), runs it to the end and logs how it ended.
    private static func write(_ butik: Butik, _ workload: Workload, layout: ReferenceShop.Layout,
                              contested: [Action], meeting: Meeting) throws -> [Logged] {
        var workload = workload
        var tail = JournalTail(store: butik.store)
        var shop = ReferenceShop(layout: layout)
        var log: [Logged] = []
        for i in 1...writerActions {
            for transaction in try tail.read() { shop.apply(transaction) }
            let contest = i % contestEvery == 0 && i / contestEvery <= contested.count ? i / contestEvery - 1 : nil
            let action: Action
            if let contest {
                _ = meeting.meet(contest)
                action = contested[contest]
            } else {
                action = workload.next(shop, now: Date())
            }
            log.append(Logged(action: action, run: try butik.run(arguments: action.arguments), contest: contest))
        }
        return log
    }
}

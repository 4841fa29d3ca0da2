import Foundation
import Testing

/// The store's proof, through the real binary: a mixed workload killed with SIGKILL at random
/// moments, and two writers with mixed workloads on one store. The journal is read and replayed
/// by the tests' own ``ReferenceShop``, never through the code it checks.
@Suite(.serialized) struct CrashTests {
    /// Rounds of the kill loop; `BUTIK_CRASH_ITERATIONS` raises it for a longer local run.
    static let rounds = Int(ProcessInfo.processInfo.environment["BUTIK_CRASH_ITERATIONS"] ?? "") ?? 300

    @Test func everyAcknowledgedActionIsRecordedExactlyOnceThroughSIGKILL() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        let seed = Workload.seed(1)
        let setup = Action.addCustomer(name: "Kristoffer Hegland")
        let started = Date()
        #expect(try butik.run(arguments: setup.arguments).status == 0)
        // How long one action takes here, to aim the kills inside it: every tenth round runs to
        // its end to keep this up to date with the machine's load.
        var typical = Date().timeIntervalSince(started)

        var tail = JournalTail(store: butik.store)
        var shop = ReferenceShop(layout: try .init(store: butik.store))
        var recorded = try tail.read().map { shop.apply($0) }
        var workload = Workload(seed: seed, label: "K", firstSerial: 1_000)
        var attempted: [Action] = [], acknowledged: [Action] = []
        var killed = 0, killedButRecorded = 0, traps = 0
        for round in 1...CrashTests.rounds {
            let action = workload.next(shop, now: Date())
            attempted.append(action)
            let running = try butik.start(arguments: action.arguments)
            let launched = Date(), timing = round % 10 == 0
            // Half the kills anywhere in the run, half near its end, where the write is.
            let aim = round % 2 == 0 ? 0...1.3 : 0.7...1.1
            if !timing { usleep(UInt32(workload.number(in: aim) * typical * 1_000_000)) }
            let sent = !timing && running.killIfRunning()
            let run = running.finish()
            if timing { typical = 0.5 * typical + 0.5 * Date().timeIntervalSince(launched) }
            let new = try tail.read().map { shop.apply($0) }
            recorded += new

            switch (run.signal, run.status) {
            case (nil, 0):
                acknowledged.append(action)
                #expect(new.count == 1, "round \(round): \(action) was acknowledged and recorded \(new.count) times")
            case (.some(SIGKILL), _) where sent:
                killed += 1
                if !new.isEmpty { killedButRecorded += 1 }
                #expect(new.count <= 1, "round \(round): killed \(action) was recorded \(new.count) times")
            case (let signal?, _):
                traps += 1
                Issue.record("round \(round): \(action) died of signal \(signal): \(run.stderr)")
            case (nil, let status):
                Issue.record("round \(round): \(action) failed with status \(status): \(run.stderr)")
                #expect(new.isEmpty, "round \(round): \(action) failed but was recorded")
            }
            if let first = new.first {
                let named = first.map { "\($0)" } ?? "nothing the workload does"
                #expect(first == action, "round \(round): \(action) was recorded as \(named)")
            }
            if round % 50 == 0 {
                let differences = try StoreView.differences(butik, shop)
                #expect(differences.isEmpty, "round \(round): the store's view and the journal differ: \(differences)")
            }
        }

        // Every acknowledged action is in the journal exactly once, and nothing else is:
        // counted over the whole journal read again from its start by a fresh model.
        let journal = try JournalTail.all(in: butik.store)
        var fresh = ReferenceShop(layout: shop.layout)
        let named = journal.transactions.map { fresh.apply($0) }
        #expect(journal.problems.isEmpty, "\(journal.problems)")
        #expect(fresh.violations.isEmpty, "\(fresh.violations.prefix(20))")
        #expect(named == recorded, "the journal changed after the rounds that wrote it")
        let lost = Action.surplus([setup] + acknowledged, over: named.compactMap { $0 })
        let doubled = Action.surplus(named.compactMap { $0 }, over: [setup] + attempted)
        #expect(lost.isEmpty, "acknowledged but not in the journal: \(lost)")
        #expect(doubled.isEmpty, "in the journal more often than tried: \(doubled)")
        #expect(killed > CrashTests.rounds / 10, "the kills must land: \(killed) of \(CrashTests.rounds)")

        let check = try butik.run("check")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let differences = try StoreView.differences(butik, shop)
        #expect(differences.isEmpty, "the store's view and the journal differ: \(differences)")
        // The store still takes writes after all that.
        let last = Action.receive(tracking: Butik.s10(99_999_999), to: shop.customers[1]?.key ?? "?")
        #expect(try butik.run(arguments: last.arguments).status == 0)
        #expect(try tail.read().map { shop.apply($0) } == [last])

        let kinds = Dictionary(grouping: acknowledged, by: \.kind).map { "\($0.key) \($0.value.count)" }.sorted()
        print("crash loop: \(CrashTests.rounds) rounds, \(killed) killed by SIGKILL (\(killedButRecorded) of them recorded), "
            + "\(acknowledged.count) acknowledged (\(kinds.joined(separator: ", "))), \(lost.count) lost, \(doubled.count) doubled, "
            + "\(traps) traps, \(fresh.violations.count) rules broken, \(tail.nextSeq - 1) journal lines, "
            + "snapshot \(JournalTail.snapshotLine(in: butik.store).map { "after line \($0)" } ?? "none"), seed \(seed)")
    }
}

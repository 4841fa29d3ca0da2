import Foundation
import Testing

/// Kills `butik receive` with SIGKILL at random moments and checks that every acknowledged
/// receive survives and the store stays sound; runs two writers at once.
@Suite(.serialized) struct CrashTests {
    struct Queue: Decodable {
        struct Parcel: Decodable { let tracking: String }
        let waiting: [Parcel]
    }

    /// Iterations of the kill loop; `BUTIK_CRASH_ITERATIONS` raises it for a longer local run.
    static let iterations = Int(ProcessInfo.processInfo.environment["BUTIK_CRASH_ITERATIONS"] ?? "") ?? 120

    @Test func everyAcknowledgedReceiveSurvivesSIGKILL() throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        #expect(try butik.run("customer", "add", "Kristoffer Hegland").status == 0)

        // How long one receive takes here, to aim the kills inside it.
        let started = Date()
        #expect(try butik.run("receive", Butik.s10(1), "--to", "KH").status == 0)
        let typical = Date().timeIntervalSince(started)

        var acknowledged: Set<String> = [Butik.s10(1)]
        var killed = 0
        var random = SystemRandomNumberGenerator()
        for i in 0..<CrashTests.iterations {
            let code = Butik.s10(1000 + i)
            let process = Process()
            process.executableURL = Butik.binary
            process.arguments = Butik.globalsLast(["receive", code, "--to", "Kristoffer Hegland"], store: butik.store.path, staff: butik.staff)
            process.environment = butik.environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(Double.random(in: 0...(typical * 1.3), using: &random) * 1_000_000))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
            }
            process.waitUntilExit()
            if process.terminationReason == .exit && process.terminationStatus == 0 {
                acknowledged.insert(code)
            } else if process.terminationReason == .uncaughtSignal {
                killed += 1
            } else {
                Issue.record("receive \(code) failed without being killed: status \(process.terminationStatus)")
            }
        }
        #expect(killed > CrashTests.iterations / 10, "the kills must land: \(killed) of \(CrashTests.iterations)")
        print("crash loop: \(CrashTests.iterations) runs, \(killed) killed by SIGKILL, \(acknowledged.count) receives acknowledged")

        let check = try butik.run("check")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let queue = try butik.run("queue", "--json")
        #expect(queue.status == 0, "\(queue.stderr)")
        let stored = Set(try queue.json(Queue.self).waiting.map(\.tracking))
        let lost = acknowledged.subtracting(stored)
        #expect(lost.isEmpty, "acknowledged but lost: \(lost.sorted())")
        // The store still takes writes after all that.
        #expect(try butik.run("receive", Butik.s10(99_999), "--to", "KH").status == 0)
    }

    @Test func twoCountersWritingAtOnceLoseNothing() async throws {
        let butik = Butik()
        defer { butik.cleanUp() }
        #expect(try butik.run("customer", "add", "Siv Kristin Stakkestad").status == 0)
        let perCounter = 25
        try await withThrowingTaskGroup(of: [Int32].self) { group in
            for counter in 0..<2 {
                group.addTask {
                    var counterButik = butik
                    counterButik.staff = "counter\(counter)"
                    return try (0..<perCounter).map { i in
                        try counterButik.run("receive", Butik.s10(50_000 + counter * 1000 + i), "--to", "SKS").status
                    }
                }
            }
            for try await statuses in group {
                #expect(statuses.allSatisfy { $0 == 0 })
            }
        }
        let stored = try butik.run("queue", "--json").json(Queue.self).waiting.map(\.tracking)
        #expect(stored.count == 2 * perCounter)
        #expect(Set(stored).count == 2 * perCounter)
        #expect(try butik.run("check").status == 0)
    }
}

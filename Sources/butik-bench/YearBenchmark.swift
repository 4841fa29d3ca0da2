import ButikDomain
import ButikRuntime
import ButikStore
import ButikUI
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one-year store of issue 10 at 10%, 50% and 100% of its history: a whole `butik find`
/// process, opening (from the snapshot and with none), `check`, durable intake and hand-out,
/// and the files' sizes. Memory is the peak resident size of a `butik` child process, which
/// the generator in this process does not pollute.
func benchmarkYear() throws {
    let butik = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("butik").path
    guard FileManager.default.isExecutableFile(atPath: butik) else {
        throw BenchFailure("\(butik) is missing: build it beside butik-bench (swift build -c release --product butik).")
    }
    let runs = Int(ProcessInfo.processInfo.environment["BUTIK_BENCH_RUNS"] ?? "") ?? 15
    let cuts = try YearShop.generate(percents: [10, 50, 100], names: try demoNames())
    defer { for cut in cuts { try? FileManager.default.removeItem(at: cut.folder) } }
    for cut in cuts {
        let folder = cut.folder
        let files = [Double(try journalBytes(folder)) / 1e6,
                     Double((try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("snapshot.json").path)[.size] as? Int) ?? 0) / 1e6]
        let segments = try journalFiles(folder).count
        print("\nat \(cut.percent)% of the year (through \(cut.day)): \(cut.closed) parcels closed, \(cut.onHand) on hand, "
              + "\(cut.customers) customers")
        print(String(format: "  journal %.1f MB in %d segments, %d lines; snapshot.json %.1f MB", files[0], segments, cut.lines, files[1]))

        // A whole find process, start to exit, for a customer with parcels waiting.
        let store = try ShopStore.open(folder: folder, defaultLayout: Data(YearShop.layoutJSON.utf8))
        let customer = store.state.customers.values.filter { !store.state.parcelsInShop(for: $0.id).isEmpty }.min { $0.id < $1.id }!
        let find = try ChildRuns(runs, butik, ["find", customer.name, "--store", folder.path])
        print("  butik find \"\(customer.name)\" (whole process): \(find.summary)")

        // Opening in process, from the snapshot and from the journal alone.
        let layout = Data(YearShop.layoutJSON.utf8)
        let open = try Timings.measure(runs) { _ = try ShopStore.open(folder: folder, defaultLayout: layout) }
        print("  open in process from the snapshot: \(open.summary)")
        let bare = temporaryFolder("year\(cut.percent)-nosnapshot")
        try FileManager.default.createDirectory(at: bare, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: bare) }
        for file in ["journal", ShopStore.layoutFileName] {
            try FileManager.default.copyItem(at: folder.appendingPathComponent(file), to: bare.appendingPathComponent(file))
        }
        let rebuild = try Timings.measure(3) { _ = try ShopStore.open(folder: bare, defaultLayout: layout) }
        print("  open in process with no snapshot (full replay): \(rebuild.summary)")
        let findBare = try ChildRuns(3, butik, ["find", customer.name, "--store", bare.path])
        print("  butik find with no snapshot (whole process): \(findBare.summary)")

        // Check: every line's checksum, and the snapshot against a full replay.
        let check = Timings.measure(3) {
            let report = Store<ShopState>.check(folder: folder, empty: ShopState())
            precondition(report.isHealthy, "the year store is not healthy: \(report)")
        }
        print("  Store.check in process: \(check.summary)")
        let checkRuns = try ChildRuns(3, butik, ["check", "--store", folder.path])
        print("  butik check (whole process): \(checkRuns.summary)")

        // The history views through history.bin: rebuilt from nothing (in process, and as a
        // whole process for its memory), then each view in process and each verb as a whole
        // process, for a parcel handed out in the cut's last weeks.
        let historyFile = folder.appendingPathComponent(ShopStore.historyFileName)
        try? FileManager.default.removeItem(at: historyFile)
        let rebuilt = try ChildRuns(1, butik, ["report", "--date", cut.day.description, "--store", folder.path])
        print("  butik report --date with no history.bin (whole process, rebuilds it): \(rebuilt.summary)")
        try FileManager.default.removeItem(at: historyFile)
        let rebuiltInProcess = try Timings.measure(1) { _ = try store.history(for: .day(cut.day)) }
        let historyMB = Double((try FileManager.default.attributesOfItem(atPath: historyFile.path)[.size] as? Int) ?? 0) / 1e6
        print(String(format: "  history.bin rebuilt from nothing in process: %@; %.1f MB", rebuiltInProcess.summary, historyMB))
        let closed = store.state.parcels.values.filter { !$0.status.isInShop }.min { $0.id < $1.id }
        func views(_ label: String, day today: Day) throws {
            if let closed {
                let story = try Timings.measure(runs) { _ = try store.history(for: .parcels(closed.tracking)).stories(for: closed.tracking) }
                print("  \(label) history TRACKING in process: \(story.summary)")
                let query = TrackingQuery(String(closed.tracking.value.suffix(6)))!
                let ending = try Timings.measure(runs) { _ = try store.history(for: .closedParcels(query)).closedStories(matching: query) }
                print("  \(label) closed parcels by their last 6 characters in process: \(ending.summary)")
            }
            let timeline = try Timings.measure(runs) {
                _ = try store.history(for: .timeline(customer.id, since: nil, page: 1, pageSize: 20)).timeline(of: customer.id)
            }
            let total = try store.history(for: .timeline(customer.id, since: nil, page: 1, pageSize: 20)).timeline(of: customer.id).total
            print("  \(label) a customer's timeline (page 1 of \(total) entries) in process: \(timeline.summary)")
            let day = try Timings.measure(runs) { _ = try store.history(for: .day(today)).counts(on: today) }
            print("  \(label) the counts of \(today) in process: \(day.summary)")
        }
        try views("up to date:", day: cut.day)
        if let closed {
            let story = try ChildRuns(3, butik, ["history", closed.tracking.value, "--store", folder.path])
            print("  butik history TRACKING (whole process): \(story.summary)")
        }
        let timeline = try ChildRuns(3, butik, ["customer", "history", customer.key.value, "--store", folder.path])
        print("  butik customer history KEY (whole process): \(timeline.summary)")
        let report = try ChildRuns(3, butik, ["report", "--date", cut.day.description, "--store", folder.path])
        print("  butik report --date (whole process): \(report.summary)")

        // Durable intake and hand-out on the store as it stands, the next morning.
        let now = LocalTime.date(cut.day.adding(days: 1), minuteOfDay: 10 * 60, in: store.layout.zone)
        let customers = store.state.customers.values.sorted { $0.id < $1.id }
        try measureIntake(store, customers: customers, now: now, at: "on the year store at \(cut.percent)%")
        // history.bin behind by the intakes: one view catches it up; then behind by the
        // hand-outs, each view reads and applies those entries (a view catches the file up
        // once more than 100 follow it; not here), and after catching up again, none.
        store.historyUpdateAfter = 0
        let caughtUp = try Timings.measure(1) { _ = try store.history(for: .day(cut.day)) }
        print("  history.bin caught up over \(store.lastSequence - cut.lines) entries (in process): \(caughtUp.summary)")
        let before = store.lastSequence
        let counter = BenchTerminal(AppDriver(store: StoreClient(store), staff: StaffID(stored: "bench"), now: now, clock: 1000), now: now)
        measureHandOut(store, customers: customers, terminal: counter)
        store.historyUpdateAfter = .max
        try views("\(store.lastSequence - before) entries behind:", day: cut.day.adding(days: 1))
        store.historyUpdateAfter = 0
        _ = try store.history(for: .day(cut.day))
        store.historyUpdateAfter = 100
        try views("after catching up:", day: cut.day.adding(days: 1))
    }
}

/// `butik-bench yearstore`: writes the one-year store's cuts and keeps them, printing their
/// folders, for profiling a `butik` process on them (`perf record .build/release/butik ...`).
func keepYearStore() throws {
    for cut in try YearShop.generate(percents: [10, 50, 100], names: try demoNames()) {
        print("\(cut.percent)%: \(cut.folder.path)")
    }
}

/// A benchmark that cannot run, and why.
struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs of a child process with its output discarded: wall time from spawn to exit, and the
/// child's peak resident memory. Each run goes through this program started with `--child`
/// (see ``childRun(_:_:)``): Linux counts the memory of the process that spawns a child in the
/// child's `ru_maxrss`, and this process is large after generating the year.
struct ChildRuns {
    var time = Timings()
    var peakKB: [Int] = []

    init(_ count: Int, _ path: String, _ arguments: [String]) throws {
        let bench = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        for _ in 0..<count {
            let pipe = Pipe()
            let output = try spawn(bench, ["--child", path] + arguments, stdout: pipe.fileHandleForWriting.fileDescriptor)
            pipe.fileHandleForWriting.closeFile()
            guard output.status == 0 else { throw BenchFailure("\(path) \(arguments.joined(separator: " ")) failed (status \(output.status))") }
            let fields = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(separator: " ")
            guard fields.count == 2, let ms = Double(fields[0]), let kb = Int(fields[1].trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw BenchFailure("no figures from \(path)")
            }
            time.samples.append(ms)
            peakKB.append(kb)
        }
    }

    /// The times and the largest peak memory.
    var summary: String { time.summary + String(format: ", peak memory %.0f MB", Double(peakKB.max() ?? 0) / 1024) }
}

/// `butik-bench --child PATH ARGS...`: runs PATH once and prints its wall time in ms and its
/// peak resident memory in KB; exits with 1 when it did not exit with 0.
func childRun(_ path: String, _ arguments: [String]) throws -> Never {
    let start = DispatchTime.now().uptimeNanoseconds
    let run = try spawn(path, arguments, stdout: nil)
    print(String(format: "%.3f %d", Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6, run.usage.ru_maxrss))
    exit(run.status == 0 ? 0 : 1)
}

/// Starts `path` with `arguments`, standard output to `stdout` (nil: discarded) and standard
/// error discarded, and waits for it.
private func spawn(_ path: String, _ arguments: [String], stdout: Int32?) throws -> (status: Int32, usage: rusage) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if let stdout {
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
    } else {
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    }
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
    defer { for argument in argv { free(argument) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { throw BenchFailure("cannot start \(path)") }
    var status: Int32 = 0
    var usage = rusage()
    guard wait4(pid, &status, 0, &usage) == pid else { throw BenchFailure("lost \(path)") }
    return (status, usage)
}

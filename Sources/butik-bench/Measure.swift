#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A moment to time a run from: the wall clock and the CPU time the process has used (all its
/// threads), so that a run on a machine others share also says what it cost on the CPU.
struct Moment {
    let wall = DispatchTime.now().uptimeNanoseconds
    let cpu = Moment.cpuNanoseconds()

    static func cpuNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}

/// Timings of repeated runs, in milliseconds: wall time, and for runs timed from a ``Moment``
/// the process's CPU time too.
struct Timings {
    var samples: [Double] = []
    var cpuSamples: [Double] = []

    /// Runs `body` `count` times, timing each run.
    static func measure(_ count: Int, _ body: () throws -> Void) rethrows -> Timings {
        var timings = Timings()
        for _ in 0..<count {
            let start = Moment()
            try body()
            timings.append(since: start)
        }
        return timings
    }

    /// Adds the time since `start` (`DispatchTime` nanoseconds).
    mutating func append(since start: UInt64) {
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }

    /// Adds the wall and CPU time since `start`.
    mutating func append(since start: Moment) {
        append(since: start.wall)
        cpuSamples.append(Double(Moment.cpuNanoseconds() - start.cpu) / 1_000_000)
    }

    /// The value below which `fraction` of the samples fall (nearest rank).
    func percentile(_ fraction: Double) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    /// `p50 1.23 ms, p99 4.56 ms, max 7.89 ms (n=100)`, then `; on CPU p50 1.10 ms, p99 2.01 ms`
    /// when the CPU time was taken.
    var summary: String {
        let wall = String(format: "p50 %.3f ms, p99 %.3f ms, max %.3f ms (n=%d)", percentile(0.5), percentile(0.99), samples.max() ?? .nan, samples.count)
        guard !cpuSamples.isEmpty else { return wall }
        let cpu = Timings(samples: cpuSamples)
        return wall + String(format: "; on CPU p50 %.3f ms, p99 %.3f ms", cpu.percentile(0.5), cpu.percentile(0.99))
    }
}

/// The journal segment files of the store in `folder`, oldest first.
func journalFiles(_ folder: URL) throws -> [URL] {
    let journal = folder.appendingPathComponent("journal")
    return try FileManager.default.contentsOfDirectory(atPath: journal.path).filter { !$0.hasPrefix(".") }.sorted()
        .map { journal.appendingPathComponent($0) }
}

/// The bytes of the journal of the store in `folder`, all segments together.
func journalBytes(_ folder: URL) throws -> Int {
    try journalFiles(folder).reduce(0) { sum, url in
        sum + ((try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0)
    }
}

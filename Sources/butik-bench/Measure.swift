import Foundation

/// Timings of repeated runs, in milliseconds.
struct Timings {
    var samples: [Double] = []

    /// Runs `body` `count` times, timing each run.
    static func measure(_ count: Int, _ body: () throws -> Void) rethrows -> Timings {
        var timings = Timings()
        for _ in 0..<count {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            timings.samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        return timings
    }

    /// Adds the time since `start` (`DispatchTime` nanoseconds).
    mutating func append(since start: UInt64) {
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }

    /// The value below which `fraction` of the samples fall (nearest rank).
    func percentile(_ fraction: Double) -> Double {
        let sorted = samples.sorted()
        guard !sorted.isEmpty else { return .nan }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    /// `p50 1.23 ms, p99 4.56 ms, max 7.89 ms (n=100)`.
    var summary: String {
        String(format: "p50 %.3f ms, p99 %.3f ms, max %.3f ms (n=%d)", percentile(0.5), percentile(0.99), samples.max() ?? .nan, samples.count)
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

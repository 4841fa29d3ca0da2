import Foundation
import Testing
@testable import ButikStore
#if canImport(Glibc)
import Glibc
#endif

/// A tiny model for the tests: a list of names, a running total and some closed history.
struct Ledger: StoreModel, Equatable {
    static let schemaVersion = 1

    enum Entry: Codable, Sendable, Equatable {
        case add(String)
        case count(Int)
        case stamp(Date)
        case measure(Double)
    }

    var names: [String] = []
    var total = 0
    var lastStamp: Date?
    /// Closed history: dropped from snapshots.
    var history: [String] = []

    mutating func apply(_ entry: Entry) {
        switch entry {
        case .add(let name): names.append(name)
        case .count(let amount): total += amount
        case .stamp(let date): lastStamp = date
        case .measure: break
        }
        history.append("\(entry)")
    }

    func compactedForSnapshot() -> Ledger {
        var compact = self
        compact.history = []
        return compact
    }

    /// The ledger after `entries`.
    static func replaying(_ entries: some Sequence<Entry>) -> Ledger {
        var ledger = Ledger()
        for entry in entries { ledger.apply(entry) }
        return ledger
    }
}

/// The same ledger as written by a later program version.
struct LedgerV2: StoreModel {
    static let schemaVersion = 2
    typealias Entry = Ledger.Entry
    var ledger = Ledger()
    mutating func apply(_ entry: Entry) { ledger.apply(entry) }
}

/// A unique temporary folder, removed when the test ends.
func withTemporaryFolder<T>(_ body: (URL) throws -> T) throws -> T {
    let base = FileManager.default.temporaryDirectory
        .appendingPathComponent("butik-store-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    defer {
        chmod(base.path, 0o700)
        try? FileManager.default.removeItem(at: base)
    }
    return try body(base.appendingPathComponent("store"))
}

func openLedger(_ folder: URL) throws -> Store<Ledger> {
    try Store.open(folder: folder, empty: Ledger())
}

extension Store where Model == Ledger {
    /// Appends the entries as one transaction.
    func record(waiting: Bool = true, _ entries: Ledger.Entry...) throws {
        try transact(waiting: waiting) { _ in (entries: entries, result: ()) }
    }

    /// Adds names one transaction each.
    func add(_ names: String...) throws {
        for name in names { try record(.add(name)) }
    }
}

func journalURL(_ folder: URL) -> URL { folder.appendingPathComponent("journal/000000000001.jsonl") }
func snapshotURL(_ folder: URL) -> URL { folder.appendingPathComponent("snapshot.json") }

func journalBytes(_ folder: URL) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: journalURL(folder)))
}

func setJournal(_ folder: URL, _ bytes: [UInt8]) throws {
    try FileManager.default.createDirectory(at: journalURL(folder).deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: journalURL(folder))
}

/// The journal's lines, each with its newline.
func journalLines(_ folder: URL) throws -> [[UInt8]] {
    splitLines(try journalBytes(folder))
}

func splitLines(_ bytes: [UInt8]) -> [[UInt8]] {
    var lines: [[UInt8]] = []
    var current: [UInt8] = []
    for byte in bytes {
        current.append(byte)
        if byte == UInt8(ascii: "\n") {
            lines.append(current)
            current = []
        }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
}

/// A journal line as the store writes it.
func line(seq: Int, _ entry: Ledger.Entry, version: Int = 1, more: Bool = false) throws -> [UInt8] {
    JournalLine.encode(seq: seq, version: version, more: more, entryJSON: try StoreCoding.encoder().encode(entry))
}

/// Flips a byte of the entry's JSON in a line (a letter of a name, so it stays one line).
func damaged(_ line: [UInt8]) -> [UInt8] {
    var copy = line
    let marker = Array(#""entry":"#.utf8)
    let start = (0...(line.count - marker.count)).first { Array(line[$0..<($0 + marker.count)]) == marker }!
    let index = copy[(start + marker.count)...].firstIndex { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }!
    copy[index] ^= 0x01
    return copy
}

/// A deterministic random number generator (SplitMix64).
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476C_E5E4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Shares a value between threads in tests.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value
    init(_ value: Value) { self.value = value }
    func with<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
    var current: Value { with { $0 } }
}

/// Hands a non-Sendable value to another thread that alone uses it until joined.
struct Handover<Value>: @unchecked Sendable {
    let value: Value
}

func permissions(_ url: URL) -> mode_t {
    var info = stat()
    stat(url.path, &info)
    return info.st_mode & 0o777
}

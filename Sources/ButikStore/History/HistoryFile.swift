#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ButikDomain
import Foundation

/// `history.bin`: the shop's ``History`` as of a journal position, in hash buckets, so that a
/// question reads and decodes only a few small pieces of it. Derived data like the snapshot:
/// checksummed, stating the position it covers, rebuilt from the journal when missing, damaged
/// or not fitting, and never trusted over the journal.
///
/// Layout: a front of ``headerSize`` bytes holding a sealed JSON header (padded with spaces,
/// ending in a newline), then one table per ``HistoryTable`` of 16 bytes a bucket (offset,
/// length and CRC-32 of the bucket, little-endian 8 + 4 + 4), then the buckets, each its
/// count of keys and then each key and its value, sorted by key, in the bytes of
/// ``HistoryOut``. The header states the schema, the journal position, the time zone the days
/// are counted in, and per table its bucket count, key count and the CRC-32 of its table.
enum HistoryFile {
    static let name = "history.bin"
    /// 3: with edits, merges, contacts and cases on the timelines and a table of the cases'
    /// customers; 2 was without them and 1 was JSON, and such a file is rebuilt.
    static let schema = 3
    static let headerSize = 4096

    struct Header: Codable, Equatable {
        struct Table: Codable, Equatable {
            var name: String
            var buckets: Int
            var keys: Int
            var sum: UInt32
        }

        var schema: Int
        var seq: Int
        /// The checksum of journal line `seq` (see ``JournalPosition``).
        var line: UInt32
        var zone: String
        var tables: [Table]

        var position: JournalPosition { JournalPosition(seq: seq, checksum: line) }
    }

    /// Why a file cannot be used, for the notice that says it is rebuilt.
    struct Damage: Error, Equatable {
        var reason: String
    }

    /// The buckets a new table gets for `keys` keys, about `perBucket` a bucket: a power of two.
    static func bucketCount(keys: Int, perBucket: Int) -> Int {
        var buckets = 16
        while buckets * perBucket < keys, buckets < 1 << 20 { buckets *= 2 }
        return buckets
    }

    /// A table (of those sized by ``bucketCount(keys:perBucket:)``) with this many keys for its buckets
    /// reads too much a lookup: rebuild it larger.
    static func isOverfull(buckets: Int, keys: Int) -> Bool {
        buckets < 1 << 20 && keys > buckets * 32
    }
}

/// One table of the file: a kind of piece of ``History/Part`` by key.
struct HistoryTable<Key: Hashable & Comparable & HistoryCodable, Value: HistoryCodable>: Sendable {
    /// Its place among the file's tables.
    let index: Int
    let name: String
    /// The bucket of a key among `buckets`.
    let bucket: @Sendable (_ key: Key, _ buckets: Int) -> Int
    /// Whether a value read is one that counting on from cannot overflow (a count out of
    /// ``Ranges/parcelCount`` is damage, as in the journal).
    var isSound: @Sendable (_ value: Value) -> Bool = { _ in true }
}

/// The file's tables, in their order in the file.
enum HistoryTables {
    static let stories = HistoryTable<ParcelID, ParcelStory>(index: 0, name: "stories") { id, buckets in id.rawValue % buckets }
    /// By the number's last four characters, so a search by its end (4+ characters) finds every
    /// number it matches in one bucket.
    static let tracking = HistoryTable<TrackingNumber, [ParcelID]>(index: 1, name: "tracking") { number, buckets in
        Int(fnv1a(String(number.value.suffix(4))) % UInt64(buckets))
    }
    static let timelines = HistoryTable<CustomerID, [TimelineItem]>(index: 2, name: "timelines") { id, buckets in id.rawValue % buckets }
    static let days = HistoryTable<Day, DayCounts>(index: 3, name: "days", bucket: { day, buckets in
        Int(UInt64(bitPattern: Int64(day.ordinal)) % UInt64(buckets))
    }, isSound: { counts in
        ([counts.total] + counts.carriers.values + counts.staff.values).allSatisfy { tally in
            [tally.received, tally.receiptsUndone, tally.handedOut.id, tally.handedOut.code, tally.handedOut.known,
             tally.handedOut.proxy, tally.handOutsUndone, tally.returned, tally.droppedOff, tally.collected]
                .allSatisfy(Ranges.parcelCount.contains)
        }
    })
    /// Every day's change of what is on hand in one bucket: a day's count at its close adds
    /// them all up.
    static let onHand = HistoryTable<Day, Int>(index: 4, name: "onHand", bucket: { _, _ in 0 }, isSound: { change in
        (-Ranges.parcelCount.upperBound...Ranges.parcelCount.upperBound).contains(change)
    })
    static let dropOffs = HistoryTable<DropOffID, CarrierID>(index: 5, name: "dropOffs") { id, buckets in id.rawValue % buckets }
    static let cases = HistoryTable<CaseID, CustomerID>(index: 6, name: "cases") { id, buckets in id.rawValue % buckets }

    static let names = ["stories", "tracking", "timelines", "days", "onHand", "dropOffs", "cases"]

    /// The bucket of a search by the end of a number (see ``tracking``).
    static func trackingBucket(ofEnding text: String, buckets: Int) -> Int {
        Int(fnv1a(String(text.suffix(4))) % UInt64(buckets))
    }

    /// FNV-1a of the text's UTF-8: a hash that is the same in every process (Swift's is not).
    private static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }
}

/// An open history file whose header was verified; tables and buckets are verified as read.
final class HistoryFileReader {
    let path: String
    let header: HistoryFile.Header
    private let fd: Int32
    private let size: Int64
    private var tables: [Int: [UInt8]] = [:]

    /// Opens and verifies the header; nil when there is no file.
    static func open(_ path: String) throws(HistoryFile.Damage) -> HistoryFileReader? {
        let fd: Int32
        do {
            guard let opened = try Posix.openForReading(path) else { return nil }
            fd = opened
        } catch {
            guard case .io(_, _, let code) = error else { throw HistoryFile.Damage(reason: "it cannot be opened") }
            throw HistoryFile.Damage(reason: "it cannot be opened (\(Posix.describe(code)))")
        }
        do throws(HistoryFile.Damage) {
            return try HistoryFileReader(path: path, fd: fd)
        } catch {
            close(fd)
            throw error
        }
    }

    private init(path: String, fd: Int32) throws(HistoryFile.Damage) {
        self.path = path
        self.fd = fd
        guard let status = try? Posix.status(fd, path: path) else { throw HistoryFile.Damage(reason: "it cannot be read") }
        size = Int64(status.st_size)
        var front = try Self.read(fd, at: 0, count: HistoryFile.headerSize, size: size, what: "its header")
        guard front.last == UInt8(ascii: "\n") else { throw HistoryFile.Damage(reason: "its header is incomplete") }
        while let last = front.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: " ") { front.removeLast() }
        guard case .valid = front.withUnsafeBytes({ Sealed.verify($0) }) else {
            throw HistoryFile.Damage(reason: "its header's checksum does not match its content")
        }
        guard let header = try? StoreCoding.decoder().decode(HistoryFile.Header.self, from: Data(front)) else {
            throw HistoryFile.Damage(reason: "its header is not one of this program")
        }
        guard header.schema == HistoryFile.schema else {
            throw HistoryFile.Damage(reason: "it was written in another format (\(header.schema); this program writes \(HistoryFile.schema))")
        }
        guard header.tables.map(\.name) == HistoryTables.names,
              header.tables.allSatisfy({ (1...(1 << 20)).contains($0.buckets) && Ranges.parcelCount.contains($0.keys) }),
              Self.frontSize(header) <= size else {
            throw HistoryFile.Damage(reason: "its header does not describe its tables")
        }
        self.header = header
    }

    deinit { close(fd) }

    /// Bytes before the first bucket.
    static func frontSize(_ header: HistoryFile.Header) -> Int64 {
        Int64(HistoryFile.headerSize) + header.tables.reduce(0) { $0 + Int64($1.buckets) * 16 }
    }

    /// Where table `index` starts.
    static func tableOffset(_ header: HistoryFile.Header, _ index: Int) -> Int64 {
        Int64(HistoryFile.headerSize) + header.tables[..<index].reduce(0) { $0 + Int64($1.buckets) * 16 }
    }

    /// The verified bytes of table `index`.
    func table(_ index: Int) throws(HistoryFile.Damage) -> [UInt8] {
        if let known = tables[index] { return known }
        let info = header.tables[index]
        let bytes = try Self.read(fd, at: Self.tableOffset(header, index), count: info.buckets * 16, size: size,
                                  what: "its table of \(info.name)")
        guard CRC32.checksum(bytes) == info.sum else {
            throw HistoryFile.Damage(reason: "its table of \(info.name) does not match its checksum")
        }
        tables[index] = bytes
        return bytes
    }

    /// Where bucket `bucket` of table `index` is, and its checksum.
    func slot(_ index: Int, _ bucket: Int) throws(HistoryFile.Damage) -> (offset: Int64, length: Int, sum: UInt32) {
        let table = try table(index)
        func field(_ at: Int, _ width: Int) -> UInt64 {
            (0..<width).reduce(UInt64(0)) { $0 | UInt64(table[bucket * 16 + at + $1]) << (8 * $1) }
        }
        let offset = field(0, 8), length = field(8, 4)
        guard offset <= UInt64(size), length <= UInt64(size) - offset else {
            throw HistoryFile.Damage(reason: "its table of \(header.tables[index].name) points past its end")
        }
        return (Int64(offset), Int(length), UInt32(field(12, 4)))
    }

    /// The pieces of `table` in `buckets`, every key of each, verified and decoded.
    func pieces<Key, Value>(_ table: HistoryTable<Key, Value>, buckets: some Sequence<Int>) throws(HistoryFile.Damage) -> [Key: Value] {
        var found: [Key: Value] = [:]
        for bucket in Set(buckets) {
            let (offset, length, sum) = try slot(table.index, bucket)
            guard length > 0 else { continue }
            let bytes = try Self.read(fd, at: offset, count: length, size: size, what: "a bucket of \(table.name)")
            guard CRC32.checksum(bytes) == sum else {
                throw HistoryFile.Damage(reason: "bucket \(bucket) of \(table.name) does not match its checksum")
            }
            let entries: [(Key, Value)]
            do throws(HistoryIn.Bad) { entries = try Self.entries(of: bytes) } catch {
                throw HistoryFile.Damage(reason: "bucket \(bucket) of \(table.name) cannot be read: \(error.reason)")
            }
            for (key, value) in entries {
                guard table.isSound(value) else {
                    throw HistoryFile.Damage(reason: "bucket \(bucket) of \(table.name) holds a count out of range")
                }
                found[key] = value
            }
        }
        return found
    }

    /// A bucket's entries (see ``HistoryFileWriter/bucket(_:)``), in its order.
    static func entries<Key: HistoryCodable, Value: HistoryCodable>(of bucket: [UInt8]) throws(HistoryIn.Bad) -> [(Key, Value)] {
        try HistoryIn.whole(bucket) { input throws(HistoryIn.Bad) in
            var entries: [(Key, Value)] = []
            for _ in 0..<(try input.count()) { entries.append((try Key(from: &input), try Value(from: &input))) }
            return entries
        }
    }

    /// The pieces of `table` for `keys`, and only those.
    func pieces<Key, Value>(_ table: HistoryTable<Key, Value>, for keys: some Collection<Key>) throws(HistoryFile.Damage) -> [Key: Value] {
        let buckets = header.tables[table.index].buckets
        let wanted = Set(keys)
        return try pieces(table, buckets: wanted.map { table.bucket($0, buckets) }).filter { wanted.contains($0.key) }
    }

    /// Every bucket's checksum, without decoding: what `check` verifies.
    func verifyAll() throws(HistoryFile.Damage) {
        for (index, info) in header.tables.enumerated() {
            for bucket in 0..<info.buckets {
                let (offset, length, sum) = try slot(index, bucket)
                guard length > 0 else { continue }
                let bytes = try Self.read(fd, at: offset, count: length, size: size, what: "a bucket of \(info.name)")
                guard CRC32.checksum(bytes) == sum else {
                    throw HistoryFile.Damage(reason: "bucket \(bucket) of \(info.name) does not match its checksum")
                }
            }
        }
    }

    /// Copies `length` bytes from `offset` of this file to the end of `out`.
    func copy(offset: Int64, length: Int, to out: Int32, path: String, ops: FileOps) throws(StoreError) {
        var done = 0
        while done < length {
            let count = min(1 << 20, length - done)
            let bytes: [UInt8]
            do { bytes = try Self.read(fd, at: offset + Int64(done), count: count, size: size, what: "a bucket") } catch {
                throw .io(operation: .read, path: self.path, errno: EIO)
            }
            let written = Posix.writeAll(out, bytes, ops: ops)
            if written != 0 { throw .io(operation: .write, path: path, errno: written) }
            done += count
        }
    }

    private static func read(_ fd: Int32, at offset: Int64, count: Int, size: Int64, what: String) throws(HistoryFile.Damage) -> [UInt8] {
        guard offset + Int64(count) <= size else { throw HistoryFile.Damage(reason: "it is cut short in \(what)") }
        var bytes = [UInt8](repeating: 0, count: count)
        let result = bytes.withUnsafeMutableBytes { Posix.readAt(fd, into: $0, at: offset) }
        switch result {
        case .success(let read) where read == count: return bytes
        case .success: throw HistoryFile.Damage(reason: "it is cut short in \(what)")
        case .failure(let code): throw HistoryFile.Damage(reason: "\(what) cannot be read (\(Posix.describe(code)))")
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ButikDomain
import Foundation

/// Writes a `history.bin` (see ``HistoryFile``) atomically, bucket by bucket: each bucket is
/// either encoded anew or its bytes are copied from the file it replaces, so catching a file
/// up decodes only what changed and the whole file is never held in memory.
enum HistoryFileWriter {
    /// One table of the new file.
    struct TablePlan {
        var buckets: Int
        var keys: Int
        /// Bucket `index`'s new bytes, or nil to copy it from the old file.
        var encoded: (_ index: Int) throws(StoreError) -> [UInt8]?
    }

    /// The plan for `table` holding `pieces`, in `buckets` buckets. With `rewriting`, only
    /// those buckets are encoded (from `pieces`, which must hold all of their keys); the others
    /// are copied from the old file.
    static func plan<Key, Value>(
        _ table: HistoryTable<Key, Value>, _ pieces: [Key: Value], buckets: Int, keys: Int, rewriting: Set<Int>? = nil
    ) -> TablePlan {
        var grouped: [Int: [Key]] = [:]
        for key in pieces.keys { grouped[table.bucket(key, buckets), default: []].append(key) }
        return TablePlan(buckets: buckets, keys: keys) { index throws(StoreError) in
            if let rewriting, !rewriting.contains(index) { return nil }
            guard let keys = grouped[index] else { return [] }
            return bucket(keys.sorted().map { ($0, pieces[$0]!) })
        }
    }

    /// A bucket's bytes: its entries, sorted by key, as ``HistoryFile`` keeps them.
    static func bucket<Key: HistoryWritable, Value: HistoryWritable>(_ entries: [(Key, Value)]) -> [UInt8] {
        var out = HistoryOut()
        out.unsigned(UInt64(entries.count))
        for (key, value) in entries {
            key.write(to: &out)
            value.write(to: &out)
        }
        return out.bytes
    }

    /// Writes the file at `path` as of `position` with `tables` (in ``HistoryTables`` order),
    /// copying the buckets they leave out from `old`.
    static func write(
        to path: String, position: JournalPosition, zone: TimeZone, tables: [TablePlan], old: HistoryFileReader?, ops: FileOps
    ) throws(StoreError) {
        var header = HistoryFile.Header(
            schema: HistoryFile.schema, seq: position.seq, line: position.checksum, zone: zone.identifier,
            tables: zip(HistoryTables.names, tables).map { .init(name: $0, buckets: $1.buckets, keys: $1.keys, sum: 0) })
        let frontSize = Int(HistoryFileReader.frontSize(header))
        // Not synced: 70 MB at a year, and every part of it is checksummed (a power cut that
        // leaves it damaged costs a rebuild, never a wrong answer).
        try AtomicFile.write(to: path, mode: 0o600, ops: ops, crashPoint: .historyWritten, durable: false) { fd, temporary throws(StoreError) in
            func put(_ bytes: [UInt8]) throws(StoreError) {
                let written = Posix.writeAll(fd, bytes, ops: ops)
                if written != 0 { throw .io(operation: .write, path: temporary, errno: written) }
            }
            // New buckets are written a megabyte at a time (a year's file has 100,000 of them).
            var pending: [UInt8] = []
            pending.reserveCapacity(1 << 20)
            func drain() throws(StoreError) {
                try put(pending)
                pending.removeAll(keepingCapacity: true)
            }
            try put([UInt8](repeating: 0, count: frontSize))  // the front is written last, over this
            var offset = Int64(frontSize)
            var copying: (from: Int64, length: Int)?  // a run of old buckets one after the other
            func flush() throws(StoreError) {
                guard let run = copying, let old else { return }
                try old.copy(offset: run.from, length: run.length, to: fd, path: temporary, ops: ops)
                copying = nil
            }
            var front: [UInt8] = []
            for (index, plan) in tables.enumerated() {
                var table = [UInt8](repeating: 0, count: plan.buckets * 16)
                for bucket in 0..<plan.buckets {
                    let length: Int, sum: UInt32
                    if let bytes = try plan.encoded(bucket) {
                        try flush()
                        pending += bytes
                        if pending.count >= 1 << 20 { try drain() }
                        (length, sum) = (bytes.count, bytes.isEmpty ? 0 : CRC32.checksum(bytes))
                    } else {
                        guard let old else { throw .encoding(reason: .historyBucketWithoutFile) }
                        let slot: (offset: Int64, length: Int, sum: UInt32)
                        do throws(HistoryFile.Damage) { slot = try old.slot(index, bucket) } catch {
                            throw .corrupt(file: old.path, line: nil, reason: .historyFile(error.reason))
                        }
                        if let run = copying, run.from + Int64(run.length) == slot.offset {
                            copying = (run.from, run.length + slot.length)
                        } else {
                            try flush()
                            try drain()
                            copying = (slot.offset, slot.length)
                        }
                        (length, sum) = (slot.length, slot.sum)
                    }
                    for byte in 0..<8 { table[bucket * 16 + byte] = UInt8(truncatingIfNeeded: UInt64(offset) >> (8 * byte)) }
                    for byte in 0..<4 { table[bucket * 16 + 8 + byte] = UInt8(truncatingIfNeeded: length >> (8 * byte)) }
                    for byte in 0..<4 { table[bucket * 16 + 12 + byte] = UInt8(truncatingIfNeeded: sum >> (8 * byte)) }
                    offset += Int64(length)
                }
                header.tables[index].sum = CRC32.checksum(table)
                front += table
            }
            try flush()
            try drain()
            let head = try encodedHeader(header)
            guard lseek(fd, 0, SEEK_SET) == 0 else { throw .io(operation: .seek, path: temporary, errno: errno) }
            try put(head + front)
        }
    }

    /// The sealed header, padded with spaces to ``HistoryFile/headerSize`` ending in a newline.
    static func encodedHeader(_ header: HistoryFile.Header) throws(StoreError) -> [UInt8] {
        var bytes: [UInt8]
        do { bytes = [UInt8](try StoreCoding.encoder().encode(header)) } catch {
            throw .encoding(reason: .historyHeader(detail: "\(error)"))
        }
        bytes.removeLast()  // the closing brace: sealing closes the object
        Sealed.seal(&bytes)
        guard bytes.count < HistoryFile.headerSize else { throw .encoding(reason: .historyHeaderTooLong) }
        return bytes + [UInt8](repeating: UInt8(ascii: " "), count: HistoryFile.headerSize - 1 - bytes.count) + [UInt8(ascii: "\n")]
    }
}

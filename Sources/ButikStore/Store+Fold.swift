#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A journal entry as a derived file names the position it covers: the entry's sequence
/// number and the checksum of its line, so a journal replaced by another one (restored, cut
/// and written again) is noticed even where it holds as many entries.
public struct JournalPosition: Codable, Equatable, Sendable {
    /// 0 for the start of the journal, before any entry.
    public var seq: Int
    /// The CRC-32 of the entry's whole line (without its newline); 0 at the start.
    public var checksum: UInt32

    public init(seq: Int, checksum: UInt32) {
        self.seq = seq
        self.checksum = checksum
    }

    /// Before the first entry.
    public static let start = JournalPosition(seq: 0, checksum: 0)
}

/// Reading the journal's past: how views of it (history, reports) and the files derived from
/// them are built and caught up. These two reads, ``position(of:)`` and
/// ``fold(_:after:_:)``, are all that such views know of how the journal is kept.
extension Store {
    /// Runs `body` under the shared lock, waiting as `refresh` does: what it reads of the
    /// journal is one journal (a restore holds the exclusive lock), and a file derived from it
    /// and written in `body` cannot outlast the journal it was made from unnoticed.
    public func reading<T>(waiting: Bool = true, _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try lock?.lock(.shared, timeout: lockWait(waiting))
        defer { lock?.unlock() }
        return try body()
    }

    /// The position of entry `seq` among those read so far (up to ``lastSequence``); nil when
    /// there is no such entry or its line is not sound. Reads back from the end of the segment
    /// holding it only as far as that line.
    public func position(of seq: Int) throws(StoreError) -> JournalPosition? {
        if seq == 0 { return .start }
        guard let bounds = try lineBounds(of: seq) else { return nil }
        return try withSegment(bounds.segment) { fd, _ throws(StoreError) -> JournalPosition? in
            var line = [UInt8](repeating: 0, count: Int(bounds.end - bounds.start) - 1)
            let read = line.withUnsafeMutableBytes { Posix.readAt(fd, into: $0, at: bounds.start) }
            guard case .success(let count) = read else {
                if case .failure(let code) = read { throw .io(operation: .read, path: segments[bounds.segment].path, errno: code) }
                return nil
            }
            guard count == line.count, line.withUnsafeBytes({ JournalLine.verifiedSequence($0) }) == seq else { return nil }
            return JournalPosition(seq: seq, checksum: CRC32.checksum(line))
        }
    }

    /// Reads the journal after entry `seq` up to what ``model`` covers (entry ``lastSequence``)
    /// and folds every entry, with its sequence number, into `initial`; after `seq` 0 that is
    /// the whole journal (a few seconds at a year's). Writes nothing; call it inside
    /// ``reading(waiting:_:)``. An entry `seq` past ``lastSequence`` leaves `initial` as it is.
    /// `apply` runs while a second thread reads and decodes the entries after (``ReadAhead``):
    /// it must not use this store.
    ///
    /// Damage in a line that opening did not read (behind the snapshot) is thrown as
    /// ``StoreError/corrupt(file:line:reason:)`` and makes the store read-only, as catching up does.
    public func fold<Value>(
        _ initial: Value, after seq: Int = 0, _ apply: (inout Value, Model.Entry, Int) -> Void
    ) throws(StoreError) -> Value {
        var value = initial
        guard seq < lastSequence else { return value }
        var start = SegmentOffset(segment: 0, offset: 0)
        if seq > 0 {
            guard let bounds = try lineBounds(of: seq) else {
                throw goReadOnly(.corrupt(file: segments[JournalFiles.index(holding: seq, in: segments)].path, line: nil,
                                          reason: .entryMoved(entry: seq)))
            }
            start = SegmentOffset(segment: bounds.segment, offset: bounds.end)
        }
        var next = seq
        // Decoding on a second thread while this one applies: the store's reading state (its
        // decoder, the segment files) is the reading thread's until it is done.
        let end = knownPosition
        let outcome = ReadAhead.run { yield in
            Result { () throws(StoreError) in try self.readJournal(from: start, lastSeq: seq, to: end, apply: yield).read }
        } consume: { entry in
            next += 1
            apply(&value, entry, next)
        }
        let read = try outcome.get()
        if let problem = read.problem { throw goReadOnly(problem) }
        guard read.lastSeq == lastSequence else {
            throw goReadOnly(.corrupt(
                file: journalPath, line: nil,
                reason: .fewerEntries(found: read.lastSeq, read: lastSequence)))
        }
        return value
    }

    /// The segment holding entry `seq`, and where its line starts and where the next one starts
    /// in it, found by counting line breaks back from the end of what was read of that segment
    /// (the lines there are whole and numbered one after the other; reading from `end` checks
    /// that). Nil for an entry not read.
    private func lineBounds(of seq: Int) throws(StoreError) -> (segment: Int, start: Int64, end: Int64)? {
        guard seq >= 1, seq <= lastSequence else { return nil }
        let index = JournalFiles.index(holding: seq, in: segments)
        guard index <= knownSegment else { return nil }
        let lastInSegment = index == knownSegment ? lastSequence : segments[index + 1].firstSeq - 1
        return try withSegment(index) { fd, size throws(StoreError) -> (segment: Int, start: Int64, end: Int64)? in
            let endBreak = lastInSegment - seq + 1  // the line break ending entry `seq`, counted from the end
            var end: Int64?
            var breaks = 0
            var position = index == knownSegment ? knownEnd : size
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while position > 0 {
                let from = max(0, position - Int64(chunk.count))
                let wanted = Int(position - from)
                let read = chunk.withUnsafeMutableBytes { Posix.readAt(fd, into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<wanted]), at: from) }
                switch read {
                case .failure(let code): throw .io(operation: .read, path: segments[index].path, errno: code)
                case .success(let count) where count < wanted: return nil  // the file shrank
                case .success: break
                }
                for at in stride(from: wanted - 1, through: 0, by: -1) where chunk[at] == UInt8(ascii: "\n") {
                    breaks += 1
                    if breaks == endBreak { end = from + Int64(at) + 1 }
                    if breaks == endBreak + 1, let end { return (index, from + Int64(at) + 1, end) }
                }
                position = from
            }
            return end.map { (index, 0, $0) }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What a rewrite of the journal changes (erasing personal data): it sees every entry in
/// order first, then names the lines it changes and gives each one's new entry. Running it
/// again over the journal it wrote changes nothing.
public protocol JournalRewrite {
    associatedtype Entry
    /// Notes entry `seq`; called for every entry in order before any is rewritten.
    mutating func survey(_ entry: Entry, seq: Int)
    /// The sequence numbers of the lines to rewrite.
    var linesToRewrite: Set<Int> { get }
    /// The new entry of line `seq`.
    func rewritten(_ entry: Entry, seq: Int) -> Entry
}

/// The rewrite that changes nothing.
public struct NoRewrite<Entry>: JournalRewrite {
    public init() {}
    public mutating func survey(_ entry: Entry, seq: Int) {}
    public var linesToRewrite: Set<Int> { [] }
    public func rewritten(_ entry: Entry, seq: Int) -> Entry { entry }
}

/// What a rewrite did: the lines it rewrote and the segments it replaced.
public struct RewriteReport: Sendable, Equatable {
    public var lines: Int
    public var segments: [String]
}

/// Rewriting journal lines in place, as a new generation of each segment holding them.
extension Store {
    /// Under the exclusive lock: catches up, lets `decide` choose entries to append and the
    /// rewrite to make against the up-to-date model, appends the entries (durable, as any
    /// transaction), calls `recorded` (to note what the rewrite is for), removes the snapshot
    /// and the `derived` files of the store folder (made from the old lines), then rewrites the
    /// lines the rewrite names: each segment holding one is written beside the old one, synced
    /// and renamed over it, the folder synced (every other line byte for byte the same, the
    /// rewritten ones with the same sequence number and a new checksum), and a snapshot of the
    /// model written. Killed at any point, the journal is whole and sound (each segment either
    /// generation) and no snapshot of the old lines is left; running the same rewrite again
    /// completes it. A program that has the last segment open finds it replaced and opens the
    /// store again; one that only reads the closed segments reads the new ones.
    ///
    /// The model after the appended entries must be the one a replay of the rewritten journal
    /// gives (the rewrite only takes out what the appended entries take out of the model).
    /// `surveyed` sees every entry in order right after the rewrite surveyed it, with the
    /// rewrite as it is then: a derived file can be built in the same pass. Both run while a
    /// second thread reads and decodes the entries after (``ReadAhead``): they must not use
    /// this store. Once the lines are rewritten, `alongside` runs on a second thread while the
    /// snapshot is written, given the position of the last entry (nil when its line cannot be
    /// read back): a derived file of the rewritten journal can be written then. It must not
    /// use this store either.
    public func rewrite<Rewrite: JournalRewrite, Result>(
        removing derived: [String],
        _ decide: (Model) throws -> (entries: [Model.Entry], rewrite: Rewrite, result: Result),
        recorded: (Result) throws -> Void,
        surveyed: (_ rewrite: Rewrite, _ entry: Model.Entry, _ seq: Int) -> Void = { _, _, _ in },
        alongside: ((_ end: JournalPosition?) -> Void)? = nil
    ) throws -> (Result, RewriteReport) where Rewrite.Entry == Model.Entry {
        if let reason = readOnlyReason { throw StoreError.readOnly(reason: reason) }
        guard let lock else { throw StoreError.readOnly(reason: .noLock) }
        try lock.lock(.exclusive, timeout: lockTimeout)
        defer { lock.unlock() }
        try catchUp(truncatingTornTail: true)
        var (entries, rewrite, result) = try decide(model)
        if !entries.isEmpty { try append(entries) }
        try recorded(result)
        CrashPoint.rewriteRecorded.reached()
        for file in ["snapshot.json"] + derived {
            let path = folderPath + "/" + file
            if unlink(path) != 0 && errno != ENOENT { throw StoreError.io(operation: .remove, path: path, errno: errno) }
        }
        try Posix.syncFolder(folderPath, ops: fileOps)
        snapshotSeq = 0
        CrashPoint.rewriteCleared.reached()
        var seq = 0
        // Decoding on a second thread while this one surveys, as ``fold(_:after:_:)`` does.
        let known = knownPosition
        let read = try ReadAhead.run { yield in
            Swift.Result { () throws(StoreError) in try self.readJournal(from: SegmentOffset(segment: 0, offset: 0), lastSeq: 0, to: known, apply: yield).read }
        } consume: { entry in
            seq += 1
            rewrite.survey(entry, seq: seq)
            surveyed(rewrite, entry, seq)
        }.get()
        if let problem = read.problem { throw goReadOnly(problem) }
        let lines = rewrite.linesToRewrite
        var report = RewriteReport(lines: 0, segments: [])
        for (index, segment) in segments.enumerated() {
            let end = index + 1 < segments.count ? segments[index + 1].firstSeq : lastSequence + 1
            guard lines.contains(where: { (segment.firstSeq..<end).contains($0) }) else { continue }
            guard let bytes = try Posix.readWholeFile(segment.path) else { throw StoreError.io(operation: .open, path: segment.path, errno: ENOENT) }
            let (rewritten, count) = try rewrittenLines(bytes, path: segment.path, firstSeq: segment.firstSeq, lines, rewrite)
            try AtomicFile.write(rewritten, to: segment.path, mode: 0o600, ops: fileOps)
            report.lines += count
            report.segments.append(Posix.fileName(segment.path))
            CrashPoint.rewriteSegment.reached()
        }
        if !Posix.sameFile(journalFD, path: journalPath) {
            let fd = try Posix.openOrThrow(journalPath, O_RDWR | O_APPEND)
            close(journalFD)
            journalFD = fd
            knownEnd = Int64(try Posix.status(journalFD, path: journalPath).st_size)
        }
        guard let alongside else {
            try writeSnapshotFile()
            return (result, report)
        }
        // The lines are rewritten: a failure to read the last one back only leaves the derived
        // file to be built later, it does not make the rewrite fail.
        let last = (try? position(of: lastSequence)) ?? nil
        _ = try SecondThread.run({ alongside(last) }, during: writeSnapshotFile)
        return (result, report)
    }

    /// A segment's bytes with the lines `lines` names rewritten, and how many were. Every line
    /// is checked as it is read (a bad one is named, and nothing is written).
    func rewrittenLines<Rewrite: JournalRewrite>(
        _ bytes: [UInt8], path: String, firstSeq: Int, _ lines: Set<Int>, _ rewrite: Rewrite
    ) throws(StoreError) -> ([UInt8], Int) where Rewrite.Entry == Model.Entry {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var count = 0, start = 0, number = 0
        while start < bytes.count {
            // Caught up under the exclusive lock, an unfinished tail was cut away.
            guard let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else {
                throw StoreError.corrupt(file: path, line: number + 1, reason: .noNewline)
            }
            number += 1
            var line: [UInt8]?
            var failure: StoreError?
            bytes.withUnsafeBytes { all in
                do throws(StoreError) {
                    line = try rewrittenLine(UnsafeRawBufferPointer(rebasing: all[start..<newline]), path: path, line: number, lines, rewrite)
                } catch { failure = error }
            }
            if let failure { throw failure }
            if let line {
                out += line
                count += 1
            } else {
                out += bytes[start...newline]
            }
            start = newline + 1
        }
        return (out, count)
    }

    /// The line (without its newline) rewritten, newline included, when `lines` names it; nil
    /// to keep it as it is.
    func rewrittenLine<Rewrite: JournalRewrite>(
        _ line: UnsafeRawBufferPointer, path: String, line number: Int, _ lines: Set<Int>, _ rewrite: Rewrite
    ) throws(StoreError) -> [UInt8]? where Rewrite.Entry == Model.Entry {
        guard let seq = JournalLine.verifiedSequence(line) else {
            throw StoreError.corrupt(file: path, line: number, reason: JournalLine.describeDamage(line))
        }
        guard lines.contains(seq) else { return nil }
        switch JournalLine.parse(line, as: Model.Entry.self, schemaVersion: Model.schemaVersion, decoder: decoder) {
        case .entry(let seq, let more, let entry):
            let json: Data
            do { json = try encoder.encode(rewrite.rewritten(entry, seq: seq)) } catch {
                throw StoreError.encoding(reason: .entry(index: 1, of: 1, detail: "\(error)"))
            }
            return JournalLine.encode(seq: seq, version: Model.schemaVersion, more: more, entryJSON: json)
        case .newer(_, let version):
            throw StoreError.newerSchema(file: path, found: version, supported: Model.schemaVersion)
        case .damaged(let reason), .undecodable(_, let reason):
            throw StoreError.corrupt(file: path, line: number, reason: reason)
        }
    }

    /// Sound lines of another journal (a backup's, by sequence number, newline included) with
    /// `rewrite` made on them: every one surveyed in order, the ones it names written again.
    /// A line this program cannot decode is left as it is.
    func rewritten<Rewrite: JournalRewrite>(_ lines: [Int: [UInt8]], _ rewrite: Rewrite) -> [Int: [UInt8]] where Rewrite.Entry == Model.Entry {
        var rewrite = rewrite
        var entries: [Int: Model.Entry] = [:]
        for seq in lines.keys.sorted() {
            guard let bytes = lines[seq] else { continue }
            let parsed = bytes.dropLast().withUnsafeBytes {
                JournalLine.parse($0, as: Model.Entry.self, schemaVersion: Model.schemaVersion, decoder: decoder)
            }
            guard case .entry(_, _, let entry) = parsed else { continue }
            rewrite.survey(entry, seq: seq)
            entries[seq] = entry
        }
        var result = lines
        for seq in rewrite.linesToRewrite {
            guard let bytes = lines[seq], let entry = entries[seq],
                  let json = try? encoder.encode(rewrite.rewritten(entry, seq: seq)) else { continue }
            let more = bytes.dropLast().withUnsafeBytes { line -> Bool in
                guard case .valid(let prefix) = Sealed.verify(line) else { return false }
                return JournalLine.header(line, prefixLength: prefix)?.more ?? false
            }
            result[seq] = JournalLine.encode(seq: seq, version: Model.schemaVersion, more: more, entryJSON: json)
        }
        return result
    }
}

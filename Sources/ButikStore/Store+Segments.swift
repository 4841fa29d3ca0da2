#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A place in the journal: a segment (an index into ``Store/segments``) and a byte offset in it.
struct SegmentOffset: Equatable {
    var segment: Int
    var offset: Int64
}

/// Reading and verifying the journal across its segments (see ``JournalFiles``).
extension Store {
    /// Where the entries read so far end.
    var knownPosition: SegmentOffset { SegmentOffset(segment: knownSegment, offset: knownEnd) }

    /// Reads the journal from `start`, whose entries so far end at `lastSeq`, up to `end` (in the
    /// same or a later segment), applying each complete transaction. Every segment after the
    /// first read must start where the one before ended (its name states the entry), and only
    /// the last one read may end in an unfinished write; anything else is corruption, named.
    /// Returns what was read and the segment it ends in.
    func readJournal(
        from start: SegmentOffset, lastSeq: Int, to end: SegmentOffset, apply: (Model.Entry) -> Void
    ) throws(StoreError) -> (read: JournalRead, segment: Int) {
        var total = JournalRead(end: start.offset, lastSeq: lastSeq)
        var index = start.segment
        var offset = start.offset
        while true {
            let segment = segments[index]
            let isLast = index == end.segment
            if offset == 0, segment.firstSeq != total.lastSeq + 1 {
                total.problem = JournalFiles.misnamed(segment, next: total.lastSeq + 1)
                return (total, max(start.segment, index - 1))
            }
            let read = try withSegment(index) { fd, size throws(StoreError) in
                try JournalReader.read(
                    fd: fd, path: segment.path, from: offset, to: isLast ? end.offset : size,
                    firstLine: Int(total.lastSeq - segment.firstSeq + 2), lastSeq: total.lastSeq,
                    schemaVersion: Model.schemaVersion, decoder: decoder, as: Model.Entry.self, apply: apply)
            }
            total.lines += read.lines
            total.lastSeq = read.lastSeq
            total.end = read.end
            if let problem = read.problem {
                total.problem = problem
                return (total, index)
            }
            if offset == 0, index > 0, read.lastSeq < segment.firstSeq {
                // A segment is renamed into place holding its first transaction.
                total.problem = .corrupt(file: segment.path, line: nil, reason: .cutNewFile)
                return (total, index)
            }
            if let torn = read.torn {
                if isLast {
                    total.torn = torn
                } else {
                    total.problem = .corrupt(file: segment.path, line: torn.line,
                                             reason: .tornBefore(torn.reason, next: Posix.fileName(segments[index + 1].path)))
                }
                return (total, index)
            }
            if isLast { return (total, index) }
            if read.lastSeq < segment.firstSeq {
                total.problem = JournalFiles.empty(segment, before: segments[index + 1])
                return (total, index)
            }
            index += 1
            offset = 0
        }
    }

    /// Calls `body` with the segment's open file and its size: the last segment's `journalFD`,
    /// any other opened for reading.
    func withSegment<R>(
        _ index: Int, _ body: (_ fd: Int32, _ size: Int64) throws(StoreError) -> R
    ) throws(StoreError) -> R {
        let path = segments[index].path
        if index == segments.count - 1 {
            return try body(journalFD, Int64(try Posix.status(journalFD, path: path).st_size))
        }
        let fd = try Posix.openOrThrow(path, O_RDONLY)
        defer { close(fd) }
        return try body(fd, Int64(try Posix.status(fd, path: path).st_size))
    }

    /// Verifies every line up to `end` without decoding entries: checksums, sequence numbers
    /// counting up from 1 across the segments, each segment starting at the entry its name
    /// states. The line `decoding` names (a file and its line), if any, is also handed to
    /// `decode`, which returns why its entry cannot be read, or nil. Returns the first problem.
    func firstProblem(
        to end: SegmentOffset, decoding: (file: String, line: Int)? = nil,
        _ decode: (UnsafeRawBufferPointer) -> Damage? = { _ in nil }
    ) throws(StoreError) -> StoreError? {
        var next = 1
        for index in 0...end.segment {
            let segment = segments[index]
            guard segment.firstSeq == next else {
                return JournalFiles.misnamed(segment, next: next)
            }
            let line = decoding?.file == segment.path ? decoding?.line : nil
            let found = try withSegment(index) { fd, size throws(StoreError) in
                try JournalVerifier.firstProblem(
                    fd: fd, path: segment.path, firstSeq: segment.firstSeq,
                    to: index == end.segment ? end.offset : size, decoding: line, decode)
            }
            switch found {
            case .problem(let problem): return problem
            case .sound(let lines):
                if lines == 0, index < end.segment {
                    return JournalFiles.empty(segment, before: segments[index + 1])
                }
                next = segment.firstSeq + lines
            }
        }
        return nil
    }

    /// Follows the journal into segments other programs started since it was last read: while
    /// a segment named for the entry after the last one read exists, it becomes the last
    /// segment. Returns whether it moved. Only called at the end of a complete transaction.
    func followNewSegments() throws(StoreError) -> Bool {
        guard !isLegacyJournal, knownSegment == segments.count - 1 else { return false }
        let path = journalFolder + "/" + JournalFiles.segmentName(lastSequence + 1)
        guard path != journalPath, case .success(let info) = Posix.status(path: path) else { return false }
        guard info.st_size > 0 else {
            throw goReadOnly(.corrupt(file: path, line: nil, reason: .cutNewFile))
        }
        let fd: Int32
        switch Posix.openFile(path, readOnlyReason == nil ? O_RDWR | O_APPEND : O_RDONLY) {
        case .success(let opened): fd = opened
        case .failure(let code): throw goReadOnly(.io(operation: .open, path: path, errno: code))
        }
        close(journalFD)
        journalFD = fd
        segments.append(Segment(firstSeq: lastSequence + 1, path: path))
        journalPath = path
        knownSegment = segments.count - 1
        knownEnd = 0
        openPeriod = nil
        return true
    }
}

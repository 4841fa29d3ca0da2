#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Splits a byte range of a file into lines, reading it in large chunks.
enum LineReader {
    /// Calls `body` with each line (without its newline), its file offset and whether it ended
    /// with a newline (only the last piece of the range can lack one). `body` returns false to stop.
    static func forEachLine(
        fd: Int32, path: String, from start: Int64, to end: Int64,
        _ body: (_ line: UnsafeRawBufferPointer, _ offset: Int64, _ terminated: Bool) -> Bool
    ) throws(StoreError) {
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var filled = 0              // bytes of `buffer` holding file data
        var bufferOffset = start    // file offset of buffer[0]
        var readOffset = start      // next file offset to read
        var end = end
        var failure: Int32 = 0
        while failure == 0 {
            if filled == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
            let wanted = Int(min(Int64(buffer.count - filled), end - readOffset))
            if wanted > 0 {
                let result = buffer.withUnsafeMutableBytes { all in
                    Posix.readAt(fd, into: UnsafeMutableRawBufferPointer(rebasing: all[filled..<(filled + wanted)]), at: readOffset)
                }
                switch result {
                case .failure(let code):
                    failure = code
                    continue
                case .success(let count):
                    if count < wanted { end = readOffset + Int64(count) }  // the file shrank
                    filled += count
                    readOffset += Int64(count)
                }
            }
            let atEnd = readOffset >= end
            var stop = false
            let consumed = buffer.withUnsafeBytes { all -> Int in
                guard let base = all.baseAddress else { return 0 }
                var lineStart = 0
                while lineStart < filled {
                    guard let found = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), filled - lineStart) else { break }
                    let newline = base.distance(to: UnsafeRawPointer(found))
                    let line = UnsafeRawBufferPointer(rebasing: all[lineStart..<newline])
                    if !body(line, bufferOffset + Int64(lineStart), true) {
                        stop = true
                        return newline + 1
                    }
                    lineStart = newline + 1
                }
                if atEnd, lineStart < filled {
                    _ = body(UnsafeRawBufferPointer(rebasing: all[lineStart..<filled]), bufferOffset + Int64(lineStart), false)
                    return filled
                }
                return lineStart
            }
            if stop || atEnd { return }
            if consumed > 0 {
                buffer.withUnsafeMutableBytes { all in
                    if filled > consumed {
                        memmove(all.baseAddress!, all.baseAddress! + consumed, filled - consumed)
                    }
                }
                filled -= consumed
                bufferOffset += Int64(consumed)
            }
        }
        throw .io(operation: .read, path: path, errno: failure)
    }
}

/// What reading a stretch of the journal found.
struct JournalRead {
    /// Offset just after the last complete transaction read.
    var end: Int64
    /// Sequence number of the last entry applied.
    var lastSeq: Int
    /// Lines applied.
    var lines = 0
    /// An unconfirmed tail that was ignored: its first line number and offset, and why.
    var torn: (line: Int, offset: Int64, reason: Damage)?
    /// The first problem that stopped reading.
    var problem: StoreError?
}

/// Reads the journal from a known position and applies complete transactions.
enum JournalReader {
    /// Reads `[start, end)` of the journal whose first line there is number `firstLine`, and
    /// whose entries so far end at sequence `lastSeq`. Calls `apply` with each entry of each
    /// complete transaction, in order. Stops at the first problem.
    ///
    /// Only what can be an unfinished write is torn: a last piece without a newline (a tail of
    /// NUL bytes a power cut leaves is one) or a transaction whose last line never came. It is
    /// reported in `torn`, together with any unfinished transaction before it. A line that ends
    /// in a newline but is damaged, wherever it is, or a sound line with an unexpected sequence
    /// number, is corruption.
    static func read<Entry: Decodable>(
        fd: Int32, path: String, from start: Int64, to end: Int64, firstLine: Int, lastSeq: Int,
        schemaVersion: Int, decoder: StoreDecoder, as type: Entry.Type, apply: (Entry) -> Void
    ) throws(StoreError) -> JournalRead {
        var result = JournalRead(end: start, lastSeq: lastSeq)
        var pending: [Entry] = []
        var pendingLine = firstLine
        var pendingOffset = start
        var lineNumber = firstLine
        let name = path

        func tear(_ reason: Damage, line: Int, offset: Int64) {
            if pending.isEmpty {
                result.torn = (line, offset, reason)
            } else {
                result.torn = (pendingLine, pendingOffset, .endsUnfinishedTransaction(reason))
            }
        }

        try LineReader.forEachLine(fd: fd, path: path, from: start, to: end) { line, offset, terminated in
            defer { lineNumber += 1 }
            guard terminated else {
                tear(.noNewline, line: lineNumber, offset: offset)
                return false
            }
            switch JournalLine.parse(line, as: type, schemaVersion: schemaVersion, decoder: decoder) {
            case .damaged(let reason):
                // A line that ends in a newline was written whole: damage there is never a torn write.
                result.problem = .corrupt(file: name, line: lineNumber, reason: reason)
                return false
            case .newer(_, let version):
                result.problem = .newerSchema(file: "\(name) line \(lineNumber)", found: version, supported: schemaVersion)
                return false
            case .undecodable(_, let reason):
                result.problem = .corrupt(file: name, line: lineNumber, reason: reason)
                return false
            case .entry(let seq, let more, let entry):
                let expected = result.lastSeq + pending.count + 1
                guard seq == expected else {
                    result.problem = .corrupt(file: name, line: lineNumber, reason: .sequence(found: seq, expected: expected))
                    return false
                }
                if pending.isEmpty {
                    pendingLine = lineNumber
                    pendingOffset = offset
                }
                pending.append(entry)
                if !more {
                    for entry in pending { apply(entry) }
                    result.lastSeq += pending.count
                    result.lines += pending.count
                    result.end = offset + Int64(line.count) + 1
                    pending.removeAll(keepingCapacity: true)
                }
                return true
            }
        }
        if !pending.isEmpty, result.problem == nil, result.torn == nil {
            result.torn = (pendingLine, pendingOffset, .unfinishedTransaction)
        }
        return result
    }

    /// The sequence number of the sound line that ends just before `offset` (which must follow
    /// a newline); nil if there is no such line. Reads backwards only as far as that line.
    static func sequence(endingAt offset: Int64, fd: Int32) -> Int? {
        guard offset > 0 else { return nil }
        var collected: [UInt8] = []   // the line's bytes, newline included, gathered backwards
        var position = offset
        let chunk: Int64 = 4096
        while position > 0, collected.count < 64 << 20 {
            let from = max(0, position - chunk)
            var piece = [UInt8](repeating: 0, count: Int(position - from))
            guard case .success(let count) = piece.withUnsafeMutableBytes({ Posix.readAt(fd, into: $0, at: from) }),
                  count == piece.count else { return nil }
            collected.insert(contentsOf: piece, at: 0)
            position = from
            guard collected.last == UInt8(ascii: "\n") else { return nil }
            // A newline before the final one marks the start of the line.
            if let previous = collected.dropLast().lastIndex(of: UInt8(ascii: "\n")) {
                collected.removeSubrange(0...previous)
                position = -1
                break
            }
        }
        guard position <= 0, collected.count > 1 else { return nil }
        collected.removeLast()
        return collected.withUnsafeBytes { JournalLine.verifiedSequence($0) }
    }
}

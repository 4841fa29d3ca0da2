/// Checks a journal segment's lines without decoding their entries: every checksum, and sequence
/// numbers counting up from the segment's first. Cheap enough to cover the whole journal whenever
/// a snapshot is made, so a snapshot never covers a line nobody verified, and damage behind it is
/// found. `Store.firstProblem(to:decoding:_:)` walks the segments with it.
enum JournalVerifier {
    /// What verifying one segment found.
    enum Outcome {
        case problem(StoreError)
        /// Every line is sound; how many there are.
        case sound(lines: Int)
    }

    /// Verifies `[0, end)` of the segment open as `fd`, whose first line is entry `firstSeq`.
    /// `end` must be the end of a complete transaction. Line number `decoding`, if given, is
    /// also handed to `decode`, which returns why its entry cannot be read, or nil.
    static func firstProblem(
        fd: Int32, path: String, firstSeq: Int, to end: Int64, decoding: Int? = nil,
        _ decode: (UnsafeRawBufferPointer) -> Damage? = { _ in nil }
    ) throws(StoreError) -> Outcome {
        var lineNumber = 0
        var problem: StoreError?
        try LineReader.forEachLine(fd: fd, path: path, from: 0, to: end) { line, _, terminated in
            lineNumber += 1
            guard terminated else {
                problem = .corrupt(file: path, line: lineNumber, reason: .noNewlineBeforeMore)
                return false
            }
            guard let seq = JournalLine.verifiedSequence(line) else {
                problem = .corrupt(file: path, line: lineNumber, reason: JournalLine.describeDamage(line))
                return false
            }
            let expected = firstSeq + lineNumber - 1
            guard seq == expected else {
                problem = .corrupt(file: path, line: lineNumber, reason: .sequence(found: seq, expected: expected))
                return false
            }
            if lineNumber == decoding, let reason = decode(line) {
                problem = .corrupt(file: path, line: lineNumber, reason: reason)
                return false
            }
            return true
        }
        return problem.map { .problem($0) } ?? .sound(lines: lineNumber)
    }
}

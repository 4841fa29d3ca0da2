import ButikGrid
import CNCursesW
import Testing
@testable import CursesTerminal

/// A scripted wget_wch: each element is what one read returns (nil: the wait ran out).
/// The clock advances by the requested wait on a timeout, and 1 ms per key.
final class ScriptedInput {
    var script: [RawKey?]
    var clock = 1000.0
    var waits: [Int32] = []
    var signalAfterReads: Int?
    private var reads = 0

    init(_ script: [RawKey?]) { self.script = script }

    func read(_ wait: Int32) -> RawKey? {
        waits.append(wait)
        reads += 1
        let next = script.isEmpty ? nil : script.removeFirst()
        clock += next == nil ? Double(wait) / 1000 : 0.001
        return next
    }

    func interrupted() -> Bool {
        guard let after = signalAfterReads, reads >= after else { return false }
        signalAfterReads = nil
        return true
    }

    func next(_ reader: inout KeyReader, timeout: Int) -> Key? {
        reader.next(timeout: timeout, read: read, interrupted: interrupted, now: { self.clock })?.key
    }
}

private func chars(_ text: String) -> [RawKey?] { text.unicodeScalars.map { .character($0) } }

@Suite struct KeyReaderTests {
    @Test func loneEscapeIsEscape() {
        let input = ScriptedInput([.escape])
        var reader = KeyReader()
        #expect(input.next(&reader, timeout: 500) == .escape)
        #expect(input.waits.last == 0, "the follower is only peeked at, not waited for")
        #expect(input.next(&reader, timeout: 0) == nil)
    }

    @Test func unknownControlSequenceIsSwallowedWhole() {
        let input = ScriptedInput([.escape] + chars("[1;5P") + chars("x"))
        var reader = KeyReader()
        #expect(input.next(&reader, timeout: 500) == .character("x"))
    }

    @Test func unknownSS3SequenceIsSwallowed() {
        let input = ScriptedInput([.escape] + chars("Ox") + chars("y"))
        var reader = KeyReader()
        #expect(input.next(&reader, timeout: 500) == .character("y"))
    }

    @Test func escapeThenLetterIsEscapeThenLetter() {
        let input = ScriptedInput([.escape] + chars("x"))
        var reader = KeyReader()
        #expect(input.next(&reader, timeout: 500) == .escape)
        #expect(input.next(&reader, timeout: 500) == .character("x"))
    }

    @Test func escapeEscapeIsTwoEscapes() {
        let input = ScriptedInput([.escape, .escape])
        var reader = KeyReader()
        #expect(input.next(&reader, timeout: 500) == .escape)
        #expect(input.next(&reader, timeout: 500) == .escape)
    }

    @Test func aKeyEndingAControlSequenceEarlyIsKept() {
        let input = ScriptedInput([.escape] + chars("[1å"))
        var reader = KeyReader()
        #expect(input.next(&reader, timeout: 500) == .character("å"))
    }

    @Test func functionKeyAfterEscapeIsKept() {
        let input = ScriptedInput([.escape, RawKey(code: UInt32(KEY_UP), isFunctionKey: true)])
        var reader = KeyReader()
        #expect(input.next(&reader, timeout: 500) == .escape)
        #expect(input.next(&reader, timeout: 500) == .up)
    }

    @Test func pollReturnsNilAtOnce() {
        let input = ScriptedInput([])
        var reader = KeyReader()
        #expect(input.next(&reader, timeout: 0) == nil)
        #expect(input.waits == [0])
    }

    @Test func timeoutIsHonouredInSlices() {
        let input = ScriptedInput([])
        var reader = KeyReader()
        let start = input.clock
        #expect(input.next(&reader, timeout: 250) == nil)
        #expect(input.waits == [0, 100, 100, 50], "a poll first, then slices")
        #expect(abs(input.clock - start - 0.25) < 0.0001)
    }

    @Test func negativeTimeoutWaitsForAKey() {
        let input = ScriptedInput(Array(repeating: nil, count: 30) + chars("q"))
        var reader = KeyReader()
        #expect(input.next(&reader, timeout: -1) == .character("q"))
        #expect(input.waits.first == 0)
        #expect(input.waits.dropFirst().allSatisfy { $0 == KeyReader.sliceMilliseconds })
    }

    @Test func pendingSignalIsInterrupt() {
        let input = ScriptedInput(Array(repeating: nil, count: 30))
        input.signalAfterReads = 3
        var reader = KeyReader()
        #expect(input.next(&reader, timeout: -1) == .interrupt)
        #expect(input.waits.count == 3, "noticed at the next slice")
    }

    @Test func ignoredCodesAreSkipped() {
        let input = ScriptedInput([.character("\u{0}"), RawKey(code: UInt32(KEY_MOUSE), isFunctionKey: true)] + chars("k"))
        var reader = KeyReader()
        #expect(input.next(&reader, timeout: 500) == .character("k"))
    }

    @Test func timeStampIsTheMonotonicMomentOfReading() {
        let input = ScriptedInput([nil, nil] + chars("k"))
        var reader = KeyReader()
        let event = reader.next(timeout: 500, read: input.read, interrupted: { false }, now: { input.clock })
        #expect(event == KeyEvent(.character("k"), at: input.clock, queued: false))
        #expect(event.map { $0.time > 1000.1 } == true)
    }

    @Test func aKeyFromAReadThatOverranItsWaitIsMarkedQueued() {
        // The process was paused during the wait: the read comes back half a second late.
        var clock = 1000.0, reads = 0
        var reader = KeyReader()
        let event = reader.next(timeout: 500, read: { wait in
            reads += 1
            if reads == 1 { return nil }
            clock += Double(wait) / 1000 + 0.5
            return .character("x")
        }, interrupted: { false }, now: { clock })
        #expect(event?.key == .character("x"))
        #expect(event?.queued == true)
    }

    @Test func aKeyWaitingAtTheFirstReadIsMarkedQueued() {
        let input = ScriptedInput(chars("ab") + [nil] + chars("c"))
        var reader = KeyReader()
        func next() -> KeyEvent? { reader.next(timeout: 500, read: input.read, interrupted: { false }, now: { input.clock }) }
        #expect(next().map { ($0.key, $0.queued) } ?? (.escape, false) == (.character("a"), true))
        #expect(next().map { ($0.key, $0.queued) } ?? (.escape, false) == (.character("b"), true))
        #expect(next().map { ($0.key, $0.queued) } ?? (.escape, false) == (.character("c"), false), "c came during the wait")
        #expect(input.waits == [0, 0, 0, 100])
    }

    @Test func monotonicClockMovesForward() {
        let first = MonotonicClock.now()
        let second = MonotonicClock.now()
        #expect(second >= first)
        #expect(first > 0)
    }
}

import ButikGrid
import Testing
import ButikRuntime

/// Events for `text` typed one character every `step` seconds from `start`, then `end`
/// one `step` later (none if nil).
private func keys(_ text: String, from start: Double, every step: Double, end: Key? = .enter) -> [KeyEvent] {
    var events = text.enumerated().map { KeyEvent(.character($1), at: start + Double($0) * step) }
    if let end { events.append(KeyEvent(end, at: start + Double(text.count) * step)) }
    return events
}

private func feed(_ detector: inout ScanDetector, _ events: [KeyEvent]) -> [ScanDetector.Output] {
    events.map { detector.feed($0) }
}

/// Keys released as typing, in order, and completed scans.
private func typed(_ outputs: [ScanDetector.Output]) -> [Key] {
    outputs.flatMap { output -> [Key] in
        if case .typing(let keys) = output { return keys }
        return []
    }
}

private func scans(_ outputs: [ScanDetector.Output]) -> [String] {
    outputs.compactMap { output -> String? in
        if case .scan(let code) = output { return code }
        return nil
    }
}

private func characters(_ text: String) -> [Key] { text.map(Key.character) }

@Suite struct ScanDetectorTests {
    @Test func scanAt10msPerCharacterEndingInEnter() {
        var detector = ScanDetector()
        let outputs = feed(&detector, keys("RR123456785SE", from: 5, every: 0.01))
        #expect(outputs == Array(repeating: .swallowed, count: 13) + [.scan("RR123456785SE")])
        #expect(detector.deadline == nil)
    }

    @Test func scanEndingInTab() {
        var detector = ScanDetector()
        let outputs = feed(&detector, keys("370725380000086508", from: 0, every: 0.002, end: .tab))
        #expect(outputs.last == .scan("370725380000086508"))
        #expect(typed(outputs).isEmpty)
    }

    @Test func aScanThatWaitedWhileTheAppWasBusyStaysOneScan() {
        var detector = ScanDetector()
        // The first character was read at once; the app then drew for 200 ms while the
        // scanner typed the rest, which was read in a rush and marked queued.
        let rest = keys("R123456785SE", from: 5.2, every: 0.0001).map { KeyEvent($0.key, at: $0.time, queued: true) }
        let outputs = feed(&detector, [KeyEvent(.character("R"), at: 5)] + rest)
        #expect(scans(outputs) == ["RR123456785SE"])
        #expect(typed(outputs).isEmpty)
    }

    @Test func aQueuedKeyAfterHumanTypingStillEndsNoScan() {
        var detector = ScanDetector()
        // "ab" typed while the app was busy, then Enter a human moment later: not a scan.
        let outputs = feed(&detector, [KeyEvent(.character("a"), at: 5), KeyEvent(.character("b"), at: 5.3, queued: true),
                                       KeyEvent(.enter, at: 5.6)])
        #expect(scans(outputs).isEmpty)
        #expect(typed(outputs) == characters("ab") + [.enter])
    }

    @Test func humanTypingIsReleasedOneKeyLate() {
        var detector = ScanDetector()
        let outputs = feed(&detector, keys("hei", from: 0, every: 0.15, end: nil))
        #expect(outputs == [.swallowed, .typing([.character("h")]), .typing([.character("e")])])
        #expect(detector.deadline == 0.35)
        #expect(detector.expire(at: 0.34) == [])
        #expect(detector.expire(at: 0.36) == [.character("i")])
        #expect(detector.deadline == nil)
        #expect(detector.expire(at: 1.0) == [])
    }

    @Test func humanTypingACodeThenEnterIsNotAScan() {
        var detector = ScanDetector()
        let outputs = feed(&detector, keys("RR123456785SE", from: 0, every: 0.15))
        #expect(scans(outputs).isEmpty)
        #expect(typed(outputs) == characters("RR123456785SE") + [.enter])
        #expect(outputs.last == .typing([.character("E"), .enter]))
    }

    @Test func doubleScanWithin200msIsDroppedButTheSameCode2sLaterIsAccepted() {
        var detector = ScanDetector()
        let first = feed(&detector, keys("RR123456785SE", from: 0, every: 0.01))      // Enter at 0.13
        let echo = feed(&detector, keys("RR123456785SE", from: 0.25, every: 0.01))    // 120 ms later
        let later = feed(&detector, keys("RR123456785SE", from: 2.5, every: 0.01))
        #expect(scans(first) == ["RR123456785SE"])
        #expect(echo == Array(repeating: .swallowed, count: 14))
        #expect(scans(later) == ["RR123456785SE"])
        #expect(typed(first + echo + later).isEmpty)
    }

    @Test func aDifferentCodeInsideTheBlankingPeriodIsAccepted() {
        var detector = ScanDetector()
        let outputs = feed(&detector, keys("TBA123456789012", from: 0, every: 0.01))
            + feed(&detector, keys("TBA123456789099", from: 0.2, every: 0.01))
        #expect(scans(outputs) == ["TBA123456789012", "TBA123456789099"])
    }

    @Test func slowKeyAfterTwoFastOnesReleasesThemInOrder() {
        var detector = ScanDetector()
        let outputs = feed(&detector, [
            KeyEvent(.character("R"), at: 0),
            KeyEvent(.character("R"), at: 0.01),
            KeyEvent(.character("1"), at: 0.25),
            KeyEvent(.character("2"), at: 0.26),
            KeyEvent(.character("3"), at: 0.27),
            KeyEvent(.enter, at: 0.28),
        ])
        #expect(outputs == [
            .swallowed, .swallowed,
            .typing([.character("R"), .character("R")]),
            .swallowed, .swallowed,
            .typing(characters("123") + [.enter]),   // fast, but only 3 long
        ])
    }

    @Test func burstInterruptedByASlowKeyIsNotAScan() {
        var detector = ScanDetector()
        var events = keys("RR1234", from: 0, every: 0.01, end: nil)
        events += keys("56785SE", from: 0.4, every: 0.15)
        let outputs = feed(&detector, events)
        #expect(scans(outputs).isEmpty)
        #expect(outputs[6] == .typing(characters("RR1234")))
        #expect(typed(outputs) == characters("RR123456785SE") + [.enter])
    }

    @Test func strayKeyTypedBeforeAScanIsReleasedAsTyping() {
        var detector = ScanDetector()
        let outputs = feed(&detector, [KeyEvent(.character("x"), at: 0)]
            + keys("RR123456785SE", from: 0.2, every: 0.01))
        #expect(outputs[1] == .typing([.character("x")]))
        #expect(scans(outputs) == ["RR123456785SE"])
    }

    @Test func prefixSentByTheScannerStaysInTheCode() {
        var detector = ScanDetector()
        let outputs = feed(&detector, keys("]C100370725380000086508", from: 0, every: 0.005))
        #expect(scans(outputs) == ["]C100370725380000086508"])
    }

    @Test func otherKeysEndABurstAndPassThrough() {
        var detector = ScanDetector()
        let outputs = feed(&detector, keys("ab", from: 0, every: 0.01, end: .down))
        #expect(outputs.last == .typing([.character("a"), .character("b"), .down]))
        #expect(detector.feed(KeyEvent(.function(2), at: 1)) == .typing([.function(2)]))
        #expect(detector.feed(KeyEvent(.enter, at: 2)) == .typing([.enter]))
    }

    @Test func keyHeldDownIsReleasedAtMaxLength() {
        var detector = ScanDetector(settings: .init(maxLength: 8))
        let outputs = feed(&detector, keys(String(repeating: "0", count: 10), from: 0, every: 0.03, end: nil))
        #expect(outputs[8] == .typing(characters("00000000")))
        #expect(detector.expire(at: 1) == characters("00"))
    }
}

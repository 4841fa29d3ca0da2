import ButikGrid

/// One report from `wget_wch`.
struct RawKey: Equatable, Sendable {
    var code: UInt32
    /// `wget_wch` returned `KEY_CODE_YES`: `code` is a `KEY_*` code, not a character.
    var isFunctionKey: Bool

    static func character(_ scalar: Unicode.Scalar) -> RawKey { RawKey(code: scalar.value, isFunctionKey: false) }
    static let escape = RawKey(code: 27, isFunctionKey: false)
}

/// Turns raw reads into key events: waits up to a timeout in short slices (so a quit signal
/// is noticed), drops escape sequences ncurses did not recognise, and decodes the rest.
///
/// Escape handling: with `keypad` on, ncurses assembles every sequence its terminfo knows
/// (arrows, F-keys, Home, ...) into one `KEY_*` code, waiting ESCDELAY after ESC. What is
/// still left as ESC followed at once by `[` or `O` is a sequence it did not know (for
/// example a modified key); it is swallowed whole rather than typed as "[1;5P". ESC followed
/// by anything else is reported as `.escape` and the follower as itself: Alt-x reads as Esc
/// then x, and a typed-ahead Esc is never lost.
struct KeyReader {
    /// Longest wait per read, so a pending signal is seen within this many milliseconds.
    static let sliceMilliseconds: Int32 = 100
    /// How long past its wait a read may return before its key counts as queued, in seconds.
    static let lateness = 0.02

    /// Longest unknown escape sequence swallowed.
    static let maximumSequenceLength = 32

    private var pushedBack: [RawKey] = []

    /// - Parameters:
    ///   - timeout: milliseconds; negative waits until a key or signal arrives, 0 polls.
    ///   - read: one `wget_wch` with the given timeout in ms (0 = non-blocking); nil on timeout.
    ///   - interrupted: takes a pending quit signal.
    ///   - now: monotonic seconds.
    mutating func next(
        timeout: Int,
        read: (Int32) -> RawKey?,
        interrupted: () -> Bool,
        now: () -> Double
    ) -> KeyEvent? {
        let deadline: Double? = timeout < 0 ? nil : now() + Double(timeout) / 1000
        // The first read does not wait: a key it finds was typed while the app was busy. So was
        // a key from a read that returned well after its wait was up (the process was paused).
        var first = true
        while true {
            if interrupted() { return KeyEvent(.interrupt, at: now()) }
            var wait = first ? 0 : Self.sliceMilliseconds
            if let deadline {
                let remaining = Int32(max(0, ((deadline - now()) * 1000).rounded(.up)))
                wait = min(wait, remaining)
            }
            let asked = now()
            if let raw = pushedBack.isEmpty ? read(wait) : pushedBack.removeFirst(),
               let key = interpret(raw, read: read) {
                let time = now()
                return KeyEvent(key, at: time, queued: first || time - asked > Double(wait) / 1000 + Self.lateness)
            }
            first = false
            if let deadline, now() >= deadline { return nil }
        }
    }

    private mutating func interpret(_ raw: RawKey, read: (Int32) -> RawKey?) -> Key? {
        guard raw == .escape else { return KeyDecoder.decode(code: raw.code, isFunctionKey: raw.isFunctionKey) }
        guard let follower = pushedBack.isEmpty ? read(0) : pushedBack.removeFirst() else { return .escape }
        if follower == .character("[") {
            swallowControlSequence(read: read)
            return nil
        }
        if follower == .character("O") {
            // SS3: one final character.
            if let final = read(0), final.isFunctionKey || !(0x40...0x7E).contains(final.code) {
                pushedBack.append(final)
            }
            return nil
        }
        pushedBack.insert(follower, at: 0)
        return .escape
    }

    /// CSI: parameter bytes 0x30–0x3F, intermediates 0x20–0x2F, then one final byte 0x40–0x7E.
    /// Anything else ends the sequence and is kept as a key of its own.
    private mutating func swallowControlSequence(read: (Int32) -> RawKey?) {
        for _ in 0..<Self.maximumSequenceLength {
            guard let next = read(0) else { return }
            if !next.isFunctionKey, (0x20...0x3F).contains(next.code) { continue }
            if next.isFunctionKey || !(0x40...0x7E).contains(next.code) { pushedBack.append(next) }
            return
        }
    }
}

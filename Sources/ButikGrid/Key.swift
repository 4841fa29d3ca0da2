/// A key press as the terminal layer reports it.
public enum Key: Hashable, Sendable {
    /// A printable character (letters incl. Æ Ø Å, digits, symbols, CJK).
    case character(Character)
    /// Enter, whether the terminal sent 10, 13 or KEY_ENTER.
    case enter
    case tab, backTab, backspace, delete, escape, insert
    case up, down, left, right, home, end, pageUp, pageDown
    /// F1...F12.
    case function(Int)
    /// Ctrl plus a letter, lower case (`.control("u")` is Ctrl-U). Ctrl-C arrives as `.interrupt`.
    case control(Character)
    /// Ctrl-C, or SIGINT/SIGTERM delivered while running: quit cleanly.
    case interrupt
    /// The terminal changed size; the new size comes with the next frame.
    case resize
}

/// A key press with the moment it arrived, for telling a scanner's burst from typing.
public struct KeyEvent: Hashable, Sendable {
    public var key: Key
    /// Seconds on a monotonic clock: when the key was read.
    public var time: Double
    /// True when the key was already waiting when the app came to read it (it arrived while
    /// the app was busy), so `time` says only that it came no later than that.
    public var queued: Bool

    public init(_ key: Key, at time: Double, queued: Bool = false) {
        self.key = key
        self.time = time
        self.queued = queued
    }
}

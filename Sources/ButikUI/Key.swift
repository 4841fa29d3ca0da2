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
    /// Seconds on a monotonic clock.
    public var time: Double

    public init(_ key: Key, at time: Double) {
        self.key = key
        self.time = time
    }
}

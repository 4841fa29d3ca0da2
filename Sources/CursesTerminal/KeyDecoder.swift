import ButikGrid
import CNCursesW

/// Maps what `wget_wch` reports to a `Key`. Pure: no curses state is read.
public enum KeyDecoder {
    /// - Parameters:
    ///   - code: the character (a Unicode scalar value) or, with `isFunctionKey`, a `KEY_*` code.
    ///   - isFunctionKey: `wget_wch` returned `KEY_CODE_YES`.
    /// - Returns: the key, or nil for codes Butik does not use (mouse, shifted keys, F13+, NUL, ...).
    public static func decode(code: UInt32, isFunctionKey: Bool) -> Key? {
        isFunctionKey ? decodeKeyCode(Int32(truncatingIfNeeded: code)) : decodeCharacter(code)
    }

    static func decodeKeyCode(_ code: Int32) -> Key? {
        switch code {
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_IC: return .insert
        case KEY_BTAB: return .backTab
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        // Home/End arrive under several names depending on terminal and terminfo:
        // keypad corners (A1/C1), vt220 Find/Select (ESC[1~ / ESC[4~), Begin, "home down".
        case KEY_HOME, KEY_A1, KEY_FIND, KEY_BEG: return .home
        case KEY_END, KEY_C1, KEY_SELECT, KEY_LL: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_RESIZE: return .resize
        case butik_key_f(1)...butik_key_f(12): return .function(Int(code - butik_key_f(0)))
        default: return nil
        }
    }

    static func decodeCharacter(_ code: UInt32) -> Key? {
        switch code {
        case 10, 13: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 27: return .escape
        case 3: return .interrupt
        case 1...26:
            // Ctrl-A is 1 ... Ctrl-Z is 26.
            return .control(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 0..<0x20, 0x7F...0x9F:
            return nil  // NUL, Ctrl-\ ] ^ _, C1 controls
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }
}

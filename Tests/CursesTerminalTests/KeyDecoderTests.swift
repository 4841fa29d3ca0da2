import ButikGrid
import CNCursesW
import Testing
@testable import CursesTerminal

struct DecodeCase: Sendable, CustomTestStringConvertible {
    var code: UInt32
    var isFunctionKey: Bool
    var expected: Key?
    var name: String

    static func char(_ code: UInt32, _ expected: Key?, _ name: String) -> DecodeCase {
        DecodeCase(code: code, isFunctionKey: false, expected: expected, name: name)
    }
    static func keyCode(_ code: Int32, _ expected: Key?, _ name: String) -> DecodeCase {
        DecodeCase(code: UInt32(code), isFunctionKey: true, expected: expected, name: name)
    }
    var testDescription: String { name }
}

let namedKeyCases: [DecodeCase] = [
    .char(10, .enter, "LF"), .char(13, .enter, "CR"), .keyCode(KEY_ENTER, .enter, "KEY_ENTER"),
    .keyCode(KEY_BACKSPACE, .backspace, "KEY_BACKSPACE"), .char(127, .backspace, "DEL 127"),
    .char(8, .backspace, "BS 8 (Ctrl-H)"),
    .keyCode(KEY_DC, .delete, "KEY_DC"), .keyCode(KEY_IC, .insert, "KEY_IC"),
    .char(27, .escape, "ESC"), .char(9, .tab, "Tab"), .keyCode(KEY_BTAB, .backTab, "KEY_BTAB"),
    .keyCode(KEY_UP, .up, "KEY_UP"), .keyCode(KEY_DOWN, .down, "KEY_DOWN"),
    .keyCode(KEY_LEFT, .left, "KEY_LEFT"), .keyCode(KEY_RIGHT, .right, "KEY_RIGHT"),
    .keyCode(KEY_HOME, .home, "KEY_HOME"), .keyCode(KEY_A1, .home, "KEY_A1"),
    .keyCode(KEY_FIND, .home, "KEY_FIND"), .keyCode(KEY_BEG, .home, "KEY_BEG"),
    .keyCode(KEY_END, .end, "KEY_END"), .keyCode(KEY_C1, .end, "KEY_C1"),
    .keyCode(KEY_SELECT, .end, "KEY_SELECT"), .keyCode(KEY_LL, .end, "KEY_LL"),
    .keyCode(KEY_PPAGE, .pageUp, "KEY_PPAGE"), .keyCode(KEY_A3, .pageUp, "KEY_A3"),
    .keyCode(KEY_NPAGE, .pageDown, "KEY_NPAGE"), .keyCode(KEY_C3, .pageDown, "KEY_C3"),
    .keyCode(KEY_RESIZE, .resize, "KEY_RESIZE"),
    .char(3, .interrupt, "Ctrl-C"),
]

let printableCases: [DecodeCase] = [
    .char(0x61, .character("a"), "a"), .char(0x5A, .character("Z"), "Z"), .char(0x37, .character("7"), "7"),
    .char(0x20, .character(" "), "space"), .char(0x7E, .character("~"), "tilde"),
    .char(0xE5, .character("å"), "å"), .char(0xE6, .character("æ"), "æ"), .char(0xF8, .character("ø"), "ø"),
    .char(0xC5, .character("Å"), "Å"), .char(0xC6, .character("Æ"), "Æ"), .char(0xD8, .character("Ø"), "Ø"),
    .char(0xA0, .character("\u{A0}"), "no-break space"), .char(0x20AC, .character("€"), "€"),
    .char(0x6771, .character("東"), "東"), .char(0x1F4E6, .character("📦"), "📦 (outside the BMP)"),
]

let ignoredCases: [DecodeCase] = [
    .char(0, nil, "NUL"), .char(28, nil, "Ctrl-\\"), .char(31, nil, "Ctrl-_"),
    .char(0x80, nil, "C1 0x80"), .char(0x9B, nil, "C1 CSI"), .char(0x9F, nil, "C1 0x9F"),
    .char(0xD800, nil, "lone surrogate"), .char(0x110000, nil, "beyond Unicode"),
    .keyCode(KEY_MOUSE, nil, "KEY_MOUSE"), .keyCode(KEY_SLEFT, nil, "KEY_SLEFT"),
    .keyCode(butik_key_f(0), nil, "KEY_F(0)"), .keyCode(butik_key_f(13), nil, "KEY_F(13)"),
    .keyCode(KEY_MAX + 5, nil, "extended key beyond KEY_MAX"),
]

@Suite struct KeyDecoderTests {
    @Test(arguments: namedKeyCases + printableCases + ignoredCases)
    func decodes(_ testCase: DecodeCase) {
        #expect(KeyDecoder.decode(code: testCase.code, isFunctionKey: testCase.isFunctionKey) == testCase.expected)
    }

    @Test(arguments: 1...12)
    func functionKeys(_ n: Int) {
        #expect(KeyDecoder.decode(code: UInt32(butik_key_f(Int32(n))), isFunctionKey: true) == .function(n))
    }

    /// Ctrl-A...Ctrl-Z, except Ctrl-C (interrupt), Ctrl-H (backspace), Ctrl-I (tab), Ctrl-J and Ctrl-M (enter).
    @Test(arguments: Array(1...26).filter { ![3, 8, 9, 10, 13].contains($0) })
    func controlLetters(_ code: Int) {
        let letter = Character(Unicode.Scalar(UInt8(code) + 0x60))
        #expect(KeyDecoder.decode(code: UInt32(code), isFunctionKey: false) == .control(letter))
    }

    @Test func controlLettersAreLowerCase() {
        #expect(KeyDecoder.decode(code: 1, isFunctionKey: false) == .control("a"))
        #expect(KeyDecoder.decode(code: 21, isFunctionKey: false) == .control("u"))
        #expect(KeyDecoder.decode(code: 26, isFunctionKey: false) == .control("z"))
    }

    /// The same number means different things as a character and as a KEY_ code.
    @Test func characterAndKeyCodeAreNotConfused() {
        let code = UInt32(KEY_DOWN)  // 0402 = 258, also "Ă"
        #expect(KeyDecoder.decode(code: code, isFunctionKey: false) == .character("\u{102}"))
        #expect(KeyDecoder.decode(code: code, isFunctionKey: true) == .down)
    }
}

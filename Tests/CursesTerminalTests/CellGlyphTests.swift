import ButikGrid
import Testing
@testable import CursesTerminal

/// A stand-in for wcwidth, so these tests do not depend on the process locale.
private func width(_ value: UInt32) -> Int {
    switch value {
    case 0..<0x20, 0x7F...0x9F: -1
    case 0x300...0x36F, 0x200D: 0
    case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xFF00...0xFF60, 0x1F300...0x1FAFF: 2
    case 0xE000...0xF8FF: -1  // pretend: unprintable
    default: 1
    }
}

private func glyph(_ text: String, wide: Bool = false) -> CellGlyph {
    CellGlyph.make(text: text, wide: wide, width: width)
}

@Suite struct CellGlyphTests {
    @Test func plainAndNordic() {
        #expect(glyph("a") == CellGlyph(codePoints: [0x61], columns: 1))
        #expect(glyph("Ø") == CellGlyph(codePoints: [0xD8], columns: 1))
        #expect(glyph("") == .blank)
    }

    @Test func combiningMarksStayWithTheirBase() {
        #expect(glyph("A\u{30A}") == CellGlyph(codePoints: [0x41, 0x30A], columns: 1))
        #expect(glyph("a\u{301}\u{308}") == CellGlyph(codePoints: [0x61, 0x301, 0x308], columns: 1))
    }

    @Test func atMostFiveCodePoints() {
        let crowded = "a" + String(repeating: "\u{301}", count: 8)
        #expect(glyph(crowded).codePoints.count == CellGlyph.maximumCodePoints)
    }

    @Test func aLoneCombiningMarkGetsASpaceBase() {
        #expect(glyph("\u{30A}") == CellGlyph(codePoints: [0x20, 0x30A], columns: 1))
    }

    @Test func wideNeedsItsContinuation() {
        #expect(glyph("東", wide: true) == CellGlyph(codePoints: [0x6771], columns: 2))
        #expect(glyph("東", wide: false) == .unpaintable, "would push the rest of the row right")
        #expect(glyph("a", wide: true) == CellGlyph(codePoints: [0x61], columns: 1), "painter blanks the spare cell")
    }

    @Test func aSecondSpacingCharacterIsDropped() {
        // Regional indicators: two spacing scalars in one grapheme.
        #expect(glyph("🇳🇴", wide: true).codePoints == [0x1F1F3])
    }

    @Test(arguments: ["\u{1B}", "\u{1B}[31m", "\u{7}", "\n", "\r", "\t", "\u{7F}", "\u{80}", "\u{9B}", "\u{9F}",
                      "a\u{1B}", "e\u{301}\u{9B}", "\u{0}"])
    func controlCharactersBecomeQuestionMarks(_ text: String) {
        #expect(glyph(text) == .unpaintable)
        #expect(glyph(text, wide: true) == .unpaintable)
        #expect(CellGlyph.unpaintable.codePoints == [0x3F])
    }

    @Test func unprintableBecomesQuestionMark() {
        #expect(glyph("\u{E000}") == .unpaintable)
    }
}

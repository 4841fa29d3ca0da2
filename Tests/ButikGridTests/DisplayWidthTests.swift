import Testing
@testable import ButikGrid

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("Kari", 4),
        ("Æ Ø Å ä ö ü", 11),
        ("東京", 4),
        ("Ａ", 2),              // fullwidth A
        ("ｶ", 1),               // halfwidth katakana
        ("한국", 4),
        ("\u{1112}\u{1161}\u{11AB}", 2), // 한 as conjoining jamo
        ("A\u{30A}", 1),        // Å decomposed
        ("e\u{301}", 1),
        ("👍", 2),
        ("👨‍👩‍👧", 2),           // ZWJ sequence
        ("🇳🇴", 2),             // flag
        ("❤️", 2),               // text-default emoji made pictorial by U+FE0F
        ("❤", 1),
        ("\u{200D}", 0),        // lone zero-width joiner
        ("\u{301}", 0),         // lone combining mark
        ("a\u{1B}b", 3),        // ESC is shown as one replacement cell
        ("…─█", 3),             // ambiguous width counts as narrow
    ])
    func width(_ text: String, _ expected: Int) {
        #expect(text.displayWidth == expected)
    }

    /// The byte-level test for plain Latin text agrees, scalar by scalar, with the grapheme's
    /// own: printable ASCII and U+00A0...U+02FF are, controls, C1 and what comes after are not.
    @Test func plainLatinScalarsAreFoundFromTheirBytes() {
        for value in UInt32(0)..<0x400 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let plain = (0x20..<0x7F).contains(value) || (0xA0..<0x300).contains(value)
            #expect(String(scalar).plainLatinWidth == (plain ? 1 : nil), "U+\(String(value, radix: 16))")
            if plain { #expect(("ab" + String(scalar)).displayWidth == 3) }
        }
        #expect("".plainLatinWidth == 0)
        #expect("Kari 東".plainLatinWidth == nil)
        #expect("Kari 東".displayWidth == 7)
    }

    @Test func scalarWidths() {
        #expect(Unicode.Scalar(0x4EAC)!.displayWidth == 2)   // 京
        #expect(Unicode.Scalar(0x0308)!.displayWidth == 0)   // combining diaeresis
        #expect(Unicode.Scalar(0x00D8)!.displayWidth == 1)   // Ø
        #expect(Unicode.Scalar(0x009B)!.displayWidth == 0)   // C1 CSI
    }
}

import Testing
@testable import ButikGrid

@Suite struct PutTests {
    @Test func putsTextAndReturnsCellsUsed() {
        var screen = Screen(size: Size(width: 12, height: 2))
        let used = screen.put("Bø 東京", row: 1, column: 2)
        #expect(used == 7)
        #expect(screen.plainText == "\n  Bø 東京")
        #expect(screen[1, 5].text == "東")
        #expect(screen[1, 6].isContinuation)
        #expect(screen[1, 6].text == "")
    }

    @Test func clipsAtRightEdgeWithoutSplittingWideCharacter() {
        var screen = Screen(size: Size(width: 5, height: 1))
        let used = screen.put("ab東京", row: 0, column: 0)
        #expect(used == 5)
        #expect(screen.plainText == "ab東")
        #expect(screen[0, 4] == Cell(text: " "))
    }

    @Test func clipsAtMaxWidthAndLeavesTheRestAlone() {
        var screen = Screen(size: Size(width: 6, height: 1))
        screen.put("xxxxxx", row: 0, column: 0)
        let used = screen.put("東京", row: 0, column: 1, maxWidth: 3)
        #expect(used == 3)
        #expect(screen.plainText == "x東 xx")
        #expect(screen.put("abc", row: 0, column: 0, maxWidth: 0) == 0)
    }

    @Test func outsideTheScreenDrawsNothing() {
        var screen = Screen(size: Size(width: 4, height: 1))
        #expect(screen.put("abc", row: 1, column: 0) == 0)
        #expect(screen.put("abc", row: 0, column: 4) == 0)
        #expect(screen.plainText == "")
    }

    /// Plain Latin text is drawn a scalar per cell without breaking it into graphemes; a lone
    /// combining mark in front (dropped) makes the same text take the grapheme-by-grapheme way,
    /// which must draw the same cells and count the same, clipped or not.
    @Test(arguments: ["Åse Ødegård", "Bjørn-Ove Sæther, Tromsø", "ÿ¡ ~ĳ ʰ˿ x"])
    func plainLatinTextIsDrawnAsGraphemeByGraphemeDrawingDrawsIt(_ text: String) {
        #expect(text.plainLatinWidth == text.count)
        #expect(("\u{301}" + text).plainLatinWidth == nil)
        for (column, maxWidth) in [(0, nil), (3, nil), (-2, nil), (1, 4), (0, 0), (25, nil)] as [(Int, Int?)] {
            var fast = Screen(size: Size(width: 20, height: 1)), slow = fast
            let drawn = fast.put(text, row: 0, column: column, style: Style(.title), maxWidth: maxWidth)
            #expect(drawn == slow.put("\u{301}" + text, row: 0, column: column, style: Style(.title), maxWidth: maxWidth))
            #expect(fast == slow, "at \(column), \(String(describing: maxWidth))")
        }
    }

    @Test func negativeColumnSkipsCellsLeftOfTheScreen() {
        var screen = Screen(size: Size(width: 4, height: 1))
        screen.put("東ab", row: 0, column: -1)
        #expect(screen.textLines == [" ab"])
        #expect(!screen[0, 0].isContinuation)
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var screen = Screen(size: Size(width: 4, height: 2))
        screen.put("東京", row: 0, column: 0)
        screen.put("x", row: 0, column: 1)
        #expect(screen.textLines[0] == " x京")
        screen.put("東", row: 1, column: 0)
        screen.put("y", row: 1, column: 0)
        #expect(screen.textLines[1] == "y")
        #expect(!screen[1, 1].isContinuation)
        // A wide character over the right half of another.
        screen.put("京", row: 0, column: 3)   // does not fit: a space
        screen.put("東", row: 0, column: 2)
        #expect(screen.textLines[0] == " x東")
    }

    @Test func storesGraphemesInNFCAndDropsZeroWidthOnes() {
        var screen = Screen(size: Size(width: 4, height: 1))
        screen.put("\u{301}A\u{30A}s", row: 0, column: 0)
        #expect(Array(screen[0, 0].text.unicodeScalars) == ["\u{C5}"])
        #expect(screen.textLines == ["Ås"])
    }

    @Test func stylesEveryCellItDraws() {
        var screen = Screen(size: Size(width: 6, height: 1))
        screen.put("ab", row: 0, column: 0, style: Style(.accent, bold: true))
        screen.put("東", row: 0, column: 2, style: Style(.danger))
        screen.put("c", row: 0, column: 4, style: Style(.selection, reverse: true))
        #expect(screen.styleMask == ["AAdd6."])
    }
}

@Suite struct SanitizingTests {
    /// No cell may hold a control character, C1 control or bidi control.
    func assertClean(_ screen: Screen) {
        for cell in screen.cells {
            for scalar in cell.text.unicodeScalars {
                #expect(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value))
                #expect(!scalar.properties.isBidiControl)
            }
        }
    }

    @Test func escapeSequenceLosesItsEscape() {
        var screen = Screen(size: Size(width: 20, height: 1))
        let used = screen.put("Ola\u{1B}[2JNordmann", row: 0, column: 0)
        #expect(screen.textLines == ["Ola�[2JNordmann"])
        #expect(used == 15)
        assertClean(screen)
    }

    @Test func c1ControlsAndBidiOverridesBecomeReplacementCharacters() {
        var screen = Screen(size: Size(width: 20, height: 2))
        screen.put("A\u{9B}31mB\u{85}C", row: 0, column: 0)
        screen.put("\u{202E}kcap\u{202C}x\u{2066}y\u{2069}", row: 1, column: 0)
        #expect(screen.textLines == ["A�31mB C", "�kcap�x�y�"])
        assertClean(screen)
    }

    @Test func tabsAndLineBreaksBecomeOneSpaceEach() {
        var screen = Screen(size: Size(width: 20, height: 1))
        screen.put("a\tb\r\nc\nd\u{7F}", row: 0, column: 0)
        #expect(screen.textLines == ["a b c d�"])
        assertClean(screen)
    }

    @Test func sanitizedStringsMatchWhatPutDraws() {
        let text = "x\u{1B}[0m\ty\u{9B}\u{2067}Ærlig Åse"
        var screen = Screen(size: Size(width: 30, height: 1))
        screen.put(text, row: 0, column: 0)
        #expect(text.sanitizedForDisplay == "x�[0m y��Ærlig Åse")
        #expect(screen.textLines == [text.sanitizedForDisplay])
        #expect(text.displayWidth == text.sanitizedForDisplay.count)
    }
}

@Suite struct LinesAndBoxesTests {
    @Test func boxWithTitle() {
        var screen = Screen(size: Size(width: 14, height: 5))
        screen.box(Rect(row: 0, column: 1, width: 12, height: 4), title: "Hylle")
        screen.horizontalLine(row: 4, column: 0, width: 3, lines: .heavy)
        screen.verticalLine(row: 1, column: 13, height: 2, lines: .double)
        #expect(screen.plainText == """
             ┌─ Hylle ──┐
             │          │║
             │          │║
             └──────────┘
            ━━━
            """)
        #expect(screen.styleMask[0] == "...NNNNNNN....")
    }

    @Test func longTitleIsTruncatedInsideTheBorder() {
        var screen = Screen(size: Size(width: 10, height: 2))
        screen.box(Rect(row: 0, column: 0, width: 10, height: 2), lines: .double, title: "Customers")
        #expect(screen.plainText == """
            ╔═ Cus… ═╗
            ╚════════╝
            """)
    }

    @Test func fillPaintsStyledSpacesClipped() {
        var screen = Screen(size: Size(width: 4, height: 3))
        screen.put("abcd", row: 1, column: 0)
        screen.fill(Rect(row: 1, column: 2, width: 5, height: 5), style: Style(.muted))
        #expect(screen.textLines == ["", "ab", ""])
        #expect(screen.styleMask == ["....", "..mm", "..mm"])
        // A rectangle wholly off the screen, or of a negative size, paints nothing and never traps.
        screen.fill(Rect(row: 5, column: 9, width: 3, height: 2))
        screen.fill(Rect(row: 0, column: 1, width: -4, height: -1))
        #expect(screen.styleMask == ["....", "..mm", "..mm"])
    }
}

import Testing
import ButikGrid

@Suite struct TextLayoutTests {
    @Test func truncatesWithEllipsis() {
        #expect("Kari Nordmann".truncated(toWidth: 8) == "Kari No…")
        #expect("Kari".truncated(toWidth: 4) == "Kari")
        #expect("Kari".truncated(toWidth: 1) == "…")
        #expect("Kari".truncated(toWidth: 0) == "")
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        // 東京都庁 is 8 cells; 6 leaves 5 for text, room for 東京 only (4) + …
        let cut = "東京都庁".truncated(toWidth: 6)
        #expect(cut == "東京…")
        #expect(cut.displayWidth == 5)
    }

    @Test func padsByDisplayWidth() {
        #expect("Ås".padded(toWidth: 5) == "Ås   ")
        #expect("東".padded(toWidth: 5, alignment: .right) == "   東")
        #expect("ab".padded(toWidth: 6, alignment: .center) == "  ab  ")
        #expect("東京都".padded(toWidth: 5) == "東京…")
        #expect("東京都".padded(toWidth: 4) == "東… ")
    }

    @Test func prefixFittingWidth() {
        #expect("東京".prefix(fittingWidth: 3) == "東")
        #expect("A\u{30A}B".prefix(fittingWidth: 1) == "Å")
    }

    @Test func wrapsAtSpacesAndSplitsLongWords() {
        #expect("Lever pakke til Kari Nordmann".wrapped(toWidth: 12) == ["Lever pakke", "til Kari", "Nordmann"])
        #expect("RR123456785SE ok".wrapped(toWidth: 5) == ["RR123", "45678", "5SE", "ok"])
        #expect("a\n\nb".wrapped(toWidth: 5) == ["a", "", "b"])
    }

    /// A numbered list under a message: the rows not marked keep the space in front that lines
    /// them up with the marked one.
    @Test func keepsTheSpacesBeforeAParagraphsFirstWord() {
        #expect("Kanal:\n▸ 1 Disk\n  2 Telefon".wrapped(toWidth: 20) == ["Kanal:", "▸ 1 Disk", "  2 Telefon"])
        #expect("  to be cut here".wrapped(toWidth: 8) == ["  to be", "cut here"])
        #expect("   ".wrapped(toWidth: 5) == [""])
    }

    @Test func wrapsIntoRowsAndDropsWholeWordsThatDoNotFit() {
        let text = "It is for MS2 (Magnus Solberg), slot C3. Put it back."
        #expect(text.wrapped(toWidth: 20) == ["It is for MS2", "(Magnus Solberg),", "slot C3. Put it", "back."])
        #expect(text.wrapped(toWidth: 20, rows: 3) == ["It is for MS2", "(Magnus Solberg),", "slot C3. Put it …"])
        #expect(text.wrapped(toWidth: 20, rows: 9) == text.wrapped(toWidth: 20))
        #expect(text.wrapped(toWidth: 20, rows: 2) == ["It is for MS2", "(Magnus Solberg), …"])
        #expect(text.wrapped(toWidth: 20, rows: 1) == ["It is for MS2 …"])
        #expect("RR123456785SE".wrapped(toWidth: 5, rows: 1) == ["…"])
        #expect(text.wrapped(toWidth: 20, rows: 0) == [])
        #expect("東京都".wrapped(toWidth: 3) == ["東", "京", "都"])
    }
}

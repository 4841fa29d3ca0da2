import ButikGrid
import Testing
import ButikUI

@Suite struct BigTextTests {
    @Test func jeds() {
        #expect(BigText("JEDS").lines == [
            "  ███ █████ ████   ████",
            "   █  █     █   █ █    ",
            "   █  ████  █   █  ███ ",
            "█  █  █     █   █     █",
            " ██   █████ ████  ████ ",
        ])
    }

    @Test func a12() {
        let lines = BigText("A12").lines
        #expect(lines?.count == BigText.height)
        #expect(lines?[0] == " ███   █  ████ ")
        #expect(lines?[2] == "█████  █   ███ ")
        #expect(lines?[4] == "█   █ ███ █████")
    }

    @Test func nordicLettersWithMarksUseHalfBlocks() {
        #expect(BigText("ØÅ").lines == [
            " ███   █▀█ ",
            "█  ██  ▀█▀ ",
            "█ █ █ ▄▀ ▀▄",
            "██  █ █▄▄▄█",
            " ███  █   █",
        ])
        #expect(BigText("Ä").lines?[0] == " █ █ ")
        #expect(BigText("Ü").lines?[1] == "▄   ▄")
        #expect(BigText("Æ").lines?[4] == "█  ███")
    }

    @Test func lowerCaseAndDecomposedLettersAreFound() {
        #expect(BigText("jfj").lines == BigText("JFJ").lines)
        #expect(BigText("a\u{30A}").lines == BigText("Å").lines)
        #expect(BigText("ø").lines == BigText("Ø").lines)
    }

    @Test func unknownCharactersHaveNoLargeForm() {
        #expect(BigText("B4?").lines == nil)
        #expect(BigText("É").lines == nil)
    }

    @Test func drawsCentred() {
        var screen = blank(13, 7)
        BigText("B4").draw(into: &screen, at: Rect(screen.size))
        #expect(snapshot(screen) == """

             ████  █   █
             █   █ █   █
             ████  █████
             █   █     █
             ████      █
            """)
        #expect(screen.styleMask[1] == ".TTTTTTTTTTT.")
    }

    @Test func fallsBackToOrdinaryTextWhenItDoesNotFit() {
        var narrow = blank(9, 5)
        BigText("JFJ").draw(into: &narrow, at: Rect(narrow.size))
        #expect(snapshot(narrow) == "\n\n   JFJ")
        var short = blank(20, 4)
        BigText("B4").draw(into: &short, at: Rect(short.size))
        #expect(snapshot(short) == "\n         B4")
        var unknown = blank(20, 5)
        BigText("B4?").draw(into: &unknown, at: Rect(unknown.size))
        #expect(snapshot(unknown) == "\n\n        B4?")
    }
}

import ButikGrid
import ButikText
import Testing
import ButikUI

@Suite struct StatusLineTests {
    let status = StatusLine(
        left: [.init("Oslo Grünerløkka"), .init("Kari", style: Style(.accent))],
        right: [.init("14:05")]
    )

    func render(_ line: StatusLine, width: Int) -> Screen {
        var screen = blank(width, 1)
        line.draw(into: &screen, at: Rect(row: 0, column: 0, width: width, height: 1))
        return screen
    }

    @Test func leftAndRightAligned() {
        let screen = render(status, width: 40)
        #expect(screen.textLines == [" Oslo Grünerløkka │ Kari          14:05"])
        #expect(screen.styleMask == ["ttttttttttttttttttttaaaatttttttttttttttt"])
    }

    @Test func leftIsCutBeforeRightIsDropped() {
        #expect(render(status, width: 20).textLines == [" Oslo Grüner… 14:05"])
        #expect(render(status, width: 26).textLines == [" Oslo Grünerløkka … 14:05"])
        #expect(render(status, width: 6).textLines == [" Osl…"])
    }
}

@Suite struct HelpLineTests {
    let keyMap = KeyMap<Int>([
        KeyBinding(.function(1), "Hjelp", action: 1),
        KeyBinding(.function(2), "Mottak", action: 2),
        KeyBinding(.escape, "Tilbake", action: 3),
        KeyBinding(.control("u"), "Tøm felt", action: 4, showsOnHelpLine: false),
    ])

    func render(width: Int) -> Screen {
        var screen = blank(width, 1)
        HelpLine(keyMap).draw(into: &screen, at: Rect(row: 0, column: 0, width: width, height: 1))
        return screen
    }

    @Test(arguments: [
        (7, ""),
        (8, "F1 Hjelp"),
        (18, "F1 Hjelp"),
        (19, "F1 Hjelp  F2 Mottak"),
        (31, "F1 Hjelp  F2 Mottak"),
        (32, "F1 Hjelp  F2 Mottak  Esc Tilbake"),
    ])
    func fitsTheMostImportantEntries(width: Int, expected: String) {
        #expect(render(width: width).textLines == [expected])
    }

    @Test func labelsAreBoldAccent() {
        #expect(render(width: 20).styleMask == ["AA........AA........"])
    }
}

@Suite struct ToastTests {
    @Test func expiresAtItsGivenTime() {
        let toast = Toast(Notice(Phrase("toast.test")), expiresAt: 103)
        #expect(!toast.isExpired(at: 102.9))
        #expect(toast.isExpired(at: 103))
    }

    @Test(arguments: [(Notice.Tone.info, "a"), (.warning, "W"), (.error, "D")])
    func drawsARowInTheStyleOfItsKind(kind: Notice.Tone, letter: String) {
        var screen = blank(16, 1)
        let words = Words(.nb, catalog: Catalog(entries: ["toast.test": .text("Feil kode\u{1B}[1m")]))
        Toast(Notice(Phrase("toast.test"), tone: kind), expiresAt: 0).draw(into: &screen, at: Rect(row: 0, column: 0, width: 16, height: 1), words)
        #expect(screen.textLines == [" Feil kode\u{FFFD}[1m"])
        #expect(screen.styleMask == [String(repeating: letter, count: 16)])
        // A word that does not fit the last row is left out whole, never cut.
        var narrow = blank(12, 1)
        Toast(Notice(Phrase("toast.test"), tone: kind), expiresAt: 0).draw(into: &narrow, at: Rect(row: 0, column: 0, width: 12, height: 1), words)
        #expect(narrow.textLines == [" Feil …"])
    }
}

import ButikGrid
import Testing
import ButikUI

@Suite struct ModalTests {
    @Test func confirmDrawsACentredBox() {
        var screen = blank(40, 7)
        screen.put(String(repeating: "x", count: 40), row: 2, column: 0)
        screen.cursor = (0, 0)
        Modal.confirm(title: "Utlever", message: "Lever ut 2 kolli?", confirmLabel: "Ja", cancelLabel: "Nei")
            .draw(into: &screen, at: Rect(screen.size))
        #expect(snapshot(screen) == """

                     ┌─ Utlever ──────────┐
            xxxxxxxxx│ Lever ut 2 kolli?  │xxxxxxxxx
                     │                    │
                     │ Enter Ja   Esc Nei │
                     └────────────────────┘
            """)
        #expect(screen.cursor == nil)
    }

    @Test func aPromptTypesIntoItsFieldAndAConfirmationTakesNoText() {
        var modal = Modal.prompt(title: "Hylle", message: "Ny hylle for pakken:", text: "B")
        for key in [Key.character("4"), .character("x"), .backspace] {
            let edited = modal.edit(key)
            #expect(edited)
        }
        #expect(modal.field?.text == "B4")
        // Enter, Esc and the rest are the screen's keys.
        for key in [Key.enter, .escape, .tab, .down, .function(2)] {
            let edited = modal.edit(key)
            #expect(!edited)
        }
        #expect(modal.field?.text == "B4")

        var confirmation = Modal.confirm(title: "Slett", message: "Slette kunden?")
        let edited = confirmation.edit(.character("y"))
        #expect(!edited)
        #expect(confirmation.field == nil)
    }

    @Test func promptDrawsTheFieldWithTheCursor() {
        var screen = blank(40, 10)
        Modal.prompt(title: "Hylle", message: "Ny hylle for pakke RR123456785SE til Åse:", text: "東B")
            .draw(into: &screen, at: Rect(screen.size))
        #expect(snapshot(screen) == """

            ┌─ Hylle ──────────────────────────────┐
            │ Ny hylle for pakke RR123456785SE til │
            │ Åse:                                 │
            │                                      │
            │ 東B                                  │
            │                                      │
            │        Enter OK   Esc Cancel         │
            └──────────────────────────────────────┘
            """)
        #expect(screen.cursor?.row == 5)
        #expect(screen.cursor?.column == 5)
    }

    @Test func inALowWindowTheMessageGivesWayAndTheFieldStaysInTheBox() {
        var screen = blank(40, 7)
        Modal.prompt(title: "Hylle", message: "Flytt 3 pakker:\nRR123456785SE fra A1\nRR223456785SE fra A1\nRR323456785SE fra A1\ntil:", text: "B4")
            .draw(into: &screen, at: Rect(screen.size))
        #expect(snapshot(screen) == """
               ┌─ Hylle ────────────────────────┐
               │ Flytt 3 pakker: …              │
               │                                │
               │ B4                             │
               │                                │
               │     Enter OK   Esc Cancel      │
               └────────────────────────────────┘
            """)
    }
}

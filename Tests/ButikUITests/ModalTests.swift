import ButikGrid
import Testing
import ButikUI

@Suite struct ModalTests {
    func press(_ modal: inout Modal, _ keys: Key...) {
        for key in keys {
            let consumed = modal.handle(key)
            #expect(consumed)
        }
    }

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

    @Test func enterConfirmsAndEscCancels() {
        var modal = Modal.confirm(title: "Slett", message: "Slette kunden?")
        press(&modal, .character("x"), .down)
        #expect(modal.outcome == nil)
        press(&modal, .enter)
        #expect(modal.outcome == .confirmed)
        let after = modal.handle(.escape)
        #expect(!after)
        #expect(modal.outcome == .confirmed)

        var other = Modal.confirm(title: "Slett", message: "Slette kunden?")
        press(&other, .escape)
        #expect(other.outcome == .cancelled)
    }

    @Test func ctrlCAndResizeStayWithTheApp() {
        var modal = Modal.confirm(title: "Slett", message: "?")
        let interrupt = modal.handle(.interrupt)
        let resize = modal.handle(.resize)
        #expect(!interrupt && !resize)
        #expect(modal.outcome == nil)
    }

    @Test func promptEditsItsFieldAndSubmitsTheText() {
        var modal = Modal.prompt(title: "Hylle", message: "Ny hylle for pakken:", text: "B")
        press(&modal, .character("4"), .character("x"), .backspace)
        #expect(modal.field?.text == "B4")
        press(&modal, .enter)
        #expect(modal.outcome == .submitted("B4"))

        var cancelled = Modal.prompt(title: "Hylle", message: "Ny hylle:")
        press(&cancelled, .character("C"), .escape)
        #expect(cancelled.outcome == .cancelled)
        #expect(Modal.confirm(title: "", message: "").field == nil)
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
}

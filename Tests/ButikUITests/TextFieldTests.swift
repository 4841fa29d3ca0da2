import ButikGrid
import Testing
import ButikUI

/// A field after typing `text` key by key.
private func typed(_ text: String) -> TextField {
    var field = TextField()
    for character in text {
        let consumed = field.handle(.character(character))
        #expect(consumed)
    }
    return field
}

private func press(_ field: inout TextField, _ keys: Key...) {
    for key in keys {
        let consumed = field.handle(key)
        #expect(consumed)
    }
}

/// The field drawn at column 1, `width` wide, in a screen one cell wider each side: its text and the cursor column.
private func rendered(_ field: TextField, width: Int = 10) -> (text: String, cursor: Int?) {
    var screen = blank(width + 2, 1)
    field.draw(into: &screen, at: Rect(row: 0, column: 1, width: width, height: 1))
    return (screen.textLines[0], screen.cursor?.column)
}

@Suite struct TextFieldTests {
    @Test func typesNordicAndCJKCharacters() {
        let field = typed("Blåbær 東京")
        #expect(field.text == "Blåbær 東京")
        #expect(field.cursor == 9)
        #expect(rendered(field, width: 12) == (" Blåbær 東京", 12))
        #expect(rendered(field, width: 11) == (" r 東京", 7))   // no cell for the cursor: scrolls
    }

    @Test func cursorColumnCountsWideCharactersAsTwo() {
        var field = typed("a東京b")
        #expect(rendered(field) == (" a東京b", 7))
        press(&field, .left)
        #expect(rendered(field).cursor == 6)
        press(&field, .left)
        #expect(rendered(field).cursor == 4)
        press(&field, .left)
        #expect(rendered(field).cursor == 2)
    }

    @Test func leftRightStopAtTheEnds() {
        var field = typed("ab")
        press(&field, .right)
        #expect(field.cursor == 2)
        press(&field, .left, .left, .left)
        #expect(field.cursor == 0)
        press(&field, .right)
        #expect(field.cursor == 1)
    }

    @Test func homeEndAndTheirControlKeys() {
        var field = typed("Kari")
        press(&field, .home)
        #expect(field.cursor == 0)
        press(&field, .end)
        #expect(field.cursor == 4)
        press(&field, .control("a"))
        #expect(field.cursor == 0)
        press(&field, .control("e"))
        #expect(field.cursor == 4)
    }

    @Test func insertsAtTheCursor() {
        var field = typed("Kri")
        press(&field, .left, .left, .character("å"))
        #expect(field.text == "Kåri")
        #expect(field.cursor == 2)
    }

    @Test func backspaceAfterAWideCharacter() {
        var field = typed("a東b")
        press(&field, .left, .backspace)
        #expect(field.text == "ab")
        #expect(field.cursor == 1)
        #expect(rendered(field).cursor == 2)
        press(&field, .home, .backspace)
        #expect(field.text == "ab")
    }

    @Test func deleteRemovesTheGraphemeUnderTheCursor() {
        var field = typed("東京x")
        press(&field, .home, .delete)
        #expect(field.text == "京x")
        #expect(field.cursor == 0)
        press(&field, .end, .delete)
        #expect(field.text == "京x")
    }

    @Test func ctrlUDeletesToTheStart() {
        var field = typed("Kari Nordmann")
        press(&field, .home, .right, .right, .right, .right, .right, .control("u"))
        #expect(field.text == "Nordmann")
        #expect(field.cursor == 0)
    }

    @Test func ctrlWDeletesThePreviousWord() {
        var field = typed("Ola  Nordmann ")
        press(&field, .control("w"))
        #expect(field.text == "Ola  ")
        press(&field, .control("w"))
        #expect(field.text == "")
        field = typed("ab 東京 ef")
        press(&field, .left, .left, .left, .control("w"))
        #expect(field.text == "ab  ef")
        #expect(field.cursor == 3)
        #expect(rendered(field).cursor == 4)
    }

    @Test func combiningMarkJoinsThePreviousGrapheme() {
        let field = typed("e\u{301}")
        #expect(field.text == "é")
        #expect(field.cursor == 1)
        #expect(rendered(field).cursor == 2)
    }

    @Test func leavesOtherKeysAlone() {
        var field = typed("ab")
        for key in [Key.enter, .tab, .up, .down, .escape, .function(2), .character("\u{1B}"), .character("\t")] {
            let consumed = field.handle(key)
            #expect(!consumed)
        }
        #expect(field.text == "ab")
    }

    @Test func settingTheTextMovesTheCursorToTheEnd() {
        var field = typed("x")
        press(&field, .home)
        field.text = "Åse"
        #expect(field.cursor == 3)
    }

    @Test func scrollsInHalfWidthJumpsToKeepTheCursorVisible() {
        var field = typed("RR123456785SE")
        #expect(rendered(field, width: 6) == (" 85SE", 5))
        press(&field, .home)
        #expect(rendered(field, width: 6) == (" RR1234", 1))
        for _ in 0..<5 { press(&field, .right) }
        #expect(rendered(field, width: 6) == (" RR1234", 6))   // moves inside the view
        press(&field, .right)
        #expect(rendered(field, width: 6) == (" 234567", 4))   // jumps by 3
    }

    @Test func scrollingNeverSplitsAWideCharacter() {
        var field = typed("東京大阪")
        #expect(rendered(field, width: 5) == (" 大阪", 5))
        press(&field, .left, .left)
        #expect(rendered(field, width: 5) == (" 京大", 3))
    }

    @Test func placeholderShowsWhileEmpty() {
        var screen = blank(12, 1)
        TextField(placeholder: "Sporingsnummer").draw(into: &screen, at: Rect(row: 0, column: 0, width: 8, height: 1))
        #expect(screen.textLines == ["Sporings"])
        #expect(screen.styleMask == ["mmmmmmmm...."])
        #expect(screen.cursor?.column == 0)
    }

    @Test func unfocusedFieldLeavesTheCursorAlone() {
        var screen = blank(6, 1)
        TextField("ab").draw(into: &screen, at: Rect(row: 0, column: 0, width: 6, height: 1), focused: false)
        #expect(screen.cursor == nil)
    }
}

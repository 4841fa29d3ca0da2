import ButikGrid
import ButikText
import Testing
@testable import ButikUI

@Suite struct TextPromptTests {
    enum Action: Equatable, Sendable { case submit, cancel, pick, other }

    static func name(limit: TextPrompt<Action>.Limit = .text) -> TextPrompt<Action> {
        TextPrompt(Phrase("keys.counter.proxyName"), placeholder: Phrase("handOut.proxyName.placeholder"), limit: limit,
                   enter: .init(Phrase("keys.counter.next"), .submit), escape: .init(Phrase("keys.counter.cancel"), .cancel),
                   scan: Phrase("keys.counter.confirm"))
    }

    @Test func itsTableIsTheChoiceThenEnterThenTheStepsKeysThenEsc() {
        let words = Words.english
        let keys = Self.name().keys(words, flow: "How it goes.", before: [KeyBinding(.character("1"), "proxy", action: .pick)],
                                    between: [KeyBinding(.control("r"), "refuse", action: .other)])
        #expect(keys.bindings.map(\.label) == ["1", "Enter", "Ctrl-R", "Esc"])
        #expect(keys.action(for: .enter) == .submit)
        #expect(keys.action(for: .escape) == .cancel)
        #expect(keys.typing == words.text("keys.counter.proxyName"))
        #expect(keys.scan == words.text("keys.counter.confirm"))
        #expect(keys.flow == "How it goes.")
    }

    @Test func aNameTakesNoDigitsAndTheAnswerHasNoSpacesAround() {
        var prompt = Self.name(limit: .noDigits)
        for character in " Per 4Hansen " { _ = prompt.type(.character(character)) }
        #expect(prompt.text == " Per Hansen ")
        #expect(prompt.answer == "Per Hansen")
        let digit = prompt.type(.character("7")), enter = prompt.type(.enter)
        #expect(!digit)
        #expect(!enter, "Enter is the table's")
        var free = Self.name()
        let typed = free.type(.character("7"))
        #expect(typed)
        #expect(free.text == "7")
    }

    @Test func itDrawsItsLabelThenTheFieldWithThePlaceholderInTheReadersWords() {
        var screen = blank(80, 1)
        Self.name().draw("Proxy:", style: .plain, into: &screen, at: Rect(screen.size), .english)
        #expect(snapshot(screen).hasPrefix("Proxy: " + Words.english.text("handOut.proxyName.placeholder")))
        #expect(screen.cursor?.column == 7)
    }
}

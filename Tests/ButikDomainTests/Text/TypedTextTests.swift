import Testing
@testable import ButikDomain

/// The rule for names and staff ids people type: what is kept, what is refused and how.
@Suite struct TypedTextTests {
    @Test(arguments: [
        "Åse \u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467}",  // 👩‍👩‍👧, an emoji ZWJ sequence
        "Åse \u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",  // a flag made of tag characters
        "Åse \u{1F44D}\u{1F3FD}",  // 👍🏽, a skin tone modifier
        "می\u{200C}خواهم",               // Persian with a zero-width non-joiner
        "Å\u{200D}se",                   // a stray joiner changes nothing shown
        "محمد الأحمد",                   // right-to-left letters carry their own direction
        "Ole\u{301}\u{301}",             // combining marks
    ])
    func visibleTextIsKept(_ text: String) throws {
        #expect(TypedText.hiddenCharacter(in: text) == nil)
        #expect(try TypedText.tidied(text, as: .name) == text)
    }

    @Test(arguments: [
        ("Ola\u{1B}[2J", HiddenCharacter.control("\u{1B}")),
        ("\u{1B}]0;pwned\u{07}", .control("\u{1B}")),
        ("x\u{9B}31m", .control("\u{9B}")),
        ("Ola\u{7F}", .control("\u{7F}")),
        ("Åse \u{202E}greB", .direction("\u{202E}")),
        ("\u{2066}Åse\u{2069}", .direction("\u{2066}")),
        ("\u{200F}Åse", .direction("\u{200F}")),
        ("Åse\u{200B}Berg", .invisible("\u{200B}")),
        ("\u{FEFF}Åse", .invisible("\u{FEFF}")),
        ("Ås\u{AD}e", .invisible("\u{AD}")),
        ("Åse\u{E0041}", .invisible("\u{E0041}")),  // a tag character outside an emoji flag
    ])
    func aHiddenCharacterIsRefusedByName(_ text: String, _ hidden: HiddenCharacter) {
        #expect(TypedText.hiddenCharacter(in: text) == hidden)
        #expect(throws: DomainError.hiddenCharacter(text, hidden, in: .staffID)) { try TypedText.tidied(text, as: .staffID) }
    }

    @Test func tabsAndLineBreaksAreSpacesNotHiddenCharacters() throws {
        #expect(try TypedText.tidied(" Åse\t\tBerg\r\n", as: .name) == "Åse Berg")
    }

    @Test func messagesSayWhatIsWrong() {
        #expect(DomainError.hiddenCharacter("Åse\u{200B}", .invisible("\u{200B}"), in: .name).english
            == "\"Åse\u{200B}\" cannot be a name: it holds an invisible character (U+200B). Leave that character out.")
        #expect(DomainError.hiddenCharacter("per\u{202E}", .direction("\u{202E}"), in: .staffID).english
            == "\"per\u{202E}\" cannot be a staff id: it holds an invisible direction control (U+202E). Leave that character out.")
        #expect(DomainError.hiddenCharacter("\u{1B}", .control("\u{1B}"), in: .name).english.contains("a control character (U+001B)"))
        #expect(DomainError.nameTooLong(limit: 80).english == "A name takes at most 80 characters.")
        #expect(DomainError.invalidStaffID(limit: 40).english == "Give a staff id of 1 to 40 characters.")
    }

    @Test(arguments: [("per", "per"), ("  anne   k ", "anne k"), ("4711", "4711"), ("Åse \u{1F469}\u{200D}\u{1F467}", "Åse \u{1F469}\u{200D}\u{1F467}"),
                      (String(repeating: "x", count: 40), String(repeating: "x", count: 40))])
    func aStaffIDIsTidied(_ text: String, _ id: String) throws {
        #expect(try TypedText.staffID(text).value == id)
    }

    @Test(arguments: ["", "   ", String(repeating: "x", count: 41)])
    func aStaffIDIsOneToFortyCharacters(_ text: String) {
        #expect(throws: DomainError.invalidStaffID(limit: 40)) { try TypedText.staffID(text) }
    }

    @Test func aStaffIDWithAnEscapeSequenceIsRefused() {
        #expect(throws: DomainError.hiddenCharacter("\u{1B}]0;pwned\u{07}", .control("\u{1B}"), in: .staffID)) {
            try TypedText.staffID("\u{1B}]0;pwned\u{07}")
        }
    }
}

import Testing
import ButikDomain

@Suite("Tracking.parse: errors")
struct TrackingErrorTests {
    @Test(arguments: ["", "   ", "\n", "]C1", "()", "\u{1D}"])
    func empty(raw: String) {
        #expect(Tracking.parse(raw) == .failure(.empty))
        #expect(Tracking.parse(raw, force: true) == .failure(.empty))
    }

    @Test(arguments: [
        ("RR-123456785SE", "\"-\""),
        ("AB/12-34-56", "\"/\", \"-\""),
        ("ÅÆØ12345", "\"Å\", \"Æ\", \"Ø\""),
        ("æøå12345", "\"æ\", \"ø\", \"å\""),
        ("straße12", "\"ß\""),
        ("RR123]456785SE", "\"]\""),
        ("RR123\u{1B}[2J456", "U+001B, \"[\""),
        ("RR123\u{7F}456", "U+007F"),
        ("RR\u{202E}123456", "U+202E"),
        ("RR\u{200B}123456", "U+200B"),
        ("RR\u{0}123456", "U+0000"),
        ("e\u{301}123456", "U+0301"),
        ("😀123456", "\"😀\""),
        ("!\"#$%&'*+,-./:;<=>?@", "\"!\", \"\"\", \"#\", \"$\", \"%\", \"&\", \"'\", \"*\", and 12 more"),
    ])
    func invalidCharacters(raw: String, named: String) {
        #expect(Tracking.parse(raw) == .failure(.invalidCharacters(named)))
        #expect(Tracking.parse(raw, force: true) == .failure(.invalidCharacters(named)))
    }

    @Test func controlCharactersNeverReachTheMessage() throws {
        let raw = "AB\u{1B}]0;pwned\u{7}\u{9B}31m\u{8}CD"
        guard case .failure(let error) = Tracking.parse(raw) else {
            Issue.record("accepted \(raw)")
            return
        }
        #expect(error.english
            == "The code has characters a tracking number cannot have: U+001B, \"]\", \";\", U+0007, U+009B, U+0008.")
        #expect(!error.english.unicodeScalars.contains { $0.properties.generalCategory == .control })
    }

    @Test(arguments: [("ABC12", 5), ("1", 1), ("12345678901234567890123456789012345X", 36)])
    func badLength(raw: String, length: Int) {
        #expect(Tracking.parse(raw) == .failure(.badLength(length)))
        #expect(Tracking.parse(raw, force: true) == .failure(.badLength(length)))
    }

    @Test func wrongCheckDigitMessageNamesTheExpectedDigit() {
        #expect(Tracking.parse("RB123456786US").map(\.number) == .failure(.wrongCheckDigit(
            format: .s10, number: "RB123456786US", expected: "5", found: "6")))
        let error = TrackingError.wrongCheckDigit(format: .s10, number: "RB123456786US", expected: "5", found: "6")
        #expect(error.english == "RB123456786US looks like a UPU S10 number but its check digit is 6; "
            + "it should be 5. Check the code, or accept it on purpose.")
    }
}

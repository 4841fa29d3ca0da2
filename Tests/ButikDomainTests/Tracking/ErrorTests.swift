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
        ("RR-123456785SE", "\"-\"", 0),
        ("AB/12-34-56", "\"/\", \"-\"", 0),
        ("ÅÆØ12345", "\"Å\", \"Æ\", \"Ø\"", 0),
        ("æøå12345", "\"æ\", \"ø\", \"å\"", 0),
        ("straße12", "\"ß\"", 0),
        ("RR123]456785SE", "\"]\"", 0),
        ("RR123\u{1B}[2J456", "U+001B, \"[\"", 0),
        ("RR123\u{7F}456", "U+007F", 0),
        ("RR\u{202E}123456", "U+202E", 0),
        ("RR\u{200B}123456", "U+200B", 0),
        ("RR\u{0}123456", "U+0000", 0),
        ("e\u{301}123456", "U+0301", 0),
        ("😀123456", "\"😀\"", 0),
        ("!\"#$%&'*+,-./:;<=>?@", "\"!\", \"\"\", \"#\", \"$\", \"%\", \"&\", \"'\", \"*\"", 12),
    ])
    func invalidCharacters(raw: String, named: String, more: Int) {
        #expect(Tracking.parse(raw) == .failure(.invalidCharacters(named, more: more)))
        #expect(Tracking.parse(raw, force: true) == .failure(.invalidCharacters(named, more: more)))
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

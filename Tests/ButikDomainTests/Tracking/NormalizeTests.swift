import Testing
@testable import ButikDomain

@Suite("Tracking.normalize")
struct TrackingNormalizeTests {
    @Test(arguments: [
        ("rr123456785se", "RR123456785SE"),
        ("  RR 1234 5678 5 SE\n", "RR123456785SE"),
        ("RR\t123456785SE\r\n", "RR123456785SE"),
        ("RR\u{A0}123456785SE", "RR123456785SE"),
        ("]C100370725380000086508", "00370725380000086508"),
        ("]C0RR123456785SE", "RR123456785SE"),
        ("]E05701234567899", "5701234567899"),
        ("]d2003707253800000865084215780150", "003707253800000865084215780150"),
        ("]Q3abc123", "ABC123"),
        (" ]C1 00370725380000086508", "00370725380000086508"),
        ("(00) 3707 2538 0000 0865 08", "00370725380000086508"),
        ("00370725380000086508\u{1D}4215780150", "003707253800000865084215780150"),
        ("", ""),
        ("]C1", ""),
    ])
    func cleansInput(raw: String, normalized: String) {
        #expect(Tracking.normalize(raw) == normalized)
    }

    @Test(arguments: [
        // Only a leading `]` + letter + character is an AIM prefix.
        ("AB]C1234567", "AB]C1234567"),
        ("]C", "]C"),
        ("]-1ABCDEF", "]-1ABCDEF"),
        // Other characters are kept for parse to name; only ASCII letters are upper-cased,
        // so that e.g. "ß" cannot turn into "SS".
        ("ab-12/ø", "AB-12/ø"),
        ("straße123", "STRAßE123"),
        ("A\u{1B}B", "A\u{1B}B"),
    ])
    func keepsOtherCharacters(raw: String, normalized: String) {
        #expect(Tracking.normalize(raw) == normalized)
    }

    @Test func gs1ContextIsRemembered() {
        #expect(ScannedInput("]C100370725380000086508").isGS1)
        #expect(ScannedInput("]d2003707253800000865").isGS1)
        #expect(ScannedInput("(00)370725380000086508").isGS1)
        #expect(ScannedInput("00370725380000086508\u{1D}4215780150").isGS1)
        #expect(!ScannedInput("]C000370725380000086508").isGS1)
        #expect(!ScannedInput("]E05701234567899").isGS1)
        #expect(!ScannedInput("00370725380000086508").isGS1)
        #expect(ScannedInput("(00)12").symbols == ["\u{1D}", "0", "0", "1", "2"])
    }
}

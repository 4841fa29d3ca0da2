import Testing
import ButikDomain

private func ok(_ number: String, _ format: TrackingFormat, _ check: CheckDigitStatus, shipTo: String? = nil)
    -> Result<ParsedTracking, TrackingError> {
    .success(ParsedTracking(number: TrackingNumber(number), format: format, checkDigit: check, shipToPostalCode: shipTo))
}

private func wrong(_ format: TrackingFormat, _ number: String, expected: Character, found: Character)
    -> Result<ParsedTracking, TrackingError> {
    .failure(.wrongCheckDigit(format: format, number: number, expected: expected, found: found))
}

@Suite("Tracking.parse: formats")
struct TrackingClassifyTests {
    @Test(arguments: [
        "RR123456785SE", "CT797294851NO", "rr473124829dk", "RR 473 124 829 DK",
        // C = 10 -> 0 (S = 67) and C = 11 -> 5 (S = 231), worked in CheckDigitTests.
        "LX203504100NO", "EE810567755SE", "RR000000005FI",
    ])
    func s10Valid(raw: String) {
        #expect(Tracking.parse(raw) == ok(Tracking.normalize(raw), .s10, .verified))
    }

    @Test(arguments: [
        ("RB123456786US", "5", "6"),
        ("LX203504105NO", "0", "5"),  // C = 10 must become 0, not be taken as 10 or 1
        ("EE810567750SE", "5", "0"),  // C = 11 must become 5, not 0
        ("RR123456780SE", "5", "0"),
    ] as [(String, Character, Character)])
    func s10WrongCheck(code: String, expected: Character, found: Character) {
        #expect(Tracking.parse(code) == wrong(.s10, code, expected: expected, found: found))
        #expect(Tracking.parse(code, force: true) == ok(code, .s10, .overridden))
    }

    @Test(arguments: ["370725380000086508", "106141412345678908"])
    func ssccValid(code: String) {
        #expect(Tracking.parse(code) == ok(code, .sscc, .verified))
    }

    @Test func ssccWrongCheck() {
        #expect(Tracking.parse("370725380000086509") == wrong(.sscc, "370725380000086509", expected: "8", found: "9"))
        #expect(Tracking.parse("370725380000086509", force: true) == ok("370725380000086509", .sscc, .overridden))
    }

    @Test func gsin() {
        #expect(Tracking.parse("70725380000051451") == ok("70725380000051451", .gsin, .verified))
        #expect(Tracking.parse("70725380000051452") == wrong(.gsin, "70725380000051452", expected: "1", found: "2"))
        #expect(Tracking.parse("70725380000051452", force: true) == ok("70725380000051452", .gsin, .overridden))
    }

    @Test(arguments: ["1234567891", "3318810025", "0000000000"])
    func dhlExpressValid(code: String) {
        #expect(Tracking.parse(code) == ok(code, .dhlExpress, .verified))
    }

    /// Decision: ten digits failing mod 7 are an unknown carrier's number, not a misread DHL one.
    @Test(arguments: ["1234567890", "5599311234", "1234567899"])
    func tenDigitsFailingMod7AreUnvalidated(code: String) {
        #expect(Tracking.parse(code) == ok(code, .unvalidated, .none))
        #expect(Tracking.parse(code, force: true) == ok(code, .unvalidated, .none))
    }

    @Test(arguments: ["1Z999AA10123456784", "1z 999 aa1 01 2345 6784", "1Z12345E6605272234"])
    func upsValid(raw: String) {
        #expect(Tracking.parse(raw) == ok(Tracking.normalize(raw), .ups, .verified))
    }

    @Test func upsWrongCheck() {
        #expect(Tracking.parse("1Z999AA10123456785") == wrong(.ups, "1Z999AA10123456785", expected: "4", found: "5"))
        // A letter where the check digit belongs is wrong too.
        #expect(Tracking.parse("1Z999AA1012345678X") == wrong(.ups, "1Z999AA1012345678X", expected: "4", found: "X"))
        #expect(Tracking.parse("1Z999AA10123456785", force: true) == ok("1Z999AA10123456785", .ups, .overridden))
    }

    @Test func noCheckDigitFormats() {
        #expect(Tracking.parse("TBA123456789012") == ok("TBA123456789012", .amazon, .none))
        #expect(Tracking.parse("tba 1234 5678 9012") == ok("TBA123456789012", .amazon, .none))
        #expect(Tracking.parse("620000123456789012345678") == ok("620000123456789012345678", .inpost, .none))
        #expect(Tracking.parse("12345678901234") == ok("12345678901234", .hermes, .none))
    }

    @Test(arguments: [
        "ABC123",                              // 6, the shortest
        "12345678901234567890123456789012345", // 35, the longest
        "TBA12345678901",                      // TBA with 11 digits
        "TBA12345678901X",                     // TBA, 15 characters, not all digits
        "RR12345678SE",                        // S10 with a digit missing
        "R1123456785SE",                       // digit where a letter belongs
        "1Z999AA1012345678",                   // 1Z with 17 characters
        "12345678901234567890",                // 20 digits not starting 00 or 402
        "1234567890123456789",                 // 19 digits
        "123456789",                           // 9 digits
        "00123456789012345678901",             // 23 digits starting 00
        "JJD000390007845612345",               // DHL Paket style
        "ABCDEFGHIJ",                          // 10 letters
    ])
    func otherCodesAreUnvalidated(code: String) {
        #expect(Tracking.parse(code) == ok(code, .unvalidated, .none))
    }
}

import Testing
@testable import ButikDomain

private func ok(_ number: String, _ format: TrackingFormat, _ check: CheckDigitStatus, shipTo: String? = nil)
    -> Result<ParsedTracking, TrackingError> {
    .success(ParsedTracking(number: TrackingNumber(number), format: format, checkDigit: check, shipToPostalCode: shipTo))
}

@Suite("Tracking.parse: GS1 scans")
struct TrackingGS1ScanTests {
    static let sscc = "370725380000086508"

    @Test(arguments: [
        "00370725380000086508",
        "]C100370725380000086508",
        "]d200370725380000086508",
        "(00) 3707 2538 0000 0865 08",
        "(00)370725380000086508",
        "00 3707 2538 0000 0865 08",
        "00370725380000086508\u{1D}",
        "00370725380000086508\r\n",
    ])
    func ssccWithAI00(raw: String) {
        #expect(Tracking.parse(raw) == ok(Self.sscc, .sscc, .verified))
    }

    @Test(arguments: [
        "]C1003707253800000865084215780150",
        "00370725380000086508\u{1D}4215780150",
        "003707253800000865084215780150",
        "]C100370725380000086508\u{1D}4215780150",
        "(00) 370725380000086508 (421) 578 0150",
        "(421) 5780150 (00) 370725380000086508",
        "]C14215780150\u{1D}00370725380000086508",
    ])
    func ssccWithShipTo(raw: String) {
        #expect(Tracking.parse(raw) == ok(Self.sscc, .sscc, .verified, shipTo: "NO 0150"))
    }

    @Test(arguments: [
        ("4217521134", "SE 1134"), ("4212082100", "DK 2100"), ("42124600100", "FI 00100"),
        ("421352101", "IS 101"), ("42127610115", "DE 10115"), ("4219990150", "999 0150"),
        ("4218261SW1A1AA", "GB 1SW1A1AA"),
    ])
    func shipToCountries(field: String, shipTo: String) {
        #expect(Tracking.parse("00370725380000086508" + field) == ok(Self.sscc, .sscc, .verified, shipTo: shipTo))
    }

    @Test func moreFieldsAfterGS() {
        // AI 403 routing code (may hold punctuation) and AI 401 consignment after the SSCC.
        #expect(Tracking.parse("]C100370725380000086508\u{1D}403NO-OSL/1\u{1D}4215780150")
            == ok(Self.sscc, .sscc, .verified, shipTo: "NO 0150"))
        #expect(Tracking.parse("]C1003707253800000865084015790000123\u{1D}4215780150")
            == ok(Self.sscc, .sscc, .verified, shipTo: "NO 0150"))
        // AI 01 (GTIN, predefined 14 digits) needs no GS before the next AI.
        #expect(Tracking.parse("]C1010570123456789900370725380000086508")
            == ok(Self.sscc, .sscc, .verified))
        // A bad AI 421 value is ignored, the SSCC stands.
        #expect(Tracking.parse("]C100370725380000086508\u{1D}421AB0150")
            == ok(Self.sscc, .sscc, .verified))
    }

    @Test func wrongCheckDigitInAI00() {
        #expect(Tracking.parse("]C100370725380000086509")
            == .failure(.wrongCheckDigit(format: .sscc, number: "370725380000086509", expected: "8", found: "9")))
        #expect(Tracking.parse("]C1003707253800000865094215780150", force: true)
            == ok("370725380000086509", .sscc, .overridden, shipTo: "NO 0150"))
        #expect(Tracking.parse("00370725380000086509")
            == .failure(.wrongCheckDigit(format: .sscc, number: "370725380000086509", expected: "8", found: "9")))
    }

    @Test func gsinWithAI402() {
        #expect(Tracking.parse("40270725380000051451") == ok("70725380000051451", .gsin, .verified))
        #expect(Tracking.parse("]C140270725380000051451") == ok("70725380000051451", .gsin, .verified))
        #expect(Tracking.parse("(402) 70725380000051451") == ok("70725380000051451", .gsin, .verified))
        #expect(Tracking.parse("402707253800000514514215780150")
            == ok("70725380000051451", .gsin, .verified, shipTo: "NO 0150"))
        #expect(Tracking.parse("40270725380000051450")
            == .failure(.wrongCheckDigit(format: .gsin, number: "70725380000051450", expected: "1", found: "0")))
    }

    @Test func bareDigitsStayPlainUnlessExactlyGS1() {
        // 24 digits starting 00 without a valid AI 421 after the SSCC: InPost, not GS1.
        #expect(Tracking.parse("003707253800000865081234") == ok("003707253800000865081234", .inpost, .none))
        // 00 + 18 digits + 421 with too short a value: a plain code.
        #expect(Tracking.parse("00370725380000086508421578")
            == ok("00370725380000086508421578", .unvalidated, .none))
    }

    @Test func truncatedGS1ScanFallsBackToPlainCode() {
        #expect(Tracking.parse("]C10037072538000008650") == ok("0037072538000008650", .unvalidated, .none))
    }

    @Test func shipToParsing() {
        func ship(_ s: String) -> String? { GS1ElementString.shipTo(ArraySlice(s.unicodeScalars)) }
        #expect(ship("5780150") == "NO 0150")
        #expect(ship("578") == nil)
        #expect(ship("5781234567890") == nil)  // postal code longer than 9
        #expect(ship("578123456789") == "NO 123456789")
        #expect(ship("57A0150") == nil)
    }
}

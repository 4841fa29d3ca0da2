import Foundation
import Testing
import ButikDomain

private func parse(_ text: String, bom: Bool = false) throws(ManifestError) -> ManifestParse {
    var data = Data(bom ? [0xEF, 0xBB, 0xBF] : [])
    data.append(contentsOf: Array(text.utf8))
    return try Manifest.parse(data, layout: Fixtures.layout)
}

private func s10(_ code: String) -> ParsedTracking {
    ParsedTracking(number: TrackingNumber(code), format: .s10, checkDigit: .verified)
}

private let known = ["PostNord", "Amazon"]

@Suite("Manifest.parse: format")
struct ManifestFormatTests {
    static let expected = [
        ManifestEntry(line: 2, tracking: s10("RR123456785SE"), name: "Kari Nordmann", phone: "4791234567",
                      carrierID: "postnord", holdDays: 7),
        ManifestEntry(line: 3, tracking: s10("RR473124829DK"), name: "Åse Ødegård"),
    ]

    @Test(arguments: [false, true], [
        "tracking;name;phone;carrier;hold days\nRR123456785SE;Kari Nordmann;+47 912 34 567;PostNord;7\nRR473124829DK;Åse Ødegård;;;\n",
        "tracking,name,phone,carrier,hold days\r\nRR123456785SE,Kari Nordmann,+47 912 34 567,PostNord,7\r\nRR473124829DK,Åse Ødegård,,,",
        "tracking;name;phone;carrier;hold days\r\nRR123456785SE;Kari Nordmann;+47 912 34 567;postnord;7\r\nRR473124829DK;Åse Ødegård\r\n",
    ])
    func bomDelimitersAndLineEnds(bom: Bool, text: String) throws {
        let result = try parse(text, bom: bom)
        #expect(result.problems == [])
        #expect(result.entries == Self.expected)
    }

    @Test func headerAliasesCaseAndOrder() throws {
        let text = "  MOBIL ;Transportør;Mottaker;Sporingsnummer;DAGER;Note\n91234567;amazon;Bjørn Æbelø;rr 123 456 785 se;14;ring på\n"
        let result = try parse(text)
        #expect(result.problems == [])
        #expect(result.entries == [ManifestEntry(line: 2, tracking: s10("RR123456785SE"), name: "Bjørn Æbelø",
                                                 phone: "91234567", carrierID: "amazon", holdDays: 14)])
    }

    @Test(arguments: [
        "kolli,namn,telefon,transportör,holddays", "Tracking,Recipient,Phone,Carrier,Hold  Days",
        "TRACKING;NAME;PHONE;CARRIER;HOLDDAYS",
    ])
    func otherAliases(header: String) throws {
        let sep = header.contains(";") ? ";" : ","
        let row = ["RR123456785SE", "Kari", "91234567", "PostNord", "5"].joined(separator: sep)
        let result = try parse(header + "\n" + row)
        #expect(result.entries == [ManifestEntry(line: 2, tracking: s10("RR123456785SE"), name: "Kari",
                                                 phone: "91234567", carrierID: "postnord", holdDays: 5)])
    }

    @Test(arguments: ["pickup code", "Pickup_Code", "PICKUPCODE", "code", "Hentekode"])
    func pickupCodeColumn(header: String) throws {
        let result = try parse("tracking;name;\(header)\nRR123456785SE;Kari;4711\nRR473124829DK;Åse; 123 456 \nRR810567755SE;Per;\n")
        #expect(result.problems == [])
        #expect(result.entries.map(\.pickupCode) == ["4711", "123456", nil])
    }

    @Test func onlyRequiredColumns() throws {
        let result = try parse("name;tracking\nKari;RR123456785SE\n")
        #expect(result.entries == [ManifestEntry(line: 2, tracking: s10("RR123456785SE"), name: "Kari")])
    }

    @Test func quotedFieldsWithDelimitersQuotesAndLineBreaks() throws {
        let text = #"""
        tracking;name;phone
        RR123456785SE;"Nordmann; Kari ""Kari-Mor""";"+47 912 34 567"
        "RR473124829DK";"Åse
        c/o Ødegård";
        RR810567755SE;Per;
        """#
        let result = try parse(text)
        #expect(result.problems == [])
        #expect(result.entries == [
            ManifestEntry(line: 2, tracking: s10("RR123456785SE"), name: #"Nordmann; Kari "Kari-Mor""#, phone: "4791234567"),
            ManifestEntry(line: 3, tracking: s10("RR473124829DK"), name: "Åse\nc/o Ødegård"),
            ManifestEntry(line: 5, tracking: s10("RR810567755SE"), name: "Per"),
        ])
    }

    @Test func commaFileWithQuotedCommas() throws {
        let result = try parse("tracking,name\nRR123456785SE,\"Berg, Åse\"\n")
        #expect(result.entries.map(\.name) == ["Berg, Åse"])
    }

    @Test func semicolonPreferredWhenHeaderHasBoth() throws {
        let result = try parse("tracking;name;note, extra\nRR123456785SE;Berg, Åse;x\n")
        #expect(result.entries.map(\.name) == ["Berg, Åse"])
        // Split on ";", the header's columns are "tracking" and "name,full": no name column.
        #expect(throws: ManifestError.missingColumns([.name])) { try parse("tracking;name,full\n") }
    }

    @Test func emptyAndBlankLinesIgnored() throws {
        let text = "\n\ntracking;name\n\n  \r\nRR123456785SE;Kari\n;;\n\nRR473124829DK;Åse\n\n"
        let result = try parse(text)
        #expect(result.problems == [])
        #expect(result.entries.map(\.line) == [6, 9])
    }

    @Test func headerOnlyIsNoEntries() throws {
        #expect(try parse("tracking;name\n") == ManifestParse(entries: [], problems: []))
    }

    @Test func nordicNamesPreserved() throws {
        let names = ["Øystein Ærø", "ÅSE ØDEGÅRD", "Märta Åström", "Jens Bæk"]
        let text = "tracking;name\n" + zip(["RR123456785SE", "RR473124829DK", "RR810567755SE", "RR000000005NO"], names)
            .map { "\($0);\($1)" }.joined(separator: "\n")
        #expect(try parse(text, bom: true).entries.map(\.name) == names)
    }
}

@Suite("Manifest.parse: file errors")
struct ManifestFileErrorTests {
    @Test func notUTF8() {
        var data = Data("tracking;name\nRR123456785SE;Kari\nRR473124829DK;".utf8)
        data.append(contentsOf: [0xD8, 0x73, 0x74, 0x65, 0x69, 0x6E]) // "Øystein" in Latin-1
        #expect(throws: ManifestError.notUTF8(line: 3)) { try Manifest.parse(data, layout: Fixtures.layout) }
    }

    @Test(arguments: ["", "\n\r\n  \n", ";;\n"])
    func empty(text: String) {
        #expect(throws: ManifestError.empty) { try parse(text) }
    }

    @Test func bomOnlyIsEmpty() {
        #expect(throws: ManifestError.empty) { try parse("", bom: true) }
    }

    @Test func noHeader() {
        #expect(throws: ManifestError.noHeader(line: 2)) { try parse("\nRR123456785SE;Kari Nordmann;91234567\n") }
    }

    @Test func missingRequiredColumns() {
        #expect(throws: ManifestError.missingColumns([.name])) { try parse("tracking;phone\nRR123456785SE;91234567\n") }
        #expect(throws: ManifestError.missingColumns([.tracking])) { try parse("Mottaker,Telefon\nKari,91234567\n") }
        #expect(throws: ManifestError.missingColumns([.tracking, .name])) { try parse("phone;carrier\n") }
    }

    @Test func unterminatedQuote() {
        #expect(throws: ManifestError.unterminatedQuote(line: 3)) {
            try parse("tracking;name\nRR123456785SE;Kari\nRR473124829DK;\"Åse\nRR810567755SE;Per\n")
        }
    }

    @Test func messagesAreSentences() {
        #expect(ManifestError.missingColumns([.tracking, .name]).english.contains(#""tracking"/"sporingsnummer"/"kolli""#))
        #expect(ManifestError.notUTF8(line: 3).english.contains("line 3"))
        #expect(ManifestError.unterminatedQuote(line: 7).english == "The quote opened on line 7 is never closed.")
    }
}

@Suite("Manifest.parse: row problems")
struct ManifestProblemTests {
    @Test func eachProblemWithItsLine() throws {
        let text = #"""
        tracking;name;phone;carrier;hold days
        RR123456785SE;Kari;;;
        RR123456786SE;Ola;;;
        RR473124829DK;  ;;;
        RR810567755SE;Per;12ab;;
        "RR203504100SE";"Liv
        Berg";;Bring;
        RR000000005NO;Siv;;;0
        ABC12345;Ask;;;91
        DEF12345;Eir;;;2.5
        RR123456785SE;Kari igjen;;;
        ;Tom;;;
        X!;Ugyldig;;;
        GHI12345;Gyda;;amazon;90
        """#
        let result = try parse(text)
        #expect(result.problems == [
            ManifestProblem(line: 3, reason: .badTracking(.wrongCheckDigit(
                format: .s10, number: "RR123456786SE", expected: "5", found: "6"))),
            ManifestProblem(line: 4, reason: .emptyName),
            ManifestProblem(line: 5, reason: .badPhone("12ab")),
            ManifestProblem(line: 6, reason: .unknownCarrier("Bring", known: known)),
            ManifestProblem(line: 8, reason: .badHoldDays("0")),
            ManifestProblem(line: 9, reason: .badHoldDays("91")),
            ManifestProblem(line: 10, reason: .badHoldDays("2.5")),
            ManifestProblem(line: 11, reason: .duplicateTracking(TrackingNumber("RR123456785SE"), firstLine: 2)),
            ManifestProblem(line: 12, reason: .badTracking(.empty)),
            ManifestProblem(line: 13, reason: .badTracking(.invalidCharacters(#""!""#))),
        ])
        #expect(result.entries.map(\.line) == [2, 14])
        #expect(result.entries.last == ManifestEntry(
            line: 14, tracking: ParsedTracking(number: TrackingNumber("GHI12345"), format: .unvalidated, checkDigit: .none),
            name: "Gyda", carrierID: "amazon", holdDays: 90))
    }

    @Test func aRowCanHaveSeveralProblems() throws {
        let result = try parse("tracking,name,phone,carrier,hold days\nRR123456786SE,,x,DHL,-3\n")
        #expect(result.entries == [])
        #expect(result.problems.map(\.line) == [2, 2, 2, 2, 2])
        #expect(result.problems.map(\.reason) == [
            .badTracking(.wrongCheckDigit(format: .s10, number: "RR123456786SE", expected: "5", found: "6")),
            .emptyName, .badPhone("x"), .unknownCarrier("DHL", known: known), .badHoldDays("-3"),
        ])
    }

    @Test func duplicateNormalisedAndAfterABadFirstRow() throws {
        let text = "tracking;name\nRR 123 456 785 SE;\nrr123456785se;Kari\n\"RR123456785SE\";Kari\n"
        let result = try parse(text)
        #expect(result.entries == [])
        #expect(result.problems == [
            ManifestProblem(line: 2, reason: .emptyName),
            ManifestProblem(line: 3, reason: .duplicateTracking(TrackingNumber("RR123456785SE"), firstLine: 2)),
            ManifestProblem(line: 4, reason: .duplicateTracking(TrackingNumber("RR123456785SE"), firstLine: 2)),
        ])
    }

    @Test(arguments: ["123", "1234567", "12a4", "12-34"])
    func badPickupCode(code: String) throws {
        let result = try parse("tracking;name;pickup code\nRR123456785SE;Kari;\(code)\nRR473124829DK;Åse;4711\n")
        #expect(result.problems == [ManifestProblem(line: 2, reason: .badPickupCode(code))])
        #expect(result.entries.map(\.line) == [3])
    }

    @Test func missingTrailingCellsAreEmpty() throws {
        let result = try parse("tracking;name;phone;carrier;hold days\nRR123456785SE;Kari\n")
        #expect(result.entries == [ManifestEntry(line: 2, tracking: s10("RR123456785SE"), name: "Kari")])
    }

    @Test func messages() {
        #expect(ManifestProblem(line: 4, reason: .emptyName).english == "Line 4: the name is empty.")
        #expect(ManifestProblem(line: 6, reason: .unknownCarrier("Bring", known: known)).english
            == #"Line 6: unknown carrier "Bring"; known carriers: PostNord, Amazon."#)
        #expect(ManifestProblem(line: 11, reason: .duplicateTracking(TrackingNumber("RR123456785SE"), firstLine: 2)).english
            == "Line 11: tracking number RR123456785SE is already on line 2.")
        #expect(ManifestProblem(line: 3, reason: .badTracking(.wrongCheckDigit(
            format: .s10, number: "RR123456786SE", expected: "5", found: "6"))).english
            == "Line 3: bad tracking number. " + TrackingError.wrongCheckDigit(
                format: .s10, number: "RR123456786SE", expected: "5", found: "6").english)
        #expect(ManifestProblem(line: 8, reason: .badHoldDays("0")).english
            == #"Line 8: hold days must be a whole number from 1 to 90, not "0"."#)
        #expect(ManifestProblem(line: 10, reason: .badPickupCode("12ab")).english
            == #"Line 10: "12ab" is not a pickup code (4 to 6 digits)."#)
    }
}

@Suite("Manifest.parse: documented examples")
struct ManifestDocExampleTests {
    @Test func semicolonExample() throws {
        let text = "Sporingsnummer;Mottaker;Mobil;Transportør;Dager\r\n"
            + "RR123456785SE;Kari Nordmann;+47 912 34 567;PostNord;7\r\n"
            + "RR473124829DK;Åse Ødegård;;;\r\n"
            + "370725380000086508;\"Bæk; Jens\";40 12 34 56;Amazon;14\r\n"
            + "CT797294851NO;\"Øystein \"\"Øyvind\"\" Ærø\r\nc/o Lund\";;postnord;\r\n"
        let result = try parse(text, bom: true)
        #expect(result.problems == [])
        #expect(result.entries.map(\.line) == [2, 3, 4, 5])
        #expect(result.entries.map(\.name) == ["Kari Nordmann", "Åse Ødegård", "Bæk; Jens", "Øystein \"Øyvind\" Ærø\nc/o Lund"])
        #expect(result.entries.map(\.tracking.format) == [.s10, .s10, .sscc, .s10])
        #expect(result.entries.map(\.carrierID) == ["postnord", nil, "amazon", "postnord"])
        #expect(result.entries.map(\.phone) == ["4791234567", nil, "40123456", nil])
    }

    @Test func commaExample() throws {
        let text = "tracking,name,phone,carrier,hold days,pickup code\n"
            + "RR123456785SE,Kari Nordmann,+47 912 34 567,PostNord,7,4711\n"
            + "RR473124829DK,\"Ödegård, Märta\",,,,\n"
            + "TBA123456789012,Bjørn Haugen,91234567,amazon,,123 456"
        let result = try parse(text)
        #expect(result.problems == [])
        #expect(result.entries.map(\.name) == ["Kari Nordmann", "Ödegård, Märta", "Bjørn Haugen"])
        #expect(result.entries.map(\.tracking.format) == [.s10, .s10, .amazon])
        #expect(result.entries.map(\.holdDays) == [7, nil, nil])
        #expect(result.entries.map(\.pickupCode) == ["4711", nil, "123456"])
    }
}

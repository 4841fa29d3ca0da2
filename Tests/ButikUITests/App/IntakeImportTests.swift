import ButikDomain
import ButikStore
@testable import ButikUI
import Foundation
import Testing

/// Ctrl-O on F3: importing a carrier's manifest from a CSV file, through the driver over a real
/// store holding the demo shop.
struct IntakeImportTests {
    static let first = Harness.s10("11111111")
    static let second = Harness.s10("22222222")
    static let third = Harness.s10("33333333")

    /// A spreadsheet's export: byte order mark, semicolons, CRLF; one row already in the shop,
    /// one without a name, one with an unknown carrier.
    static let csv = "\u{FEFF}Sporingsnummer;Mottaker;Telefon;Transportør\r\n"
        + "\(first);Østby, Anne-Marie;912 34 567;PostNord\r\n"
        + "\(ScenarioTests.magnus);Magnus Johansen;;\r\n"
        + "\(second);;;\r\n"
        + "\(third);Per Olsen;;Schenker\r\n"
        + "\(Harness.s10("44444444"));Kari Dahl;;Posten\r\n"

    /// Writes `text` to a temporary file and returns its path.
    static func file(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("butik-manifest-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    static func importFile(_ h: Harness, _ path: String) {
        h.press(.control("o"))
        h.type(path)
        h.press(.enter)
    }

    @Test func ctrlOImportsTheFileAndReportsTheBadRows() throws {
        let path = try Self.file(Self.csv)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let h = try Harness()
        h.press(.function(3))
        h.press(.control("o"))
        #expect(h.screen()[5] == " Import manifest: path of the CSV file, e.g. ~/Downloads/postnord.csv")
        h.type(path)
        #expect(h.screen(width: 200)[5] == " Import manifest: \(path)")
        _ = h.takeEffects()
        h.press(.enter)
        #expect(h.takeEffects() == [])
        let lines = h.screen(width: 120)
        #expect(lines[5] == "")
        #expect(lines[8...11] == [
            " Imported 2 expected parcels; 1 already known; 2 bad rows",
            " Line 4: the name is empty.",
            " Line 5: unknown carrier \"Schenker\"; known carriers: PostNord, Posten/Bring, DHL, UPS, Amazon, Instabox.",
            "",
        ])
        let expected = h.store.state.expected
        #expect(expected[TrackingNumber(Self.first)]?.name == "Anne-Marie Østby")
        #expect(expected[TrackingNumber(Self.first)]?.phone == "91234567")
        #expect(expected[TrackingNumber(Harness.s10("44444444"))]?.carrier == "posten")
        #expect(expected[TrackingNumber(Self.second)] == nil)

        // The announced parcel then completes at once.
        h.press(.enter)
        h.scan(Self.first)
        #expect(h.store.state.parcelInShop(TrackingNumber(Self.first))?.recipientName == "Anne-Marie Østby")
        #expect(h.screen(width: 120)[13].hasPrefix(" AMØ → "))

        // Importing the same file again adds nothing.
        Self.importFile(h, path)
        #expect(h.screen(width: 120)[7] == " Imported 0 expected parcels; 3 already known; 2 bad rows")
    }

    @Test func aFileThatCannotBeReadOrIsNoManifestImportsNothing() throws {
        let h = try Harness()
        let before = h.store.state.expected
        h.press(.function(3))
        _ = h.takeEffects()
        Self.importFile(h, "/nonexistent/manifest.csv")
        #expect(h.takeEffects() == [.beep])
        #expect(h.screen(width: 200)[6].hasPrefix(" Cannot read /nonexistent/manifest.csv: "))

        let path = try Self.file("\(Self.first);Anne\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        Self.importFile(h, path)
        #expect(h.screen(width: 260)[6] == " \(path): Line 1 should be a header row naming the columns (for example \"tracking;name;phone;carrier;hold days\"), but it names none of them. Nothing was imported.")
        #expect(h.store.state.expected == before)
    }

    @Test func escClosesThePromptAndAnEmptyPathBeeps() throws {
        let h = try Harness()
        h.press(.function(3))
        h.press(.control("o"))
        _ = h.takeEffects()
        h.press(.enter)
        #expect(h.takeEffects() == [.beep])
        h.type("x")
        h.press(.escape)
        #expect(h.state.intake.importField == nil)
        #expect(h.screen()[2] == " New delivery.  Carrier: ◀ PostNord ▶   Declared items: optional")
        #expect(h.screen()[5] == "")
    }
}

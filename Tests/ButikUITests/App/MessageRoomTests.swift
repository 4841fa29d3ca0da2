import ButikDomain
import ButikGrid
import Foundation
import Testing
@testable import ButikUI

/// Messages wrap instead of being cut, belong to the screen and moment they were said, and a
/// wide or small window is used for what matters.
@Suite struct MessageRoomTests {
    /// The rows `range` of `lines`, trimmed and joined by a space: a wrapped message read back.
    static func read(_ lines: [String], _ range: ClosedRange<Int>) -> String {
        lines[range].map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    @Test func theWrongParcelsStopKeepsItsSlotAt100Columns() throws {
        let h = try Harness()
        _ = try HandOutScenarioTests.startForKariHansen(h)
        h.type("3")
        let other = try #require(h.store.state.parcelsInShop.first { $0.key == "JEDS" && $0.status == .waiting })
        h.scan(other.tracking.value)
        let top = h.counterDetailRow(height: 30)
        let lines = h.screen(width: 100, height: 30)
        #expect(Self.read(lines, top + 3...top + 4)
            == "STOP: \(other.tracking) is not Kari Hansen's parcel. It is for JEDS (Janne Eline Dahl Solberg), slot \(other.slot). Put it back.")
        #expect(lines[top + 5].hasPrefix("    Tracking"), "the parcels' list moves down under the whole message")
        // In the smallest whole layout and a compact one the STOP keeps its slot too, over the
        // parcels' list and the results.
        for (width, height) in [(60, 16), (50, 14)] {
            let small = h.screen(width: width, height: height)
            let stop = try #require(small.firstIndex { $0.hasPrefix(" STOP: ") })
            #expect(Self.read(small, stop...min(small.count - 1, stop + 3)).contains("slot \(other.slot). Put it back."), "\(small)")
        }
    }

    @Test func aParcelsDetailsKeepTheirSlotInANarrowWindow() throws {
        let h = try Harness()
        let parcel = try #require(h.store.state.parcelsInShop.first { $0.key == "JEDS" && $0.status == .waiting })
        h.type(parcel.tracking.value)
        let lines = h.screen(width: 50, height: 24)
        let first = try #require(lines.firstIndex { $0.hasPrefix(" For Janne") })
        #expect(Self.read(lines, first...first + 1).hasSuffix("slot \(parcel.slot), small"), "\(lines)")
    }

    @Test func theHandoverResultShowsWhatIsNotOurs() throws {
        let h = try Harness()
        h.press(.function(5))
        h.press(.character("o"), .character("y"))
        let returning = h.store.state.parcelsInShop.filter { $0.status != .waiting }
        h.press(.character("h"))
        for parcel in returning.prefix(5) { h.scan(parcel.tracking.value) }
        h.scan(Harness.s10("33333333"))
        h.press(.enter, .enter)
        let said = try #require(h.state.queue.notice?.text(h.state.context.words))
        #expect(said.hasSuffix("Not ours: \(Harness.s10("33333333"))."))
        let lines = h.screen()
        let first = try #require(lines.firstIndex { $0.hasPrefix(" The driver took 5 of 9.") })
        #expect(Self.read(lines, first...first + 1) == said)
    }

    @Test func aManifestErrorIsSaidToTheEnd() throws {
        let h = try Harness()
        h.press(.function(3))
        let path = try IntakeImportTests.file("\(IntakeImportTests.first);Anne\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        IntakeImportTests.importFile(h, path)
        let lines = h.screen()
        #expect(Self.read(lines, 6...9) == "\(path): Line 1 should be a header row naming the columns (for example "
            + "\"tracking;name;phone;carrier;hold days\"), but it names none of them. Nothing was imported.")
    }

    @Test func aToastTooLongForTwoRowsWrapsOnMore() {
        var state = AppState(context: AppContext(shop: AppUpdateTests.shop, layout: AppUpdateTests.layout, now: Harness.now),
                             staff: "maria", storeLabel: "/srv/butik", clock: 0)
        let text = "The journal was repaired from the backup of 2026-11-30 in /srv/butik/backups/2026-11-30, and the last "
            + "three lines written after it were checked again one by one; nothing was lost. RR123456785SE stays where it was."
        state.say(text: text)
        let lines = state.view(Size(width: 80, height: 24)).textLines
        #expect(Self.read(lines, 21...23) == text)
    }

    // MARK: A message belongs to its screen and moment

    @Test func theQueuesReadyNoticeIsGoneAfterTheHandOut() throws {
        let h = try Harness()
        h.press(.function(5))
        QueueScenarioTests.add(h, "KH2")
        h.press(.character("f"), .character("r"))
        #expect(h.screen()[5] == " KH2 (Kari Hansen)'s parcels are ready at the counter. Enter hands them out.")
        h.press(.enter)
        h.type("1")
        let customer = try #require(h.store.state.customer(withKey: "KH2"))
        for parcel in h.store.state.parcelsInShop(for: customer.id) where parcel.status == .waiting {
            h.scan(parcel.tracking.value)
        }
        h.press(.function(5))
        #expect(h.state.queue.notice == nil)
        #expect(!h.screen().contains { $0.contains("ready at the counter") })
    }

    @Test func switchingScreensClearsTheMessages() throws {
        let h = try Harness()
        h.press(.function(4))
        h.scan(Harness.s10("44444444"))
        h.scan("RR123456780NO")
        #expect(h.state.toast != nil)
        #expect(h.state.shelves.notice != nil)
        h.press(.function(2))
        #expect(h.state.toast == nil)
        h.press(.function(4))
        #expect(h.state.shelves.notice == nil)
    }

    // MARK: A wide window

    @Test func aWideCounterShowsPhoneAndNoteBesideTheName() throws {
        let h = try Harness()
        h.type("kari")
        let kari = try #require(h.store.state.customer(withKey: "KH2"))
        let phone = try #require(kari.phones.first)
        let wide = h.screen(width: 200, height: 60)
        let row = try #require(wide.first { $0.hasPrefix(" KH2 ") })
        #expect(row.contains(phone))
        #expect(!row.contains(String(repeating: " ", count: 60)), "no column of blanks: \(row)")
        #expect(!h.screen().contains { $0.hasPrefix(" KH2 ") && $0.contains(phone) }, "at 80 columns the slots come first")
    }

    @Test func wideQueueAndShelvesShowArrivalAndCarrier() throws {
        let h = try Harness()
        h.press(.function(5))
        let queue = h.screen(width: 200, height: 60)
        let header = try #require(queue.first { $0.contains("Due") && $0.contains("Tracking") })
        #expect(header.contains("Arrived") && header.contains("Phone") && header.contains("Note"))
        #expect(!h.screen().contains { $0.contains("Arrived") })
        h.press(.function(4))
        let shelves = h.screen(width: 200, height: 60)
        let list = try #require(shelves.first { $0.contains("Tracking") && $0.contains("Due") })
        #expect(list.contains("Arrived") && list.contains("Carrier") && list.contains("Phone"))
    }

    // MARK: A small window

    @Test func below60x16AScanOpensItsPromptAndShowsTheKeyAndSlot() throws {
        let h = try Harness()
        h.press(.function(3), .enter)
        let tracking = Harness.s10("77777777", country: "SE")
        h.scan(tracking)
        var lines = h.screen(width: 50, height: 14)
        #expect(lines.contains { $0.contains("Name for \(tracking):") }, "\(lines)")
        #expect(!lines.contains { $0.contains("needs a terminal") })
        h.type("kari")
        h.press(.enter)
        let parcel = try #require(h.store.state.parcelInShop(TrackingNumber(tracking)))
        lines = h.screen(width: 50, height: 14)
        #expect(lines.contains { $0.contains("\(parcel.key) → \(parcel.slot)") }, "\(lines)")
        lines = h.screen(width: 40, height: 10)
        #expect(lines.contains { $0.contains("\(parcel.key) → \(parcel.slot)") }, "\(lines)")
    }

    @Test func below60x16TheHandOutsPromptIsVisible() throws {
        let h = try Harness()
        h.type("KH2")
        h.press(.enter)
        let lines = h.screen(width: 50, height: 14)
        #expect(lines.contains { $0.contains("Hand out to KH2") }, "\(lines)")
        #expect(lines.contains { $0.contains("Identity:") }, "\(lines)")
    }

    /// In the smallest whole layout the Queue's lists keep every tracking number and key whole
    /// (the carrier gives way), and its count line wraps rather than cut a word.
    @Test func theQueueAt60ColumnsKeepsTrackingNumbersWholeAndWrapsItsCount() throws {
        let h = try Harness()
        h.press(.function(5))
        let lines = h.screen(width: 60, height: 16)
        let shown = h.store.state.parcelsInShop.filter { $0.status == .waiting }.map(\.tracking.value)
        let rows = lines.filter { line in shown.contains { line.contains(String($0.prefix(12))) } }
        #expect(!rows.isEmpty, "\(lines)")
        for row in rows { #expect(shown.contains { row.contains($0) }, "a tracking number is cut: \(row)") }
        let count = try #require(lines.firstIndex { $0.contains("waiting ·") })
        #expect(Self.read(lines, count...count + 1).contains("for the driver"), "\(lines)")
    }
}

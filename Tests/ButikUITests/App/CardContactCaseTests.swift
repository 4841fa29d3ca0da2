import ButikDomain
import ButikGrid
import ButikStore
import ButikText
import Foundation
import Testing
@testable import ButikUI

/// F6's card: `c` logs a contact (channel, what about, text) and `o` opens a case (kind,
/// parcels, owner, follow-up day, text), each step a key or the one prompt.
@Suite struct CardContactCaseTests {
    /// The shop's layout where Posten's damage claims are reported within 4 hours, or by 09:00
    /// the next working day after 13:00.
    static let claimsLayout = Harness.layoutJSON.replacingOccurrences(of: #"{ "id": "posten", "name": "Posten/Bring", "holdDays": 7 }"#,
                                                                      with: #"{ "id": "posten", "name": "Posten/Bring", "holdDays": 7, "claims": {"hours": 4, "lateAfter": "13:00", "nextWorkingDayBy": "09:00"} }"#)

    /// Vera Vik (VV) with one parcel from Posten arrived at 09:00, on ``claimsLayout``.
    static func veraOpen() throws -> Harness {
        let h = try Harness(demo: false, layout: claimsLayout) { store in
            let vera = try store.addCustomer(NewCustomer(name: "Vera Vik", key: "VV", phones: ["41122334"]))
            try store.receive(Harness.s10("77009999"), for: vera.id, at: Harness.now.addingTimeInterval(-2 * 3600))
        }
        h.press(.function(6))
        h.type("vera")
        h.press(.enter)
        return h
    }

    @Test func aContactIsLoggedInAFewKeys() throws {
        let h = try Self.veraOpen()
        h.press(.character("c"))
        guard case .contact(let dialog)? = h.state.customers.dialog else { Issue.record("no contact dialog"); return }
        #expect(dialog.step == .channel)
        #expect(h.screen().contains { $0.contains("5 Messenger") })
        // Messenger is the fifth channel; the parcel is the second thing it may be about.
        h.press(.character("5"))
        guard case .contact(let about)? = h.state.customers.dialog else { Issue.record("dialog closed"); return }
        #expect(about.step == .about(.messenger))
        #expect(h.screen().contains { $0.contains("2 \(Harness.s10("77009999"))") })
        h.press(.character("2"))
        h.type("Asks when it can be collected")
        h.press(.enter)
        #expect(h.state.customers.dialog == nil)
        let contact = try #require(h.store.state.records.contacts.values.first)
        #expect(contact.channel == .messenger)
        #expect(contact.about == .parcel(try #require(h.store.state.parcels.values.first).tracking))
        #expect(contact.text == "Asks when it can be collected")
        #expect(contact.staff == Harness.staff)
        #expect(h.screen().contains { $0.contains("Contact by Messenger logged.") })
    }

    @Test func escGoesBackAStepAndLeavesFromTheFirst() throws {
        let h = try Self.veraOpen()
        h.press(.character("c"), .down, .enter)
        guard case .contact(let dialog)? = h.state.customers.dialog else { Issue.record("no dialog"); return }
        #expect(dialog.step == .about(.phone))
        h.press(.enter)
        guard case .contact(let text)? = h.state.customers.dialog else { Issue.record("no dialog"); return }
        #expect(text.step == .text(.phone, .question))
        h.press(.escape, .escape)
        guard case .contact(let first)? = h.state.customers.dialog else { Issue.record("no dialog"); return }
        #expect(first.step == .channel)
        h.press(.escape)
        #expect(h.state.customers.dialog == nil)
        #expect(h.state.customers.card != nil)
    }

    @Test func aNationalIDIsRefusedAndTheTextKeptForCorrection() throws {
        let h = try Self.veraOpen()
        h.press(.character("c"), .character("2"), .character("1"))
        let typed = "Her personnummer 811218-9876"
        h.type(typed)
        h.press(.enter)
        #expect(h.store.state.records.contacts.isEmpty)
        guard case .contact(let kept)? = h.state.customers.dialog else { Issue.record("dialog not kept"); return }
        #expect(kept.step == .text(.phone, .question))
        #expect(kept.input.text == typed)
        #expect(h.state.customers.notice?.tone == .error)
        #expect(h.state.customers.notice?.phrases.first == DomainError.nationalIDInText(.swedishPersonalNumber).phrase)
    }

    @Test func aDamageClaimShowsTheCarriersDeadlineAsACountdownAndIsOpened() throws {
        let h = try Self.veraOpen()
        h.press(.character("o"))
        guard case .newCase(let dialog)? = h.state.customers.dialog else { Issue.record("no case dialog"); return }
        #expect(dialog.step == .kind)
        // Claim: damaged is the first kind; the one parcel is ticked; the owner is who is signed in.
        h.press(.character("1"), .character("1"))
        #expect(h.screen().contains { $0.contains("[x] \(Harness.s10("77009999"))") })
        h.press(.enter)
        guard case .newCase(let owner)? = h.state.customers.dialog else { Issue.record("no case dialog"); return }
        #expect(owner.step == .owner && owner.input.text == Harness.staff.value)
        // Arrived 09:00, now a little after 11:00: under 2 hours left of Posten's 4.
        let shown = h.screen().joined()
        #expect(shown.contains("to Posten/Bring by") && shown.contains("23.11.2026 13:00: 1 h 59 min left."))
        h.press(.enter)
        h.type("31.11")
        h.press(.enter)
        guard case .newCase(let bad)? = h.state.customers.dialog else { Issue.record("no case dialog"); return }
        #expect(bad.step == .followUp && h.state.customers.notice?.tone == .error)
        h.press(.backspace, .backspace, .backspace, .backspace, .backspace)
        h.type("30.11")
        h.press(.enter)
        h.type("Box crushed at one corner")
        h.press(.enter)
        #expect(h.state.customers.dialog == nil)
        let opened = try #require(h.store.state.records.cases.values.first)
        #expect(opened.kind == .claim(.damaged))
        #expect(opened.owner == Harness.staff)
        #expect(opened.followUp == Day(year: 2026, month: 11, day: 30))
        #expect(opened.parcels.map(\.value) == [Harness.s10("77009999")])
        #expect(opened.customer == h.store.state.customer(withKey: "VV")?.id)
        #expect(h.screen().joined().contains("Case #1 opened: claim: damaged."))
    }

    @Test func aCaseWithAnotherOwnerAndNoFollowUpSkipsTheParcelsItDoesNotConcern() throws {
        let h = try Self.veraOpen()
        h.press(.character("o"), .character("7"), .enter)
        guard case .newCase(let owner)? = h.state.customers.dialog else { Issue.record("no case dialog"); return }
        #expect(owner.step == .owner)
        h.press(.backspace, .backspace, .backspace, .backspace, .backspace)
        h.type("per")
        h.press(.enter, .enter)
        h.type("Asks whether we sell boxes")
        h.press(.enter)
        let opened = try #require(h.store.state.records.cases.values.first)
        #expect(opened.kind == .question && opened.owner == "per" && opened.followUp == nil && opened.parcels.isEmpty)
    }
}

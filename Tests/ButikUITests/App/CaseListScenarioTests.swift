import ButikDomain
import ButikGrid
import ButikStore
import ButikText
import Foundation
import Testing
@testable import ButikUI

/// F6's case list (Tab): follow-ups overdue and due first, filters by owner, kind, status and
/// due, a case opened with its parcels, countdown and history, updated, closed and reopened
/// through the store, a refused change saying why and writing nothing.
@Suite struct CaseListScenarioTests {
    static let day: Double = 86_400

    /// Vera Vik (VV, a Posten parcel arrived at 09:00, on a layout with Posten's claim rule) and
    /// Ola Nordmann (ON), with five cases as of Monday 23.11.2026 11:00:
    /// #1 VV damage claim on her parcel, maria, follow-up Wednesday 25.11;
    /// #2 ON question, per, no follow-up;
    /// #3 ON delivery booking, maria, follow-up Saturday 21.11 (overdue);
    /// #4 VV complaint, per, follow-up today;
    /// #5 ON redirect, maria, resolved.
    static func shop() throws -> Harness {
        try Harness(demo: false, layout: CardContactCaseTests.claimsLayout) { store in
            let vera = try store.addCustomer(NewCustomer(name: "Vera Vik", key: "VV", phones: ["41122334"]))
            let ola = try store.addCustomer(NewCustomer(name: "Ola Nordmann", key: "ON"))
            let parcel = try store.receive(Harness.s10("77009999"), for: vera.id, at: Harness.now.addingTimeInterval(-2 * 3600))
            let now = Harness.now
            try store.openCase(NewCase(customer: vera.id, kind: .claim(.damaged), parcels: [parcel.tracking], owner: "maria",
                                       followUp: Day(year: 2026, month: 11, day: 25), text: "Box crushed at one corner"), at: now.addingTimeInterval(-3600))
            try store.openCase(NewCase(customer: ola.id, kind: .question, owner: "per", text: "Asks whether we sell boxes"), at: now.addingTimeInterval(-3600))
            try store.openCase(NewCase(customer: ola.id, kind: .deliveryBooking, owner: "maria", followUp: Day(year: 2026, month: 11, day: 21),
                                       text: "Wants it on Tuesday"), at: now.addingTimeInterval(-3 * day))
            try store.openCase(NewCase(customer: vera.id, kind: .complaint, owner: "per", followUp: Day(year: 2026, month: 11, day: 23),
                                       text: "The driver was rude"), at: now.addingTimeInterval(-day))
            let redirect = try store.openCase(NewCase(customer: ola.id, kind: .redirect, owner: "maria", text: "To the shop, not home"),
                                              at: now.addingTimeInterval(-2 * day))
            _ = try store.perform(staff: "maria", now: now.addingTimeInterval(-day)) { state, context throws(DomainError) in
                try state.closeCase(redirect.id, text: "Posten confirmed", context)
            }
        }
    }

    /// Three cases in the demo shop, as of Monday 23.11.2026 11:00: a damage claim on JEDS's
    /// first parcel, overdue since Saturday and since waiting for the carrier; a delivery
    /// booking of BB's due today; a question of AMZ's with no follow-up day.
    static func openDemoCases(_ h: Harness) throws {
        let store = h.store
        let now = Harness.now
        let jeds = try #require(store.state.customer(withKey: "JEDS"))
        let parcel = try #require(store.state.parcelsInShop(for: jeds.id).first)
        let claim = try store.openCase(NewCase(customer: jeds.id, kind: .claim(.damaged), parcels: [parcel.tracking], owner: "maria",
                                               followUp: Day(year: 2026, month: 11, day: 21), text: "The box came crushed"),
                                       at: now.addingTimeInterval(-3 * day))
        _ = try store.perform(staff: "per", now: now.addingTimeInterval(-3 * day + 3600)) { state, context throws(DomainError) in
            try state.updateCase(claim.id, CaseChange(status: .waitingForCarrier, text: "Photos sent to the carrier"), context)
        }
        let bb = try #require(store.state.customer(withKey: "BB"))
        try store.openCase(NewCase(customer: bb.id, kind: .deliveryBooking, owner: "per", followUp: Day(year: 2026, month: 11, day: 23),
                                   text: "Wants the sofa delivered on Thursday"), at: now.addingTimeInterval(-day))
        let amz = try #require(store.state.customer(withKey: "AMZ"))
        try store.openCase(NewCase(customer: amz.id, kind: .question, owner: "maria", text: "Asks whether we keep parcels for 14 days"),
                           at: now.addingTimeInterval(-3600))
        h.wait(1.5)
    }

    /// The shop with the case list shown.
    static func showingCases() throws -> Harness {
        let h = try shop()
        h.press(.function(6), .tab)
        return h
    }

    /// The case numbers of the list's rows, top to bottom.
    static func listed(_ h: Harness) -> [String] {
        h.screen().compactMap { line in
            let first = line.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map(String.init) ?? ""
            return first.hasPrefix("#") ? first : nil
        }
    }

    @Test func tabShowsTheCasesOverdueAndDueFirstAndTheTitleCountsThem() throws {
        let h = try Self.shop()
        h.press(.function(6))
        #expect(h.screen()[2] == "  Customers · Cases: 2 due")
        h.press(.tab)
        #expect(h.state.customers.showsCases)
        let lines = h.screen()
        #expect(lines[2] == "  Customers · Cases: 2 due")
        #expect(lines[3] == " Owner: anyone · kind: any · status: not resolved")
        #expect(Self.listed(h) == ["#3", "#4", "#1", "#2"])
        let overdue = try #require(lines.firstIndex { $0.hasPrefix(" #3 ") })
        #expect(lines[overdue].contains("21.11 overdue") && lines[overdue].contains("ON") && lines[overdue].contains("Wants it on Tuesday"))
        let today = try #require(lines.firstIndex { $0.hasPrefix(" #4 ") })
        #expect(lines[today].contains("today") && lines[today].contains("per") && lines[today].contains("complaint"))
        // The overdue row is loud (once the selection is off it), the one due today a warning.
        h.press(.down, .down)
        let frame = h.frame()
        #expect(frame[overdue, 2].style == Style(.danger, bold: true))
        #expect(frame[today, 2].style == Style(.warning))
        // Tab again: the customers, the case list kept as it was.
        h.press(.tab)
        #expect(!h.state.customers.showsCases)
        #expect(h.screen()[3] == " Filter: type or press / to filter")
        h.press(.tab)
        #expect(h.state.customers.cases.selection.index == 2)
    }

    @Test func aNarrowWindowDropsColumnsAndAWideOneAddsTheNameAndTheCountdown() throws {
        let h = try Self.showingCases()
        let narrow = h.screen(width: 60, height: 16)
        let header = try #require(narrow.first { $0.contains("Follow-up") })
        #expect(!header.contains("Owner") && !header.contains("Status") && header.contains("Key") && header.contains("Last said"))
        #expect(narrow.contains { $0.hasPrefix(" #3 ") && $0.contains("overdue") })
        #expect(narrow.allSatisfy { $0.displayWidth <= 60 })
        let wide = h.screen(width: 200, height: 30)
        let claim = try #require(wide.first { $0.hasPrefix(" #1 ") })
        #expect(claim.contains("Vera Vik") && claim.contains("maria") && claim.contains("open"))
        #expect(claim.contains(" min left"))
    }

    @Test func filtersCycleOwnerKindStatusAndDueAndEscClearsThem() throws {
        let h = try Self.showingCases()
        // The owner: the one signed in (maria) first, then every other owner, then anyone.
        h.press(.character("o"))
        #expect(Self.listed(h) == ["#3", "#1"])
        #expect(h.screen()[3] == " Owner: maria · kind: any · status: not resolved")
        h.press(.character("o"))
        #expect(Self.listed(h) == ["#4", "#2"])
        h.press(.character("o"))
        #expect(Self.listed(h) == ["#3", "#4", "#1", "#2"])
        // The kind, one after the other: claims (damaged) first.
        h.press(.character("k"))
        #expect(Self.listed(h) == ["#1"])
        h.press(.escape)
        #expect(h.state.customers.cases.kind == nil)
        // Only those due.
        h.press(.character("d"))
        #expect(Self.listed(h) == ["#3", "#4"])
        #expect(h.screen()[3].hasSuffix("· due only"))
        h.press(.character("d"))
        // The status: open, waiting for the carrier, waiting for the customer, resolved.
        h.press(.character("s"))
        #expect(Self.listed(h) == ["#3", "#4", "#1", "#2"])
        h.press(.character("s"))
        #expect(Self.listed(h).isEmpty)
        #expect(h.screen().contains { $0.contains("No case matches these filters") })
        h.press(.character("s"), .character("s"))
        #expect(Self.listed(h) == ["#5"])
        h.press(.escape)
        #expect(Self.listed(h) == ["#3", "#4", "#1", "#2"])
    }

    @Test func enterOpensTheCaseWithItsParcelsCountdownAndHistory() throws {
        let h = try Self.showingCases()
        h.press(.down, .down, .enter)
        #expect(h.state.customers.cases.opened?.id == CaseID(1))
        let shown = h.screen(width: 100, height: 30).joined(separator: "\n")
        #expect(shown.contains("#1  claim: damaged"))
        #expect(shown.contains("Customer: VV  Vera Vik"))
        #expect(shown.contains("Status: open · owner: maria"))
        #expect(shown.contains("Follow-up: 25.11.2026"))
        let slot = try #require(h.store.state.parcelsInShop.first?.slot)
        #expect(shown.contains("Parcel \(Harness.s10("77009999")): waiting in \(slot)"))
        #expect(shown.contains("to Posten/Bring by 23.11.2026 13:00: 1 h") && shown.contains("min left."))
        #expect(shown.contains("History, 1 entry:"))
        #expect(shown.contains("23.11.2026 10:00  siv  case #1 opened, claim: damaged: Box crushed at one corner"))
        h.press(.escape)
        #expect(h.state.customers.cases.opened == nil)
        #expect(h.state.customers.cases.selection.index == 2)
    }

    @Test func anUpdateSetsStatusFollowUpOwnerAndTextThroughTheStore() throws {
        let h = try Self.showingCases()
        h.press(.down, .enter, .character("u"))
        // Waiting for the carrier is the third choice (after "as it is" and open).
        h.press(.character("3"))
        #expect(h.state.customers.cases.opened?.dialog?.step == .followUp)
        h.type("27.11")
        h.press(.enter)
        #expect(h.state.customers.cases.opened?.dialog?.input.text == "per")
        h.press(.control("u"))
        h.type("siv")
        h.press(.enter)
        h.type("Asked Posten about the driver")
        h.press(.enter)
        #expect(h.state.customers.cases.opened?.dialog == nil)
        let changed = try #require(h.store.state.cases[CaseID(4)])
        #expect(changed.status == .waitingForCarrier && changed.followUp == Day(year: 2026, month: 11, day: 27) && changed.owner == "siv")
        let update = try #require(changed.updates.last)
        #expect(update.staff == Harness.staff && update.text == "Asked Posten about the driver")
        let shown = h.screen(width: 200, height: 40).joined(separator: "\n")
        #expect(shown.contains("Case #4 updated."))
        #expect(shown.contains("Status: waiting for the carrier · owner: siv"))
        #expect(shown.contains("case #4, now waiting for the carrier, owner siv, follow-up 27.11.2026: Asked Posten about the driver"))
        // ↓ scrolls the history: the update goes above, the opening stays.
        h.press(.down)
        let scrolled = h.screen(width: 200, height: 40).joined(separator: "\n")
        #expect(scrolled.contains("↑ 1 newer entry above") && !scrolled.contains("Asked Posten about the driver")
                && scrolled.contains("case #4 opened, complaint: The driver was rude"))
        h.press(.up)
        #expect(h.state.customers.cases.opened?.first == 0)
        // Back on the list it is due no longer: it moves below the case due on Wednesday.
        h.press(.escape)
        #expect(Self.listed(h) == ["#3", "#1", "#4", "#2"])
        #expect(h.screen()[2] == "  Customers · Cases: 1 due")
    }

    @Test func aRefusedUpdateSaysWhyWritesNothingAndKeepsWhatWasTyped() throws {
        let h = try Self.showingCases()
        // #2 has no follow-up day: waiting for the customer needs one.
        h.press(.end, .enter, .character("u"), .character("4"), .enter, .enter)
        h.type("Left a message")
        h.press(.enter)
        let dialog = try #require(h.state.customers.cases.opened?.dialog)
        #expect(dialog.step == .text && dialog.input.text == "Left a message" && dialog.status == .waitingForCustomer)
        #expect(h.state.customers.cases.notice == Notice(DomainError.followUpNeeded(status: .waitingForCustomer).phrase, tone: .error))
        #expect(h.store.state.cases[CaseID(2)]?.updates.isEmpty == true)
        #expect(h.store.state.cases[CaseID(2)]?.status == .open)
        // Back to the day, which is given this time: it lands.
        h.press(.escape, .escape)
        h.type("30.11")
        h.press(.enter, .enter, .enter)
        #expect(h.store.state.cases[CaseID(2)]?.status == .waitingForCustomer)
        #expect(h.store.state.cases[CaseID(2)]?.followUp == Day(year: 2026, month: 11, day: 30))
        #expect(h.store.state.cases[CaseID(2)]?.updates.last?.text == "Left a message")
        // An update that changes nothing is refused too.
        h.press(.character("u"), .enter, .enter, .enter, .enter)
        #expect(h.state.customers.cases.notice == Notice(DomainError.caseUpdateEmpty(CaseID(2)).phrase, tone: .error))
        #expect(h.store.state.cases[CaseID(2)]?.updates.count == 1)
    }

    @Test func closeNeedsATextResolvesAndReopenOpensAgain() throws {
        let h = try Self.showingCases()
        h.press(.enter)
        #expect(h.state.customers.cases.opened?.id == CaseID(3))
        h.press(.character("c"), .enter)
        #expect(h.state.customers.cases.notice?.tone == .error)
        #expect(h.store.state.cases[CaseID(3)]?.status == .open)
        h.type("Delivered on Tuesday")
        h.press(.enter)
        #expect(h.store.state.cases[CaseID(3)]?.status == .resolved)
        #expect(h.store.state.cases[CaseID(3)]?.updates.last?.text == "Delivered on Tuesday")
        var shown = h.screen().joined(separator: "\n")
        #expect(shown.contains("Case #3 closed: resolved.") && shown.contains("Status: resolved · owner: maria"))
        #expect(!h.state.keys.binds(.character("u")) && !h.state.keys.binds(.character("c")))
        h.press(.character("r"))
        h.type("She called: it never came")
        h.press(.enter)
        #expect(h.store.state.cases[CaseID(3)]?.status == .open)
        shown = h.screen().joined(separator: "\n")
        #expect(shown.contains("Case #3 opened again.") && shown.contains("case #3, now open: She called: it never came"))
        h.press(.escape)
        #expect(Self.listed(h) == ["#3", "#4", "#1", "#2"])
    }

    @Test func enterOnACaseGoesToTheCustomersCardAndEscComesBack() throws {
        let h = try Self.showingCases()
        h.press(.enter, .enter)
        let card = try #require(h.state.customers.card)
        #expect(card.customer == h.store.state.customer(withKey: "ON")?.id)
        #expect(h.screen().contains { $0.hasPrefix(" ON  Ola Nordmann") })
        h.press(.escape)
        #expect(h.state.customers.card == nil && h.state.customers.cases.opened?.id == CaseID(3))
        h.press(.escape)
        #expect(Self.listed(h) == ["#3", "#4", "#1", "#2"])
    }

    @Test func aCaseAnotherProgramOpensShowsOnceTheAppCatchesUp() throws {
        let h = try Self.showingCases()
        let other = try ShopStore.open(folder: h.folder, defaultLayout: Data(CardContactCaseTests.claimsLayout.utf8))
        let ola = try #require(other.state.customer(withKey: "ON"))
        try other.openCase(NewCase(customer: ola.id, kind: .extension, owner: "per", followUp: Day(year: 2026, month: 11, day: 23),
                                   text: "Away until Friday"), staff: "per")
        h.wait(1.5)
        #expect(Self.listed(h) == ["#3", "#4", "#6", "#1", "#2"])
        #expect(h.screen()[2] == "  Customers · Cases: 3 due")
    }
}

extension ShopStore {
    /// Opens a case as staff would at the counter or on the command line.
    @discardableResult
    func openCase(_ new: NewCase, at now: Date = Harness.now, staff: StaffID = "siv") throws -> Case {
        try perform(staff: staff, now: now) { state, context throws(DomainError) in
            try state.openCase(new, context)
        }
    }
}

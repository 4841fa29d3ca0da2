import ButikDomain
import ButikGrid
import ButikText
@testable import ButikUI
import Foundation
import Testing

/// The counter on a number no parcel in the shop has: `update` and `view` on whole states, the
/// stories read as the driver would hand them over.
struct CounterPastTests {
    /// A number two parcels had: one for KH2 handed out on photo ID ten days ago, and one for
    /// JEDS that came back with it three days ago, handed out to her proxy.
    static let number = TrackingNumber(Harness.s10("31415926"))

    /// The demo shop with the two parcels of ``number`` received and handed out, and the
    /// history of the same journal.
    static let (shop, history): (ShopState, History) = {
        let layout = AppUpdateTests.layout
        var shop = ShopState()
        var records = DemoShop.records(names: Harness.demoNames, layout: layout, now: Harness.now)
        for record in records { shop.apply(record) }
        let parsed = try! Tracking.parse(number.value).get()
        for (days, key, staff, verification, proxy) in [(10.0, "KH2" as CustomerKey, "siv" as StaffID, Verification.id, nil as String?),
                                                        (3, "JEDS", "ola", .proxy, "Petter Dahl Solberg")] {
            let context = Context(layout: layout, now: Harness.now.addingTimeInterval(-days * 86_400), staff: staff)
            let customer = shop.customer(withKey: key)!.id
            let received = try! shop.receive(ReceiveRequest(tracking: parsed, recipient: .customer(customer), carrier: "posten", again: true), context)
            records += shop.apply(received, context)
            let later = Context(layout: layout, now: context.now.addingTimeInterval(2 * 3600), staff: staff)
            let request = HandOutRequest(parcels: [received.outcome.parcel.id], verification: verification,
                                         proxyName: proxy, proxyID: proxy.map { _ in "førerkort …4521" })
            records += shop.apply(try! shop.handOut(request, later), later)
        }
        var history = History(zone: layout.zone)
        for (index, record) in records.enumerated() { history.apply(record, seq: index + 1) }
        return (shop, history)
    }()

    func state() -> AppState {
        AppState(context: AppContext(shop: Self.shop, layout: AppUpdateTests.layout, now: Harness.now, words: Harness.words),
                 staff: "maria", storeLabel: "/srv/butik", clock: 100)
    }

    /// The state after a scan of ``number`` and the stories the driver read.
    func showingThePast() -> AppState {
        var state = state()
        #expect(state.update(.scan(Self.number.value)) == [.lookUpStories(Self.number)])
        #expect(state.update(.storiesRead(Self.number, Self.history.stories(for: Self.number))) == [])
        return state
    }

    @Test func aScanOfANumberNoLongerInTheShopAsksForItsPast() {
        var state = state()
        state.tab = .queue
        #expect(state.update(.scan(Self.number.value)) == [.lookUpStories(Self.number)], "the live state knows it: to the counter")
        #expect(state.tab == .counter)
        #expect(state.counter.field.text == Self.number.value)
        // A number in the shop is shown as before, without a look-up.
        let waiting = Self.shop.parcelsInShop.first { $0.status == .waiting }!
        #expect(state.update(.scan(waiting.tracking.value)) == [])
        #expect(state.toastText?.hasPrefix("\(waiting.tracking): waiting for pickup") == true)
    }

    @Test func bothParcelsThatHadTheNumberShowNewestFirstAt100x30() {
        let state = showingThePast()
        #expect(snapshot(state.view(Size(width: 100, height: 30))) == """
             F2 Counter  F3 Intake  F4 Shelves  F5 Queue  F6 Customers  F7 Reports

             Find: RR314159268NO

             RR314159268NO: 2 parcels had this number, newest first.

             P337  Posten/Bring, for JEDS (Janne Eline Dahl Solberg): handed out
               20.11.2026 11:00  ola  received into D6, deadline 27.11.2026
               20.11.2026 13:00  ola  handed out to proxy Petter Dahl Solberg (ID note: førerkort …4521)

             P336  Posten/Bring, for KH2 (Kari Hansen): handed out
               13.11.2026 11:00  siv  received into A2, deadline 20.11.2026
               13.11.2026 13:00  siv  handed out to the recipient, photo ID checked















             maria │ Butik Klostergaten                                     193 on shelf │ 18 due today │ 11:00
            type new search  Esc close  ↓ older parcel  F1 help  F10 quit  F2-F7 screens
            """)
    }

    @Test func at80x24TheStepsWrapUnderTheirText() {
        let state = showingThePast()
        #expect(snapshot(state.view(Size(width: 80, height: 24))) == """
             F2 Counter  F3 Intake  F4 Shelves  F5 Queue  F6 Customers  F7 Reports

             Find: RR314159268NO

             RR314159268NO: 2 parcels had this number, newest first.

             P337  Posten/Bring, for JEDS (Janne Eline Dahl Solberg): handed out
               20.11.2026 11:00  ola  received into D6, deadline 27.11.2026
               20.11.2026 13:00  ola  handed out to proxy Petter Dahl Solberg (ID note:
                                      førerkort …4521)

             P336  Posten/Bring, for KH2 (Kari Hansen): handed out
               13.11.2026 11:00  siv  received into A2, deadline 20.11.2026
               13.11.2026 13:00  siv  handed out to the recipient, photo ID checked








             maria │ Butik Klostergaten                 193 on shelf │ 18 due today │ 11:00
            type new search  Esc close  ↓ older parcel  F1 help  F10 quit  F2-F7 screens
            """)
    }

    /// At the smallest size drawn, what does not fit is said, and ↓ brings the older parcel up.
    @Test func theSmallestWindowSaysWhatDoesNotFitAndTheArrowsPage() {
        var state = showingThePast()
        let size = AppState.minimumSize
        #expect(snapshot(state.view(size)) == """
             F2 Counter  F3 Int…  F4 She…  F5 Que…  F6 Cus…  F7 Rep…

             Find: RR314159268NO

             RR314159268NO: 2 parcels had this number, newest first.
             P337  Posten/Bring, for JEDS (Janne Eline Dahl Solberg):
             handed out
               20.11.2026 11:00  ola  received into D6, deadline
                                      27.11.2026
               20.11.2026 13:00  ola  handed out to proxy Petter Dahl
                                      Solberg (ID note: førerkort
                                      …4521)
             P336  Posten/Bring, for KH2 (Kari Hansen): handed out
             … 4 more lines; ↓ shows the next parcel
             maria │ Butik Kloster… 193 on shelf │ 18 due today │ 11:00
            type new search  Esc close  ↓ older parcel  F1 help
            """)
        #expect(state.update(.key(.down)) == [])
        let lines = state.view(size).textLines
        #expect(lines[4...10] == [
            " RR314159268NO: 2 parcels had this number, newest first.",
            " ↑ 1 newer parcel",
            " P336  Posten/Bring, for KH2 (Kari Hansen): handed out",
            "   13.11.2026 11:00  siv  received into A2, deadline",
            "                          20.11.2026",
            "   13.11.2026 13:00  siv  handed out to the recipient,",
            "                          photo ID checked",
        ])
        // The last parcel stays the first shown; ↑ goes back to the newest.
        #expect(state.update(.key(.down)) == [])
        #expect(state.view(size).textLines == lines)
        #expect(state.update(.key(.up)) == [])
        #expect(state.view(size).textLines[5] == " P337  Posten/Bring, for JEDS (Janne Eline Dahl Solberg):")
    }

    /// The past is told in the reader's language, dates as the catalog says them.
    @Test func thePastIsToldInBokmaal() {
        var state = showingThePast()
        state.context.words = Words.shipped(.nb)
        let lines = state.view(Size(width: 100, height: 30)).textLines.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(lines[4] == "RR314159268NO: 2 pakker har hatt dette nummeret, nyeste først.")
        #expect(lines[6] == "P337  Posten/Bring, til JEDS (Janne Eline Dahl Solberg): levert ut")
        #expect(lines[7] == "20.11.2026 11:00  ola  tatt imot på D6, hentefrist 27.11.2026")
        #expect(lines[8...9] == ["20.11.2026 13:00  ola  levert ut til fullmektig Petter Dahl Solberg (legitimasjon: førerkort", "…4521)"])
        #expect(lines[13] == "13.11.2026 13:00  siv  levert ut til mottakeren, legitimasjon med bilde kontrollert")
    }

    @Test func escClosesThePastAndClearsTheSearch() {
        var state = showingThePast()
        #expect(state.update(.key(.escape)) == [])
        #expect(state.counter.past == nil)
        #expect(state.counter.field.text == "")
        #expect(state.view(Size(width: 80, height: 24)).textLines[5] == String(repeating: " ", count: 19) + "Type or scan to find a customer or parcel.")
    }

    @Test func typingClosesThePastAndStartsANewSearch() {
        var state = showingThePast()
        for character in "kari" { #expect(state.update(.key(.character(character))) == []) }
        #expect(state.counter.past == nil)
        let lines = state.view(Size(width: 80, height: 24)).textLines
        #expect(lines[2] == " Find: kari")
        #expect(lines[5].hasPrefix(" KARI   Kari Nordmann"))
        #expect(lines[23].hasPrefix("type search  ↑↓ select  Enter hand out"))
    }

    /// A window resized (tried in tmux) only redraws: the past stays, and typing still replaces the number.
    @Test func aResizeKeepsThePast() {
        var state = showingThePast()
        #expect(state.update(.key(.resize)) == [])
        #expect(state.counter.past != nil)
        _ = state.update(.key(.character("k")))
        #expect(state.counter.field.text == "k")
    }

    @Test func oneParcelNeedsNoArrowsInTheHelp() {
        var state = state()
        let older = Array(Self.history.stories(for: Self.number).suffix(1))
        _ = state.update(.scan(Self.number.value))
        _ = state.update(.storiesRead(Self.number, older))
        let lines = state.view(Size(width: 80, height: 24)).textLines
        #expect(lines[4] == " RR314159268NO: one parcel had this number.")
        #expect(lines[6] == " P336  Posten/Bring, for KH2 (Kari Hansen): handed out")
        #expect(lines[23] == "type new search  Esc close  F1 help  F10 quit  F2-F7 screens")
        // ↑↓ are the past's: they do not move a selection behind it.
        #expect(state.update(.key(.down)) == [])
        #expect(state.counter.past != nil && state.counter.selection.index == 0)
    }

    @Test func anUnknownNumberStillSaysNothingFound() {
        var state = state()
        let unknown = TrackingNumber(Harness.s10("44444444"))
        #expect(state.update(.scan(unknown.value)) == [.lookUpStories(unknown)])
        #expect(state.update(.storiesRead(unknown, [])) == [])
        #expect(state.counter.past == nil)
        #expect(state.toastText == "\(unknown) is not known in this shop.")
        let lines = state.view(Size(width: 80, height: 24)).textLines
        #expect(lines[2] == " Find: \(unknown)")
        #expect(lines[5] == String(repeating: " ", count: 24) + "Nothing matches \"\(unknown)\".")
        // Elsewhere a number the live state does not know is not looked up.
        state.tab = .queue
        #expect(state.update(.scan(unknown.value)) == [])
        #expect(state.tab == .queue)
    }

    @Test func enterOnATypedNumberNoLongerInTheShopLooksItUp() {
        var state = state()
        for character in Self.number.value.lowercased() { _ = state.update(.key(.character(character))) }
        #expect(state.view(Size(width: 80, height: 24)).textLines[23].hasPrefix("type search  ↑↓ select  Enter history  Ctrl-Z"))
        #expect(state.update(.key(.enter)) == [.lookUpStories(Self.number)])
        #expect(state.update(.storiesRead(Self.number, Self.history.stories(for: Self.number))) == [])
        #expect(state.counter.past?.stories.count == 2)
        // A number in the shop still starts the hand-out for its customer.
        _ = state.update(.key(.escape))
        let waiting = Self.shop.parcelsInShop.first { $0.status == .waiting }!
        for character in waiting.tracking.value { _ = state.update(.key(.character(character))) }
        #expect(state.update(.key(.enter)) == [])
        #expect(state.counter.handOut?.customer == waiting.customer)
    }

    @Test func aStoreThatCannotSayIsAMessageAndTheCounterGoesOn() {
        var state = state()
        _ = state.update(.scan(Self.number.value))
        #expect(state.update(.storiesUnread(Self.number, Phrase("error.store.readOnly.noLock"))) == [.beep])
        #expect(state.counter.past == nil)
        let lines = state.view(Size(width: 100, height: 30)).textLines
        let notice = lines.firstIndex { $0.hasPrefix(" The history of RR314159268NO could not be read: The store has no lock file.") }
        #expect(notice != nil, "\(lines.joined(separator: "\n"))")
        for character in "kari" { _ = state.update(.key(.character(character))) }
        #expect(state.view(Size(width: 100, height: 30)).textLines[5].hasPrefix(" KARI   Kari Nordmann"))
    }
}

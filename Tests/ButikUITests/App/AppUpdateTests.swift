import ButikDomain
import ButikGrid
import ButikText
@testable import ButikUI
import Foundation
import Testing

/// `AppState.update` on whole states, without a store or a driver.
struct AppUpdateTests {
    /// The demo shop's state, built once.
    static let shop: ShopState = {
        var shop = ShopState()
        for record in DemoShop.records(names: Harness.demoNames, layout: layout, now: Harness.now) { shop.apply(record) }
        return shop
    }()

    static let layout = try! JSONDecoder().decode(ShopLayout.self, from: Data(Harness.layoutJSON.utf8))

    func state(clock: Double = 100) -> AppState {
        AppState(context: AppContext(shop: Self.shop, layout: Self.layout, now: Harness.now),
                 staff: "maria", storeLabel: "/srv/butik", clock: clock)
    }

    @Test(arguments: AppTab.allCases)
    func functionKeysSwitchTabs(_ tab: AppTab) {
        for start in AppTab.allCases {
            var state = state()
            state.tab = start
            #expect(state.update(.key(tab.key)) == [])
            #expect(state.tab == tab)
            #expect(!state.helpVisible)
        }
    }

    @Test func functionKeysAreF2ToF7InOrder() {
        #expect(AppTab.allCases.map(\.key) == (2...7).map(Key.function))
        #expect(AppTab.allCases.map { $0.title(.english) } == ["Counter", "Intake", "Shelves", "Queue", "Customers", "Reports"])
    }

    @Test(arguments: [Key.escape, .function(1), .enter, .character("q")])
    func f1OpensHelpAndTheKeyClosesIt(_ close: Key) {
        var state = state()
        state.tab = .shelves
        #expect(state.update(.key(.function(1))) == [])
        #expect(state.helpVisible)
        #expect(state.update(.key(close)) == [])
        #expect(!state.helpVisible)
        #expect(state.tab == .shelves)
    }

    @Test func f10AndCtrlCQuit() {
        var state = state()
        #expect(state.update(.key(.function(10))) == [.quit])
        #expect(state.update(.key(.interrupt)) == [.quit])
        state.helpVisible = true
        #expect(state.update(.key(.function(10))) == [.quit])
        #expect(state.update(.key(.interrupt)) == [.quit])
    }

    @Test func keysWhileHelpIsOpenDoNotReachTheScreen() {
        var state = state()
        _ = state.update(.key(.function(1)))
        for key in [Key.character("k"), .character("a"), .character("r"), .character("i"), .down, .backspace, .tab] {
            #expect(state.update(.key(key)) == [])
        }
        #expect(state.helpVisible)
        #expect(state.counter.field.text == "")
        #expect(state.counter.selection.index == 0)

        state.tab = .customers
        #expect(state.update(.key(.character("/"))) == [])
        #expect(!state.customers.filtering)

        state.tab = .shelves
        _ = state.update(.key(.right))
        _ = state.update(.key(.down))
        #expect(state.shelves.shelf == 0 && state.shelves.slot == 0)
    }

    @Test func typedKeysReachTheOpenScreen() {
        var state = state()
        for character in "kari" { _ = state.update(.key(.character(character))) }
        _ = state.update(.key(.down))
        #expect(state.counter.field.text == "kari")
        #expect(state.counter.selection.index == 1)
        _ = state.update(.key(.escape))
        #expect(state.counter.field.text == "")
        #expect(state.counter.selection.index == 0)
    }

    @Test func storeFailureMakesTheAppReadOnlyAndBeeps() {
        var state = state()
        let diskFull = Phrase("error.store.advice.diskFull")
        #expect(state.update(.storeFailed(diskFull)) == [.beep])
        #expect(state.readOnlyReason == diskFull)
        #expect(state.toast == Toast(Notice(Phrase("store.readOnly", ["reason": .phrase(diskFull)]), tone: .error), expiresAt: 100 + AppState.toastSeconds))
        // The toast covers the status line until it expires; then the status line says it.
        #expect(state.view(Size(width: 80, height: 24)).textLines[22] == " The store is read-only: The disk is full: free some space.")
        _ = state.update(.tick(now: Harness.now, clock: 100 + AppState.toastSeconds))
        #expect(state.toast == nil)
        #expect(state.view(Size(width: 120, height: 40)).textLines[38]
            == " maria │ Butik Klostergaten │ READ-ONLY: The disk is full: free some space." + String(repeating: " ", count: 9)
            + "193 on shelf │ 18 due today │ 11:00")
        // At 80 columns the counts leave no room for the reason.
        #expect(state.view(Size(width: 80, height: 24)).textLines[22]
            == " maria │ Butik Klostergaten │ READ-ONLY: T… 193 on shelf │ 18 due today │ 11:00")
    }

    @Test func toastsExpireOnTickAfterToastSeconds() {
        var state = state(clock: 50)
        state.say(text: "Hello")
        #expect(state.toast?.expiresAt == 50 + AppState.toastSeconds)
        _ = state.update(.tick(now: Harness.now.addingTimeInterval(4.9), clock: 50 + AppState.toastSeconds - 0.1))
        #expect(state.toastText == "Hello")
        #expect(state.view(Size(width: 80, height: 24)).textLines[22] == " Hello")
        _ = state.update(.tick(now: Harness.now.addingTimeInterval(5), clock: 50 + AppState.toastSeconds))
        #expect(state.toast == nil)
        #expect(state.view(Size(width: 80, height: 24)).textLines[22].hasPrefix(" maria │ Butik Klostergaten"))
    }

    @Test func tickMovesTheClockShown() {
        var state = state()
        _ = state.update(.tick(now: Harness.now.addingTimeInterval(17 * 60), clock: 101))
        #expect(state.clock == 101)
        #expect(state.view(Size(width: 80, height: 24)).textLines[22].hasSuffix("│ 11:17"))
    }

    @Test func whatTheStoreSaysIsShownOnlyThroughMessages() {
        var state = state()
        #expect(state.update(.storeNotices([])) == [])
        #expect(state.toast == nil)
        #expect(state.update(.storeNotices([Phrase("store.notice.damageGone", ["path": .text("damage.json")]), Phrase("store.notice.noSnapshot")])) == [])
        #expect(state.toastText == "The damage noted in damage.json is gone: every line of the journal reads correctly again, and the store is writable. "
                + "There is no snapshot.json; opening the store replays the whole journal.")
        #expect(state.toast?.notice.tone == .warning)
        #expect(state.update(.backupFailed(Phrase("error.store.advice.diskFull"))) == [])
        #expect(state.toastText == "Today's backup could not be made: The disk is full: free some space.")
        #expect(state.toast?.notice.tone == .warning)
        #expect(state.readOnlyReason == nil, "a failed backup never stops writing")
    }

    @Test func aWriteLetsGoOfTheShopUntilTheStoreAnswers() {
        var state = state()
        #expect(state.update(.writeStarted) == [])
        #expect(state.context.shop == ShopState())
        _ = state.update(.storeChanged(Self.shop))
        #expect(state.context.shop == Self.shop)
    }

    @Test func storeChangedReplacesTheShop() {
        var state = state()
        #expect(state.update(.storeChanged(ShopState())) == [])
        #expect(state.context.shop == ShopState())
        #expect(state.view(Size(width: 80, height: 24)).textLines[22].hasSuffix("0 on shelf │ 0 due today │ 11:00"))
    }

    @Test func aKnownScanClosesHelpAndOpensTheParcelOnTheCounter() throws {
        var state = state()
        state.tab = .reports
        state.helpVisible = true
        let parcel = try #require(Self.shop.parcelsInShop.first { $0.slot == SlotID("B3") })
        #expect(state.update(.scan(parcel.tracking.value)) == [])
        #expect(!state.helpVisible)
        #expect(state.tab == .counter)
        #expect(state.counter.field.text == parcel.tracking.value)
        #expect(state.toastText == "\(parcel.tracking): waiting for pickup, slot B3, key \(parcel.key).")
    }

    @Test func aResizeAfterAScanLeavesTypingToReplaceTheNumber() throws {
        var state = state()
        let parcel = try #require(Self.shop.parcelsInShop.first)
        _ = state.update(.scan(parcel.tracking.value))
        #expect(state.update(.key(.resize)) == [])
        _ = state.update(.key(.character("k")))
        #expect(state.counter.field.text == "k")
    }

    @Test func aMisreadScanBeepsAndChangesNothingElse() {
        var state = state()
        state.tab = .queue
        #expect(state.update(.scan("RB123456786US")) == [.beep])
        #expect(state.tab == .queue)
        #expect(state.counter.field.text == "")
        #expect(state.toast?.notice.tone == .error)
        #expect(state.toastText == "Bad scan. Misread RB123456786US: check digit 6 should be 5. Scan it again.")
    }
}

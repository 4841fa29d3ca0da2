import ButikDomain
import ButikText
import ButikRuntime
import ButikStore
import Foundation
import Testing
@testable import ButikUI

/// The past of a number on the counter through the driver, over a real store: the driver reads
/// the stories from the store's journal when the counter asks.
@Suite struct CounterPastScenarioTests {
    @Test func aHandedOutParcelScannedAgainShowsWhoTookIt() throws {
        let h = try Harness()
        let (_, parcels) = try HandOutScenarioTests.startForKariHansen(h)
        h.type("1")
        for parcel in parcels { h.scan(parcel.tracking.value) }
        #expect(h.state.counter.handOut == nil)
        #expect(h.store.state.parcelInShop(parcels[0].tracking) == nil)

        h.scan(parcels[0].tracking.value)
        #expect(h.takeEffects() == [])
        let lines = h.screen(width: 100, height: 30)
        #expect(lines[2] == " Find: \(parcels[0].tracking)")
        #expect(lines[4] == " \(parcels[0].tracking): one parcel had this number.")
        #expect(lines[6] == " \(parcels[0].id)  Posten/Bring, for KH2 (Kari Hansen): handed out")
        let handOut = try #require(lines.first { $0.hasSuffix("handed out to the recipient, photo ID checked") })
        #expect(handOut.hasPrefix("   23.11.2026 11:00  maria "))
        #expect(lines[29].hasPrefix("type new search  Esc close"))

        // Esc goes back to an empty search, ready for the next customer.
        h.press(.escape)
        #expect(h.state.counter.past == nil)
        #expect(h.screen()[2] == " Find: key, name, phone, pickup code or tracking number")
    }

    @Test func aTypedNumberIsLookedUpOnEnter() throws {
        let h = try Harness()
        let unknown = Harness.s10("44444444")
        h.type(unknown)
        h.press(.enter)
        #expect(h.takeEffects() == [])
        #expect(h.state.counter.past == nil)
        #expect(h.screen()[22] == " \(unknown) is not known in this shop.")
    }

    /// A journal the history cannot be read from is a message on the counter, never a crash,
    /// and the counter goes on searching.
    @Test func aDamagedJournalIsSaidAndTheCounterGoesOn() throws {
        let h = try Harness()
        let journalURL = h.folder.appendingPathComponent("journal/000000000001.jsonl")
        var bytes = [UInt8](try Data(contentsOf: journalURL))
        let secondLine = bytes.firstIndex(of: UInt8(ascii: "\n"))! + 1
        let letter = bytes[secondLine...].firstIndex { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }!
        bytes[letter] ^= 0x01
        try Data(bytes).write(to: journalURL)

        let unknown = Harness.s10("44444444")
        h.scan(unknown)
        #expect(h.takeEffects() == [.beep])
        #expect(h.state.counter.past == nil)
        let notice = h.screen(width: 200)[h.counterDetailRow()]
        #expect(notice.hasPrefix(" The history of \(unknown) could not be read: "))
        #expect(notice.contains("000000000001.jsonl line 2 is damaged"))
        h.type("kari")
        #expect(h.screen()[5].hasPrefix(" KARI   Kari Nordmann"))
    }

    /// While the history file is brought up to date in the background, a question to the past
    /// says so at once instead of doing the same work in the foreground; afterwards it is answered.
    @Test func whileTheHistoryIsPreparedInTheBackgroundTheCounterSaysSoAndGoesOn() throws {
        let h = try Harness()
        let (_, parcels) = try HandOutScenarioTests.startForKariHansen(h)
        h.type("1")
        for parcel in parcels { h.scan(parcel.tracking.value) }
        let release = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        let preparation = HistoryPreparation()
        preparation.start {
            release.wait()
            done.signal()
        }
        h.driver.historyPreparation = preparation
        h.scan(parcels[0].tracking.value)
        #expect(h.state.counter.past == nil)
        let notice = h.screen(width: 200)[h.counterDetailRow()]
        #expect(notice.contains(Words.english.text(AppDriver.historyBeingPrepared)), "\(notice)")
        h.type("kari")
        #expect(h.screen()[5].hasPrefix(" KARI   Kari Nordmann"), "the counter goes on")

        release.signal()
        done.wait()
        while preparation.isRunning { usleep(1000) }
        h.press(.escape)
        h.scan(parcels[0].tracking.value)
        #expect(h.state.counter.past != nil)
        #expect(h.screen(width: 100, height: 30)[4] == " \(parcels[0].tracking): one parcel had this number.")
    }
}


import ButikDomain
import ButikGrid
import ButikText
import ButikStore
@testable import ButikUI
import Foundation
import Testing

/// Every screen drawn from the deterministic demo shop (seed 2019, Monday 2026-11-23 11:00 in
/// Oslo) at 80x24 and 120x40: two whole frames, then the rows that say what each screen is for.
struct SnapshotTests {
    static let tabBar = " F2 Counter  F3 Intake  F4 Shelves  F5 Queue  F6 Customers  F7 Reports"
    static let status80 = " maria │ Butik Klostergaten                 193 on shelf │ 18 due today │ 11:00"
    static let status120 = " maria │ Butik Klostergaten" + String(repeating: " ", count: 57) + "193 on shelf │ 18 due today │ 11:00"

    // MARK: Whole frames

    @Test func counterWholeFrame80x24() throws {
        let h = try Harness()
        h.type("kari")
        #expect(snapshot(h.frame()) == """
             F2 Counter  F3 Intake  F4 Shelves  F5 Queue  F6 Customers  F7 Reports

             Find: kari

             Key    Name / tracking                           Slot         State
             KARI   Kari Nordmann                             A1 C6 F5     13 waiting
             KB     Kari Berg                                 D5           3 waiting
             KD     Kari Dahl                                 B8 D5        4 waiting
             KH2    Kari Hansen                               A2           2 waiting
             KH     Kari Haugen                               B2 G2        3 waiting
             KJ     Kari Johansen                             D7           2 waiting
             KL     Kari Lie                                               nothing waiting

             ──────────────────────────────────────────────────────────────────────────────
             KARI  Kari Nordmann  ☎ 43636677
             Note: Prefers Messenger
             Tracking             Slot   Carrier   Arrived Due
             370151660826567643   A1     posten    16.11   due today (23.11)
             370126797313360006   A1     posten    16.11   due today (23.11)
             TBA830521915084      A1     amazon    16.11   7d left (30.11)
             3517369601           A1     dhl       16.11   due today (23.11)
             + 9 more (F4 Shelves or a larger window shows all)
             maria │ Butik Klostergaten                 193 on shelf │ 18 due today │ 11:00
            type search  ↑↓ select  Enter hand out  Ctrl-Z undo hand-out  Esc clear  F1 more
            """)
        // The cursor sits after the typed text.
        #expect(h.frame().cursor.map { [$0.row, $0.column] } == [2, 11])
    }

    /// README.md's picture of the counter: a regular's key typed at 100x30. The one hit takes
    /// three rows and the card lists her open case and her parcels below it.
    @Test func counterWholeFrame100x30AsInTheReadme() throws {
        let h = try Harness()
        h.type("JEDS")
        #expect(snapshot(h.frame(width: 100, height: 30)) == """
             F2 Counter  F3 Intake  F4 Shelves  F5 Queue  F6 Customers  F7 Reports

             Find: JEDS

             Key    Name / tracking                                               Slot         State
             JEDS   Janne Eline Dahl Solberg                                      C3 D6 E5     17 waiting

             ──────────────────────────────────────────────────────────────────────────────────────────────────
             JEDS  Janne Eline Dahl Solberg  ☎ 42650832
             Note: Comes by Vespa, have the parcels ready at the door
             Case #3 claim: damaged, waiting for the carrier, follow-up due today (23.11)
             Proxies: Petter Dahl Solberg
             Tracking             Slot   Carrier   Arrived Due
             373789971678262159   C3     postnord  14.11   overdue 2d (21.11)
             1ZA944156431044088   C3     ups       14.11   overdue 2d (21.11)
             6688679815           C3     dhl       14.11   overdue 2d (21.11)
             370419112915363298   C3     posten    16.11   due today (23.11)
             373448642105407677   C3     postnord  16.11   due today (23.11)
             TBA722783615519      C3     amazon    16.11   7d left (30.11)
             7707380940           E5     dhl       16.11   due today (23.11)
             370818580411772055   E5     posten    17.11   1d left (24.11)
             373521865891266156   E5     postnord  17.11   1d left (24.11)
             373460389902407012   E5     postnord  17.11   1d left (24.11)
             CT667355130NO        E5     postnord  18.11   2d left (25.11)
             IB2136986531         E5     instabox  18.11   2d left (25.11)
             CT828593138GB        D6     postnord  19.11   3d left (26.11)
             CT874602469CN        D6     postnord  20.11   4d left (27.11)
             + 3 more (F4 Shelves or a larger window shows all)
             maria │ Butik Klostergaten                                     193 on shelf │ 18 due today │ 11:00
            type search  Enter hand out  Ctrl-Z undo hand-out  Esc clear  F1 help  F10 quit  F2-F7 screens
            """)
    }

    @Test func shelvesWholeFrame80x24() throws {
        let h = try Harness()
        h.press(.function(4))
        #expect(snapshot(h.frame()) == """
             F2 Counter  F3 Intake  F4 Shelves  F5 Queue  F6 Customers  F7 Reports

             A1 6/6 █ A2 3/6 ▄ A3 6/6 █ A4 1/6 ▂ A5 1/6 ▂ A6 4/6 ▆ A7 5/6 ▇ A8 2/6 ▃
             KARI     KH2 BL   SD MH2   LH       BH       OL SB    ID       LN
             B1 4/6 ▆ B2 3/6 ▄ B3 2/6 ▃ B4 5/6 ▇ B5 4/6 ▆ B6 6/6 █ B7 4/6 ▆ B8 1/6 ▂
             SN HL    KH ON    MJ OD    MN       BJ       ML AMZ   BH2 HN   KD
             C1 6/6 █ C2 1/6 ▂ C3 6/6 █ C4 1/6 ▂ C5 2/6 ▃ C6 5/6 ▇ C7 4/6 ▆ C8 1/6 ▂
             OB LN    MB       JEDS     SH2      BB       KARI     IH IL2   SJ
             D1 6/6 █ D2 6/6 █ D3 6/6 █ D4 3/6 ▄ D5 6/6 █ D6 5/6 ▇ D7 5/6 ▇ D8 0/6
             BH2      ML       HL       HL2 AMZ  KD KB    JEDS     KJ MH
             E1 6/6 █ E2 6/6 █ E3 5/6 ▇ E4 2/6 ▃ E5 6/6 █ E6 0/6   E7 6/6 █ E8 6/6 █
             HN       ON       OH       LJ       JEDS              LH       HD
             F1 6/6 █ F2 0/6   F3 3/6 ▄ F4 5/6 ▇ F5 2/6 ▃ F6 1/6 ▂ F7 2/6 ▃ F8 6/6 █
             IN                LL2 BN   SL2      KARI     HH       IH2      LB
             G1 2/3 ▆ G2 3/3 █ G3 2/3 ▆ G4 2/3 ▆
             AMZ      KH AMZ … IN IL2   AMZ
             FLOOR 2  OUT 0
             AMZ OH
             ──────────────────────────────────────────────────────────────────────────────
             Key    Name                                  Tracking             Due
             KARI   Kari Nordmann                         370151660826567643   due today
             KARI   Kari Nordmann                         370126797313360006   due today
             maria │ Butik Klostergaten                 193 on shelf │ 18 due today │ 11:00
            scan move  ←→↑↓ slot  m move all  c capacity  / find  Tab list  F1 help
            """)
    }

    // MARK: Each screen's key rows at both sizes

    @Test func counterAt120x40ListsAllOfTheCustomersParcels() throws {
        let h = try Harness()
        h.type("kari")
        let lines = h.screen(width: 120, height: 40)
        #expect(lines[0] == Self.tabBar)
        #expect(lines[4] == " Key    Name / tracking" + String(repeating: " ", count: 67) + "Slot         State")
        #expect(lines[5] == " KARI   Kari Nordmann" + String(repeating: " ", count: 69) + "A1 C6 F5     13 waiting")
        #expect(lines[11] == " KL     Kari Lie" + String(repeating: " ", count: 87) + "nothing waiting")
        // The seven hits, their blank line, then the card.
        #expect(lines[12] == "")
        #expect(lines[13] == " " + String(repeating: "─", count: 118))
        #expect(lines[14] == " KARI  Kari Nordmann  ☎ 43636677")
        #expect(lines[16] == " Tracking             Slot   Carrier   Arrived Due")
        // All 13 fit at this height: A1's six, C6's five, F5's two.
        #expect(lines[17...29].map { String($0.dropFirst(22).prefix(2)) } == Array(repeating: "A1", count: 6) + Array(repeating: "C6", count: 5) + ["F5", "F5"])
        #expect(lines[29] == " 0735813573           F5     dhl       21.11   5d left (28.11)")
        #expect(lines[30...37].allSatisfy { $0.isEmpty })
        #expect(lines[38] == Self.status120)
        #expect(lines[39] == "type search  ↑↓ select  Enter hand out  Ctrl-Z undo hand-out  Esc clear  F1 help  F10 quit  F2-F7 screens")
    }

    @Test func emptyCounterAsksForInput() throws {
        let h = try Harness()
        let lines = h.screen()
        #expect(lines[2] == " Find: key, name, phone, pickup code or tracking number")
        #expect(lines[4] == " Key    Name / tracking                           Slot         State")
        #expect(lines[5] == "                   Type or scan to find a customer or parcel.")
        #expect(lines[6...21].allSatisfy { $0.isEmpty })
        #expect(lines[22] == Self.status80)
        #expect(h.screen(width: 120, height: 40)[5] == String(repeating: " ", count: 39) + "Type or scan to find a customer or parcel.")
    }

    @Test func intakeStartsADeliveryNamesTheRecipientAndShowsKeyAndSlotLarge() throws {
        let h = try Harness()
        h.press(.function(3))
        var lines = h.screen()
        #expect(lines[0] == Self.tabBar)
        #expect(lines[2] == " New delivery.  Carrier: ◀ PostNord ▶   Declared items: optional")
        h.press(.right)
        #expect(h.screen()[2] == " New delivery.  Carrier: ◀ Posten/Bring ▶   Declared items: optional")
        h.press(.left)
        h.type("2")
        h.press(.enter)
        lines = h.screen()
        #expect(lines[2] == " Delivery: PostNord · scanned 0 of 2 declared (2 to go)")
        #expect(lines[4] == " Scan: scan, or type a tracking number and Enter")

        h.scan(Harness.s10("77777777", country: "SE"))
        h.type("kari")
        lines = h.screen()
        #expect(lines[4].hasPrefix(" Name for \(Harness.s10("77777777", country: "SE")): kari"))
        #expect(lines[4].hasSuffix(" small"))
        #expect(lines[7].hasPrefix(" Key    Name "))
        #expect(lines[8].hasPrefix(" KARI   Kari Nordmann "), "the key match first")
        #expect(lines[9].hasPrefix(" KB     Kari Berg "))
        #expect(lines.contains { $0.hasPrefix(" +      new customer: kari") }, "creating a customer is the last choice")
        h.press(.enter)
        lines = h.screen()
        #expect(lines[2] == " Delivery: PostNord · scanned 1 of 2 declared (1 to go)")
        // "KARI C6" in block letters, centred, with who it is for below.
        #expect(lines[7...11].map { $0.trimmingCharacters(in: .whitespaces) }.allSatisfy { !$0.isEmpty })
        #expect(lines[7].contains("█"))
        #expect(lines[13].hasPrefix(" KARI → C6  ·  Kari Nordmann  ·  \(Harness.s10("77777777", country: "SE"))  ·  keep until 30.11.2026"))
        #expect(h.screen(width: 120, height: 40)[13].hasPrefix(" KARI → C6  ·  Kari Nordmann  ·  "))
        #expect(h.takeEffects() == [])
    }

    @Test func shelvesAt120x40ShowsWiderCellsAndTheWholeSlot() throws {
        let h = try Harness()
        h.press(.function(4))
        let lines = h.screen(width: 120, height: 40)
        // One mark cell per place in the slot; only a full slot is all filled.
        #expect(lines[2] == " A1 6/6 ▮▮▮▮▮▮ A2 3/6 ▮▮▮▯▯▯ A3 6/6 ▮▮▮▮▮▮ A4 1/6 ▮▯▯▯▯▯ A5 1/6 ▮▯▯▯▯▯ A6 4/6 ▮▮▮▮▯▯ A7 5/6 ▮▮▮▮▮▯ A8 2/6 ▮▮▯▯▯▯")
        #expect(lines[15] == " AMZ           KH AMZ LB     IN IL2        AMZ")
        #expect(lines[16] == " FLOOR 2       OUT 0")
        #expect(lines[19] == " Key    Name" + String(repeating: " ", count: 74) + "Tracking             Due")
        let kari = [("370151660826567643", "due today"), ("370126797313360006", "due today"), ("TBA830521915084", "7d left"),
                    ("3517369601", "due today"), ("373307596059890136", "1d left"), ("370542224410551081", "2d left")]
        // Key 6, name 77, tracking 20 cells, one between.
        #expect(Array(lines[20...25]) == kari.map { tracking, due in
            " KARI   " + "Kari Nordmann".padding(toLength: 78, withPad: " ", startingAt: 0)
                + tracking.padding(toLength: 21, withPad: " ", startingAt: 0) + due
        })
        #expect(lines[26] == "")
    }

    @Test func queueListsEarliestDeadlinesFirst() throws {
        let h = try Harness()
        h.press(.function(5))
        let small = h.screen()
        // The pickup queue on top, empty here; the parcels awaiting pickup below.
        #expect(small[2] == " Pickup queue: 0 · 0 fetching · 0 ready")
        #expect(small[3] == " No   Key    Name                   When      Status             Slots")
        #expect(small[4] == String(repeating: " ", count: 20) + "Nobody in the queue. a adds a customer.")
        #expect(small[6] == " 193 waiting · 18 due today · 9 overdue · 0 for the driver")
        #expect(small[7] == " Due              Key    Name             Slot   Carrier   Tracking")
        #expect(small[8] == " overdue 2d       SD     Sigrid Dahl      A3     posten    370957339400979962")
        #expect(small[9] == " overdue 2d       JEDS   Janne Eline Dah… C3     postnord  373789971678262159")
        #expect(small[17] == " due today        KARI   Kari Nordmann    A1     posten    370151660826567643")
        // The most important keys that fit, then where the rest are.
        #expect(small[23] == "↑↓ select  Tab list  Enter hand out  a add  f fetch  r ready  x remove  F1 more")
        #expect(h.screen(width: 100)[23] == "↑↓ select  Tab list  Enter hand out  a add  f fetch  r ready  x remove  c carrier  s state  F1 more")
        let large = h.screen(width: 120, height: 40)
        #expect(large[9] == " overdue 2d       JEDS   Janne Eline Dahl Solberg" + String(repeating: " ", count: 33) + "C3     postnord  373789971678262159")
        #expect(large[35] == " 1d left          OH     Ola Haugen" + String(repeating: " ", count: 47) + "E3     posten    370092818547838711")
    }

    @Test func customersListsEveryoneByKey() throws {
        let h = try Harness()
        h.press(.function(6))
        let small = h.screen()
        #expect(small[2] == "  Customers · Cases: 2 due")
        #expect(small[3] == " Filter: type or press / to filter")
        #expect(small[4] == " Key    Name                      Phone        Parcels Note")
        #expect(small[5] == " AMZ    Alradie Mohamad Zain      93175025          10 Often large parcels (fu…")
        #expect(small[12] == " BL2    Bjørn Larsen                                   Ring twice")
        #expect(small[21] == " HN     Håkon Nordmann            43253808           9")
        #expect(small[23] == "type filter  ↑↓ select  Enter open  Tab cases  a new customer  / filter  F1 more")
        let large = h.screen(width: 120, height: 40)
        #expect(large[5] == " AMZ    Alradie Mohamad Zain" + String(repeating: " ", count: 26) + "93175025          10 Often large parcels (furniture)")
        #expect(large[30] == " JEDS   Janne Eline Dahl Solberg" + String(repeating: " ", count: 22) + "42650832          17 Comes by Vespa, have the parcels ready at t…")
    }

    @Test func reportsCountsTodayByCarrierAndStaff() throws {
        let h = try Harness()
        h.press(.function(7))
        #expect(h.screen()[2...6] == [
            " Today, 23.11.2026",
            "",
            " Carrier     Received  Handed out  To sender  Staff        Received  Handed out",
            " posten            13           0          0  janfredrik         13           0",
            " Total             13           0          0  Total              13           0",
        ])
        #expect(h.screen(width: 120, height: 40)[4...6] == [
            " Carrier                         Received  Handed out  To sender  Staff                            Received  Handed out",
            " posten                                13           0          0  janfredrik                             13           0",
            " Total                                 13           0          0  Total                                  13           0",
        ])
        #expect(h.screen()[23] == "F1 help  F10 quit  F2-F7 screens")
    }

    @Test func helpOverlayListsTheKeys() throws {
        let h = try Harness()
        h.press(.function(1))
        let help = [
            "╔═  Help  ═══════════════════════════════════════════════════════════╗",
            "║ On Counter:                                                        ║",
            "║ Scan a parcel, or type a key, name, phone, pickup code or tracking ║",
            "║ number, and pick the customer with ↑↓. Enter starts the hand-out   ║",
            "║ of everything waiting: Space leaves a parcel out, 1-4 says how     ║",
            "║ identity was checked (2 the pickup code: only its parcels go out;  ║",
            "║ 4 a proxy: a number picks a registered one, or type their name,    ║",
            "║ then note their ID). Scan each parcel to confirm it; the last scan ║",
            "║ (or Enter) hands out. Ctrl-R refuses with a reason for the         ║",
            "║ customer's log; Ctrl-Z undoes the last hand-out.                   ║",
            "║                                                                    ║",
            "║ type    search                                                     ║",
            "║ Enter   hand out                                                   ║",
            "║ Ctrl-Z  undo hand-out                                              ║",
            "║                                                                    ║",
            "║ On every screen:                                                   ║",
            "║ F1      help                                                       ║",
            "║ F10     quit                                                       ║",
            "║ F2-F7   screens                                                    ║",
            "║ Ctrl-C  quit at once                                               ║",
            "║                                                                    ║",
            "║ A barcode scan works on every screen. Esc closes this help.        ║",
            "║ Store:                                                             ║",
        ]
        // At 80x24 the box takes the whole height, and its last row says how much more ↓ shows.
        let small = h.screen()
        #expect(small[1...20].map { String($0.dropFirst(5)) } == Array(help.prefix(20)))
        #expect(small[21].dropFirst(5) == "║ … 4 more lines: ↓ scrolls                                          ║")
        #expect(small[23] == "Esc close the help (Enter, F1 and q too)  ↑↓ scroll  F10 quit")
        // At 120x40 all of it fits, down to the store folder (a temporary path, different per run).
        let large = h.screen(width: 120, height: 40)
        #expect(large[7...29].map { String($0.dropFirst(25)) } == help)
        #expect(large[30].dropFirst(25).hasPrefix("║ /tmp/"))
        #expect(large[31].dropFirst(25) == "╚" + String(repeating: "═", count: 68) + "╝")
        #expect(large[38] == " maria │ Butik Klostergaten" + String(repeating: " ", count: 57) + "193 on shelf │ 18 due today │ 11:00")
        // ↓ scrolls the rest into view at 80x24.
        h.press(.down, .down, .down, .down)
        #expect(h.screen()[21].dropFirst(5).hasPrefix("║ /tmp/"))
        // Help hides the cursor.
        #expect(h.frame().cursor == nil)
    }

    // MARK: Styles

    @Test(arguments: AppTab.allCases)
    func theActiveTabIsHighlighted(_ tab: AppTab) throws {
        let h = try Harness()
        h.press(tab.key)
        let frame = h.frame()
        let bar = frame.textLines[0]
        // " F5 Queue ", the trailing space trimmed from the text line.
        let active = try #require(bar.range(of: " \(tab.key.label) \(tab.title(.english))"))
        let start = bar.distance(from: bar.startIndex, to: active.lowerBound)
        let end = bar.distance(from: bar.startIndex, to: active.upperBound) + 1
        let mask = Array(frame.styleMask[0])
        #expect(String(mask[start..<end]) == String(repeating: "S", count: end - start))
        // Elsewhere only the other tabs' keys stand out, in the accent colour.
        let others = AppTab.allCases.filter { $0 != tab }.map { other in
            bar.distance(from: bar.startIndex, to: bar.range(of: other.key.label + " " + other.title(.english))!.lowerBound)
        }
        for column in mask.indices where !(start..<end).contains(column) {
            let isKey = others.contains { column == $0 || column == $0 + 1 }
            #expect(mask[column] == (isKey ? "A" : "."), "column \(column)")
        }
    }

    @Test func queueRowsAreColouredByDeadline() throws {
        let h = try Harness()
        h.press(.function(5))
        let row = { (style: Character) in "." + String(repeating: style, count: 118) + "." }
        // The pickup queue has the focus first: the parcel list shows no selection.
        let unfocused = h.frame(width: 120, height: 40).styleMask
        #expect(unfocused[2].hasPrefix("." + String(repeating: "A", count: 38) + "."))
        #expect(unfocused[6].hasPrefix("." + String(repeating: "M", count: 57) + "."))
        #expect(unfocused[8] == row("D"))
        h.press(.tab)
        let mask = h.frame(width: 120, height: 40).styleMask
        #expect(mask[2].hasPrefix("." + String(repeating: "M", count: 38) + "."))
        #expect(mask[7] == row("T"))   // titles
        #expect(mask[8] == row("S"))   // the selected row, bold as it is overdue
        #expect(mask[9] == row("D"))   // overdue: danger, bold
        #expect(mask[16] == row("D"))
        #expect(mask[17] == row("w"))  // due today: warning
        #expect(mask[34] == row("w"))
        #expect(mask[35] == row("."))  // later: plain
        #expect(mask[6].hasPrefix("." + String(repeating: "A", count: 57) + "."))
        // Down moves the selection onto the first overdue row.
        h.press(.down)
        let moved = h.frame(width: 120, height: 40).styleMask
        #expect(moved[8] == row("D"))
        #expect(moved[9] == row("S"))  // selected keeps the row's boldness
    }

    @Test func readOnlyIsShownInTheStatusLineInDanger() {
        var state = AppState(context: AppContext(shop: AppUpdateTests.shop, layout: AppUpdateTests.layout, now: Harness.now),
                             staff: "maria", storeLabel: "/srv/butik", clock: 0)
        _ = state.update(.storeFailed(Phrase("error.store.readOnly.noLock")))
        _ = state.update(.tick(now: Harness.now, clock: AppState.toastSeconds))
        let frame = state.view(Size(width: 120, height: 40))
        let left = " maria │ Butik Klostergaten │ "
        let readOnly = "READ-ONLY: The store has no lock file."
        #expect(frame.textLines[38].hasPrefix(left + readOnly + " "))
        let expected = String(repeating: "t", count: left.count) + String(repeating: "$", count: readOnly.count)
            + String(repeating: "t", count: 16 + "193 on shelf │ ".count)
            + String(repeating: "W", count: "18 due today".count) + String(repeating: "t", count: " │ 11:00 ".count)
        #expect(frame.styleMask[38] == expected)
        #expect(frame.styleMask[38].count == 120)
        // The whole reason also stands under the tab bar, where it cannot be missed.
        let narrow = state.view(Size(width: 80, height: 24))
        #expect(narrow.textLines[1] == " READ-ONLY: The store has no lock file.")
        #expect(narrow.styleMask[1] == String(repeating: "D", count: 80))
    }

    @Test func aLongMessageWrapsOverTheHelpLine() {
        var state = AppState(context: AppContext(shop: AppUpdateTests.shop, layout: AppUpdateTests.layout, now: Harness.now),
                             staff: "maria", storeLabel: "/srv/butik", clock: 0)
        state.say(text: "RR123456785SE was handed out 2026-11-20 14:02 by maria, verified with a pickup code; the proxy was Per Hansen.")
        let lines = state.view(Size(width: 80, height: 24)).textLines
        #expect(lines[22] == " RR123456785SE was handed out 2026-11-20 14:02 by maria, verified with a pickup")
        #expect(lines[23] == " code; the proxy was Per Hansen.")
        state.say(text: "Short.")
        #expect(state.view(Size(width: 80, height: 24)).textLines[22] == " Short.")
        #expect(state.view(Size(width: 80, height: 24)).textLines[23].hasPrefix("type search"))
    }

    @Test func shelvesMarkFullSlotsAndTheSelection() throws {
        let h = try Harness()
        h.press(.function(4))
        let mask = h.frame().styleMask
        // A1 6/6 selected (reversed), A2 3/6 ok, A3 6/6 full (danger), A7 5/6 nearly full (warning).
        #expect(mask[2] == ".66666666.oooooooo.dddddddd.oooooooo.oooooooo.oooooooo.wwwwwwww.oooooooo........")
        #expect(mask[3] == ".SSSS" + String(repeating: ".", count: 75))
        #expect(mask[16] == ".mmmmmmm..mmmmm" + String(repeating: ".", count: 65))
    }

    // MARK: Sizes

    @Test func belowTheMinimumSizeTheLayoutIsCompact() throws {
        let h = try Harness()
        let lines = h.screen(width: 59, height: 15)
        #expect(lines[0] == " F2 Counter  F3 Int…  F4 She…  F5 Que…  F6 Cus…  F7 Rep…")
        #expect(lines[1].hasPrefix(" Find: "), "no blank row under the tab bar")
        #expect(lines[14].hasPrefix("type search"), "the help line, and no status line above it")
        #expect(!lines.contains(Self.status80))
        #expect(h.screen(width: 60, height: 16)[1] == "", "from 60×16 the whole layout")
        // Keys work as ever, and every screen draws in a very small window without a trap.
        h.press(.function(5))
        #expect(h.screen(width: 50, height: 14)[0].contains("F5 Queue"))
        for tab in AppTab.allCases {
            h.press(tab.key)
            for (width, height) in [(1, 1), (8, 3), (20, 6), (40, 10)] { _ = h.frame(width: width, height: height) }
        }
        h.press(.function(10))
        #expect(h.takeEffects() == [.quit])
    }

    // MARK: Wide and combining characters

    /// The demo shop plus customers whose names are wide (CJK) or have Nordic letters, one
    /// precomposed and one with a combining ring (NFD), each with a parcel.
    static func wideShop() throws -> Harness {
        try Harness { store in
            let tanaka = try store.addCustomer(NewCustomer(name: "東京 Tanaka", phones: ["41234567"], note: "Speaks English"))
            let aase = try store.addCustomer(NewCustomer(name: "Åse Ødegård", phones: ["98765432"], note: "Ring the bell"))
            let ase = try store.addCustomer(NewCustomer(name: "A\u{30A}sa Lindqvist", phones: ["91112223"], note: "Swedish"))
            try store.receive(Harness.s10("11111111"), for: tanaka.id)
            try store.receive(Harness.s10("22222222"), for: aase.id)
            try store.receive(Harness.s10("33333333"), for: aase.id, carrier: "postnord")
            try store.receive(Harness.s10("55555555"), for: ase.id)
        }
    }

    /// The display column where `text` starts in `line`.
    func column(of text: String, in line: String) -> Int? {
        line.range(of: text).map { line[..<$0.lowerBound].displayWidth }
    }

    @Test func wideNamesLineUpInTheCustomersTable() throws {
        let h = try Self.wideShop()
        h.press(.function(6), .end)
        for (width, height) in [(80, 24), (120, 40)] {
            let lines = h.screen(width: width, height: height)
            let header = lines[4]
            let rows = [
                try #require(lines.first { $0.contains("Åse Ødegård") }),
                try #require(lines.first { $0.contains("東京 Tanaka") }),
                try #require(lines.first { $0.contains("Åsa Lindqvist") }),
            ]
            for (row, (phone, count, note)) in zip(rows, [("98765432", "2", "Ring the bell"), ("41234567", "1", "Speaks English"), ("91112223", "1", "Swedish")]) {
                #expect(column(of: phone, in: row) == column(of: "Phone", in: header), "\(row)")
                #expect(column(of: " \(count) ", in: row).map { $0 + count.count } == column(of: "Parcels", in: header).map { $0 + 6 }, "\(row)")
                #expect(column(of: note, in: row) == column(of: "Note", in: header), "\(row)")
                #expect(row.displayWidth <= width)
            }
        }
        let lines = h.screen()
        #expect(lines.contains(" ÅØ     Åse Ødegård               98765432           2 Ring the bell"))
        #expect(lines.contains(" 東T    東京 Tanaka               41234567           1 Speaks English"))
        // The wide key and name take two cells a character; the right half is a continuation.
        let frame = h.frame()
        let row = try #require(frame.textLines.firstIndex { $0.contains("東京 Tanaka") })
        #expect(frame[row, 1].text == "東" && frame[row, 2].isContinuation && frame[row, 3].text == "T")
        #expect(frame[row, 8].text == "東" && frame[row, 9].isContinuation && frame[row, 10].text == "京" && frame[row, 11].isContinuation)
        // The combining ring is composed into one cell.
        let ase = try #require(frame.textLines.firstIndex { $0.contains("sa Lindqvist") })
        #expect(frame[ase, 8].text == "Å" && frame[ase, 9].text == "s")
    }

    @Test func wideNamesLineUpOnTheCounter() throws {
        let h = try Self.wideShop()
        h.type("tanaka")
        let lines = h.screen()
        #expect(lines[5] == " 東T    東京 Tanaka                               D8           1 waiting")
        #expect(column(of: "D8", in: lines[5]) == column(of: "Slot", in: lines[4]))
        #expect(column(of: "1 waiting", in: lines[5]) == column(of: "State", in: lines[4]))
        #expect(lines[8] == " 東T  東京 Tanaka  ☎ 41234567")
        #expect(lines[11] == " \(Harness.s10("11111111"))        D8     posten    23.11   7d left (30.11)")
    }
}

import ButikDomain
import ButikGrid
import ButikStore
import ButikUI
import Foundation
import Testing

/// A clerk at the shelves map (F4): moving parcels by scan and typed slot, changing a slot's
/// capacity, and finding the slots of a customer or parcel, over the demo shop.
struct ShelvesScenarioTests {
    static let status80 = SnapshotTests.status80
    /// Magnus Johansen's parcel and Ola Dahl's, both in B3.
    static let magnus = ScenarioTests.magnus
    static let ola = "LX409571995SE"
    /// The row between the map and the slot list at 80x24.
    static let statusRow = 18

    func slot(of tracking: String, _ h: Harness) throws -> String {
        try #require(h.store.state.parcelInShop(Tracking.parse(tracking).get().number)).slot.value
    }

    @Test func aScanOpensTheMovePromptAndATypedSlotMovesTheParcel() throws {
        let h = try Harness()
        h.press(.function(4))
        h.scan(Self.magnus)
        #expect(h.takeEffects() == [])
        // The parcel's slot is selected and the prompt asks where to.
        #expect(h.state.shelves.prompt?.purpose == .move([try #require(h.state.context.shop.parcelInShop(Tracking.parse(Self.magnus).get().number)).id]))
        var lines = h.screen()
        #expect(lines.contains { $0.contains("Move \(Self.magnus) (MJ) from B3 to:") })
        #expect(lines[20...21] == [
            " MJ     Magnus Johansen                       \(Self.magnus)   4d left",
            " OD     Ola Dahl                              LX409571995SE        4d left",
        ])
        h.type("d8")
        h.press(.enter)
        #expect(h.takeEffects() == [])
        #expect(h.state.shelves.prompt == nil)
        #expect(try slot(of: Self.magnus, h) == "D8")
        lines = h.screen()
        #expect(lines[Self.statusRow] == " Moved \(Self.magnus) (MJ) to D8.")
        #expect(h.frame().styleMask[Self.statusRow].hasPrefix(".OOOOO"))
        // The map follows: B3 lost one, D8 is selected and lists the parcel.
        #expect(lines[4].hasPrefix(" B1 4/6 ▆ B2 3/6 ▄ B3 1/6 ▂ "))
        #expect(lines[8].hasSuffix("D8 1/6 ▂"))
        #expect(lines[20] == " MJ     Magnus Johansen                       \(Self.magnus)   4d left")
        #expect(lines[21] == "")
        #expect(lines[22] == Self.status80)
    }

    @Test func twoScannedParcelsAreListedAndMovedTogether() throws {
        let h = try Harness()
        h.press(.function(4))
        h.scan(Self.magnus)
        h.scan(Self.ola)
        // Scanning one again does not add it twice.
        h.scan(Self.magnus)
        #expect(h.takeEffects() == [])
        #expect(h.state.shelves.prompt?.purpose.batchCount == 2)
        let lines = h.screen()
        #expect(lines.contains { $0.contains("Move 2 parcels:") })
        #expect(lines.contains { $0.contains("\(Self.magnus) (MJ) from B3") })
        #expect(lines.contains { $0.contains("\(Self.ola) (OD) from B3") })
        h.type("floor")
        h.press(.enter)
        #expect(h.takeEffects() == [])
        #expect(try slot(of: Self.magnus, h) == "FLOOR")
        #expect(try slot(of: Self.ola, h) == "FLOOR")
        #expect(h.screen()[Self.statusRow] == " Moved 2 parcels to FLOOR: MJ, OD.")
        #expect(h.screen()[16] == " FLOOR 4  OUT 0")
        #expect(h.screen()[4].contains("B3 0/6"))
    }

    @Test func aFullSlotIsRefusedWithTheDomainsMessageAndThePromptStaysForAnother() throws {
        let h = try Harness()
        h.press(.function(4))
        // B4 holds 5 of 6: the first parcel fits, the second does not.
        h.scan(Self.magnus)
        h.scan(Self.ola)
        h.type("b4")
        h.press(.enter)
        #expect(h.takeEffects() == [.beep])
        #expect(try slot(of: Self.magnus, h) == "B4")
        #expect(try slot(of: Self.ola, h) == "B3")
        #expect(h.state.shelves.notice.map { $0.phrases.map { h.state.words.text($0) }.joined(separator: " ") } == "Moved \(Self.magnus) (MJ) to B4. Slot B4 is full (6 parcels). Choose another slot or the floor.")
        let lines = h.screen()
        #expect(lines[Self.statusRow] == " Moved \(Self.magnus) (MJ) to B4. Slot B4 is full (6 parcels). Choose")
        #expect(lines[Self.statusRow + 1] == " another slot or the floor.", "the notice wraps; the list starts under it")
        #expect(h.frame().styleMask[Self.statusRow].hasPrefix(".WWWWW"))
        // Only a message on the screen, no passing message over the status line.
        #expect(h.screen()[22] == Self.status80)
        // The refused parcel is asked about again, with the slot typed.
        let prompt = try #require(h.state.shelves.prompt)
        #expect(prompt.purpose.batchCount == 1)
        #expect(prompt.text == "B4")
        #expect(h.screen().contains { $0.contains("Move \(Self.ola) (OD) from B3 to:") })
        // Another slot: it goes there.
        h.press(.control("u"))
        h.type("d8")
        h.press(.enter)
        #expect(h.takeEffects() == [])
        #expect(try slot(of: Self.ola, h) == "D8")
        #expect(h.screen()[Self.statusRow] == " Moved \(Self.ola) (OD) to D8.")
    }

    @Test func escCancelsTheMoveAndAnUnknownSlotIsSaid() throws {
        let h = try Harness()
        h.press(.function(4))
        h.scan(Self.magnus)
        h.type("z9")
        h.press(.enter)
        #expect(h.takeEffects() == [.beep])
        #expect(h.screen()[Self.statusRow] == " There is no slot Z9 in this shop.")
        #expect(h.state.shelves.prompt?.text == "z9")
        h.press(.escape)
        #expect(h.state.shelves.prompt == nil)
        #expect(h.takeEffects() == [])
        #expect(try slot(of: Self.magnus, h) == "B3")
        #expect(!h.screen().contains { $0.contains("Move ") })
        #expect(h.screen()[Self.statusRow] == " " + String(repeating: "─", count: 78))
    }

    @Test func unknownHandedOutAndMisreadScansSaySo() throws {
        let h = try Harness()
        h.press(.function(4))
        let unknown = Harness.s10("44444444")
        h.scan(unknown)
        #expect(h.takeEffects() == [.beep])
        #expect(h.state.shelves.prompt == nil)
        #expect(h.screen()[Self.statusRow] == " \(unknown) is not known in this shop.")
        let gone = try #require(h.state.context.shop.parcels.values.first { parcel in
            if case .handedOut = parcel.status { return h.state.context.shop.parcelInShop(parcel.tracking) == nil } else { return false }
        })
        h.scan(gone.tracking.value)
        #expect(h.takeEffects() == [.beep])
        #expect(h.state.shelves.prompt == nil)
        #expect(h.screen()[Self.statusRow] == " \(gone.tracking) is handed out; it cannot be moved.")
        // A misread is refused before the screen sees it.
        h.scan("RB123456786US")
        #expect(h.takeEffects() == [.beep])
        #expect(h.state.shelves.prompt == nil)
        #expect(h.screen()[22] == " Bad scan. Misread RB123456786US: check digit 6 should be 5. Scan it again.")
        #expect(h.state.tab == .shelves)
    }

    @Test func mMovesTheParcelChosenInTheSlotListOrTheWholeSlot() throws {
        let h = try Harness()
        h.press(.function(4))
        h.press(.right, .right, .down)
        // On the map, m takes every parcel of the slot.
        h.press(.character("m"))
        #expect(h.state.shelves.prompt?.purpose.batchCount == 2)
        h.press(.escape)
        // Tab gives the arrows to the list; m takes the chosen parcel.
        h.press(.tab, .down)
        #expect(h.frame().styleMask[21].hasPrefix(".sssss"))
        h.press(.character("m"))
        #expect(h.screen().contains { $0.contains("Move \(Self.ola) (OD) from B3 to:") })
        h.type("floor")
        h.press(.enter)
        #expect(try slot(of: Self.ola, h) == "FLOOR")
        #expect(try slot(of: Self.magnus, h) == "B3")
        // The selection followed the parcel to the floor. An empty slot has nothing to move.
        #expect(h.screen()[20].hasPrefix(" AMZ "))
        h.press(.tab)
        h.press(.up, .up, .up, .up, .end)
        h.press(.character("m"))
        #expect(h.takeEffects() == [.beep])
        #expect(h.state.shelves.prompt == nil)
        #expect(h.screen()[Self.statusRow] == " D8 has no parcel waiting to move.")
    }

    @Test func cChangesTheCapacityAndRefusalsShowTheDomainsMessage() throws {
        let h = try Harness()
        h.press(.function(4))
        h.press(.right)
        h.press(.character("c"))
        #expect(h.screen().contains { $0.contains("Capacity of A2 (3 parcels in it now):") })
        #expect(h.state.shelves.prompt?.text == "6")
        h.press(.backspace)
        h.type("8")
        h.press(.enter)
        #expect(h.takeEffects() == [])
        #expect(h.state.shelves.prompt == nil)
        var lines = h.screen()
        #expect(lines[Self.statusRow] == " A2 now holds up to 8 parcels.")
        #expect(lines[2].hasPrefix(" A1 6/6 █ A2 3/8 ▃ "))
        #expect(h.store.state.capacity(of: try #require(h.store.layout.slots.first { $0.id.value == "A2" })) == 8)

        // Below what is in it: refused, and asked again.
        h.press(.character("c"))
        h.press(.backspace)
        h.type("2")
        h.press(.enter)
        #expect(h.takeEffects() == [.beep])
        lines = h.screen()
        #expect(lines[Self.statusRow] == " A2 holds 3 parcels now; move some out before making it smaller.")
        #expect(lines[22] == Self.status80)
        #expect(h.state.shelves.prompt?.text == "2")
        // Out of range.
        h.press(.control("u"))
        h.type("1000")
        h.press(.enter)
        #expect(h.takeEffects() == [.beep])
        #expect(h.screen()[Self.statusRow] == " A slot holds 1 to 999 parcels; 1000 is not possible for A2.")
        // Not a number: asked again without writing.
        h.press(.control("u"))
        h.type("many")
        h.press(.enter)
        #expect(h.takeEffects() == [.beep])
        #expect(h.screen()[Self.statusRow] == " Type the number of parcels A2 holds.")
        h.press(.escape)
        #expect(h.state.shelves.prompt == nil)
        #expect(h.screen()[2].hasPrefix(" A1 6/6 █ A2 3/8 ▃ "))
        // The floor has no capacity.
        h.press(.down, .down, .down, .down, .down, .down, .down, .home)
        h.press(.character("c"))
        #expect(h.takeEffects() == [.beep])
        #expect(h.state.shelves.prompt == nil)
        #expect(h.screen()[Self.statusRow] == " FLOOR is an area without a capacity.")
    }

    @Test func slashFindsAKeyAndHighlightsEverySlotHoldingItsParcels() throws {
        let h = try Harness()
        h.press(.function(4))
        h.press(.character("/"))
        h.type("jeds")
        #expect(h.state.shelves.found.map(\.value) == ["C3", "D6", "E5"])
        var frame = h.frame()
        #expect(frame.textLines[Self.statusRow].hasPrefix(" Find: jeds"))
        #expect(frame.textLines[Self.statusRow].hasSuffix("3 slots"))
        // The first is selected; the others are highlighted.
        #expect(frame.styleMask[6] == ".dddddddd.oooooooo.66666666.oooooooo.oooooooo.wwwwwwww.oooooooo.oooooooo........")
        #expect(frame.styleMask[8] == ".dddddddd.dddddddd.dddddddd.oooooooo.dddddddd.!!!!!!!!.wwwwwwww.oooooooo........")
        #expect(frame.styleMask[10].hasPrefix(".dddddddd.dddddddd.wwwwwwww.oooooooo.!!!!!!!!."))
        #expect(frame.textLines[20].hasPrefix(" JEDS "))
        // Enter gives the arrows back to the map; the highlights stay.
        h.press(.enter, .down)
        frame = h.frame()
        #expect(frame.styleMask[6].contains("!!!!!!!!"))
        #expect(frame.styleMask[8].contains("66666666"))
        // Esc clears.
        h.press(.escape)
        frame = h.frame()
        #expect(h.state.shelves.found.isEmpty)
        #expect(!frame.styleMask.joined().contains("!"))
        #expect(frame.textLines[Self.statusRow] == " " + String(repeating: "─", count: 78))
    }

    @Test func findTakesTrackingDigitsAndNames() throws {
        let h = try Harness()
        h.press(.function(4))
        h.press(.character("/"))
        h.type("2711122712")
        #expect(h.state.shelves.found.map(\.value) == ["B3"])
        #expect(h.state.shelves.shelf == 1 && h.state.shelves.slot == 2)
        #expect(h.screen()[Self.statusRow].hasSuffix("1 slot"))
        h.press(.escape)
        h.press(.character("/"))
        h.type("kari nordmann")
        #expect(h.state.shelves.found.map(\.value) == ["A1", "C6", "F5"])
        h.press(.control("u"))
        h.type("zzzz")
        #expect(h.state.shelves.found.isEmpty)
        #expect(h.screen()[Self.statusRow].hasSuffix("no slot"))
    }
}

extension ShelvesPrompt.Purpose {
    var batchCount: Int? {
        if case .move(let batch) = self { batch.count } else { nil }
    }
}

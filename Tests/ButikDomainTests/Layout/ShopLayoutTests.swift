import Foundation
import Testing
@testable import ButikDomain

@Suite struct ShopLayoutTests {
    @Test func slotsInShelfOrder() {
        let slots = Fixtures.layout.slots
        #expect(slots.map(\.id.value) == ["A1", "A2", "A3", "L1"])
        #expect(slots.map(\.capacity) == [2, 2, 2, 1])
        #expect(slots.map(\.size) == [.small, .small, .small, .large])
        #expect(slots.map(\.shelf) == ["A", "A", "A", "L"])
    }

    @Test func areasAndContains() {
        let layout = Fixtures.layout
        #expect(layout.overflowID == Fixtures.floor)
        #expect(layout.outboundID == Fixtures.out)
        for id in ["A1", "a3", "L1", "FLOOR", "out"] { #expect(layout.contains(SlotID(id)), "\(id)") }
        for id in ["A4", "A0", "B1", "L2", "A"] { #expect(!layout.contains(SlotID(id)), "\(id)") }
    }

    @Test func carrierByIdOrNameIgnoringCase() {
        let layout = Fixtures.layout
        #expect(layout.carrier(named: "POSTNORD")?.id == "postnord")
        #expect(layout.carrier(named: "postnord")?.holdDays == 7)
        #expect(layout.carrier(named: "Amazon")?.holdDays == 14)
        #expect(layout.carrier(named: "dhl") == nil)
    }

    @Test func zoneFallsBackToUTC() {
        var layout = Fixtures.layout
        #expect(layout.zone.identifier == "Europe/Oslo")
        layout.timeZone = "Mars/Olympus"
        #expect(layout.zone.secondsFromGMT(for: Fixtures.now) == 0)
        #expect(layout.zone.secondsFromGMT(for: Date(timeIntervalSince1970: 1_790_000_000)) == 0) // July
        #expect(layout.problems == ["unknown time zone \"Mars/Olympus\""])
    }

    @Test func languageIsReadAndAnUnknownOneNamed() throws {
        let json = try JSONEncoder().encode(Fixtures.layout)
        #expect(try JSONDecoder().decode(ShopLayout.self, from: json).language == nil, "the file may leave it out")
        var object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        for code in ["nb", "sv", "en"] {
            object["language"] = code
            let layout = try JSONDecoder().decode(ShopLayout.self, from: JSONSerialization.data(withJSONObject: object))
            #expect(layout.language == Language(rawValue: code))
            #expect(layout.problems.isEmpty)
            #expect(try JSONDecoder().decode(ShopLayout.self, from: JSONEncoder().encode(layout)) == layout)
        }
        object["language"] = "de"
        let german = try JSONDecoder().decode(ShopLayout.self, from: JSONSerialization.data(withJSONObject: object))
        #expect(german.language == nil)
        #expect(german.problems == ["language \"de\" is not one Butik speaks: use \"nb\", \"sv\" or \"en\", or leave it out"])
    }

    @Test func fixtureIsSound() {
        #expect(Fixtures.layout.problems.isEmpty)
    }

    @Test func problemsAreReported() {
        var layout = Fixtures.layout
        layout.schema = 2
        layout.shelves = [
            .init(id: "A1", slots: 0, capacity: 0, size: .small),
            .init(id: "FLOOR", slots: 3, capacity: 2, size: .small),
            .init(id: "floor", slots: 3, capacity: 2, size: .small),
        ]
        layout.outbound.id = "Floor"
        layout.defaultHoldDays = 0
        layout.carriers.append(.init(id: "PostNord", name: "Again", holdDays: 91))
        #expect(layout.problems == [
            "schema 2 is newer than this Butik understands (1)",
            "shelf id \"A1\" must be letters only",
            "shelf A1 must have 1 to 99 slots, not 0",
            "shelf A1 must hold 1 to 999 parcels a slot, not 0",
            "shelf floor is listed twice",
            "area id \"FLOOR\" is empty or clashes with a shelf",
            "area id \"Floor\" is empty or clashes with a shelf",
            "overflow and outbound need different ids",
            "defaultHoldDays must be 1 to 90, not 0",
            "carrier PostNord is listed twice",
            "carrier PostNord must hold parcels 1 to 90 days, not 91",
        ])
    }

    @Test func decodesShopJson() throws {
        let json = """
            {"schema":1,"name":"Butik","timeZone":"Europe/Oslo",
             "shelves":[{"id":"A","slots":8,"capacity":6,"size":"small"},{"id":"G","slots":4,"capacity":3,"size":"large"}],
             "overflow":{"id":"FLOOR","name":"Floor"},"outbound":{"id":"OUT","name":"Out"},
             "defaultHoldDays":7,"carriers":[{"id":"postnord","name":"PostNord","holdDays":7},
                                             {"id":"posten","name":"Posten/Bring","holdDays":7,"maxHoldDays":21}]}
            """
        let layout = try JSONDecoder().decode(ShopLayout.self, from: Data(json.utf8))
        #expect(layout.carriers.map(\.maxHoldDays) == [nil, 21])
        #expect(layout.maxHoldDays(ofCarrier: "postnord") == 14, "a carrier without maxHoldDays gets the default")
        #expect(layout.maxHoldDays(ofCarrier: "posten") == 21)
        #expect(layout.maxHoldDays(ofCarrier: "gone") == 14, "so does one no longer in the file")
        #expect(layout.slots.count == 12)
        #expect(layout.slots.last?.id == SlotID("G4"))
        #expect(layout.problems.isEmpty)
        #expect(layout.undoMinutes == 10, "an older file without undoMinutes gets the default")
        #expect(layout.undoWindow == 600)
        #expect(layout.scanGapMilliseconds == 50)
        #expect(layout.handOutWithoutScan == false)
        #expect(layout.regular == RegularRule(visits: 10, days: 90), "an older file without regular gets the defaults")
    }

    @Test func theRegularRuleIsReadAndChecked() throws {
        var json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Fixtures.layout)) as! [String: Any]
        json["regular"] = ["visits": 4, "days": 30]
        let layout = try JSONDecoder().decode(ShopLayout.self, from: JSONSerialization.data(withJSONObject: json))
        #expect(layout.regular == RegularRule(visits: 4, days: 30))
        json["regular"] = ["days": 30]
        #expect(try JSONDecoder().decode(ShopLayout.self, from: JSONSerialization.data(withJSONObject: json)).regular.visits == 10)
        var wrong = layout
        wrong.regular = RegularRule(visits: 0, days: 4000)
        #expect(wrong.problems == ["regular.visits must be 1 to 1000, not 0", "regular.days must be 1 to 3660, not 4000"])
        json["regular"] = ["visits": "ten"]
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ShopLayout.self, from: JSONSerialization.data(withJSONObject: json)) }
    }

    @Test func scanGapAndHandOutWithoutScanAreReadAndChecked() throws {
        var json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Fixtures.layout)) as! [String: Any]
        json["scanGapMilliseconds"] = 120
        json["handOutWithoutScan"] = true
        let layout = try JSONDecoder().decode(ShopLayout.self, from: JSONSerialization.data(withJSONObject: json))
        #expect(layout.scanGapMilliseconds == 120)
        #expect(layout.handOutWithoutScan)
        var wrong = layout
        wrong.scanGapMilliseconds = 5
        #expect(wrong.problems == ["scanGapMilliseconds must be 10 to 1000, not 5"])
    }

    @Test func undoMinutesIsReadAndChecked() throws {
        var json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(Fixtures.layout)) as! [String: Any]
        #expect(json["undoMinutes"] as? Int == 10)
        json["undoMinutes"] = 25
        let layout = try JSONDecoder().decode(ShopLayout.self, from: JSONSerialization.data(withJSONObject: json))
        #expect(layout.undoMinutes == 25)
        #expect(layout.undoWindow == 1500)
        var wrong = layout
        wrong.undoMinutes = 0
        #expect(wrong.problems == ["undoMinutes must be 1 to 120, not 0"])
    }
}

@Suite struct SlotIDTests {
    @Test func upperCased() {
        #expect(SlotID("a1").value == "A1")
        #expect(SlotID("floor") == SlotID("FLOOR"))
    }

    @Test func naturalOrder() {
        let ids = ["A10", "B1", "A2", "A1", "FLOOR", "A", "OUT"].map(SlotID.init)
        #expect(ids.sorted().map(\.value) == ["A", "A1", "A2", "A10", "B1", "FLOOR", "OUT"])
    }

    @Test func codesAsString() throws {
        let data = try JSONEncoder().encode([SlotID("a2")])
        #expect(String(decoding: data, as: UTF8.self) == #"["A2"]"#)
        #expect(try JSONDecoder().decode([SlotID].self, from: Data(#"["b3"]"#.utf8)) == [SlotID("B3")])
    }
}

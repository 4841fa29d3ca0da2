import ButikDomain
import ButikGrid
import ButikText
@testable import ButikUI
import Foundation
import Testing

/// The main screens in English, bokmål and Swedish, from the demo shop, compared with the frames in
/// `Tests/ButikUITests/Snapshots/` (written once and read by eye). A frame that is missing is
/// written when `BUTIK_RECORD_SNAPSHOTS=1`, and the test fails until it is committed.
@Suite struct LanguageSnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Snapshots")

    /// A harness in `language`, with `steps` done.
    static func harness(_ language: Language, _ steps: (Harness) throws -> Void) throws -> Harness {
        try Harness.$words.withValue(Words.shipped(language)) {
            let h = try Harness()
            try steps(h)
            return h
        }
    }

    /// The screens and their steps.
    static let screens: [(name: String, steps: @Sendable (Harness) throws -> Void)] = [
        ("counter-search", { h in h.type("kari") }),
        ("counter-handout", { h in
            h.type("jeds")
            h.press(.enter, .character("1"))
            let parcel = try #require(h.state.counter.handOut?.parcels.first.flatMap { h.state.context.shop.parcels[$0] })
            h.scan(parcel.tracking.value)
        }),
        ("intake", { h in
            h.press(.function(3), .enter)
            h.scan(IntakeScenarioTests.first)
            h.type("kari nordmann")
            h.press(.enter)
        }),
        ("shelves", { h in h.press(.function(4), .character("m")) }),
        ("reports", { h in h.press(.function(7)) }),
        ("queue", { h in
            h.press(.function(5))
            QueueScenarioTests.add(h, "kh2")
            QueueScenarioTests.add(h, "jeds", "15:00")
            h.press(.up, .character("f"))
        }),
        ("queue-returns", { h in
            h.press(.function(5), .character("o"), .character("y"), .tab, .character("s"), .character("s"), .character("s"))
        }),
        ("queue-handover", { h in
            h.press(.function(5), .character("o"), .character("y"), .character("h"))
            for parcel in h.store.state.parcelsInShop.filter({ $0.status != .waiting }).prefix(2) { h.scan(parcel.tracking.value) }
        }),
        ("customers", { h in h.press(.function(6)) }),
        ("customer-card", { h in openJEDS(h) }),
        ("customer-edit", { h in
            openJEDS(h)
            h.press(.character("e"))
        }),
        ("customer-edit-field", { h in
            openJEDS(h)
            h.press(.character("e"), .character("4"))
            h.type("janne@eksempel")
            h.press(.enter)
        }),
        ("customer-merge", { h in
            openJEDS(h)
            h.press(.character("m"))
            h.type("kari")
        }),
        ("customer-merge-confirm", { h in
            openJEDS(h)
            h.press(.character("m"))
            h.type("kari")
            h.press(.enter)
        }),
        ("customer-contact", { h in
            h.press(.function(6))
            h.type("jeds")
            h.press(.enter, .character("c"), .character("5"))
        }),
        ("case-list", { h in
            try CaseListScenarioTests.openDemoCases(h)
            h.press(.function(6), .tab)
        }),
        ("case", { h in
            try CaseListScenarioTests.openDemoCases(h)
            h.press(.function(6), .tab, .enter)
        }),
        ("customer-case", { h in
            h.press(.function(6))
            h.type("jeds")
            h.press(.enter, .character("o"), .character("1"), .enter)
        }),
    ]

    /// F6 with JEDS's card open.
    static func openJEDS(_ h: Harness) {
        h.press(.function(6))
        h.type("jeds")
        h.press(.enter)
    }

    /// Every size each screen is compared at, in every language: the usual two, a wide window,
    /// the smallest whole layout and a compact one below it.
    static let everySize = [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 200, height: 60),
                            Size(width: 60, height: 16), Size(width: 50, height: 14)]

    static let cases: [(String, Language)] = screens.map(\.name).flatMap { name in [Language.en, .nb, .sv].map { (name, $0) } }

    @Test(arguments: cases)
    func theScreenReadsAsWrittenDown(_ name: String, _ language: Language) throws {
        let screen = try #require(Self.screens.first { $0.name == name })
        let h = try Self.harness(language, screen.steps)
        for size in Self.everySize {
            let frame = snapshot(h.frame(width: size.width, height: size.height))
            let file = Self.folder.appendingPathComponent("\(name)-\(language.rawValue)-\(size.width)x\(size.height).txt")
            guard let written = try? String(contentsOf: file, encoding: .utf8) else {
                if ProcessInfo.processInfo.environment["BUTIK_RECORD_SNAPSHOTS"] == "1" {
                    try frame.write(to: file, atomically: true, encoding: .utf8)
                }
                Issue.record("no snapshot \(file.lastPathComponent) (BUTIK_RECORD_SNAPSHOTS=1 writes it)")
                continue
            }
            #expect(frame == written, "\(file.lastPathComponent)")
        }
    }
}

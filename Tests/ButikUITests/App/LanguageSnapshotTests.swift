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
        ("customers", { h in h.press(.function(6)) }),
    ]

    /// Every size the app is drawn at: the usual two, a wide window, the smallest whole layout
    /// and a compact one below it.
    static let everySize = [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 200, height: 60),
                            Size(width: 60, height: 16), Size(width: 50, height: 14)]

    /// The sizes a screen is compared at in a language: every size in English and, for the
    /// Counter, in bokmål; the Counter at 100x30 and 80x24 and the other screens at 100x30 in
    /// Swedish and (but Customers) in bokmål.
    static func sizes(_ name: String, _ language: Language) -> [Size] {
        let counter = name.hasPrefix("counter")
        switch language {
        case .en: return everySize
        case .nb where counter: return everySize
        case _ where counter: return [Size(width: 100, height: 30), Size(width: 80, height: 24)]
        case _ where name == "customers": return []
        default: return [Size(width: 100, height: 30)]
        }
    }

    static let cases: [(String, Language)] = screens.map(\.name).flatMap { name in
        [Language.en, .nb, .sv].filter { !sizes(name, $0).isEmpty }.map { (name, $0) }
    }

    @Test(arguments: cases)
    func theScreenReadsAsWrittenDown(_ name: String, _ language: Language) throws {
        let screen = try #require(Self.screens.first { $0.name == name })
        let h = try Self.harness(language, screen.steps)
        for size in Self.sizes(name, language) {
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

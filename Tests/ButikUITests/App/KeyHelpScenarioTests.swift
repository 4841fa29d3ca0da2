import ButikGrid
@testable import ButikUI
import Foundation
import Testing

/// What the help line and F1 offer on each screen, from the trial's findings: nothing offered
/// that does nothing, nothing working unmentioned, and the screen's flow in F1.
@Suite struct KeyHelpScenarioTests {
    /// The F1 overlay's text at `width` × `height`, lines joined.
    static func help(_ h: Harness, width: Int = 100, height: Int = 60) -> String {
        h.press(.function(1))
        defer { h.press(.escape) }
        return h.screen(width: width, height: height).joined(separator: "\n")
    }

    @Test func ctrlROnTheCounterIsOfferedOnlyWhileAHandOutIsOpen() throws {
        let h = try Harness()
        h.type("kari")
        #expect(!h.screen(width: 200)[23].contains("Ctrl-R"))
        #expect(!Self.helpBox(h).contains { $0.hasPrefix("Ctrl-R ") })
        h.press(.control("r"))
        #expect(h.state.counter.handOut == nil)
        h.press(.enter)
        #expect(h.screen(width: 200)[23].contains("Ctrl-R refuse"))
    }

    @Test func f1OnTheCounterTellsTheHandOutsKeysAndFlow() throws {
        let h = try Harness()
        let help = Self.help(h)
        for word in ["1-4", "Space", "proxy", "Ctrl-Z", "Enter"] { #expect(help.contains(word), "\(word)") }
    }

    @Test func theIntakeSetupOffersTheCarrierAndCountAndNotF9() throws {
        let h = try Harness()
        h.press(.function(3))
        #expect(!h.screen(width: 200)[23].contains("F9"))
        let box = Self.helpBox(h)
        #expect(!box.contains { $0.hasPrefix("F9 ") })
        #expect(box.contains { $0.hasPrefix("←→ ") && $0.hasSuffix("carrier") })
        #expect(box.contains { $0.hasPrefix("type ") && $0.contains("declared") })
        h.press(.function(9))
        #expect(h.state.intake.size == .small)
    }

    @Test func theQueueOffersOnlyTheHandoverKeysDuringAHandover() throws {
        let h = try Harness()
        h.press(.function(5))
        h.press(.character("h"))
        #expect(h.state.queue.handover != nil)
        let footer = h.screen(width: 200)[23]
        for label in ["a ", "f ", "x ", "c ", "s ", "e ", "o ", "d ", "h "] { #expect(!footer.hasPrefix(label) && !footer.contains("  \(label)"), "\(label)") }
        #expect(footer.contains("Enter"))
        #expect(footer.contains("Esc"))
        let box = Self.helpBox(h)
        for label in ["a", "f", "c", "h", "Tab"] { #expect(!box.contains { $0.hasPrefix("\(label) ") }, "\(label)") }
        #expect(box.contains { $0.hasPrefix("scan ") })
    }

    /// The rows inside the F1 box, without its frame and trailing blanks.
    static func helpBox(_ h: Harness) -> [String] {
        help(h).split(separator: "\n").compactMap { line -> String? in
            guard let open = line.firstIndex(of: "║"), let close = line.lastIndex(of: "║"), open < close else { return nil }
            return String(line[line.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
        }
    }

    @Test func f1OnReportsSaysWhatTheScreenIs() throws {
        let h = try Harness()
        h.press(.function(7))
        let box = Self.helpBox(h)
        let title = try #require(box.firstIndex { $0.hasPrefix("On Reports") })
        #expect(box[title + 1].lowercased().contains("today"))
    }

    @Test func theQueueFooterAt100ColumnsLeadsToEveryKey() throws {
        let h = try Harness()
        h.press(.function(5))
        let footer = h.screen(width: 100)[23]
        #expect(footer.contains("F1"))
        let box = Self.helpBox(h)
        for label in ["a", "f", "r", "x", "c", "s", "e", "o", "d", "h", "Tab", "Enter", "↑↓"] {
            #expect(box.contains { $0.hasPrefix("\(label) ") }, "\(label)")
        }
    }
}

import ButikGrid
import Testing
import ButikUI

@Suite struct KeyMapTests {
    enum Action: Equatable { case help, intake, shelves, back, clear }

    let map = KeyMap<Action>([
        KeyBinding(.function(1), "Help", action: .help),
        KeyBinding(.function(2), "Intake", action: .intake),
        KeyBinding(.function(3), "Shelves", action: .shelves),
        KeyBinding(.escape, "Back", action: .back),
        KeyBinding(.control("u"), "Clear field", action: .clear, showsOnHelpLine: false),
    ])

    @Test func findsTheActionForAKey() {
        #expect(map.action(for: .function(3)) == .shelves)
        #expect(map.action(for: .control("u")) == .clear)
        #expect(map.action(for: .function(4)) == nil)
    }

    @Test(arguments: [
        (0, []),
        (6, []),
        (7, ["F1"]),
        (17, ["F1"]),
        (18, ["F1", "F2"]),
        (28, ["F1", "F2"]),      // Esc Back would fit, but not in place of F3 Shelves
        (40, ["F1", "F2", "F3", "Esc"]),
    ])
    func helpLineKeepsTheMostImportantThatFit(width: Int, labels: [String]) {
        let entries = map.helpLine(width: width)
        #expect(entries.map(\.label) == labels)
        let used = entries.map(\.displayWidth).reduce(0, +) + HelpEntry.gap * max(0, entries.count - 1)
        #expect(used <= width)
    }

    @Test func helpScreenListsEveryBinding() {
        #expect(map.helpScreenLines(width: 40) == [
            "F1      Help",
            "F2      Intake",
            "F3      Shelves",
            "Esc     Back",
            "Ctrl-U  Clear field",
        ])
        // A label is cut to a third of the width; a description wraps under itself.
        #expect(map.helpScreenLines(width: 12).suffix(2) == ["Ctr…  Clear", "      field"])
    }

    @Test func keyLabels() {
        #expect(Key.function(12).label == "F12")
        #expect(Key.control("w").label == "Ctrl-W")
        #expect(Key.character(" ").label == "Space")
        #expect(Key.character("ø").label == "ø")
        #expect(Key.pageDown.label == "PgDn")
    }
}

import ButikGrid
import CNCursesW
import Foundation
import Testing
@testable import CursesTerminal

/// Drives real ncurses in this process, without a terminal: newterm on /dev/null (or a file,
/// to see the bytes sent) with TERM, LINES and COLUMNS set. ncurses is process-global, so every
/// test that starts a terminal lives in this one serialized suite.
@Suite(.serialized) final class InProcessCursesTests {
    static let width = 80, height = 24

    private var terminal: CursesTerminal?
    private var outputPath: String?

    deinit {
        terminal?.restore()
        if let outputPath { unlink(outputPath) }
    }

    private func start(_ colors: ColorMode, environment: [String: String] = [:],
                       captureOutput: Bool = false) throws -> CursesTerminal {
        setenv("TERM", "xterm-256color", 1)
        setenv("LINES", "\(Self.height)", 1)
        setenv("COLUMNS", "\(Self.width)", 1)
        var outputName = "/dev/null"
        if captureOutput {
            outputName = NSTemporaryDirectory() + "butik-curses-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).out"
            outputPath = outputName
        }
        let output = try #require(fopen(outputName, "w"))
        let input = try #require(fopen("/dev/null", "r"))
        let terminal = try CursesTerminal(colors: colors, output: output, input: input,
                                          environment: ["TERM": "xterm-256color"].merging(environment) { $1 })
        self.terminal = terminal
        return terminal
    }

    /// Lays text out from (row, column) the way the UI layer does: wide characters get a continuation.
    private func place(_ text: String, row: Int, column: Int, style: Style = .plain, in frame: inout Screen) {
        var x = column
        for character in text {
            let first = character.unicodeScalars.first!.value
            frame[row, x] = Cell(text: String(character), style: style)
            if butik_wcwidth(first) == 2 {
                frame[row, x + 1] = Cell(text: "", style: style, isContinuation: true)
                x += 2
            } else {
                x += 1
            }
        }
    }

    private struct ReadCell {
        var codePoints: [UInt32]
        var attributes: attr_t
        var pair: Int16
        var text: String { String(String.UnicodeScalarView(codePoints.compactMap(Unicode.Scalar.init))) }
    }

    private func readCell(_ terminal: CursesTerminal, _ row: Int, _ column: Int) -> ReadCell {
        var codePoints = [UInt32](repeating: 0, count: 8)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        let count = butik_read_cell(terminal.window, Int32(row), Int32(column), &codePoints, 8, &attributes, &pair)
        return ReadCell(codePoints: Array(codePoints.prefix(max(0, Int(count)))), attributes: attributes, pair: pair)
    }

    private func readRow(_ terminal: CursesTerminal, _ row: Int) -> [UInt32] {
        var codePoints = [UInt32](repeating: 0, count: 512)
        let count = butik_read_row(terminal.window, Int32(row), 0, &codePoints, Int32(Self.width))
        return Array(codePoints.prefix(max(0, Int(count))))
    }

    private func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

    private static let styleBits: attr_t =
        butik_attr_bold() | butik_attr_reverse() | butik_attr_underline() | butik_attr_dim()

    // MARK: -

    @Test func sizeComesFromTheTerminal() throws {
        let terminal = try start(.none)
        #expect(terminal.size == Size(width: 80, height: 24))
    }

    @Test func nordicTextRoundTrips() throws {
        let terminal = try start(.auto)
        var frame = Screen(size: terminal.size)
        let text = "Blåbærsyltetøy Ærlig Øst Åse"
        place(text, row: 0, column: 0, in: &frame)
        terminal.paint(frame)

        for (column, character) in text.enumerated() {
            #expect(readCell(terminal, 0, column).codePoints == scalars(String(character)), "column \(column)")
        }
        let row = readRow(terminal, 0)
        #expect(row == scalars(text + String(repeating: " ", count: 80 - text.count)))
    }

    @Test func wideCharactersTakeTwoColumns() throws {
        let terminal = try start(.auto)
        var frame = Screen(size: terminal.size)
        place("東京 ok", row: 3, column: 10, in: &frame)
        terminal.paint(frame)

        #expect(readCell(terminal, 3, 10).codePoints == [0x6771])  // 東
        #expect(readCell(terminal, 3, 12).codePoints == [0x4EAC])  // 京
        #expect(readCell(terminal, 3, 14).codePoints == [0x20])
        #expect(readCell(terminal, 3, 15).codePoints == [0x6F])    // o: right after the wide pair
        #expect(readCell(terminal, 3, 16).codePoints == [0x6B])    // k
        #expect(readCell(terminal, 3, 17).codePoints == [0x20])
        // winnwstr skips continuation cells: 10 spaces, then the text, then the rest of the 80 columns.
        let row = readRow(terminal, 3)
        #expect(row == scalars(String(repeating: " ", count: 10) + "東京 ok" + String(repeating: " ", count: 80 - 17)))
    }

    @Test func combiningMarkStaysInItsCell() throws {
        let terminal = try start(.auto)
        var frame = Screen(size: terminal.size)
        frame[5, 0] = Cell(text: "A\u{30A}")
        frame[5, 1] = Cell(text: "s")
        frame[5, 2] = Cell(text: "e")
        terminal.paint(frame)

        #expect(readCell(terminal, 5, 0).codePoints == [0x41, 0x30A], "not precomposed to Å, not split")
        #expect(readCell(terminal, 5, 1).codePoints == [0x73])
        #expect(readCell(terminal, 5, 2).codePoints == [0x65])
    }

    @Test func wideCharacterWithoutRoomIsReplaced() throws {
        let terminal = try start(.auto)
        var frame = Screen(size: terminal.size)
        frame[6, 0] = Cell(text: "東")       // no continuation after it
        frame[6, 1] = Cell(text: "x")
        frame[6, 79] = Cell(text: "京")      // last column
        frame[7, 4] = Cell(text: "", isContinuation: true)  // orphan continuation
        terminal.paint(frame)

        #expect(readCell(terminal, 6, 0).codePoints == [0x3F])
        #expect(readCell(terminal, 6, 1).codePoints == [0x78], "the row did not shift")
        #expect(readCell(terminal, 6, 79).codePoints == [0x3F])
        #expect(readCell(terminal, 7, 4).codePoints == [0x20])
        #expect(readCell(terminal, 7, 0).codePoints == [0x20], "the next row is untouched")
    }

    @Test func repaintingOverAWideCharacter() throws {
        let terminal = try start(.auto)
        var frame = Screen(size: terminal.size)
        place("東京", row: 0, column: 0, in: &frame)
        terminal.paint(frame)
        var next = Screen(size: terminal.size)
        place("a東b", row: 0, column: 0, in: &next)
        terminal.paint(next)

        #expect(readRow(terminal, 0).prefix(5) == [0x61, 0x6771, 0x62, 0x20, 0x20])
        #expect(readCell(terminal, 0, 0).codePoints == [0x61])
        #expect(readCell(terminal, 0, 1).codePoints == [0x6771])
        #expect(readCell(terminal, 0, 3).codePoints == [0x62])
    }

    @Test func controlCharactersNeverReachTheTerminal() throws {
        let terminal = try start(.auto, captureOutput: true)
        var frame = Screen(size: terminal.size)
        let hostile = ["\u{1B}]0;pwned\u{7}", "a\u{1B}", "e\u{301}\u{9B}", "\u{1B}[2J", "\u{7}", "\u{9B}31m", "\u{7F}", "\r", "\n", "\t"]
        for (index, text) in hostile.enumerated() {
            frame[2, index * 2] = Cell(text: text)
            frame[2, index * 2 + 1] = Cell(text: "|")
        }
        terminal.paint(frame)

        for index in hostile.indices {
            #expect(readCell(terminal, 2, index * 2).codePoints == [0x3F], "\(hostile[index].debugDescription)")
            #expect(readCell(terminal, 2, index * 2 + 1).codePoints == [0x7C])
        }
        terminal.restore()
        let sent = try Data(contentsOf: URL(fileURLWithPath: try #require(outputPath)))
        #expect(!sent.contains(0x07), "no BEL")
        #expect(sent.range(of: Data("pwned".utf8)) == nil)
        #expect(sent.range(of: Data([0xC2, 0x9B])) == nil, "no C1 CSI")
        #expect(sent.range(of: Data("?|?|?|?|?|?|?|?|?|?|".utf8)) != nil)
    }

    @Test func bytesSentAreUTF8() throws {
        let terminal = try start(.auto, captureOutput: true)
        var frame = Screen(size: terminal.size)
        place("Blåbærsyltetøy Ærlig Øst Åse", row: 1, column: 0, in: &frame)
        place("東京 ok", row: 2, column: 0, in: &frame)
        terminal.paint(frame)
        terminal.restore()
        let sent = try Data(contentsOf: URL(fileURLWithPath: try #require(outputPath)))
        #expect(sent.range(of: Data("Blåbærsyltetøy Ærlig Øst Åse".utf8)) != nil)
        #expect(sent.range(of: Data("東京 ok".utf8)) != nil)
    }

    @Test func monochromeUnderNoColorUsesAttributesOnly() throws {
        let terminal = try start(.auto, environment: ["NO_COLOR": "1"])
        #expect(has_colors(), "xterm-256color could colour; NO_COLOR is what turns it off")
        #expect(terminal.palette == .monochrome)
        var frame = Screen(size: terminal.size)
        for (column, role) in ColorRole.allCases.enumerated() {
            frame[8, column] = Cell(text: "x", style: Style(role))
        }
        frame[8, 20] = Cell(text: "y", style: Style(.normal, bold: true, underline: true))
        terminal.paint(frame)

        for (column, role) in ColorRole.allCases.enumerated() {
            let cell = readCell(terminal, 8, column)
            let expected = CursesTerminal.cursesAttributes(Palette.monochrome.appearance(of: role).attributes)
            #expect(cell.pair == 0, "\(role)")
            #expect(cell.attributes & Self.styleBits == expected, "\(role)")
        }
        #expect(readCell(terminal, 8, ColorRole.allCases.firstIndex(of: .selection)!).attributes & butik_attr_reverse() != 0)
        #expect(readCell(terminal, 8, 20).attributes & Self.styleBits == butik_attr_bold() | butik_attr_underline())
    }

    @Test func colourModeUsesOnePairPerRole() throws {
        let terminal = try start(.color)
        #expect(terminal.palette == .color)
        var frame = Screen(size: terminal.size)
        for (column, role) in ColorRole.allCases.enumerated() {
            frame[9, column] = Cell(text: "x", style: Style(role))
        }
        terminal.paint(frame)

        for (column, role) in ColorRole.allCases.enumerated() {
            let pair = Palette.color.pair(for: role)
            #expect(readCell(terminal, 9, column).pair == pair, "\(role)")
            var foreground: Int16 = 0, background: Int16 = 0
            pair_content(pair, &foreground, &background)
            let look = Palette.color.appearance(of: role)
            #expect(foreground == look.foreground.rawValue, "\(role)")
            #expect(background == look.background.rawValue, "\(role)")
        }
    }

    @Test func cursorIsPlaced() throws {
        let terminal = try start(.none)
        var frame = Screen(size: terminal.size)
        frame.cursor = (row: 4, column: 7)
        terminal.paint(frame)
        #expect(getcury(terminal.window) == 4)
        #expect(getcurx(terminal.window) == 7)
    }

    @Test func smallerFrameDoesNotLeaveOldCells() throws {
        let terminal = try start(.none)
        var frame = Screen(size: terminal.size)
        place("old", row: 20, column: 70, in: &frame)
        terminal.paint(frame)
        var small = Screen(size: Size(width: 40, height: 10))
        place("new", row: 0, column: 0, in: &small)
        terminal.paint(small)
        #expect(readCell(terminal, 20, 70).codePoints == [0x20])
        #expect(readCell(terminal, 0, 0).codePoints == [0x6E])
    }

    @Test func restoreIsIdempotentAndFreesTheTerminal() throws {
        let terminal = try start(.none)
        #expect(throws: CursesTerminalError.alreadyActive) { _ = try self.start(.none) }
        terminal.restore()
        terminal.restore()
        terminal.paint(Screen(size: Size(width: 80, height: 24)))  // ignored, no crash
        #expect(terminal.nextKey(timeout: 0) == nil)
        let again = try start(.none)
        #expect(again.size == Size(width: 80, height: 24))
        again.restore()
    }

    /// The handlers the terminal installed turn these signals into a key the app quits on.
    @Test(arguments: [SIGTERM, SIGINT, SIGHUP])
    func quitSignalBecomesInterrupt(_ signalNumber: Int32) throws {
        let terminal = try start(.none)
        // To the process, as `kill` sends it: raise() would target this worker thread, which
        // (like every dispatch worker) blocks signals, so it would stay pending.
        kill(getpid(), signalNumber)
        // Generous: on a loaded 2-core machine (CI, with child processes of other suites being
        // spawned and killed) the signal once took longer than a second to be delivered.
        let event = terminal.nextKey(timeout: 5000)
        #expect(event?.key == .interrupt)
        #expect(terminal.nextKey(timeout: 0) == nil, "taken once")
    }

    @Test func noKeyFromDevNull() throws {
        let terminal = try start(.none)
        #expect(terminal.nextKey(timeout: 0) == nil)
    }
}

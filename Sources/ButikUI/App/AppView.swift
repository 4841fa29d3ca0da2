import ButikDomain
import ButikGrid
import ButikText

extension AppState {
    /// The smallest terminal Butik draws its screens in.
    public static let minimumSize = Size(width: 60, height: 16)

    /// Ends the help line when not all of the mode's keys fit on it.
    static func moreHelp(_ words: Words) -> HelpEntry { HelpEntry(label: "F1", description: words.text("keys.more")) }

    /// Draws the whole app at `size`: tab bar, the open screen, status line and help line, with
    /// the help screen or a message on top.
    public func view(_ size: Size) -> Screen {
        var screen = Screen(size: size)
        let words = context.words
        guard size.width >= AppState.minimumSize.width, size.height >= AppState.minimumSize.height else {
            drawTooSmall(into: &screen)
            return screen
        }
        let tabs = TabBar(AppTab.allCases.map { TabBar.Tab($0.title(words), key: $0.key) }, active: tab.rawValue)
        tabs.draw(into: &screen, at: Rect(row: 0, column: 0, width: size.width, height: 1))
        let body = Rect(row: 2, column: 1, width: size.width - 2, height: size.height - 4)
        switch tab {
        case .counter: counter.draw(into: &screen, at: body, context)
        case .intake: intake.draw(into: &screen, at: body, context)
        case .shelves: shelves.draw(into: &screen, at: body, context)
        case .queue: queue.draw(into: &screen, at: body, context)
        case .customers: customers.draw(into: &screen, at: body, context)
        case .reports: reports.draw(into: &screen, at: body, context)
        }
        let statusRow = size.height - 2
        statusLine.draw(into: &screen, at: Rect(row: statusRow, column: 0, width: size.width, height: 1))
        HelpLine(entries: keys.helpLineEntries, more: helpVisible ? nil : AppState.moreHelp(words)).draw(into: &screen, at: Rect(row: size.height - 1, column: 0, width: size.width, height: 1))
        if let toast {
            // A message covers the status line, and the help line too when it needs two rows.
            let rows = toast.rows(width: size.width, maxRows: 2, words)
            toast.draw(into: &screen, at: Rect(row: statusRow, column: 0, width: size.width, height: rows), words)
        }
        if let readOnlyReason {
            // The reason in full where the eye goes first; the status line only has room for a word.
            let banner = Toast(Phrase("store.readOnly.banner", ["reason": .phrase(readOnlyReason)]), kind: .error, expiresAt: .infinity)
            banner.draw(into: &screen, at: Rect(row: 1, column: 0, width: size.width, height: 1), words)
        } else if storeBusy == .writing {
            let banner = Toast(StoreBusy.waitingBanner, kind: .warning, expiresAt: .infinity)
            banner.draw(into: &screen, at: Rect(row: 1, column: 0, width: size.width, height: 1), words)
        }
        if helpVisible {
            drawHelp(into: &screen, size: size)
            screen.cursor = nil
        }
        return screen
    }

    private var statusLine: StatusLine {
        let shop = context.shop
        let inShop = shop.inShopCount
        let dueToday = context.dueToday
        let words = context.words
        var left = [StatusLine.Segment(staff), StatusLine.Segment(context.layout.name)]
        if let readOnlyReason {
            left.append(StatusLine.Segment(words.text("store.readOnly.banner", ["reason": .phrase(readOnlyReason)]), style: Style(.danger, bold: true, reverse: true)))
        } else if storeBusy != nil {
            left.append(StatusLine.Segment(words.text(StoreBusy.status), style: Style(.warning, bold: true)))
        }
        let time = LocalTime.minute(context.now, in: context.layout.zone)
        return StatusLine(left: left, right: [
            StatusLine.Segment(words.text("status.onShelf", ["n": .count(inShop)])),
            StatusLine.Segment(words.text("status.dueToday", ["n": .count(dueToday)]), style: dueToday > 0 ? Style(.warning, bold: true) : nil),
            StatusLine.Segment(time),
        ])
    }

    /// The help screen's lines, `width` cells at most: how the open screen's work goes, the
    /// keys of its current mode, the keys of every screen, and the store.
    func helpLines(width: Int) -> [String] {
        let screen = screenKeys
        let words = context.words
        var lines = [helpTitles[0]]
        if let flow = screen.flow { lines += flow.wrapped(toWidth: width) + [""] }
        let bindings = screen.helpScreenLines(width: width)
        if !bindings.isEmpty { lines += bindings + [""] }
        lines += [helpTitles[1]] + AppAction.keyMap(words).helpScreenLines(width: width)
        lines += [""] + words.text("help.scanAnywhere").wrapped(toWidth: width)
        lines += words.text("help.store", ["path": .text(storeLabel)]).wrapped(toWidth: width)
        return lines
    }

    /// The titles of the help screen's two parts: the open screen, every screen.
    private var helpTitles: [String] {
        [context.words.text("help.on", ["screen": .text(tab.title(context.words))]), context.words.text("help.everyScreen")]
    }

    /// Cells of text per line in the help box at `size`.
    static func helpWidth(_ size: Size) -> Int { min(size.width - 4, 70) - 4 }

    /// The help box, from line ``helpScroll`` on; the last row says when more lines follow.
    private func drawHelp(into screen: inout Screen, size: Size) {
        let width = AppState.helpWidth(size)
        let lines = helpLines(width: width)
        let rows = min(size.height - 4, lines.count)
        let first = min(helpScroll, lines.count - rows)
        var shown = Array(lines[first..<first + rows])
        if first + rows < lines.count { shown[rows - 1] = context.words.text("help.moreLines", ["n": .count(lines.count - first - rows + 1)]) }
        let rect = Rect(size).centered(width: width + 4, height: rows + 2)
        screen.fill(rect)
        screen.box(rect, style: Style(.accent, bold: true), lines: .double, title: " \(context.words.text("help.title")) ")
        for (offset, line) in shown.enumerated() {
            let style = helpTitles.contains(line) ? Style(.title, bold: true) : .plain
            screen.put(line, row: rect.row + 1 + offset, column: rect.column + 2, style: style, maxWidth: width)
        }
    }

    private func drawTooSmall(into screen: inout Screen) {
        let size = screen.size
        let words = context.words
        let lines = [words.text("tooSmall.need", ["width": .count(AppState.minimumSize.width), "height": .count(AppState.minimumSize.height)]),
                     words.text("tooSmall.this", ["width": .count(size.width), "height": .count(size.height)]),
                     words.text("tooSmall.quit")]
        var row = 0
        for (offset, line) in lines.enumerated() {
            for part in line.wrapped(toWidth: max(1, size.width)) {
                screen.put(part, row: row, column: 0, style: offset == 0 ? Style(.warning, bold: true) : .plain)
                row += 1
            }
            row += 1
        }
    }
}

import ButikDomain
import ButikGrid
import ButikText

extension AppState {
    /// The smallest terminal Butik draws its whole layout in. Below it the layout is compact:
    /// no blank row under the tab bar and no status line, so the open screen keeps the rows for
    /// its prompt and the scanned parcel's key and slot.
    public static let minimumSize = Size(width: 60, height: 16)

    /// Ends the help line when not all of the mode's keys fit on it.
    static func moreHelp(_ words: Words) -> HelpEntry { HelpEntry(label: "F1", description: words.text("keys.more")) }

    /// Draws the whole app at `size`: tab bar, a banner while the store is read-only or busy, the
    /// open screen, status line and help line, with the help screen or a message on top.
    public func view(_ size: Size) -> Screen {
        var screen = Screen(size: size)
        let words = context.words
        let compact = size.width < AppState.minimumSize.width || size.height < AppState.minimumSize.height
        let tabs = TabBar(AppTab.allCases.map { TabBar.Tab($0.title(words), key: $0.key) }, active: tab.rawValue)
        tabs.draw(into: &screen, at: Rect(row: 0, column: 0, width: size.width, height: 1))
        var bannerRows = 0
        if let banner {
            // The reason in full where the eye goes first; the status line only has room for a word.
            bannerRows = banner.rows(width: size.width, maxRows: compact ? 2 : 3, words)
            banner.draw(into: &screen, at: Rect(row: 1, column: 0, width: size.width, height: bannerRows), words)
        }
        let top = 1 + (compact ? bannerRows : max(1, bannerRows))
        let statusRow = size.height - 2
        let body = Rect(row: top, column: 1, width: size.width - 2, height: (compact ? size.height - 1 : statusRow) - top)
        switch tab {
        case .counter: counter.draw(into: &screen, at: body, context)
        case .intake: intake.draw(into: &screen, at: body, context)
        case .shelves: shelves.draw(into: &screen, at: body, context)
        case .queue: queue.draw(into: &screen, at: body, context)
        case .customers: customers.draw(into: &screen, at: body, context)
        case .reports: reports.draw(into: &screen, at: body, context)
        }
        if !compact { statusLine.draw(into: &screen, at: Rect(row: statusRow, column: 0, width: size.width, height: 1)) }
        HelpLine(entries: keys.helpLineEntries, more: helpVisible ? nil : AppState.moreHelp(words)).draw(into: &screen, at: Rect(row: size.height - 1, column: 0, width: size.width, height: 1))
        if let toast {
            // A message covers the status line, then the help line, then the rows above them.
            let rows = toast.rows(width: size.width, maxRows: max(2, size.height / 6), words)
            let first = compact ? size.height - rows : min(statusRow, size.height - rows)
            toast.draw(into: &screen, at: Rect(row: first, column: 0, width: size.width, height: rows), words)
        }
        if helpVisible {
            drawHelp(into: &screen, size: size)
            screen.cursor = nil
        }
        return screen
    }

    /// What stands under the tab bar while the store is read-only or another program writes.
    private var banner: Toast? {
        if let readOnlyReason {
            return Toast(Notice(Phrase("store.readOnly.banner", ["reason": .phrase(readOnlyReason)]), tone: .error), expiresAt: .infinity)
        }
        return storeBusy == .writing ? Toast(Notice(StoreBusy.waitingBanner, tone: .warning), expiresAt: .infinity) : nil
    }

    private var statusLine: StatusLine {
        let shop = context.shop
        let inShop = shop.inShopCount
        let dueToday = context.dueToday
        let words = context.words
        var left = [StatusLine.Segment(staff.value), StatusLine.Segment(context.layout.name)]
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
}

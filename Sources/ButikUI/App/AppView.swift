import ButikDomain
import ButikGrid

extension AppState {
    /// The smallest terminal Butik draws its screens in.
    public static let minimumSize = Size(width: 60, height: 16)

    /// The help entries of the open screen, then the global keys.
    var helpEntries: [HelpEntry] {
        let screen: [HelpEntry] = switch tab {
        case .counter: counter.currentHelp(context)
        case .intake: IntakeScreen.help
        case .shelves: ShelvesScreen.help
        case .queue: QueueScreen.help
        case .customers: CustomersScreen.help
        case .reports: ReportsScreen.help
        }
        return screen + AppAction.keyMap.helpLineEntries + [HelpEntry(label: "F2-F7", description: "screens")]
    }

    /// Draws the whole app at `size`: tab bar, the open screen, status line and help line, with
    /// the help screen or a message on top.
    public func view(_ size: Size) -> Screen {
        var screen = Screen(size: size)
        guard size.width >= AppState.minimumSize.width, size.height >= AppState.minimumSize.height else {
            drawTooSmall(into: &screen)
            return screen
        }
        let tabs = TabBar(AppTab.allCases.map { TabBar.Tab($0.title, key: $0.key) }, active: tab.rawValue)
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
        HelpLine(entries: helpEntries).draw(into: &screen, at: Rect(row: size.height - 1, column: 0, width: size.width, height: 1))
        if let toast {
            // A message covers the status line, and the help line too when it needs two rows.
            let rows = toast.rows(width: size.width, maxRows: 2)
            toast.draw(into: &screen, at: Rect(row: statusRow, column: 0, width: size.width, height: rows))
        }
        if let readOnlyReason {
            // The reason in full where the eye goes first; the status line only has room for a word.
            let banner = Toast("READ-ONLY: \(readOnlyReason)", kind: .error, expiresAt: .infinity)
            banner.draw(into: &screen, at: Rect(row: 1, column: 0, width: size.width, height: 1))
        } else if storeBusy == .writing {
            let banner = Toast(StoreBusy.waitingBanner, kind: .warning, expiresAt: .infinity)
            banner.draw(into: &screen, at: Rect(row: 1, column: 0, width: size.width, height: 1))
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
        var left = [StatusLine.Segment(staff), StatusLine.Segment(context.layout.name)]
        if let readOnlyReason {
            left.append(StatusLine.Segment("READ-ONLY: \(readOnlyReason)", style: Style(.danger, bold: true, reverse: true)))
        } else if storeBusy != nil {
            left.append(StatusLine.Segment(StoreBusy.status, style: Style(.warning, bold: true)))
        }
        let time = LocalTime.minute(context.now, in: context.layout.zone)
        return StatusLine(left: left, right: [
            StatusLine.Segment("\(inShop) on shelf"),
            StatusLine.Segment("\(dueToday) due today", style: dueToday > 0 ? Style(.warning, bold: true) : nil),
            StatusLine.Segment(time),
        ])
    }

    private func drawHelp(into screen: inout Screen, size: Size) {
        let width = min(size.width - 4, 70)
        var lines = AppAction.keyMap.helpScreenLines(width: width - 4)
        lines.append("")
        lines.append("On \(tab.title):")
        lines += helpEntries.dropLast(AppAction.keyMap.helpLineEntries.count + 1).map { "\($0.label)  \($0.description)" }
        lines.append("")
        lines.append("A barcode scan works on every screen. Esc, Enter or F1 closes this help.")
        lines.append("Store: \(storeLabel)")
        lines = lines.flatMap { $0.displayWidth > width - 4 ? $0.wrapped(toWidth: width - 4) : [$0] }
        let height = min(size.height - 2, lines.count + 2)
        let rect = Rect(size).centered(width: width, height: height)
        screen.fill(rect)
        screen.box(rect, style: Style(.accent, bold: true), lines: .double, title: " Help ")
        for (offset, line) in lines.prefix(height - 2).enumerated() {
            screen.put(line, row: rect.row + 1 + offset, column: rect.column + 2, maxWidth: width - 4)
        }
    }

    private func drawTooSmall(into screen: inout Screen) {
        let size = screen.size
        let lines = ["Butik needs a terminal of at least \(AppState.minimumSize.width)×\(AppState.minimumSize.height).",
                     "This one is \(size.width)×\(size.height): make the window larger.",
                     "F10 quits."]
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

import ButikDomain
import ButikGrid
import ButikText
import Foundation

/// A case opened from the case list: its kind, status, owner and follow-up, the customer, the
/// parcels it concerns (where each is now), a damage claim's countdown, and its history
/// (opened, then every update: when, who, what changed), newest first, ↑↓ scrolling it.
public struct CaseView: Equatable, Sendable {
    public let id: CaseID
    /// The history entry shown first (0: the newest).
    public internal(set) var first = 0
    /// The update, close or reopen dialog open over it.
    var dialog: CaseChangeDialog?

    init(_ id: CaseID) {
        self.id = id
    }

    /// One entry of the case's history.
    struct Entry {
        let at: Date
        let staff: StaffID
        let what: Phrase
    }

    /// The case's history, newest first: its updates, then its opening.
    static func history(_ shown: Case) -> [Entry] {
        let opened = Entry(at: shown.openedAt, staff: shown.openedBy,
                           what: Phrase("timeline.caseOpened", ["case": .text(shown.id.description), "kind": .phrase(shown.kind.phrase),
                                                                "text": .text(shown.text)]))
        return shown.updates.reversed().map { Entry(at: $0.at, staff: $0.staff, what: $0.phrased(case: shown.id)) } + [opened]
    }

    /// Moves the first entry shown by `lines`, within the history.
    mutating func scroll(_ lines: Int, in shown: Case) {
        first = min(max(0, first + lines), Self.history(shown).count - 1)
    }

    // MARK: Drawing

    /// The case's lines, the notice, then its history from ``first`` on as far as it fits.
    func draw(into screen: inout Screen, at rect: Rect, notice: Notice?, _ context: AppContext) {
        guard rect.height > 0, rect.width > 0 else { return }
        let words = context.words
        let bottom = rect.row + rect.height
        guard let shown = context.shop.cases[id] else {
            screen.put(words.text("cases.case.gone", ["case": .text(id.description)]), row: rect.row, column: rect.column, style: Style(.muted),
                       maxWidth: rect.width)
            return
        }
        var row = rect.row
        screen.put("\(shown.id)  \(words.text(shown.kind.phrase))", row: row, column: rect.column, style: Style(.title, bold: true), maxWidth: rect.width)
        row += 1
        // The case's facts keep at least two rows for the history under them.
        for line in lines(shown, context) where row < bottom - 2 {
            row += screen.putWrapped(line.text, in: Rect(row: row, column: rect.column, width: rect.width, height: max(1, bottom - row - 2)), style: line.style)
        }
        if let notice, row < bottom - 1 {
            row += notice.draw(into: &screen, at: Rect(row: row, column: rect.column, width: rect.width, height: min(3, bottom - row - 1)), words)
        }
        guard row < bottom else { return }
        drawHistory(shown, into: &screen, at: Rect(row: row, column: rect.column, width: rect.width, height: bottom - row), context)
        if let dialog { dialog.modal(shown, context).draw(into: &screen, at: rect) }
    }

    /// The customer; status and owner; the follow-up day (overdue and due today marked); each
    /// parcel and where it is; a damage claim's countdown.
    private func lines(_ shown: Case, _ context: AppContext) -> [(text: String, style: Style)] {
        let words = context.words
        let customer = context.shop.customers[shown.customer]
        var lines: [(text: String, style: Style)] = [
            (words.text("cases.case.customer", ["key": .text(customer?.key.value ?? "?"), "name": .text(customer?.name ?? "")]), .plain),
            (words.text("cases.case.state", ["status": .phrase(shown.status.phrase), "owner": .text(shown.owner.value)]), .plain),
        ]
        if shown.status != .resolved {
            lines.append(followUpLine(shown, context))
        }
        lines += shown.parcels.map { (parcelText($0, context), .plain) }
        if shown.status != .resolved {
            lines += ClaimCountdown.all(shown.kind, shown.parcels, context).map { countdown in
                (words.text(countdown.sentence(context)), countdown.left.hasPassed ? Notice.style(.error) : Style(.warning))
            }
        }
        return lines
    }

    private func followUpLine(_ shown: Case, _ context: AppContext) -> (text: String, style: Style) {
        let words = context.words
        guard let day = shown.followUp else { return (words.text("cases.case.noFollowUp"), Style(.muted)) }
        let said: [String: Phrase.Argument] = ["day": .date(day)]
        let text = day < context.today ? words.text("cases.case.followUpOverdue", said)
            : day == context.today ? words.text("cases.case.followUpToday", said) : words.text("cases.case.followUp", said)
        return (text, CaseListView.style(shown, context))
    }

    /// "RR123456785NO: on the shelf in C3", "…: handed out", or that the shop does not know it.
    private func parcelText(_ tracking: TrackingNumber, _ context: AppContext) -> String {
        let words = context.words
        guard let parcel = context.shop.latestParcel(tracking) else {
            return words.text("cases.case.parcelUnknown", ["tracking": .text(tracking.value)])
        }
        if parcel.status == .waiting {
            return words.text("cases.case.parcelInSlot", ["tracking": .text(tracking.value), "slot": .text(parcel.slot.value)])
        }
        return words.text("cases.case.parcelStatus", ["tracking": .text(tracking.value), "status": .phrase(parcel.status.kind.phrase)])
    }

    /// The heading, then the entries from ``first`` on, the last row saying how many more follow.
    private func drawHistory(_ shown: Case, into screen: inout Screen, at rect: Rect, _ context: AppContext) {
        let words = context.words
        let history = Self.history(shown)
        screen.put(words.text("cases.case.history", ["n": .count(history.count)]), row: rect.row, column: rect.column,
                   style: Style(.accent, bold: true), maxWidth: rect.width)
        let staffWidth = HistoryRows.staffWidth(history.map(\.staff))
        let groups = history.dropFirst(first).map { entry in
            HistoryRows.rows(at: entry.at, staff: entry.staff, staffWidth: staffWidth, words.text(entry.what), width: rect.width, margin: "", context)
        }
        let room = rect.height - 1
        let newer: [(text: String, style: Style)] = first > 0 ? [(words.text("customers.timeline.newer", ["n": .count(first)]), Style(.muted))] : []
        // Whole entries, a row kept to say how many more follow; the first shows its first rows where not even it fits.
        var used = newer.count
        var fitted: [[String]] = []
        for group in groups {
            let more = fitted.count + 1 < groups.count ? 1 : 0
            guard used + group.count + more <= room else { break }
            fitted.append(group)
            used += group.count
        }
        if fitted.isEmpty, let newest = groups.first { fitted = [Array(newest.prefix(max(1, room - newer.count - (groups.count > 1 ? 1 : 0))))] }
        let hidden = groups.count - fitted.count
        let more: [(text: String, style: Style)] = hidden > 0 ? [(words.text("customers.timeline.more", ["n": .count(hidden)]), Style(.muted))] : []
        for (offset, line) in (newer + fitted.joined().map { ($0, Style.plain) } + more).prefix(room).enumerated() {
            screen.put(line.text, row: rect.row + 1 + offset, column: rect.column, style: line.style, maxWidth: rect.width)
        }
    }
}

import ButikDomain
import ButikGrid
import ButikText

/// F6's second view (Tab): the shop's cases, "what did we promise whom": follow-ups overdue
/// and due today first (``ShopState/caseList(_:today:)``), filtered by owner, kind and status
/// and to those due; Enter opens one (``CaseView``). Its rows are read from the live state on
/// every frame, so a case another counter opens or changes shows once the app has caught up.
public struct CaseListView: Sendable {
    /// Only this owner's cases, or everyone's.
    public internal(set) var owner: StaffID?
    /// Only cases of this kind, or of any.
    public internal(set) var kind: CaseKind?
    /// Only cases of this status, or every case not resolved.
    public internal(set) var status: CaseStatus?
    /// Only cases whose follow-up day has come.
    public internal(set) var dueOnly = false
    var selection = ListSelection()
    /// The case opened over the list (which stays where it was for Esc).
    public internal(set) var opened: CaseView?
    /// How the last change of a case went.
    public internal(set) var notice: Notice?
    /// The list as last worked out (``keepList(_:)``).
    private var listed: ListedCases?

    public init() {}

    /// The domain's filter for what the list shows.
    var filter: CaseFilter { CaseFilter(owner: owner?.value, kind: kind, status: status, dueOnly: dueOnly) }

    /// Whether any filter is away from the default (every case not resolved).
    var isFiltered: Bool { owner != nil || kind != nil || status != nil || dueOnly }

    /// The cases the list shows: the ones kept by ``keepList(_:)`` while the filter, the day and
    /// the shop are those it saw; worked out afresh otherwise.
    func cases(_ context: AppContext) -> [Case] {
        if let listed, listed.filter == filter, listed.today == context.today, listed.shop == context.shopVersion { return listed.cases }
        return context.shop.caseList(filter, today: context.today)
    }

    /// Works out the list once per change of its filter, the day or the shop, so that the key
    /// table, the selection and the view of a key all read the same list (with every case, the
    /// resolved ones too, it is a sort of thousands).
    mutating func keepList(_ context: AppContext) {
        guard listed?.filter != filter || listed?.today != context.today || listed?.shop != context.shopVersion else { return }
        listed = ListedCases(filter: filter, today: context.today, shop: context.shopVersion,
                             cases: context.shop.caseList(filter, today: context.today))
    }

    /// The case the list's selection is on.
    func selectedCase(_ context: AppContext) -> CaseID? {
        let cases = cases(context)
        return selection.applied(to: table(cases, context)).selection.map { cases[$0].id }
    }

    /// The open cases whose follow-up day has come (today or before), as the screen's title counts them.
    static func dueCount(_ context: AppContext) -> Int {
        context.shop.dueCaseCount(today: context.today)
    }

    // MARK: The rows

    /// One row a case: number, follow-up (overdue and due today marked), kind, status, owner,
    /// customer, what was said last and a damage claim's countdown; a narrow window drops
    /// the status and owner first, a wide one adds the name and the countdown.
    func table(_ cases: [Case], _ context: AppContext) -> Table {
        let words = context.words
        let rows = cases.map { listed -> Table.Row in
            let customer = context.shop.customers[listed.customer]
            let countdown = listed.status == .resolved ? nil : ClaimCountdown.all(listed.kind, listed.parcels, context).min { $0.deadline < $1.deadline }
            return Table.Row([listed.id.description, Self.followUpText(listed, context), words.text(listed.kind.phrase), words.text(listed.status.phrase),
                              listed.owner.value, customer?.key.value ?? "?", customer?.name ?? "", listed.latestText,
                              countdown.map { words.text($0.short) } ?? ""],
                             style: Self.style(listed, context))
        }
        return Table(columns: [Table.Column(words.text("column.number"), width: .fixed(5)),
                               Table.Column(words.text("column.followUp"), width: .fixed(14)),
                               Table.Column(words.text("column.kind")),
                               Table.Column(words.text("column.status"), width: .fixed(24), shownFrom: 96),
                               Table.Column(words.text("column.owner"), width: .fixed(8), shownFrom: 78),
                               Table.Column(words.text("column.key"), width: .fixed(6)),
                               Table.Column(words.text("column.name"), shownFrom: 140),
                               Table.Column(words.text("column.latest")),
                               Table.Column(words.text("column.claim"), width: .fixed(22), shownFrom: 140)],
                     rows: rows, emptyMessage: isFiltered ? words.text("cases.noMatch") : words.text("cases.none"))
    }

    /// "02.12 overdue", "today", "04.12" (a day of another year whole), or nothing (no follow-up day, or resolved).
    static func followUpText(_ listed: Case, _ context: AppContext) -> String {
        guard listed.status != .resolved, let day = listed.followUp else { return "" }
        let words = context.words
        // A day of another year is written whole.
        let written = day.components.year == context.today.components.year ? words.dayAndMonth(day) : words.date(day)
        if day < context.today { return words.text("cases.followUp.overdue", ["day": .text(written)]) }
        return day == context.today ? words.text("cases.followUp.today") : written
    }

    /// Overdue loud, due today a warning, resolved muted.
    static func style(_ listed: Case, _ context: AppContext) -> Style {
        guard listed.status != .resolved else { return Style(.muted) }
        guard let day = listed.followUp, day <= context.today else { return .plain }
        return day < context.today ? Style(.danger, bold: true) : Style(.warning)
    }

    // MARK: Drawing

    /// The filters (on the rows they need), the notice, the cases; or the case opened.
    func draw(into screen: inout Screen, at rect: Rect, _ context: AppContext) {
        if let opened {
            opened.draw(into: &screen, at: rect, notice: notice, context)
            return
        }
        let words = context.words
        let bottom = rect.row + rect.height
        func room(_ row: Int) -> Rect { Rect(row: row, column: rect.column, width: rect.width, height: max(1, bottom - row - 3)) }
        var row = rect.row
        row += screen.putWrapped(filterLine(context), in: room(row), style: Style(isFiltered ? .accent : .muted, bold: isFiltered))
        if let notice { row += notice.draw(into: &screen, at: room(row), words) }
        guard row < bottom else { return }
        selection.applied(to: table(cases(context), context))
            .draw(into: &screen, at: Rect(row: row, column: rect.column, width: rect.width, height: bottom - row))
    }

    /// "Owner: anyone · kind: any · status: not resolved", and "· due only".
    func filterLine(_ context: AppContext) -> String {
        let words = context.words
        let line = words.text("cases.filters", ["owner": .text(owner?.value ?? words.text("cases.filter.anyOwner")),
                                                "kind": .text(kind.map { words.text($0.phrase) } ?? words.text("cases.filter.anyKind")),
                                                "status": .text(status.map { words.text($0.phrase) } ?? words.text("cases.filter.notResolved"))])
        return dueOnly ? line + " " + words.text("cases.filter.dueOnly") : line
    }
}

/// The cases the list showed for a filter on a day in one version of the shop
/// (``AppContext/shopVersion``).
struct ListedCases: Sendable {
    var filter: CaseFilter
    var today: Day
    var shop: Int
    var cases: [Case]
}

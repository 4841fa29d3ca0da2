import ButikDomain
import ButikGrid

extension CounterScreen {
    /// The hand-out below the results: who, the step's prompt, the last scan's result (or a
    /// hint for the proxy steps), and the parcels with the cursor.
    func drawHandOut(_ flow: HandOutFlow, into screen: inout Screen, at rect: Rect, _ context: AppContext) {
        guard let customer = context.shop.customers[flow.customer] else { return }
        var row = rect.row + 1
        let count = flow.selected.count
        let of = flow.leftOut.isEmpty ? "" : " of \(flow.parcels.count)"
        screen.put("Hand out to \(customer.key)  \(customer.name): \(count)\(of) parcel\(count == 1 && of.isEmpty ? "" : "s")",
                   row: row, column: rect.column, style: Style(.title, bold: true), maxWidth: rect.width)
        row += 1
        switch flow.step {
        case .verifying:
            let prompt = ["How was identity checked?  1 photo ID  2 pickup code  3 known regular  4 proxy",
                          "Identity:  1 photo ID  2 pickup code  3 known regular  4 proxy",
                          "Identity:  1 ID  2 code  3 known  4 proxy"].first { $0.displayWidth <= rect.width } ?? ""
            screen.put(prompt, row: row, column: rect.column, style: Style(.accent, bold: true), maxWidth: rect.width)
        case .proxyName:
            drawField("Proxy's name:", flow.proxyField, style: Style(.accent, bold: true), into: &screen, row: row, rect)
        case .proxyID:
            drawField("Proxy's ID:", flow.proxyIDField, style: Style(.accent, bold: true), into: &screen, row: row, rect)
        case .pickupCode:
            drawField("Pickup code:", flow.codeField, style: Style(.accent, bold: true), into: &screen, row: row, rect)
        case .scanning:
            screen.put("Scan each parcel (\(flow.scanned.count) of \(flow.selected.count))  ·  \(flow.how)  ·  Esc cancels",
                       row: row, column: rect.column, style: Style(.accent, bold: true), maxWidth: rect.width)
        case .refusing:
            drawField("Refused because:", flow.reasonField, style: Style(.danger, bold: true), into: &screen, row: row, rect)
        }
        row += 1
        if let notice {
            screen.put(notice.text, row: row, column: rect.column,
                       style: notice.alarm ? Style(.danger, bold: true, reverse: true) : Style(.ok, bold: true), maxWidth: rect.width)
        } else if let hint = proxyHint(flow, context) {
            screen.put(hint.text, row: row, column: rect.column, style: hint.style, maxWidth: rect.width)
        }
        row += 1
        let rows = flow.parcels.compactMap { context.shop.parcels[$0] }.map { parcel in
            if flow.leftOut.contains(parcel.id) {
                return Table.Row(["–", parcel.tracking.value, parcel.slot.value, parcel.carrier, "left out"], style: Style(.muted))
            }
            let scanned = flow.scanned.contains(parcel.id)
            return Table.Row([scanned ? "✓" : "·", parcel.tracking.value, parcel.slot.value, parcel.carrier],
                             style: scanned ? Style(.ok) : .plain)
        }
        let height = rect.row + rect.height - row
        // A list longer than the room says so: no parcel of the hand-out goes unseen.
        let shown = height - 1 < rows.count ? "\(max(0, height - 1)) of \(rows.count) shown, ↑↓ scrolls" : ""
        var table = Table(columns: [Table.Column("", width: .fixed(2)), Table.Column("Tracking", width: .fixed(20)),
                                    Table.Column("Slot", width: .fixed(6)), Table.Column("Carrier", width: .fixed(10)), Table.Column(shown)],
                          rows: rows)
        table.select(flow.cursor)
        table.showsSelection = flow.takesListKeys
        table.draw(into: &screen, at: Rect(row: row, column: rect.column, width: rect.width, height: height))
    }

    /// A label and the text field after it, on one row of `rect`.
    private func drawField(_ label: String, _ field: TextField, style: Style, into screen: inout Screen, row: Int, _ rect: Rect) {
        screen.put(label, row: row, column: rect.column, style: style)
        let offset = label.displayWidth + 1
        field.draw(into: &screen, at: Rect(row: row, column: rect.column + offset, width: rect.width - offset, height: 1))
    }
}

extension CounterScreen {
    /// Under the proxy steps: the customer's registered proxies to pick from, then whether the
    /// one given is registered.
    func proxyHint(_ flow: HandOutFlow, _ context: AppContext) -> (text: String, style: Style)? {
        guard let customer = context.shop.customers[flow.customer] else { return nil }
        switch flow.step {
        case .proxyName where customer.proxies.isEmpty:
            return ("\(customer.key) has no registered proxies: type the name as on their ID; they show both IDs.", Style(.muted))
        case .proxyName:
            let numbered = customer.proxies.prefix(9).enumerated().map { "\($0.offset + 1) \($0.element.name)" }
            return ("Registered proxies, press the number:  " + numbered.joined(separator: "   "), Style(.accent))
        case .proxyID where context.shop.proxy(named: flow.proxyName ?? "", of: flow.customer) != nil:
            return ("\(flow.proxyName ?? "") is a registered proxy for \(customer.key).", Style(.ok))
        case .proxyID:
            return ("\(flow.proxyName ?? "") is not a registered proxy: check both IDs and note theirs.", Style(.warning, bold: true))
        default:
            return nil
        }
    }
}

extension Verification {
    /// "ID checked", "pickup code", ...
    var phrase: String {
        switch self {
        case .id: "ID checked"
        case .code: "pickup code"
        case .known: "known regular"
        case .proxy: "proxy"
        }
    }
}

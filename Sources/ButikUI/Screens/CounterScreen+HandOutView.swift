import ButikDomain
import ButikGrid
import ButikText

extension CounterScreen {
    /// The hand-out below the results: who, the step's prompt, the last scan's result (or a
    /// hint for the proxy steps), and the parcels with the cursor.
    func drawHandOut(_ flow: HandOutFlow, into screen: inout Screen, at rect: Rect, _ context: AppContext) {
        guard let customer = context.shop.customers[flow.customer] else { return }
        let words = context.words
        var row = rect.row + 1
        let who: [String: Phrase.Argument] = ["key": .text(customer.key.value), "name": .text(customer.name), "n": .count(flow.selected.count),
                                               "of": .count(flow.parcels.count)]
        let title = flow.leftOut.isEmpty ? words.text("handOut.title", who) : words.text("handOut.title.some", who)
        // One row each for who and the step: what does not fit gives way whole, before " …".
        let line = { (row: Int) in Rect(row: row, column: rect.column, width: rect.width, height: 1) }
        screen.putWrapped(title, in: line(row), style: Style(.title, bold: true))
        row += 1
        switch flow.step {
        case .verifying:
            let prompt = [words.text("handOut.identity.long"), words.text("handOut.identity.medium"),
                          words.text("handOut.identity.short")].first { $0.displayWidth <= rect.width } ?? ""
            screen.putWrapped(prompt, in: line(row), style: Style(.accent, bold: true))
        case .proxyName:
            flow.proxyField.draw(words.text("handOut.proxyName"), style: Style(.accent, bold: true), into: &screen, at: line(row), words)
        case .proxyID:
            flow.proxyIDField.draw(words.text("handOut.proxyID"), style: Style(.accent, bold: true), into: &screen, at: line(row), words)
        case .pickupCode:
            flow.codeField.draw(words.text("handOut.pickupCode"), style: Style(.accent, bold: true), into: &screen, at: line(row), words)
        case .scanning:
            screen.putWrapped(words.text("handOut.scanning", ["n": .count(flow.scanned.count), "of": .count(flow.selected.count),
                                                              "how": .phrase(flow.how)]),
                              in: line(row), style: Style(.accent, bold: true))
        case .refusing:
            flow.reasonField.draw(words.text("handOut.refusing"), style: Style(.danger, bold: true), into: &screen, at: line(row), words)
        }
        row += 1
        // The last scan's result, or the hint, on the rows it needs: in a low window a STOP is
        // worth more than the parcels' list under it.
        let said = Rect(row: row, column: rect.column, width: rect.width, height: max(1, rect.row + rect.height - row))
        if let notice {
            row += notice.draw(into: &screen, at: said, words)
        } else if let hint = proxyHint(flow, context) {
            row += screen.putWrapped(hint.text, in: said, style: hint.style)
        } else {
            row += 1
        }
        let rows = flow.parcels.compactMap { context.shop.parcels[$0] }.map { parcel in
            if flow.leftOut.contains(parcel.id) {
                return Table.Row(["–", parcel.tracking.value, parcel.slot.value, parcel.carrier.value, words.text("handOut.leftOut")], style: Style(.muted))
            }
            let scanned = flow.scanned.contains(parcel.id)
            return Table.Row([scanned ? "✓" : "·", parcel.tracking.value, parcel.slot.value, parcel.carrier.value],
                             style: scanned ? Style(.ok) : .plain)
        }
        let height = rect.row + rect.height - row
        // A list longer than the room says so: no parcel of the hand-out goes unseen.
        let shown = height - 1 < rows.count ? words.text("handOut.shown", ["n": .count(max(0, height - 1)), "of": .count(rows.count)]) : ""
        var table = Table(columns: [Table.Column("", width: .fixed(2)), Table.Column(words.text("column.tracking"), width: .fixed(20)),
                                    Table.Column(words.text("column.slot"), width: .fixed(6)),
                                    Table.Column(words.text("column.carrier"), width: .fixed(10)), Table.Column(shown)],
                          rows: rows)
        table.select(flow.cursor)
        table.showsSelection = flow.takesListKeys
        table.draw(into: &screen, at: Rect(row: row, column: rect.column, width: rect.width, height: height))
    }
}

extension CounterScreen {
    /// Under the proxy steps: the customer's registered proxies to pick from, then whether the
    /// one given is registered.
    func proxyHint(_ flow: HandOutFlow, _ context: AppContext) -> (text: String, style: Style)? {
        guard let customer = context.shop.customers[flow.customer] else { return nil }
        let words = context.words
        let who: [String: Phrase.Argument] = ["key": .text(customer.key.value), "name": .text(flow.proxyName ?? "")]
        switch flow.step {
        case .proxyName where customer.proxies.isEmpty:
            return (words.text("handOut.proxies.none", who), Style(.muted))
        case .proxyName:
            let numbered = customer.proxies.prefix(9).enumerated().map { "\($0.offset + 1) \($0.element.name)" }
            return (words.text("handOut.proxies.pick") + "  " + numbered.joined(separator: "   "), Style(.accent))
        case .proxyID where context.shop.proxy(named: flow.proxyName ?? "", of: flow.customer) != nil:
            return (words.text("handOut.proxy.registered", who), Style(.ok))
        case .proxyID:
            return (words.text("handOut.proxy.notRegistered", who), Style(.warning, bold: true))
        default:
            return nil
        }
    }
}

extension Verification {
    /// How identity is checked, in a word or two for the hand-out's lines ("ID checked",
    /// "pickup code"); ``phrased`` is the sentence a story tells.
    var shortPhrase: Phrase {
        switch self {
        case .id: Phrase("verification.short.id")
        case .code: Phrase("verification.short.code")
        case .known: Phrase("verification.short.known")
        case .proxy: Phrase("verification.short.proxy")
        }
    }
}

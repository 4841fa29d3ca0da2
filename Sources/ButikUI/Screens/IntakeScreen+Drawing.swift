import ButikDomain
import ButikGrid

extension IntakeScreen {
    func draw(into screen: inout Screen, at rect: Rect, _ context: AppContext) {
        guard rect.height >= 6 else { return }
        let step = currentStep(context)
        let delivery = context.shop.openDelivery(of: context.staff)
        let bold = Style(.accent, bold: true)
        var row = rect.row
        if let delivery {
            let scanned = context.shop.receivedCount(in: delivery.id)
            let carrier = context.layout.carrier(named: delivery.carrier)?.name ?? delivery.carrier
            var line = "Delivery: \(carrier) · scanned \(scanned)"
            if let declared = delivery.declared {
                line += " of \(declared) declared" + (scanned == declared ? " ✓" : scanned > declared ? " (\(scanned - declared) over)" : " (\(declared - scanned) to go)")
            }
            screen.put(line, row: row, column: rect.column, style: bold, maxWidth: rect.width)
        } else {
            let carriers = context.layout.carriers
            let name = carriers.indices.contains(carrierIndex) ? carriers[carrierIndex].name : "-"
            screen.put("New delivery.  Carrier: ◀ \(name) ▶   Declared items:", row: row, column: rect.column, style: bold, maxWidth: rect.width)
            let used = "New delivery.  Carrier: ◀ \(name) ▶   Declared items: ".displayWidth
            declaredField.draw(into: &screen, at: Rect(row: row, column: rect.column + used, width: max(1, min(10, rect.width - used)), height: 1))
            row += 1
            screen.put("←→ choose the carrier, type the count the driver declared (or leave it empty), Enter to start.",
                       row: row, column: rect.column, style: Style(.muted), maxWidth: rect.width)
        }
        row += 2
        switch step {
        case _ where importField != nil:
            drawImportPrompt(into: &screen, at: Rect(row: row, column: rect.column, width: rect.width, height: 1))
        case .setup:
            break
        case .scanning:
            screen.put("Scan:", row: row, column: rect.column, style: bold)
            codeField.draw(into: &screen, at: Rect(row: row, column: rect.column + 6, width: rect.width - 6, height: 1))
            if size == .large { screen.put(" LARGE ", row: row, column: rect.column + rect.width - 7, style: Style(.warning, reverse: true)) }
        case .naming(let tracking):
            let label = "Name for \(tracking.number):"
            screen.put(label, row: row, column: rect.column, style: bold)
            let left = label.displayWidth + 1
            nameField.draw(into: &screen, at: Rect(row: row, column: rect.column + left, width: max(1, rect.width - left - 8), height: 1))
            screen.put(size == .large ? " LARGE " : " small ", row: row, column: rect.column + rect.width - 7,
                       style: size == .large ? Style(.warning, reverse: true) : Style(.muted))
        case .confirmingCheckDigit, .confirmingAgain:
            screen.put("y: receive it anyway   n: do not", row: row, column: rect.column, style: Style(.warning, bold: true), maxWidth: rect.width)
        }
        row += 1
        if let problem {
            // A long one takes the blank row below too, so a check-digit warning names the right
            // digit even at 80 columns.
            for (offset, line) in problem.wrapped(toWidth: max(1, rect.width)).prefix(2).enumerated() {
                screen.put(line, row: row + offset, column: rect.column, style: Style(.warning, bold: true), maxWidth: rect.width)
            }
        }
        row += 2
        let bottom = rect.row + rect.height
        if !importReport.isEmpty {
            drawImportReport(into: &screen, at: Rect(row: row, column: rect.column, width: rect.width, height: bottom - row))
        } else if case .naming = step {
            drawSuggestions(into: &screen, at: Rect(row: row, column: rect.column, width: rect.width, height: bottom - row), context)
        } else if step == .setup, let summary {
            drawSummary(summary, into: &screen, at: Rect(row: row, column: rect.column, width: rect.width, height: bottom - row), context)
        } else if let last, bottom - row >= BigText.height + 2 {
            BigText("\(last.parcel.key) \(last.parcel.slot)").draw(into: &screen, at: Rect(row: row, column: rect.column + 2, width: rect.width - 2, height: BigText.height))
            row += BigText.height + 1
            var about = "\(last.parcel.key) → \(last.parcel.slot)\(last.parcel.size == .large ? " (large)" : "")  ·  \(last.customer.name)\(last.isNewCustomer ? " (new customer)" : "")  ·  \(last.parcel.tracking)  ·  keep until \(last.parcel.deadline)"
            if last.parcel.checkDigit == .overridden { about += "  ·  check digit overridden" }
            screen.put(about, row: row, column: rect.column, style: Style(bold: true), maxWidth: rect.width)
            if let note = context.shop.customers[last.customer.id]?.note, row + 1 < bottom {
                screen.put("Note: \(note)", row: row + 1, column: rect.column, style: Style(.warning), maxWidth: rect.width)
            }
        }
    }

    private func drawSuggestions(into screen: inout Screen, at rect: Rect, _ context: AppContext) {
        let choices = suggestions(context)
        let typed = nameField.text.trimmingCharacters(in: .whitespaces)
        var rows = choices.map { customer in
            let waiting = context.shop.parcelsInShop(for: customer.id).count
            return Table.Row([customer.key, customer.name, customer.phones.first ?? "", waiting == 0 ? "" : "\(waiting) waiting", customer.note ?? ""])
        }
        rows.append(Table.Row(["+", typed.isEmpty ? "new customer: type the name" : "new customer: \(typed)", "", "", ""], style: Style(.accent)))
        var table = Table(columns: [Table.Column("Key", width: .fixed(6)), Table.Column("Name"), Table.Column("Phone", width: .fixed(11)),
                                    Table.Column("Parcels", width: .fixed(10)), Table.Column("Note")],
                          rows: rows)
        table.select(min(suggestion, rows.count - 1))
        table.draw(into: &screen, at: rect)
    }

    private func drawSummary(_ summary: DeliverySummary, into screen: inout Screen, at rect: Rect, _ context: AppContext) {
        let carrier = context.layout.carrier(named: summary.carrier)?.name ?? summary.carrier
        var lines: [(String, Style)] = [("Delivery ended: \(carrier), \(summary.scanned) scanned", Style(.title, bold: true))]
        if let declared = summary.declared, let mismatch = summary.mismatch {
            lines.append(mismatch == 0 ? ("Declared \(declared): the count matches.", Style(.ok, bold: true))
                         : ("Declared \(declared) but scanned \(summary.scanned): \(abs(mismatch)) \(mismatch > 0 ? "more" : "fewer") than declared.", Style(.danger, bold: true)))
        }
        let per = summary.perCarrier.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        lines.append(("Per carrier: \(per.isEmpty ? "none" : per)", .plain))
        lines.append(("On the floor: \(summary.overflow)   Not announced by a manifest: \(summary.unexpected)", .plain))
        let missing = context.shop.stillExpected.count
        if missing > 0 { lines.append(("Announced but not arrived: \(missing) (butik reconcile lists them)", Style(.warning))) }
        for (offset, line) in lines.enumerated() where offset < rect.height {
            screen.put(line.0, row: rect.row + offset, column: rect.column, style: line.1, maxWidth: rect.width)
        }
    }
}

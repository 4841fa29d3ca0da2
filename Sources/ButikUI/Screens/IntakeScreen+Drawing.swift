import ButikDomain
import ButikGrid
import ButikText

extension IntakeScreen {
    func draw(into screen: inout Screen, at rect: Rect, _ context: AppContext) {
        guard rect.height >= 6 else { return }
        let step = currentStep(context)
        let delivery = context.shop.openDelivery(of: context.staff)
        let bold = Style(.accent, bold: true)
        let words = context.words
        var row = rect.row
        if let delivery {
            let scanned = context.shop.receivedCount(in: delivery.id)
            let carrier = context.layout.name(of: delivery.carrier)
            let counts: [String: Phrase.Argument] = ["carrier": .text(carrier), "n": .count(scanned), "declared": .count(delivery.declared ?? 0),
                                                     "over": .count(scanned - (delivery.declared ?? 0)),
                                                     "left": .count((delivery.declared ?? 0) - scanned)]
            let line = switch delivery.declared {
            case nil: words.text("intake.delivery", counts)
            case scanned?: words.text("intake.delivery.declared.matches", counts)
            case let declared? where scanned > declared: words.text("intake.delivery.declared.over", counts)
            default: words.text("intake.delivery.declared.toGo", counts)
            }
            screen.put(line, row: row, column: rect.column, style: bold, maxWidth: rect.width)
        } else {
            let carriers = context.layout.carriers
            let name = carriers.indices.contains(carrierIndex) ? carriers[carrierIndex].name : "-"
            let setup = words.text("intake.setup", ["carrier": .text(name)])
            screen.put(setup, row: row, column: rect.column, style: bold, maxWidth: rect.width)
            let used = setup.displayWidth + 1
            var declaredField = declaredField
            declaredField.placeholder = words.text("intake.declared.placeholder")
            declaredField.draw(into: &screen, at: Rect(row: row, column: rect.column + used, width: max(1, min(10, rect.width - used)), height: 1))
            row += 1
            screen.put(words.text("intake.setup.hint"),
                       row: row, column: rect.column, style: Style(.muted), maxWidth: rect.width)
        }
        row += 2
        switch step {
        case _ where importField != nil:
            importField?.draw(words.text("intake.import.label"), style: Style(.accent, bold: true), into: &screen,
                              at: Rect(row: row, column: rect.column, width: rect.width, height: 1), words)
        case .setup:
            break
        case .scanning:
            let label = words.text("intake.scan")
            screen.put(label, row: row, column: rect.column, style: bold)
            var codeField = codeField
            codeField.placeholder = words.text("intake.code.placeholder")
            let left = label.displayWidth + 1
            codeField.draw(into: &screen, at: Rect(row: row, column: rect.column + left, width: rect.width - left, height: 1))
            if size == .large { screen.put(" \(words.text("intake.large")) ", row: row, column: rect.column + rect.width - 7, style: Style(.warning, reverse: true)) }
        case .naming(let tracking):
            let label = words.text("intake.nameFor", ["tracking": .text(tracking.number.value)])
            screen.put(label, row: row, column: rect.column, style: bold)
            let left = label.displayWidth + 1
            nameField.shown(words).draw(into: &screen, at: Rect(row: row, column: rect.column + left, width: max(1, rect.width - left - 8), height: 1))
            screen.put(" \(size == .large ? words.text("intake.large") : words.text("intake.small")) ", row: row, column: rect.column + rect.width - 7,
                       style: size == .large ? Style(.warning, reverse: true) : Style(.muted))
        case .confirmingCheckDigit, .confirmingAgain:
            screen.put(words.text("intake.confirm"), row: row, column: rect.column, style: Style(.warning, bold: true), maxWidth: rect.width)
        }
        row += 1
        let bottom = rect.row + rect.height
        // The problem takes the blank row below and as many more as it needs.
        let said = problem.map { words.text($0) }.joined(separator: " ")
        row += max(2, screen.putWrapped(said, in: Rect(row: row, column: rect.column, width: rect.width, height: max(1, bottom - row - 1)),
                                        style: Style(.warning, bold: true)))
        if !importReport.isEmpty {
            drawImportReport(into: &screen, at: Rect(row: row, column: rect.column, width: rect.width, height: bottom - row), words)
        } else if case .naming = step {
            drawSuggestions(into: &screen, at: Rect(row: row, column: rect.column, width: rect.width, height: bottom - row), context)
        } else if step == .setup, let summary {
            drawSummary(summary, into: &screen, at: Rect(row: row, column: rect.column, width: rect.width, height: bottom - row), context)
        } else if let last, row < bottom {
            // Key and slot in large letters where there is room; the line under them always.
            if bottom - row >= BigText.height + 2 {
                BigText("\(last.parcel.key) \(last.parcel.slot.value)").draw(into: &screen, at: Rect(row: row, column: rect.column + 2, width: rect.width - 2, height: BigText.height))
                row += BigText.height + 1
            }
            var about = "\(last.parcel.key) → \(last.parcel.slot.value)"
            if last.parcel.size == .large { about += " (\(words.text("size.large")))" }
            about += "  ·  \(last.customer.name)"
            if last.isNewCustomer { about += " (\(words.text("intake.newCustomer")))" }
            about += "  ·  \(last.parcel.tracking.value)  ·  " + words.text("intake.keepUntil", ["deadline": .date(last.parcel.deadline)])
            if last.parcel.checkDigit == .overridden { about += "  ·  " + words.text("intake.checkDigitOverridden") }
            row += screen.putWrapped(about, in: Rect(row: row, column: rect.column, width: rect.width, height: bottom - row), style: Style(bold: true))
            if let note = context.shop.customers[last.customer.id]?.note, row < bottom {
                screen.putWrapped(words.text("counter.card.note", ["note": .text(note)]), in: Rect(row: row, column: rect.column, width: rect.width, height: bottom - row),
                                  style: Style(.warning))
            }
        }
    }

    private func drawSuggestions(into screen: inout Screen, at rect: Rect, _ context: AppContext) {
        let choices = suggestions(context)
        let words = context.words
        let typed = nameField.answer
        var rows = choices.map { customer in
            let waiting = context.shop.parcelsInShop(for: customer.id).count
            return Table.Row([customer.key.value, customer.name, customer.phones.first ?? "", waiting == 0 ? "" : words.text("counter.waiting", ["n": .count(waiting)]), customer.note ?? ""])
        }
        let new = typed.isEmpty ? words.text("intake.newCustomer.typeName") : words.text("intake.newCustomer.named", ["name": .text(typed)])
        rows.append(Table.Row(["+", new, "", "", ""], style: Style(.accent)))
        var table = Table(columns: [Table.Column(words.text("column.key"), width: .fixed(6)), Table.Column(words.text("column.name")),
                                    Table.Column(words.text("column.phone"), width: .fixed(11)),
                                    Table.Column(words.text("column.parcels"), width: .fixed(10)), Table.Column(words.text("column.note"))],
                          rows: rows)
        table.select(min(suggestion, rows.count - 1))
        table.draw(into: &screen, at: rect)
    }

    private func drawSummary(_ summary: DeliverySummary, into screen: inout Screen, at rect: Rect, _ context: AppContext) {
        let carrier = context.layout.name(of: summary.carrier)
        let words = context.words
        var lines: [(String, Style)] = [(words.text("intake.ended", ["carrier": .text(carrier), "n": .count(summary.scanned)]), Style(.title, bold: true))]
        if let declared = summary.declared, let mismatch = summary.mismatch {
            let counts: [String: Phrase.Argument] = ["declared": .count(declared), "scanned": .count(summary.scanned), "n": .count(abs(mismatch))]
            lines.append(mismatch == 0 ? (words.text("intake.ended.matches", counts), Style(.ok, bold: true))
                         : mismatch > 0 ? (words.text("intake.ended.more", counts), Style(.danger, bold: true))
                         : (words.text("intake.ended.fewer", counts), Style(.danger, bold: true)))
        }
        let per = summary.perCarrier.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        lines.append((per.isEmpty ? words.text("intake.ended.perCarrier.none") : words.text("intake.ended.perCarrier", ["counts": .list(per)]), .plain))
        lines.append((words.text("intake.ended.floor", ["floor": .count(summary.overflow), "unexpected": .count(summary.unexpected)]), .plain))
        let missing = context.shop.stillExpected.count
        if missing > 0 { lines.append((words.text("intake.ended.missing", ["n": .count(missing)]), Style(.warning))) }
        for (offset, line) in lines.enumerated() where offset < rect.height {
            screen.put(line.0, row: rect.row + offset, column: rect.column, style: line.1, maxWidth: rect.width)
        }
    }
}

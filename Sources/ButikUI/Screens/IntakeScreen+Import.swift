import ButikDomain
import ButikGrid
import ButikText

/// Ctrl-O on the intake screen: a prompt for a manifest file's path; Enter imports it (the
/// driver reads the file, see ``AppEffect/importManifest(path:)``) and the screen reports
/// what was imported and the first bad rows.
extension IntakeScreen {
    /// Bad rows listed under the report; the rest are counted.
    static let reportedProblems = 3

    mutating func openImport() -> [AppEffect] {
        importField = TextPrompt(Phrase("keys.intake.manifestPath"), placeholder: Phrase("intake.import.placeholder"),
                                 enter: .init(Phrase("keys.intake.import"), .submitImport), escape: .init(Phrase("keys.intake.cancel"), .closeImport))
        return []
    }

    /// Imports the typed (or pasted) path.
    mutating func submitImport() -> [AppEffect] {
        let path = importField?.answer ?? ""
        guard !path.isEmpty else { return [.beep] }
        importField = nil
        return [.importManifest(path: path)]
    }

    /// "Imported 2 expected parcels; 1 already known; 1 bad row", then the first bad rows.
    static func report(_ result: ManifestImport, _ problems: [ManifestProblem]) -> [Phrase] {
        let badRows = Set(problems.map(\.line)).count
        var lines = [Phrase("intake.import.report", ["expected": .phrase(Phrase("intake.import.expected", ["n": .count(result.added.count)])),
                                                     "known": .count(result.alreadyKnown),
                                                     "bad": .phrase(Phrase("intake.import.badRows", ["n": .count(badRows)]))])]
        lines += problems.prefix(reportedProblems).map(\.phrase)
        if problems.count > reportedProblems {
            lines.append(Phrase("intake.import.moreProblems", ["n": .count(problems.count - reportedProblems)]))
        }
        return lines
    }

    func drawImportReport(into screen: inout Screen, at rect: Rect, _ words: Words) {
        var row = rect.row
        for (offset, line) in importReport.enumerated() where row < rect.row + rect.height {
            row += screen.putWrapped(words.text(line), in: Rect(row: row, column: rect.column, width: rect.width, height: rect.row + rect.height - row),
                                     style: offset == 0 ? Style(.title, bold: true) : Style(.warning))
        }
    }
}

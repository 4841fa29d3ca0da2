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
        importField = TextField(placeholder: "path of the CSV file, e.g. ~/Downloads/postnord.csv")
        return []
    }

    /// Imports the typed path plus `pasted` (a paste ending in a line break arrives as a scan).
    mutating func submitImport(pasted: String) -> [AppEffect] {
        let path = ((importField?.text ?? "") + pasted).trimmingCharacters(in: .whitespaces)
        guard !path.isEmpty else { return [.beep] }
        importField = nil
        return [.importManifest(path: path)]
    }

    /// "Imported 2 expected parcels; 1 already known; 1 bad row", then the first bad rows.
    static func report(_ result: ManifestImport, _ problems: [ManifestProblem]) -> [String] {
        let badRows = Set(problems.map(\.line)).count
        var lines = ["Imported \(count(result.added.count, "expected parcel")); \(result.alreadyKnown) already known; \(count(badRows, "bad row"))"]
        lines += problems.prefix(reportedProblems).map { Words.english.text($0.phrase) }
        if problems.count > reportedProblems { lines.append("… and \(count(problems.count - reportedProblems, "more problem")) (butik import lists them all)") }
        return lines
    }

    private static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    func drawImportPrompt(into screen: inout Screen, at rect: Rect) {
        let label = "Import manifest:"
        screen.put(label, row: rect.row, column: rect.column, style: Style(.accent, bold: true))
        let left = label.displayWidth + 1
        importField?.draw(into: &screen, at: Rect(row: rect.row, column: rect.column + left, width: max(1, rect.width - left), height: 1))
    }

    func drawImportReport(into screen: inout Screen, at rect: Rect) {
        for (offset, line) in importReport.enumerated() where offset < rect.height {
            screen.put(line, row: rect.row + offset, column: rect.column, style: offset == 0 ? Style(.title, bold: true) : Style(.warning),
                       maxWidth: rect.width)
        }
    }
}

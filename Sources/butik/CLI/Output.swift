import ButikUI
import Foundation

/// Writing results: text for people (data sanitised for the terminal) or JSON for scripts.
enum Output {
    static func line(_ text: String = "") { print(text) }

    /// Writes to standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Text that came from data, made safe to print to a terminal.
    static func safe(_ text: String) -> String { text.sanitizedForDisplay }

    /// Prints `value` as pretty JSON with sorted keys.
    static func json<T: Encodable>(_ value: T) throws(CLIError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        do {
            print(String(decoding: try encoder.encode(value), as: UTF8.self))
        } catch {
            throw .refused("Could not encode the result as JSON: \(error)")
        }
    }

    /// Left-aligned columns separated by two spaces, widths by display width.
    static func table(_ rows: [[String]]) {
        guard let columns = rows.map(\.count).max() else { return }
        var widths = Array(repeating: 0, count: columns)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.displayWidth) }
        }
        for row in rows {
            let cells = row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.displayWidth)
            }
            print(cells.joined(separator: "  "))
        }
    }
}

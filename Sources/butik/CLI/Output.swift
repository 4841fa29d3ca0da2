import ButikGrid
import ButikText

import Foundation

/// Everything the program writes, to standard output and standard error: text for people or
/// JSON for scripts. Every text passes the sanitiser the UI draws with
/// (`sanitizedForDisplay`) here, so no verb has to remember to filter names, notes,
/// arguments or messages that repeat them: a control or bidi character shows as `�`.
enum Output {
    /// Writes one line to standard output; a line break or tab inside becomes a space.
    static func line(_ text: String = "") { write(text.sanitizedForDisplay, to: .standardOutput) }

    /// Writes text of several lines (help, a report) to standard output, each line sanitised.
    static func lines(_ text: String) {
        write(text.split(separator: "\n", omittingEmptySubsequences: false).map(\.sanitizedForDisplay)
            .joined(separator: "\n"), to: .standardOutput)
    }

    /// Writes one line to standard error.
    static func error(_ text: String) { write(text.sanitizedForDisplay, to: .standardError) }

    /// Prints `value` as pretty JSON with sorted keys. JSONEncoder escapes C0 controls but
    /// writes DEL, C1, bidi controls and U+2028/U+2029 raw: every character the sanitiser
    /// would change becomes a `\uXXXX` escape too, so scripts get the text back exactly and
    /// the sanitiser finds nothing left to change.
    static func json<T: Encodable>(_ value: T) throws(CLIError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let text: String
        do {
            text = String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            throw .refused(Phrase("cli.jsonFailed", ["problem": .text(String(describing: error))]))
        }
        lines(escapingWhatTheSanitiserChanges(text))
    }

    /// `json` with each character the sanitiser would change written as a `\uXXXX` escape
    /// (a raw newline in the encoder's output is its layout; in a string it is already `\n`).
    private static func escapingWhatTheSanitiserChanges(_ json: String) -> String {
        var escaped = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            let plain = (0x20..<0x7F).contains(scalar.value) || scalar == "\n"
            guard !plain, Character(scalar).sanitizedForDisplay != Character(scalar) else {
                escaped.append(scalar)
                continue
            }
            for unit in String(scalar).utf16 {
                let hex = String(unit, radix: 16)
                escaped.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            }
        }
        return String(escaped)
    }

    /// Left-aligned columns separated by two spaces, widths by display width (which counts a
    /// cell as sanitised).
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
            line(cells.joined(separator: "  "))
        }
    }

    private enum Stream { case standardOutput, standardError }

    /// write(2) on descriptor 2: a closed or full standard error loses the message quietly,
    /// where FileHandle would stop the program (after the action was done).
    private static func writeToStandardError(_ bytes: [UInt8]) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { all in
                Foundation.write(2, all.baseAddress! + written, all.count - written)
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return }
            written += count
        }
    }

    /// The one place bytes leave the program; `text` is already sanitised.
    private static func write(_ text: String, to stream: Stream) {
        switch stream {
        case .standardOutput: print(text)
        case .standardError: writeToStandardError(Array((text + "\n").utf8))
        }
    }
}

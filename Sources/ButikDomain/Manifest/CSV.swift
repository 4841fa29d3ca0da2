/// One record of a CSV file: its fields and the line it starts on.
public struct CSVRecord: Equatable, Sendable {
    /// The 1-based line of the file the record starts on. A quoted field spanning lines makes
    /// the next record start further down; ``line`` counts every line break in the file.
    public var line: Int
    /// The fields, unquoted: `"a ""b"""` is `a "b"`. Line breaks inside a quoted field are `\n`.
    public var fields: [String]

    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}

/// Why a text cannot be read as CSV.
public enum CSVError: Error, Equatable, Sendable {
    /// A quoted field opened on `line` is never closed.
    case unterminatedQuote(line: Int)
}

/// Reading comma- or semicolon-separated text per RFC 4180.
///
/// Accepted: quoted fields (`"..."`) holding delimiters, doubled quotes (`""`) and line breaks;
/// CRLF, LF or CR line ends; a final line with or without a line break. Lenient where RFC 4180
/// is strict: a quote inside an unquoted field is an ordinary character, and characters after a
/// closing quote are kept. Empty lines (no characters at all) are skipped, not returned as
/// records of one empty field.
public enum CSV {
    /// The records of `text` separated by `delimiter` (a single character other than a quote or
    /// a line break, usually `;` or `,`).
    public static func parse(_ text: String, delimiter: Character) throws(CSVError) -> [CSVRecord] {
        precondition(delimiter.unicodeScalars.count == 1 && delimiter != "\"" && !delimiter.isNewline,
                     "a CSV delimiter is one character, not a quote or a line break")
        let separator = delimiter.unicodeScalars.first!
        let scalars = Array(text.unicodeScalars)

        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var recordHasContent = false
        var atFieldStart = true
        var inQuotes = false
        var quoteLine = 0

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            atFieldStart = true
        }

        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            let next: Unicode.Scalar? = i + 1 < scalars.count ? scalars[i + 1] : nil
            if inQuotes {
                switch c {
                case "\"" where next == "\"":
                    field.append("\"")
                    i += 1
                case "\"":
                    inQuotes = false
                case "\r", "\n":
                    if c == "\r", next == "\n" { i += 1 }
                    field.append("\n")
                    line += 1
                default:
                    field.append(c)
                }
            } else {
                switch c {
                case "\"" where atFieldStart:
                    inQuotes = true
                    quoteLine = line
                    atFieldStart = false
                    recordHasContent = true
                case separator:
                    endField()
                    recordHasContent = true
                case "\r", "\n":
                    if c == "\r", next == "\n" { i += 1 }
                    if recordHasContent {
                        endField()
                        records.append(CSVRecord(line: recordLine, fields: fields))
                    }
                    fields = []
                    field = String.UnicodeScalarView()
                    atFieldStart = true
                    recordHasContent = false
                    line += 1
                    recordLine = line
                default:
                    field.append(c)
                    atFieldStart = false
                    recordHasContent = true
                }
            }
            i += 1
        }
        if inQuotes { throw .unterminatedQuote(line: quoteLine) }
        if recordHasContent {
            endField()
            records.append(CSVRecord(line: recordLine, fields: fields))
        }
        return records
    }

    /// The delimiter of the first non-empty line of `text` (the header): `;` when it has a `;`
    /// outside quotes (even if it also has a `,`), else `,` when it has one, else nil.
    public static func detectDelimiter(in text: String) -> Character? {
        var inQuotes = false
        var sawSemicolon = false, sawComma = false, sawContent = false
        for c in text.unicodeScalars {
            switch c {
            case "\"":
                inQuotes.toggle()
                sawContent = true
            case "\r" where !inQuotes, "\n" where !inQuotes:
                if sawContent { return sawSemicolon ? ";" : sawComma ? "," : nil }
            case ";" where !inQuotes:
                sawSemicolon = true
                sawContent = true
            case "," where !inQuotes:
                sawComma = true
                sawContent = true
            default:
                sawContent = true
            }
        }
        return sawSemicolon ? ";" : sawComma ? "," : nil
    }
}

import Foundation

/// A column of a pre-advice manifest, with the header names it is known by.
public enum ManifestColumn: String, CaseIterable, Sendable {
    case tracking, name, phone, carrier, holdDays, pickupCode

    /// Header names accepted for the column, compared case-insensitively after trimming spaces
    /// and collapsing runs of spaces.
    public var headerNames: [String] {
        switch self {
        case .tracking: ["tracking", "sporingsnummer", "kolli"]
        case .name: ["name", "recipient", "mottaker", "namn"]
        case .phone: ["phone", "telefon", "mobil"]
        case .carrier: ["carrier", "transportør", "transportör"]
        case .holdDays: ["holddays", "hold days", "dager"]
        case .pickupCode: ["pickup code", "pickup_code", "pickupcode", "code", "hentekode"]
        }
    }

    /// Whether a manifest must have the column.
    public var isRequired: Bool { self == .tracking || self == .name }

    /// The column a header cell names, or nil.
    public init?(header: String) {
        let key = header.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
        guard let column = ManifestColumn.allCases.first(where: { $0.headerNames.contains(key) }) else { return nil }
        self = column
    }
}

/// A good row of a manifest: a parcel announced by the carrier before it arrives.
public struct ManifestEntry: Equatable, Sendable {
    /// The 1-based line of the file the row starts on.
    public var line: Int
    public var tracking: ParsedTracking
    /// The recipient's name, trimmed, exactly as written otherwise.
    public var name: String
    /// Digits only (see ``PhoneNumber/normalized(_:)``), or nil when the cell is empty.
    public var phone: String?
    /// The layout's id of the carrier, or nil when the cell is empty.
    public var carrierID: CarrierID?
    /// 1-90, or nil when the cell is empty (the carrier's or the shop's default applies).
    public var holdDays: Int?
    /// The code in the pickup code cell, or nil when the cell is empty.
    public var pickupCode: PickupCode?

    public init(line: Int, tracking: ParsedTracking, name: String, phone: String? = nil,
                carrierID: CarrierID? = nil, holdDays: Int? = nil, pickupCode: PickupCode? = nil) {
        self.line = line
        self.tracking = tracking
        self.name = name
        self.phone = phone
        self.carrierID = carrierID
        self.holdDays = holdDays
        self.pickupCode = pickupCode
    }
}

/// What is wrong with one row of a manifest. A row with a problem is not in the entries.
public struct ManifestProblem: Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        /// The tracking cell does not parse (a wrong check digit is not forced: it is typed data).
        case badTracking(TrackingError)
        case emptyName
        /// The phone cell as written.
        case badPhone(String)
        /// The carrier cell as written, and the names of the carriers the shop knows.
        case unknownCarrier(String, known: [String])
        /// The hold days cell as written.
        case badHoldDays(String)
        /// The pickup code cell as written.
        case badPickupCode(String)
        /// The tracking number already appeared on `firstLine`.
        case duplicateTracking(TrackingNumber, firstLine: Int)
    }

    /// The 1-based line of the file the row starts on.
    public var line: Int
    public var reason: Reason

    public init(line: Int, reason: Reason) {
        self.line = line
        self.reason = reason
    }
}

/// Why a manifest file cannot be read at all. No rows are imported.
public enum ManifestError: Error, Equatable, Sendable {
    /// The bytes are not UTF-8; `line` is where the first bad byte is.
    case notUTF8(line: Int)
    /// No characters other than spaces and line breaks.
    case empty
    /// The first line (`line`) names none of the known columns: it is probably a data row.
    case noHeader(line: Int)
    /// The header row lacks required columns.
    case missingColumns([ManifestColumn])
    /// A quoted field opened on `line` is never closed.
    case unterminatedQuote(line: Int)
}

/// The result of reading a manifest: the good rows and what is wrong with the others.
public struct ManifestParse: Equatable, Sendable {
    /// Good rows in file order.
    public var entries: [ManifestEntry]
    /// Problems in file order; a row may have more than one.
    public var problems: [ManifestProblem]

    public init(entries: [ManifestEntry], problems: [ManifestProblem]) {
        self.entries = entries
        self.problems = problems
    }
}

/// Pre-advice manifests: CSV files from carriers listing the parcels on their way.
///
/// The format (see `docs/manifest-csv.md`): UTF-8 with or without a byte order mark; fields
/// separated by `;` or `,`, whichever the header line uses outside quotes (`;` when it has both);
/// quoting per RFC 4180; CRLF or LF line ends. The first non-empty line is a header naming the
/// columns (``ManifestColumn/headerNames``, any order, any case; unknown columns are ignored).
/// `tracking` and `name` are required; `phone`, `carrier`, `hold days` and `pickup code` are
/// optional, and an empty cell in them means "not given". Empty lines, and rows whose cells are
/// all blank, are skipped. Cells are trimmed of surrounding spaces.
public enum Manifest {
    /// Reads a manifest file's bytes. Bad rows are problems; the good rows are entries. A
    /// tracking number repeated in the file is a problem on each later row, naming the line it
    /// first appeared on (even if that first row had other problems).
    public static func parse(_ data: Data, layout: ShopLayout) throws(ManifestError) -> ManifestParse {
        var text = try decodeUTF8(data)
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        return try parse(text: text, layout: layout)
    }

    /// Reads a manifest already decoded to text (without a byte order mark).
    public static func parse(text: String, layout: ShopLayout) throws(ManifestError) -> ManifestParse {
        let records: [CSVRecord]
        do {
            records = try CSV.parse(text, delimiter: CSV.detectDelimiter(in: text) ?? ",")
        } catch {
            switch error {
            case .unterminatedQuote(let line): throw .unterminatedQuote(line: line)
            }
        }
        let rows = records.filter { !$0.fields.allSatisfy(isBlank) }
        guard let header = rows.first else { throw .empty }

        var index: [ManifestColumn: Int] = [:]
        for (position, cell) in header.fields.enumerated() {
            if let column = ManifestColumn(header: cell), index[column] == nil { index[column] = position }
        }
        if index.isEmpty { throw .noHeader(line: header.line) }
        let missing = ManifestColumn.allCases.filter { $0.isRequired && index[$0] == nil }
        if !missing.isEmpty { throw .missingColumns(missing) }

        var entries: [ManifestEntry] = []
        var problems: [ManifestProblem] = []
        var firstLine: [TrackingNumber: Int] = [:]
        for row in rows.dropFirst() {
            func cell(_ column: ManifestColumn) -> String {
                guard let position = index[column], position < row.fields.count else { return "" }
                return row.fields[position].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            var reasons: [ManifestProblem.Reason] = []

            var tracking: ParsedTracking?
            switch Tracking.parse(cell(.tracking)) {
            case .success(let parsed):
                if let first = firstLine[parsed.number] {
                    reasons.append(.duplicateTracking(parsed.number, firstLine: first))
                } else {
                    firstLine[parsed.number] = row.line
                    tracking = parsed
                }
            case .failure(let error):
                reasons.append(.badTracking(error))
            }

            let name = cell(.name)
            if name.isEmpty { reasons.append(.emptyName) }

            var phone: String?
            let phoneText = cell(.phone)
            if !phoneText.isEmpty {
                phone = PhoneNumber.normalized(phoneText)
                if phone == nil { reasons.append(.badPhone(phoneText)) }
            }

            var carrierID: CarrierID?
            let carrierText = cell(.carrier)
            if !carrierText.isEmpty {
                carrierID = layout.carrier(named: CarrierID(typed: carrierText))?.id
                if carrierID == nil { reasons.append(.unknownCarrier(carrierText, known: layout.carriers.map(\.name))) }
            }

            var holdDays: Int?
            let holdText = cell(.holdDays)
            if !holdText.isEmpty {
                if holdText.allSatisfy(\.isASCIIDigit), let days = Int(holdText), Ranges.holdDays.contains(days) {
                    holdDays = days
                } else {
                    reasons.append(.badHoldDays(holdText))
                }
            }

            var pickupCode: PickupCode?
            let codeText = cell(.pickupCode)
            if !codeText.isEmpty {
                pickupCode = PickupCode(codeText)
                if pickupCode == nil { reasons.append(.badPickupCode(codeText)) }
            }

            if let tracking, reasons.isEmpty {
                entries.append(ManifestEntry(line: row.line, tracking: tracking, name: name, phone: phone,
                                             carrierID: carrierID, holdDays: holdDays, pickupCode: pickupCode))
            } else {
                problems += reasons.map { ManifestProblem(line: row.line, reason: $0) }
            }
        }
        return ManifestParse(entries: entries, problems: problems)
    }

    private static func isBlank(_ field: String) -> Bool { field.allSatisfy(\.isWhitespace) }

    /// The text of `data`, or the line of its first byte that is not UTF-8.
    private static func decodeUTF8(_ data: Data) throws(ManifestError) -> String {
        var scalars = String.UnicodeScalarView()
        var bytes = data.makeIterator()
        var decoder = UTF8()
        var line = 1
        while true {
            switch decoder.decode(&bytes) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                scalars.append(scalar)
            case .emptyInput:
                return String(scalars)
            case .error:
                throw .notUTF8(line: line)
            }
        }
    }
}

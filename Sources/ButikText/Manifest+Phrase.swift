import ButikDomain

extension ManifestProblem: Phrased {
    /// A sentence starting with the line: `Line 4: the name is empty.`
    public var phrase: Phrase { Phrase("error.manifest.problem", ["line": .count(line), "reason": .phrase(reason.phrase)]) }
}

extension ManifestProblem.Reason: Phrased {
    /// What is wrong, without the line.
    public var phrase: Phrase {
        switch self {
        case .badTracking(.empty):
            Phrase("error.manifest.trackingEmpty")
        case .badTracking(let error):
            Phrase("error.manifest.badTracking", ["reason": .phrase(error.phrase)])
        case .emptyName:
            Phrase("error.manifest.emptyName")
        case .badPhone(let text):
            Phrase("error.manifest.badPhone", ["phone": .text(text)])
        case .unknownCarrier(let text, let known) where known.isEmpty:
            Phrase("error.manifest.unknownCarrier.noneKnown", ["carrier": .text(text)])
        case .unknownCarrier(let text, let known):
            Phrase("error.manifest.unknownCarrier", ["carrier": .text(text), "known": .list(known)])
        case .badHoldDays(let text):
            Phrase("error.manifest.badHoldDays", ["days": .text(text), "lowest": .count(Ranges.holdDays.lowerBound),
                                                  "highest": .count(Ranges.holdDays.upperBound)])
        case .badPickupCode(let text):
            Phrase("error.manifest.badPickupCode", ["code": .text(text)])
        case .duplicateTracking(let number, let firstLine):
            Phrase("error.manifest.duplicateTracking", ["tracking": .text(number.value), "line": .count(firstLine)])
        }
    }
}

extension ManifestError: Phrased {
    /// Why the file cannot be read at all.
    public var phrase: Phrase {
        switch self {
        case .notUTF8(let line):
            Phrase("error.manifest.notUTF8", ["line": .count(line)])
        case .empty:
            Phrase("error.manifest.empty")
        case .noHeader(let line):
            Phrase("error.manifest.noHeader", ["line": .count(line)])
        case .missingColumns(let columns):
            // A column by each header name it is known by: "tracking"/"sporingsnummer"/"kolli".
            Phrase("error.manifest.missingColumns", ["n": .count(columns.count), "columns": .list(columns.map {
                $0.headerNames.map { "\"\($0)\"" }.joined(separator: "/")
            })])
        case .unterminatedQuote(let line):
            Phrase("error.manifest.unterminatedQuote", ["line": .count(line)])
        }
    }
}

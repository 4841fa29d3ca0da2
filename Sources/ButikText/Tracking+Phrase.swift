import ButikDomain

extension TrackingError: Phrased {
    /// A sentence a person at the counter understands.
    public var phrase: Phrase {
        switch self {
        case .empty:
            Phrase("error.tracking.empty")
        case .invalidCharacters(let characters, 0):
            Phrase("error.tracking.invalidCharacters", ["characters": .text(characters)])
        case .invalidCharacters(let characters, let more):
            Phrase("error.tracking.invalidCharacters.more", ["characters": .text(characters), "n": .count(more)])
        case .badLength(let length):
            Phrase("error.tracking.badLength", ["n": .count(length)])
        case .wrongCheckDigit(let format, let number, let expected, let found):
            Phrase("error.tracking.wrongCheckDigit", ["tracking": .text(number), "format": .phrase(format.phrase),
                                                      "found": .text(String(found)), "expected": .text(String(expected))])
        }
    }

    /// The sentence for a scan: a wrong check digit from a scanner is a misread, never accepted.
    public var misreadPhrase: Phrase {
        guard case .wrongCheckDigit(_, let number, let expected, let found) = self else { return phrase }
        return Phrase("error.tracking.misread", ["tracking": .text(number), "found": .text(String(found)),
                                                 "expected": .text(String(expected))])
    }
}

extension TrackingFormat {
    /// A short name for the format, with its article: "an SSCC".
    public var phrase: Phrase {
        switch self {
        case .s10: Phrase("tracking.format.s10")
        case .sscc: Phrase("tracking.format.sscc")
        case .gsin: Phrase("tracking.format.gsin")
        case .dhlExpress: Phrase("tracking.format.dhlExpress")
        case .ups: Phrase("tracking.format.ups")
        case .amazon: Phrase("tracking.format.amazon")
        case .inpost: Phrase("tracking.format.inpost")
        case .hermes: Phrase("tracking.format.hermes")
        case .unvalidated: Phrase("tracking.format.unvalidated")
        }
    }
}

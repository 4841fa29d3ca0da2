import ButikDomain

extension Language {
    /// The language's name in the reader's language: "Swedish".
    public var phrase: Phrase {
        switch self {
        case .nb: Phrase("language.nb")
        case .sv: Phrase("language.sv")
        case .en: Phrase("language.en")
        }
    }
}

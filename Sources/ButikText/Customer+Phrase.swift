import ButikDomain

extension ContactChannel {
    /// The channel's name: "Messenger".
    public var phrase: Phrase {
        switch self {
        case .counter: Phrase("channel.counter")
        case .phone: Phrase("channel.phone")
        case .email: Phrase("channel.email")
        case .chat: Phrase("channel.chat")
        case .messenger: Phrase("channel.messenger")
        case .facebook: Phrase("channel.facebook")
        case .instagram: Phrase("channel.instagram")
        case .x: Phrase("channel.x")
        case .trustpilot: Phrase("channel.trustpilot")
        }
    }
}

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

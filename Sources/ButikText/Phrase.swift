import ButikDomain

/// Something to say, not yet in words: a catalog key and its named arguments. Errors and notices
/// carry phrases, and the edge puts them into the reader's language with ``Words/text(_:)``.
public struct Phrase: Equatable, Sendable {
    /// One argument, formatted for the language when the phrase is put into words.
    public indirect enum Argument: Equatable, Sendable {
        /// Shown as given (a name, a key, a tracking number).
        case text(String)
        /// A number; an entry with plural forms chooses its form by the argument named `n`.
        case count(Int)
        /// A day: `24.11.2026`.
        case date(Day)
        /// A moment in the shop's time zone: `24.11.2026 09:05`.
        case moment(LocalMoment)
        /// Items joined with a comma.
        case list([String])
        /// A phrase put into words in the same language.
        case phrase(Phrase)
    }

    /// The catalog key, dotted by concern: `error.domain.unknownCustomer`.
    public var key: String
    public var arguments: [String: Argument]

    public init(_ key: String, _ arguments: [String: Argument] = [:]) {
        self.key = key
        self.arguments = arguments
    }
}

/// A value that can say itself as a ``Phrase``: the errors people read.
public protocol Phrased {
    var phrase: Phrase { get }
}

extension Phrase {
    /// Several sentences said one after another, as one phrase; nil for none.
    public static func sentences(_ phrases: [Phrase]) -> Phrase? {
        guard let first = phrases.first else { return nil }
        return phrases.dropFirst().reduce(first) { Phrase("phrase.sentences", ["first": .phrase($0), "next": .phrase($1)]) }
    }
}

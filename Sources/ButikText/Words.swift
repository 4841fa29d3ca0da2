import ButikDomain
import Foundation

/// The words of one language: puts phrases into text. A key or an argument the catalog lacks
/// never traps: a missing key shows as the key itself, a missing argument as its `{name}`.
public struct Words: Sendable {
    public let language: Language
    public let catalog: Catalog

    public init(_ language: Language, catalog: Catalog) {
        self.language = language
        self.catalog = catalog
    }

    /// The shipped words of `language`, read once.
    public static func shipped(_ language: Language) -> Words {
        switch language {
        case .nb: norwegian
        case .sv: swedish
        case .en: english
        }
    }

    /// English, for what is said before the language is chosen.
    public static let english = Words(.en, catalog: .shipped(.en))
    private static let norwegian = Words(.nb, catalog: .shipped(.nb))
    private static let swedish = Words(.sv, catalog: .shipped(.sv))

    /// The phrase in words.
    public func text(_ phrase: Phrase) -> String { text(phrase.key, phrase.arguments) }

    /// The entry `key` with its placeholders filled from `arguments`; an entry with plural forms
    /// takes `one` when the argument `n` is 1.
    public func text(_ key: String, _ arguments: [String: Phrase.Argument] = [:]) -> String {
        guard let entry = catalog.entries[key] else { return key }
        let form: String
        switch entry {
        case .text(let text): form = text
        case .plural(let one, let other): form = arguments["n"] == .count(1) ? one : other
        }
        return fill(form, arguments)
    }

    /// The error in words: its phrase, or the system's own description for an error that has none.
    public func describe(_ error: any Error) -> String {
        (error as? any Phrased).map { text($0.phrase) } ?? String(describing: error)
    }

    /// `24.11.2026`.
    public func date(_ day: Day) -> String {
        let (y, m, d) = day.components
        return String(format: "%02d.%02d.%04d", d, m, y)
    }

    /// `24.11`, for a day close to today.
    public func dayAndMonth(_ day: Day) -> String { day.dayAndMonth }

    /// `09:05`.
    public func time(minuteOfDay: Int) -> String { String(format: "%02d:%02d", minuteOfDay / 60, minuteOfDay % 60) }

    /// `24.11.2026 09:05`.
    public func moment(_ moment: LocalMoment) -> String { "\(date(moment.day)) \(time(minuteOfDay: moment.minuteOfDay))" }

    private func fill(_ form: String, _ arguments: [String: Phrase.Argument]) -> String {
        var result = ""
        var rest = form[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            result += arguments[name].map(format) ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    private func format(_ argument: Phrase.Argument) -> String {
        switch argument {
        case .text(let text): text
        case .count(let number): String(number)
        case .date(let day): date(day)
        case .moment(let local): moment(local)
        case .list(let items): items.joined(separator: ", ")
        case .phrase(let phrase): text(phrase)
        }
    }
}

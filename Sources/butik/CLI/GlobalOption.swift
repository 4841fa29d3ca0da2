import ButikDomain
import ButikText

/// The options every verb and the terminal UI take, declared once.
enum GlobalOption {
    static let store = Option.text("--store", "DIR", help: Phrase("cli.option.store"))
    static let staff = Option.text("--staff", "ID", help: Phrase("cli.option.staff"))
    /// Read before the rest of the words, for the language they are answered in (see
    /// ``Session/words(for:environment:)``); a value that names no language is a usage error.
    static let lang = Option<Language>.choice("--lang", "LANG", help: Phrase("cli.option.lang"))
    static let help = Flag(name: "--help", help: Phrase("cli.option.help"))

    /// In the order help lists them.
    static let all: [any OptionDeclaration] = [store, staff, lang, help]
}

import ButikText

/// What is wrong with the words of a command line, found by ``Arguments`` from the verb's
/// declared options; its ``phrase`` says it for people.
enum ArgumentError: Error, Equatable, Phrased {
    /// No option of this name is declared for the verb (or globally).
    case unknownOption(String)
    /// The option takes a value and none followed it.
    case missingValue(option: String)
    /// The value is not what the option takes (e.g. "a whole number").
    case badValue(option: String, takes: Phrase, given: String)
    /// An option that is not repeatable was given more than once.
    case repeated(option: String)
    /// A flag was given a value (`--json=yes`).
    case valueForFlag(option: String)

    var phrase: Phrase {
        switch self {
        case .unknownOption(let name): Phrase("cli.usage.unknownOption", ["option": .text(name)])
        case .missingValue(let option): Phrase("cli.usage.missingValue", ["option": .text(option)])
        case .badValue(let option, let takes, let given):
            Phrase("cli.usage.badValue", ["option": .text(option), "takes": .phrase(takes), "given": .text(given)])
        case .repeated(let option): Phrase("cli.usage.repeated", ["option": .text(option)])
        case .valueForFlag(let option): Phrase("cli.usage.valueForFlag", ["option": .text(option)])
        }
    }
}

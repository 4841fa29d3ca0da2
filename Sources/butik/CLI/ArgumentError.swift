/// What is wrong with the words of a command line, found by ``Arguments`` from the verb's
/// declared options; ``message`` says it for people.
enum ArgumentError: Error, Equatable {
    /// No option of this name is declared for the verb (or globally).
    case unknownOption(String)
    /// The option takes a value and none followed it.
    case missingValue(option: String)
    /// The value is not what the option takes (e.g. "a whole number").
    case badValue(option: String, takes: String, given: String)
    /// An option that is not repeatable was given more than once.
    case repeated(option: String)
    /// A flag was given a value (`--json=yes`).
    case valueForFlag(option: String)

    var message: String {
        switch self {
        case .unknownOption(let name): "Unknown option \(name)."
        case .missingValue(let option): "\(option) needs a value."
        case .badValue(let option, let takes, let given): "\(option) takes \(takes), not \"\(given)\"."
        case .repeated(let option): "\(option) was given twice; give it once."
        case .valueForFlag(let option): "\(option) takes no value."
        }
    }
}

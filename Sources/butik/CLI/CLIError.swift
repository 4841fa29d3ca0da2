import ButikText

/// Why a command did not do its work, as phrases said in the run's language by ``message(in:)``;
/// each kind has its own exit code.
enum CLIError: Error {
    /// The words were wrong: exit 2.
    case usage(Phrase)
    /// The options were wrong (see ``Arguments``), for the verb if one was named: exit 2.
    case arguments(ArgumentError, verb: String?)
    /// A rule or bad data refused the action: exit 1.
    case refused(Phrase)
    /// The store is locked, corrupt or unwritable: exit 3.
    case store(Phrase)

    var exitCode: Int32 {
        switch self {
        case .refused: 1
        case .usage, .arguments: 2
        case .store: 3
        }
    }

    /// The message in `words`.
    func message(in words: Words) -> String {
        switch self {
        case .usage(let phrase): words.text("cli.usage.seeHelp", ["problem": .phrase(phrase), "help": .text("butik --help")])
        case .arguments(let error, let verb):
            words.text("cli.usage.seeHelp", ["problem": .phrase(error.phrase), "help": .text("butik \(verb.map { $0 + " " } ?? "")--help")])
        case .refused(let phrase), .store(let phrase): words.text(phrase)
        }
    }
}

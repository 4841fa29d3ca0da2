/// Why a command did not do its work; each kind has its own exit code.
enum CLIError: Error {
    /// The words were wrong: exit 2.
    case usage(String)
    /// The options were wrong (see ``Arguments``), for the verb if one was named: exit 2.
    case arguments(ArgumentError, verb: String?)
    /// A rule or bad data refused the action: exit 1.
    case refused(String)
    /// The store is locked, corrupt or unwritable: exit 3.
    case store(String)

    var exitCode: Int32 {
        switch self {
        case .refused: 1
        case .usage, .arguments: 2
        case .store: 3
        }
    }

    var message: String {
        switch self {
        case .usage(let text): "\(text) See `butik --help`."
        case .arguments(let error, let verb): "\(error.message) See `butik \(verb.map { $0 + " " } ?? "")--help`."
        case .refused(let text), .store(let text): text
        }
    }
}

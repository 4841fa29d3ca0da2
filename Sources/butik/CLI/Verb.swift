/// One verb of the command line: its help text, the options it accepts and what it does.
struct Verb: Sendable {
    let name: String
    /// One line for `butik --help`.
    let summary: String
    /// The full `--help` text after the usage line.
    let usage: String
    let details: String
    let valued: Set<String>
    let flagged: Set<String>
    let run: @Sendable (Arguments, Session) throws(CLIError) -> Int32

    /// Options every verb takes.
    static let globalValued: Set<String> = ["--store", "--staff"]
    static let globalFlagged: Set<String> = ["--help"]

    var help: String {
        "Usage: \(usage)\n\n\(details)\n\nEvery verb also takes --store DIR, --staff ID and --help."
    }
}

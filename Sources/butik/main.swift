import Foundation

/// Every verb, in the order `butik --help` lists them.
let verbs: [Verb] = [.receive, .handout, .refuse, .dropoff, .find, .history, .shelf, .queue, .returnToSender, .handover, .extend, .move, .importManifest, .reconcile, .customer, .report, .check, .backup, .restore, .repair, .demo, .validate]

let version = "0.1.0"

let overview = """
Butik: the counter program of a parcel pickup shop.

Usage: butik [--store DIR] [--staff ID]          open the terminal UI
       butik VERB [options]                      work headless, for scripts and support

Verbs:
\(verbs.map { "  \($0.name.padding(toLength: 10, withPad: " ", startingAt: 0))\($0.summary)" }.joined(separator: "\n"))

Store folder: --store DIR, else $BUTIK_STORE, else $XDG_DATA_HOME/butik, else ~/.local/share/butik.
Staff: --staff ID, else $BUTIK_STAFF, else $USER.
Exit codes: 0 done, 1 refused by a rule or bad data, 2 usage, 3 store problem.
`butik VERB --help` tells more.
"""

/// Runs the command line and returns the exit code.
func runCommandLine(_ words: [String]) -> Int32 {
    if words.first == "--version" {
        Output.line("butik \(version)")
        return 0
    }
    if words.first == "--help" || words.first == "-h" || words.first == "help" {
        Output.lines(overview)
        return 0
    }
    // The verb is the first word that is not a global option or its value:
    // `butik --store DIR shelf` and `butik shelf --store DIR` mean the same.
    var verbIndex: Int?
    var index = 0
    while index < words.count, verbIndex == nil {
        if Verb.globalValued.contains(words[index]) {
            index += 2
        } else if words[index].hasPrefix("-") {
            index += 1
        } else {
            verbIndex = index
        }
    }
    let verbName = verbIndex.map { words[$0] }
    do {
        guard let verbName else {
            let args = try Arguments(words, valued: Verb.globalValued, flagged: Verb.globalFlagged)
            if args.has("--help") {
                Output.lines(overview)
                return 0
            }
            return try openTerminalUI(Session(args))
        }
        guard let verb = verbs.first(where: { $0.name == verbName }) else {
            throw CLIError.usage("Unknown verb \(verbName).")
        }
        var rest = words
        rest.remove(at: verbIndex!)
        let args = try Arguments(rest, valued: verb.valued.union(Verb.globalValued),
                                 flagged: verb.flagged.union(Verb.globalFlagged))
        if args.has("--help") {
            Output.lines(verb.help)
            return 0
        }
        let session = try Session(args)
        return session.finish(try verb.run(args, session))
    } catch let error as CLIError {
        Output.error("butik: \(error.message)")
        return error.exitCode
    } catch {
        Output.error("butik: \(error)")
        return 3
    }
}

exit(runCommandLine(Array(CommandLine.arguments.dropFirst())))

import CMalloc
import Foundation

/// Every verb, in the order `butik --help` lists them.
let verbs: [Verb] = [.receive, .handout, .refuse, .dropoff, .find, .history, .shelf, .queue, .returnToSender, .handover, .extend, .move, .importManifest, .reconcile, .customer, .report, .check, .backup, .restore, .repair, .demo, .validate]

let version = "0.1.0"

let overview = """
Butik: the counter program of a parcel pickup shop.

Usage: butik [options]             open the terminal UI
       butik VERB [options]        work headless, for scripts and support

Verbs:
\(verbs.map { "  \($0.name.padding(toLength: 10, withPad: " ", startingAt: 0))\($0.summary)" }.joined(separator: "\n"))

Options of the terminal UI and every verb:
\(HelpText.optionList(GlobalOption.all))

Exit codes: 0 done, 1 refused by a rule or bad data, 2 usage, 3 store problem.
`butik VERB --help` tells more.
"""

/// Runs the command line and returns the exit code.
func runCommandLine(_ words: [String]) -> Int32 {
    if words.first == "--version" {
        Output.line("butik \(version)")
        return 0
    }
    if words.first == GlobalOption.help.name || words.first == "-h" || words.first == "help" {
        Output.lines(overview)
        return 0
    }
    // The verb is the first word that is not a global option or its value:
    // `butik --store DIR shelf` and `butik shelf --store DIR` mean the same.
    var verbIndex: Int?
    var index = 0
    while index < words.count, verbIndex == nil {
        if GlobalOption.all.contains(where: { $0.name == words[index] && $0.placeholder != nil }) {
            index += 2
        } else if words[index].hasPrefix("-") {
            index += 1
        } else {
            verbIndex = index
        }
    }
    do {
        guard let verbIndex else {
            let args = try Arguments(words, options: GlobalOption.all)
            if args.has(GlobalOption.help) {
                Output.lines(overview)
                return 0
            }
            return try openTerminalUI(Session(args))
        }
        let verbName = words[verbIndex]
        guard let verb = verbs.first(where: { $0.name == verbName }) else {
            throw CLIError.usage("Unknown verb \(verbName).")
        }
        var rest = words
        rest.remove(at: verbIndex)
        let args: Arguments
        do { args = try Arguments(rest, options: verb.options) } catch { throw CLIError.arguments(error, verb: verb.name) }
        if args.has(GlobalOption.help) {
            Output.lines(verb.help)
            return 0
        }
        let session = try Session(args)
        return session.finish(try verb.run(args, session))
    } catch {
        let failure = CLIError(error)
        Output.error("butik: \(failure.message)")
        return failure.exitCode
    }
}

butik_use_one_heap()
exit(runCommandLine(Array(CommandLine.arguments.dropFirst())))

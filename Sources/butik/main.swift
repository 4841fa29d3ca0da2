import ButikText
import Foundation

/// Every verb, in the order `butik --help` lists them.
let verbs: [Verb] = [.receive, .handout, .refuse, .dropoff, .find, .history, .shelf, .queue, .returnToSender, .handover, .extend, .move, .importManifest, .reconcile, .customer, .customerCase, .report, .purge, .check, .backup, .restore, .repair, .demo, .validate]

let version = "0.1.0"

/// `butik --help`, in `words`.
func overview(_ words: Words) -> String {
    let list = verbs.map { "  \($0.name.padding(toLength: 10, withPad: " ", startingAt: 0))\(words.text($0.summary))" }
    return words.text("cli.help.overview", ["verbs": .text(list.joined(separator: "\n")),
                                            "options": .text(HelpText.optionList(GlobalOption.all, in: words))])
}

/// Runs the command line and returns the exit code.
func runCommandLine(_ commandLine: [String], environment: [String: String] = ProcessInfo.processInfo.environment) -> Int32 {
    let words = Session.words(for: commandLine, environment: environment)
    if commandLine.first == "--version" {
        Output.line("butik \(version)")
        return 0
    }
    if commandLine.first == GlobalOption.help.name || commandLine.first == "-h" || commandLine.first == "help" {
        Output.lines(overview(words))
        return 0
    }
    // The verb is the first word that is not a global option or its value:
    // `butik --store DIR shelf` and `butik shelf --store DIR` mean the same.
    var verbIndex: Int?
    var index = 0
    while index < commandLine.count, verbIndex == nil {
        if GlobalOption.all.contains(where: { $0.name == commandLine[index] && $0.placeholder != nil }) {
            index += 2
        } else if commandLine[index].hasPrefix("-") {
            index += 1
        } else {
            verbIndex = index
        }
    }
    do {
        guard let verbIndex else {
            let args = try Arguments(commandLine, options: GlobalOption.all)
            if args.has(GlobalOption.help) {
                Output.lines(overview(words))
                return 0
            }
            return try openTerminalUI(Session(args, words: words))
        }
        let verbName = commandLine[verbIndex]
        guard let verb = verbs.first(where: { $0.name == verbName }) else {
            throw CLIError.usage(Phrase("cli.usage.unknownVerb", ["verb": .text(verbName)]))
        }
        var rest = commandLine
        rest.remove(at: verbIndex)
        let args: Arguments
        do { args = try Arguments(rest, options: verb.options) } catch { throw CLIError.arguments(error, verb: verb.name) }
        if args.has(GlobalOption.help) {
            Output.lines(verb.help(in: words))
            return 0
        }
        let session = try Session(args, words: words)
        return session.finish(try verb.run(args, session))
    } catch {
        let failure = CLIError(error)
        Output.error("butik: \(failure.message(in: words))")
        return failure.exitCode
    }
}

exit(runCommandLine(Array(CommandLine.arguments.dropFirst())))

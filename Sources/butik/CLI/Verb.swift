import ButikText

/// One verb of the command line: its help text, the options it accepts and what it does.
struct Verb: Sendable {
    let name: String
    /// One line for `butik --help`.
    let summary: Phrase
    /// The ways to call it, each after `butik NAME`; the options they name are the ones it takes.
    let usage: [Usage]
    /// What `--help` says between the usage lines and the options.
    let details: Phrase
    let run: @Sendable (Arguments, Session) throws(CLIError) -> Int32

    /// The options the usage lines name, each once, in order (those every line names last,
    /// like `--json`), then the ones every verb takes.
    var options: [any OptionDeclaration] {
        var seen: [any OptionDeclaration] = []
        for option in usage.flatMap(\.options) where !seen.contains(where: { $0.name == option.name }) {
            seen.append(option)
        }
        let inEvery = { (option: any OptionDeclaration) in
            usage.allSatisfy { form in form.options.contains { $0.name == option.name } }
        }
        return seen.filter { !inEvery($0) } + seen.filter(inEvery) + GlobalOption.all
    }

    /// `butik VERB --help`: the usage lines, the details, each option the verb takes with its
    /// help, and the options every verb takes, in `words`.
    func help(in words: Words) -> String {
        let lead = words.text("cli.help.usage")
        let lines = usage.enumerated().map { index, form in
            (index == 0 ? lead : String(repeating: " ", count: lead.count)) + " butik \(name)" + (form.text.isEmpty ? "" : " " + form.text)
        }
        let own = options.dropLast(GlobalOption.all.count)
        let list = own.isEmpty ? "" : "\n\n" + words.text("cli.help.options") + "\n" + HelpText.optionList(Array(own), in: words)
        let global = GlobalOption.all.map(\.spelling)
        return lines.joined(separator: "\n") + "\n\n" + words.text(details) + list + "\n\n"
            + words.text("cli.help.everyVerbAlso", ["options": .list(Array(global.dropLast())), "last": .text(global.last ?? "")])
    }
}

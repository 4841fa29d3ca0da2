import ButikDomain
import ButikRuntime
import ButikStore
import ButikText
import Foundation

extension Verb {
    static let backup = Verb(
        name: "backup",
        summary: Phrase("cli.backup.summary"),
        usage: ["[DIR] \(may: backupJSON)"],
        details: Phrase("cli.backup.details"),
        run: runBackup)

    static let restore = Verb(
        name: "restore",
        summary: Phrase("cli.restore.summary"),
        usage: ["BACKUP \(may: yes)"],
        details: Phrase("cli.restore.details"),
        run: runRestore)

    static let repair = Verb(
        name: "repair",
        summary: Phrase("cli.repair.summary"),
        usage: ["BACKUP \(may: repairJSON)"],
        details: Phrase("cli.repair.details"),
        run: runRepair)

    private static let backupJSON = Flag.json(Phrase("cli.backup.json"))
    private static let yes = Flag(name: "--yes", help: Phrase("cli.restore.option.yes"))
    private static let repairJSON = Flag.json(Phrase("cli.repair.json"))

    private static func runRepair(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard args.positionals.count == 1 else { throw .usage(Phrase("cli.usage.backupFolder", ["verb": .text("repair")])) }
        let backup = URL(fileURLWithPath: args.positionals[0], isDirectory: true)
        let store = try session.openStore()
        let report: RepairReport
        do { report = try store.repair(from: backup) } catch { throw CLIError(error) }
        session.storeReplaced()
        if args.has(repairJSON) {
            try Output.json(["replacedLines": report.replacedLines])
        } else if report.replacedLines.isEmpty {
            Output.line(session.words.text("cli.repair.nothing"))
        } else {
            Output.line(session.words.text("cli.repair.done", ["path": .text(backup.path), "n": .count(report.replacedLines.count),
                                                               "lines": .list(report.replacedLines.map(String.init))]))
        }
        return 0
    }

    private static func runBackup(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard args.positionals.count <= 1 else { throw .usage(Phrase("cli.backup.oneFolder")) }
        let store = try session.openStore()
        let parent = args.positionals.first.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? store.defaultBackupFolder
        let made: URL
        do { made = try store.backup(into: parent, now: session.now) } catch { throw CLIError(error) }
        if args.has(backupJSON) {
            try Output.json(BackupView(folder: made.path, lastEntry: store.lastSequence))
        } else {
            Output.line(session.words.text("cli.backup.done", ["path": .text(made.path), "n": .count(store.lastSequence)]))
        }
        return 0
    }

    private static func runRestore(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard args.positionals.count == 1 else { throw .usage(Phrase("cli.usage.backupFolder", ["verb": .text("restore")])) }
        let backup = URL(fileURLWithPath: args.positionals[0], isDirectory: true)
        let entries: Int
        do { entries = try Store<ShopState>.verifiedBackup(at: backup, empty: ShopState()) } catch {
            throw .refused(Phrase("cli.restore.unsound", ["path": .text(backup.path), "problem": .phrase(error.phrase)]))

        }
        let store = try session.openStore()
        let words = session.words
        if !args.has(yes) {
            Output.line(words.text("cli.restore.ask", ["store": .text(session.folder.path), "n": .count(store.lastSequence),
                                                       "backup": .text(backup.path), "entries": .count(entries),
                                                       "yes": .phrase(Phrase("cli.restore.yes"))]))
            let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
            guard answer == words.text("cli.restore.yes") || answer == "yes" else {
                Output.line(words.text("cli.restore.nothing"))
                return 1
            }
        }
        do { try store.restore(from: backup) } catch { throw CLIError(error) }
        session.storeReplaced()
        Output.line(words.text("cli.restore.done", ["backup": .text(backup.path), "store": .text(session.folder.path), "n": .count(entries)]))
        // The customers erased since the backup was made are erased again in what it put back.
        let again: [CustomerID]
        do { again = try session.openStore().reapplyErasures(staff: session.staff, now: session.now) } catch { throw CLIError(error) }
        if !again.isEmpty { Output.line(words.text("cli.restore.erasedAgain", ["n": .count(again.count)])) }

        return 0
    }
}

private struct BackupView: Encodable {
    let folder: String
    let lastEntry: Int
}

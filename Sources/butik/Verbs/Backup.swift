import ButikDomain
import ButikStore
import Foundation

extension Verb {
    static let backup = Verb(
        name: "backup",
        summary: "copy the store, verified, into a folder of backups",
        usage: ["[DIR] \(may: backupJSON)"],
        details: """
        Copies the journal, the snapshot and the shop file into a new folder in DIR (default:
        backups in the store folder) named by the time, e.g. backup-20261201-093105. Other
        counters wait while it copies; only journal lines whose checksums were verified are
        copied, and the copy is checked by opening it before this says it is done. A backup is a
        store folder: `butik \(GlobalOption.store.name) BACKUP check` checks it, `butik restore BACKUP` puts it back.
        A backup on the store's own disk guards against damage, not against losing the disk:
        give DIR on another disk, or copy the backups folder there.
        """,
        run: runBackup)

    static let restore = Verb(
        name: "restore",
        summary: "put a backup back in place of the store (asks first)",
        usage: ["BACKUP \(may: yes)"],
        details: """
        Checks the backup, says what it holds against the store, and asks before replacing the
        store's journal, snapshot and shop file with it (under the lock: other counters wait,
        then see the restored store). What was recorded after the backup is gone afterwards.
        """,
        run: runRestore)

    static let repair = Verb(
        name: "repair",
        summary: "heal damaged journal lines from a backup that holds them intact",
        usage: ["BACKUP \(may: repairJSON)"],
        details: """
        Takes each damaged line of the store's journal from the backup, where the backup holds it
        with a valid checksum and every sound line the two share is the same to the byte; never
        guesses. Nothing is changed when the backup cannot heal all of it: then an older or newer
        backup may, or `butik restore` puts a whole backup back (losing what came after it).
        """,
        run: runRepair)

    private static let backupJSON = Flag.json("print the backup's folder and last entry as JSON")
    private static let yes = Flag(name: "--yes", help: "do not ask")
    private static let repairJSON = Flag.json("print the lines taken from the backup as JSON")

    private static func runRepair(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard args.positionals.count == 1 else { throw .usage("repair takes the backup's folder.") }
        let backup = URL(fileURLWithPath: args.positionals[0], isDirectory: true)
        let store = try session.openStore()
        let report: RepairReport
        do { report = try store.repair(from: backup) } catch { throw CLIError(error) }
        session.storeReplaced()
        if args.has(repairJSON) {
            try Output.json(["replacedLines": report.replacedLines])
        } else if report.replacedLines.isEmpty {
            Output.line("Nothing to repair: every line of the journal is sound.")
        } else {
            Output.line("Repaired from \(backup.path): journal line(s) \(report.replacedLines.map(String.init).joined(separator: ", ")).")
        }
        return 0
    }

    private static func runBackup(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard args.positionals.count <= 1 else { throw .usage("backup takes at most one folder.") }
        let store = try session.openStore()
        let parent = args.positionals.first.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? store.defaultBackupFolder
        let made: URL
        do { made = try store.backup(into: parent, now: session.now) } catch { throw CLIError(error) }
        if args.has(backupJSON) {
            try Output.json(BackupView(folder: made.path, lastEntry: store.lastSequence))
        } else {
            Output.line("Backup made and checked: \(made.path) (\(store.lastSequence) journal entries).")
        }
        return 0
    }

    private static func runRestore(_ args: Arguments, _ session: Session) throws(CLIError) -> Int32 {
        guard args.positionals.count == 1 else { throw .usage("restore takes the backup's folder.") }
        let backup = URL(fileURLWithPath: args.positionals[0], isDirectory: true)
        let entries: Int
        do { entries = try Store<ShopState>.verifiedBackup(at: backup, empty: ShopState()) } catch {
            throw .refused("\(backup.path) is not a sound backup: \(error.message) Nothing was restored.")
        }
        let store = try session.openStore()
        let question = "Replace the store in \(session.folder.path) (\(store.lastSequence) journal entries) with the backup "
            + "\(backup.path) (\(entries) entries)? What was recorded after the backup is lost. Type yes to go on:"
        if !args.has(yes) {
            Output.line(question)
            let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased()
            guard answer == "yes" else {
                Output.line("Nothing was restored.")
                return 1
            }
        }
        do { try store.restore(from: backup) } catch { throw CLIError(error) }
        session.storeReplaced()
        Output.line("Restored \(backup.path) into \(session.folder.path): \(entries) journal entries.")
        return 0
    }
}

private struct BackupView: Encodable {
    let folder: String
    let lastEntry: Int
}

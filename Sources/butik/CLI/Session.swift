import ButikDomain
import ButikResources
import ButikRuntime
import ButikStore
import ButikText
import Foundation

/// Where the store is, who is working, the moment and the words to say it in: what every verb needs.
struct Session {
    let folder: URL
    let staff: StaffID
    let now: Date
    /// The run's words, in its language (see ``words(for:environment:)``).
    let words: Words
    /// Whether the store this run opened is read-only, for ``finish(_:)``.
    private let opened = Opened()

    private final class Opened {
        var readOnlyReason: ReadOnlyReason?
    }

    /// Resolves the store folder (see ``folder(given:environment:)``). Staff: `--staff`, `$BUTIK_STAFF`,
    /// `$USER` (an empty variable counts as unset), else `staff`; a staff id that cannot be one
    /// (``TypedText/staffID(_:)``) is a usage error naming where it came from.
    init(_ arguments: Arguments, words: Words, environment: [String: String] = ProcessInfo.processInfo.environment,
         now: Date = Date()) throws(CLIError) {
        folder = Self.folder(given: arguments.value(GlobalOption.store), environment)
        staff = try Self.staff(arguments, environment)
        self.words = words
        self.now = now
    }

    /// The store folder: `--store DIR`, else `$BUTIK_STORE`, else `$XDG_DATA_HOME/butik`, else
    /// `~/.local/share/butik`.
    static func folder(given: String?, _ environment: [String: String]) -> URL {
        if let dir = given ?? environment["BUTIK_STORE"], !dir.isEmpty {
            return URL(fileURLWithPath: dir, isDirectory: true)
        } else if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("butik", isDirectory: true)
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".local/share/butik", isDirectory: true)
    }

    /// The words of a run, chosen before its command line is parsed so that a usage error is
    /// said in them too: `--lang`, else the `language` of the shop file in the store folder
    /// (a file that cannot be read names none; opening the store says why), else the
    /// environment (``Language/choose(flag:shopFile:environment:)``). A `--lang` that names no
    /// language is left to the parse, which refuses it.
    static func words(for commandLine: [String], environment: [String: String]) -> Words {
        let flag = Arguments.scan(commandLine, for: GlobalOption.lang)
        var shopFile: Language?
        if flag == nil {
            let store = folder(given: Arguments.scan(commandLine, for: GlobalOption.store), environment)
            shopFile = (try? ShopLayout.load(from: store.appendingPathComponent(ShopStore.layoutFileName)))?.language
        }
        return Words.shipped(Language.choose(flag: flag, shopFile: shopFile, environment: environment))

    }

    private static func staff(_ arguments: Arguments, _ environment: [String: String]) throws(CLIError) -> StaffID {
        var given = arguments.value(GlobalOption.staff).map { (source: GlobalOption.staff.name, text: $0) }
        for name in ["BUTIK_STAFF", "USER"] where given == nil {
            if let text = environment[name], !text.isEmpty { given = ("$" + name, text) }
        }
        guard let (source, text) = given else { return StaffID(stored: "staff") }
        do {
            return try TypedText.staffID(text)
        } catch {
            throw .usage(Phrase("cli.usage.staff", ["source": .text(source), "problem": .phrase(error.phrase)]))
        }
    }

    /// Opens (or creates) the store; every failure becomes a store error with a clear message.
    /// Notices are said on standard error at once, why the store is read-only by ``finish(_:)``.
    /// `untilFree`: while another program holds the store's lock, say so once and keep waiting
    /// (the terminal UI, which a person starts and can stop with Ctrl-C) instead of giving up
    /// after five seconds (a verb in a script).
    func openStore(untilFree: Bool = false) throws(CLIError) -> ShopStore {
        var said = false
        while true {
            do {
                let layout = try Data(contentsOf: ButikResources.defaultShopLayout)
                let store = try ShopStore.open(folder: folder, defaultLayout: layout)
                for notice in store.notices { note(notice) }
                opened.readOnlyReason = store.readOnlyReason
                return store
            } catch StoreError.locked where untilFree {
                if !said { Output.error(words.text("cli.store.waiting")) }
                said = true
            } catch {
                throw CLIError(error)
            }
        }
    }

    /// The store this run opened was replaced (restored): why it was read-only no longer holds.
    func storeReplaced() { opened.readOnlyReason = nil }

    /// The shop's past as far as `question` needs it (see ``ShopStore/history(for:waiting:)``);
    /// what the store noticed meanwhile (a history file rebuilt) is said on standard error, and
    /// store failures become CLI errors.
    func history(_ store: ShopStore, _ question: HistoryQuestion) throws(CLIError) -> History {
        let known = store.notices.count
        defer { for notice in store.notices.dropFirst(known) { note(notice) } }
        do {
            return try store.history(for: question)
        } catch {
            throw CLIError(error)
        }
    }

    /// What is wrong with the store's history file (see ``ShopStore/historyFileProblem()``).
    func history(fileProblemIn store: ShopStore) throws(CLIError) -> Damage? {
        do {
            return try store.historyFileProblem()
        } catch {
            throw CLIError(error)
        }
    }

    /// The exit code of a verb that ended with `status`: on a store that opened read-only
    /// (damaged or unwritable) it is a store problem, said after what the verb could show.
    func finish(_ status: Int32) -> Int32 {
        guard let reason = opened.readOnlyReason else { return status }
        let failure = CLIError.store(StoreError.readOnly(reason: reason).phrase)
        say(failure)
        return failure.exitCode
    }

    /// Says `failure` on standard error, in the run's words.
    func say(_ failure: CLIError) { Output.error("butik: " + failure.message(in: words)) }

    /// Says what the store noticed on standard error.
    private func note(_ notice: StoreNotice) { Output.error(words.text("cli.store.note", ["note": .phrase(notice.phrase)])) }

    /// Runs a decision through the store; refusals and store failures become CLI errors.
    /// What the store noticed meanwhile (a snapshot it could not write) is said on standard error.
    func perform<Outcome>(
        _ store: ShopStore, _ decide: (ShopState, Context) throws(DomainError) -> Decision<Outcome>
    ) throws(CLIError) -> Outcome {
        let known = store.notices.count
        defer { for notice in store.notices.dropFirst(known) { note(notice) } }
        do {
            return try store.perform(staff: staff, now: now, decide)
        } catch {
            throw CLIError(error)
        }
    }
}

extension CLIError {
    /// Classifies any error thrown below the command line.
    init(_ error: any Error) {
        switch error {
        case let cli as CLIError: self = cli
        case let arguments as ArgumentError: self = .arguments(arguments, verb: nil)
        case let domain as DomainError: self = .refused(domain.phrase)
        case let store as StoreError: self = .store(store.phrase)
        case let layout as LayoutError: self = .store(layout.phrase)
        case let missing as ShopFileMissing: self = .store(missing.phrase)
        default: self = .store(Phrase("cli.unexpected", ["problem": .text(String(describing: error))]))
        }
    }
}

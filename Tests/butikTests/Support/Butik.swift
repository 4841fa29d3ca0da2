import Foundation
import Testing

/// Runs the built `butik` binary on a temporary store, as a script or a person would.
struct Butik {
    let store: URL
    /// Given as `--staff`; nil gives none, so the environment decides.
    var staff: String? = "maria"

    /// A new empty store folder under the temporary directory (the folder itself not created).
    init() {
        store = FileManager.default.temporaryDirectory
            .appendingPathComponent("butik-e2e-\(UUID().uuidString)", isDirectory: true)
    }

    /// The store folder `store`.
    init(store: URL) {
        self.store = store
    }

    /// The result of one run.
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
        /// The signal that ended the process, or nil when it exited (with `status`).
        var signal: Int32? = nil

        /// Standard output decoded as JSON.
        func json<T: Decodable>(_ type: T.Type) throws -> T {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(type, from: Data(stdout.utf8))
        }
    }

    /// A run that has started and not been waited for, so it can be killed on the way.
    struct Running {
        let process: Process
        let out: Pipe
        let err: Pipe

        /// Sends SIGKILL if the process still runs; true when the signal was sent.
        func killIfRunning() -> Bool {
            process.isRunning && kill(process.processIdentifier, SIGKILL) == 0
        }

        /// Waits for the end and collects the output.
        func finish() -> Run {
            let outData = out.fileHandleForReading.readDataToEndOfFile()
            let errData = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                       stderr: String(decoding: errData, as: UTF8.self),
                       signal: process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil)
        }
    }

    /// The binary SwiftPM built next to the test bundle.
    static let binary: URL = {
        var folder = Bundle.main.bundleURL
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("butik")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        let arg0 = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return arg0.appendingPathComponent("butik")
    }()

    /// The environment the binary runs with: no inherited store, staff or language settings
    /// (so it speaks English unless a test says otherwise).
    var environment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["BUTIK_STORE"] = nil
        env["BUTIK_STAFF"] = nil
        env["XDG_DATA_HOME"] = nil
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] { env[name] = nil }

        env["NO_COLOR"] = "1"
        return env
    }

    /// Runs `butik --store STORE --staff STAFF args...` to the end.
    @discardableResult
    func run(_ args: String...) throws -> Run {
        try run(arguments: args)
    }

    /// Runs `butik args... --store STORE --staff STAFF` with `extra` set in its environment.
    func run(arguments: [String], environment extra: [String: String] = [:]) throws -> Run {
        try start(arguments: arguments, environment: extra).finish()
    }

    /// Starts `butik args... --store STORE --staff STAFF` without waiting for it.
    func start(arguments: [String], environment extra: [String: String] = [:]) throws -> Running {
        let process = Process()
        process.executableURL = Butik.binary
        process.arguments = Butik.globalsLast(arguments, store: store.path, staff: staff)
        process.environment = environment.merging(extra) { $1 }
        let running = Running(process: process, out: Pipe(), err: Pipe())
        process.standardOutput = running.out
        process.standardError = running.err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return running
    }

    /// Puts `--store` and `--staff` after the verb's words (every verb takes them anywhere).
    static func globalsLast(_ args: [String], store: String, staff: String?) -> [String] {
        args + ["--store", store] + (staff.map { ["--staff", $0] } ?? [])
    }

    /// A valid S10 number with the given serial (8 digits).
    static func s10(_ serial: Int) -> String {
        let digits = String(format: "%08d", serial).compactMap(\.wholeNumberValue)
        let sum = zip(digits, [8, 6, 4, 2, 3, 5, 9, 7]).map(*).reduce(0, +)
        let check = switch 11 - sum % 11 {
        case 10: 0
        case 11: 5
        case let c: c
        }
        return "RR" + String(format: "%08d", serial) + "\(check)" + "NO"
    }

    /// Removes the store folder.
    func cleanUp() {
        try? FileManager.default.removeItem(at: store)
    }
}

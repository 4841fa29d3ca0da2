import Foundation
import Testing

/// A tmux server of its own (private socket, no config file) with one detached session, for
/// driving the real terminal UI as a person at a keyboard would and reading back the screen.
///
/// Never touches a user's tmux: every command goes to `-S <socket in a fresh temporary
/// folder>`. `kill()` ends the server and everything in it and removes the folder; call it
/// from a `defer` right after `start`.
struct Tmux {
    /// Where waits poll, and the default deadline for one wait.
    static let pollInterval: Duration = .milliseconds(50)
    static let defaultTimeout: Duration = .seconds(10)

    /// The tmux executable on PATH, nil when tmux is not installed.
    static let executable: URL? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("tmux")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    /// True when tmux is installed. In CI (CI=true) a missing tmux is a failure, not a skip:
    /// .ci/run installs it.
    static var shouldRun: Bool {
        executable != nil || ProcessInfo.processInfo.environment["CI"] == "true"
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Holds the server's socket and each command's output files.
    let folder: URL
    var socket: String { folder.appendingPathComponent("socket").path }
    let session = "butik"
    /// Environment of the tmux server, inherited by the pane.
    let environment: [String: String]

    /// Starts a detached `width`×`height` session whose one pane runs `/bin/sh -c script`
    /// with TERM=xterm-256color and LANG=C.UTF-8.
    static func start(width: Int = 100, height: Int = 30, environment base: [String: String],
                      script: String) throws -> Tmux {
        var environment = base
        // LINES and COLUMNS would override the pane's size in curses (other tests in this
        // process set them); the locale is LANG's alone.
        for name in ["TMUX", "TMUX_PANE", "LINES", "COLUMNS", "LC_ALL", "LC_CTYPE", "LC_MESSAGES"] {
            environment[name] = nil
        }
        environment["LANG"] = "C.UTF-8"
        // Short: a socket path must fit in 104 bytes.
        let folder = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("butik-tmux-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tmux = Tmux(folder: folder, environment: environment)
        // Several arguments after new-session: tmux runs them directly, not through its default shell.
        // TERM goes through env because tmux sets the pane's TERM from default-terminal after -e.
        do {
            try tmux.run(["new-session", "-d", "-s", tmux.session, "-x", "\(width)", "-y", "\(height)",
                          "/usr/bin/env", "TERM=xterm-256color", "LANG=C.UTF-8", "/bin/sh", "-c", script])
        } catch {
            tmux.kill()
            throw error
        }
        return tmux
    }

    /// Runs one tmux command on this server; throws unless it exits 0.
    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        guard let executable = Tmux.executable else { throw Failure(description: "tmux is not on PATH (in CI, .ci/run installs it)") }
        let result = try Tmux.spawnAndWait(executable.path, ["tmux", "-u", "-S", socket, "-f", "/dev/null"] + arguments,
                                           environment: environment, outputFolder: folder)
        guard result.status == 0 else {
            throw Failure(description: "tmux \(arguments.joined(separator: " ")) ended with status \(result.status): \(result.stderr)")
        }
        return result.stdout
    }

    /// Runs a program to its end with an empty signal mask and default signal actions, its
    /// output going to files (read afterwards).
    ///
    /// Not Foundation's Process: that passes on the spawning thread's signal mask, and test
    /// code runs on dispatch threads that block SIGTERM, SIGCHLD, SIGHUP and more. A tmux
    /// server started that way ignores kill-server (it signals itself SIGTERM) and never
    /// reaps its panes. Files rather than pipes: a daemon that keeps a pipe open can't hang
    /// the read.
    static func spawnAndWait(_ path: String, _ arguments: [String], environment: [String: String],
                             outputFolder: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        let name = UUID().uuidString
        let outPath = outputFolder.appendingPathComponent("\(name).out").path
        let errPath = outputFolder.appendingPathComponent("\(name).err").path
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        var attributes: posix_spawnattr_t? = nil
        #else
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw Failure(description: "cannot start \(path): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw Failure(description: "waitpid \(pid): \(String(cString: strerror(errno)))") }
        }
        let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let stdout = String(decoding: FileManager.default.contents(atPath: outPath) ?? Data(), as: UTF8.self)
        let stderr = String(decoding: FileManager.default.contents(atPath: errPath) ?? Data(), as: UTF8.self)
        return (exitStatus, stdout, stderr)
    }

    /// Sends keys by tmux name, e.g. "F2", "Enter", "Escape", "C-c", "Up".
    func sendKeys(_ keys: String...) throws {
        try run(["send-keys", "-t", session] + keys)
    }

    /// Types `text` literally (UTF-8, so Æ Ø Å arrive as the characters they are).
    func type(_ text: String) throws {
        try run(["send-keys", "-t", session, "-l", text])
    }

    /// What a barcode scanner does: the code and Enter in one burst (one tmux command, so the
    /// Enter is not a separate write that a busy machine could delay past the scanner's pace).
    func scan(_ code: String) throws {
        try run(["send-keys", "-t", session, "-l", code, ";", "send-keys", "-t", session, "Enter"])
    }

    /// The visible pane as plain text, one line per row.
    func capture() throws -> String {
        try run(["capture-pane", "-p", "-t", session])
    }

    /// A tmux format about the pane, e.g. "#{pane_pid}" or "#{alternate_on}".
    func display(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", session, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Resizes the window (and so the pane, which gets SIGWINCH); works detached.
    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Waits until every one of `texts` is on the screen; returns that screen. Fails with the
    /// last capture when `timeout` passes first.
    @discardableResult
    func waitFor(_ texts: String..., timeout: Duration = Tmux.defaultTimeout,
                 sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let what = texts.map { "\"\($0)\"" }.joined(separator: " and ") + " on screen"
        return try await waitUntil(what, timeout: timeout, sourceLocation: sourceLocation) { screen in
            texts.allSatisfy { screen.contains($0) }
        }
    }

    /// Waits until `text` is no longer on the screen; returns that screen.
    @discardableResult
    func waitForAbsence(of text: String, timeout: Duration = Tmux.defaultTimeout,
                        sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        try await waitUntil("\"\(text)\" gone from the screen", timeout: timeout, sourceLocation: sourceLocation) { !$0.contains(text) }
    }

    /// Polls the screen every `pollInterval` until `condition` holds or `timeout` passes.
    @discardableResult
    func waitUntil(_ what: String, timeout: Duration = Tmux.defaultTimeout,
                   sourceLocation: SourceLocation = #_sourceLocation,
                   _ condition: (String) -> Bool) async throws -> String {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var screen = ""
        while true {
            screen = try capture()
            if condition(screen) { return screen }
            if clock.now >= deadline { break }
            try await Task.sleep(for: Tmux.pollInterval)
        }
        throw Failure(description: "\(sourceLocation.fileName):\(sourceLocation.line): timed out after \(timeout) "
            + "waiting for \(what). Last screen:\n" + screen)
    }

    /// Ends the server and every process in it (they get SIGHUP) and removes the folder.
    /// Safe to call more than once.
    func kill() {
        _ = try? run(["kill-server"])
        try? FileManager.default.removeItem(at: folder)
    }
}

extension String {
    /// This string as one single-quoted shell word.
    var shellQuoted: String {
        "'" + replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

import ButikDomain
import ButikResources
import ButikStore
import ButikText
import Foundation

// The words for the store's own values, which the screens never see: put into words here,
// at the edge between the app and the store, and by the command line.

extension LayoutError: Phrased {
    /// What is wrong with the shop file (its problems as the layout names them, in English for now).
    public var phrase: Phrase {
        Phrase("error.layout.problems", ["path": .text(path), "problems": .text(problems.joined(separator: "; "))])
    }
}

extension ShopFileMissing: Phrased {
    /// Why butik makes no new shop file for a store that holds data, and how to put one back.
    public var phrase: Phrase {
        Phrase("error.layout.missing", ["path": .text(path), "standard": .text(ButikResources.defaultShopLayout.path)])
    }
}

extension ManifestFile.Failure: Phrased {
    /// Why nothing was imported, naming the file.
    public var phrase: Phrase {
        switch self {
        case .unreadable(let path, let reason):
            Phrase("error.manifest.unreadable", ["path": .text(path), "reason": .text(reason)])
        case .notAManifest(let path, let error):
            Phrase("error.manifest.notAManifest", ["path": .text(path), "reason": .phrase(error.phrase)])
        }
    }
}

extension StoreError: Phrased {
    /// A sentence or two a person can act on.
    public var phrase: Phrase {
        switch self {
        case let .locked(path, seconds):
            Phrase("error.store.locked", ["path": .text(path), "n": .count(Int(seconds.rounded()))])
        case let .corrupt(file, line?, reason):
            Phrase("error.store.corruptLine", ["file": .text(file), "line": .count(line), "reason": .text(reason)])
        case let .corrupt(file, nil, reason):
            Phrase("error.store.corrupt", ["file": .text(file), "reason": .text(reason)])
        case let .newerSchema(file, found, supported):
            Phrase("error.store.newerSchema", ["file": .text(file), "found": .count(found), "supported": .count(supported)])
        case let .io(operation, path, code):
            Phrase("error.store.io", ["operation": .text(operation), "path": .text(path), "system": .text(String(cString: strerror(code))),
                                      "errno": .count(Int(code)), "advice": .phrase(Self.advice(for: code))])
        case let .readOnly(reason) where reason.contains("read-only"):
            // A damage reason says so itself ("The store is read-only so that nothing is overwritten").
            Phrase("error.store.reason", ["reason": .text(reason)])
        case let .readOnly(reason):
            Phrase("error.store.readOnly", ["reason": .text(reason)])
        case let .encoding(reason):
            Phrase("error.store.encoding", ["reason": .text(reason)])
        case let .unconfirmed(reason):
            Phrase("error.store.reason", ["reason": .text(reason)])
        }
    }

    private static func advice(for code: Int32) -> Phrase {
        switch code {
        case ENOSPC, EDQUOT: Phrase("error.store.advice.diskFull")
        case EACCES, EPERM: Phrase("error.store.advice.permissions")
        case EROFS: Phrase("error.store.advice.readOnlyDisk")
        case EIO: Phrase("error.store.advice.failingDisk")
        case ENOENT: Phrase("error.store.advice.missing")
        default: Phrase("error.store.advice.other")
        }
    }
}

extension CheckReport {
    /// A short account for a person, a line each: what was read and whether it is sound, then
    /// each problem and each note.
    public var phrases: [Phrase] {
        let snapshot = snapshotSequence.map { Phrase("check.snapshot", ["n": .count($0)]) } ?? Phrase("check.noSnapshot")
        let verdict = problems.isEmpty ? Phrase("check.sound") : Phrase("check.problems", ["n": .count(problems.count)])
        let summary = Phrase("check.summary", ["lines": .phrase(Phrase("check.lines", ["n": .count(journalLines)])),
                                               "files": .phrase(Phrase("check.files", ["n": .count(journalFiles)])),
                                               "last": .count(lastSequence), "snapshot": .phrase(snapshot), "verdict": .phrase(verdict)])
        return [summary] + problems.map { problem in
            problem.line.map { Phrase("check.problemAtLine", ["file": .text(problem.file), "line": .count($0), "what": .text(problem.what)]) }
                ?? Phrase("check.problem", ["file": .text(problem.file), "what": .text(problem.what)])
        } + notes.map { Phrase("check.note", ["note": .text($0)]) }
    }
}

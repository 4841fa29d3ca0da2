import ButikDomain
import Foundation

/// Reading a manifest file to import, for `butik import` and the intake screen alike.
public enum ManifestFile {
    /// Why a file cannot be imported at all: it cannot be read, or is not a manifest. Nothing
    /// was imported.
    public enum Failure: Error, Equatable, Sendable {
        /// The file cannot be read; `reason` is the system's.
        case unreadable(path: String, reason: String)
        case notAManifest(path: String, ManifestError)
    }

    /// The good rows and the bad rows of the file at `path` (a leading `~` is the home folder).
    public static func read(_ path: String, layout: ShopLayout) throws(Failure) -> ManifestParse {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: NSString(string: path).expandingTildeInPath))
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        do {
            return try Manifest.parse(data, layout: layout)
        } catch {
            throw .notAManifest(path: path, error)
        }
    }
}

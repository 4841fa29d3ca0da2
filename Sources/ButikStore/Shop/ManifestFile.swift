import ButikDomain
import Foundation

/// Reading a manifest file to import, for `butik import` and the intake screen alike.
public enum ManifestFile {
    /// Why a file cannot be imported at all: it cannot be read, or is not a manifest. Nothing
    /// was imported.
    public struct Failure: Error, Equatable, Sendable {
        /// A sentence a person understands, naming the file.
        public var message: String
    }

    /// The good rows and the bad rows of the file at `path` (a leading `~` is the home folder).
    public static func read(_ path: String, layout: ShopLayout) throws(Failure) -> ManifestParse {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: NSString(string: path).expandingTildeInPath))
        } catch {
            throw Failure(message: "Cannot read \(path): \(error.localizedDescription)")
        }
        do {
            return try Manifest.parse(data, layout: layout)
        } catch {
            throw Failure(message: "\(path): \(error.message) Nothing was imported.")
        }
    }
}

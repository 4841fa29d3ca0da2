import Foundation

/// The files shipped in the top-level `Resources/` folder, found from any working directory.
public enum ButikResources {
    /// The default shop layout a new store starts from.
    public static var defaultShopLayout: URL {
        Bundle.module.url(forResource: "shop", withExtension: "json")!
    }

    /// The folder with the invented names `butik demo` uses.
    public static var demoFolder: URL {
        Bundle.module.url(forResource: "demo", withExtension: nil)!
    }

    /// The catalog of the strings people read in one language (`nb`, `sv`, `en`), if shipped.
    public static func catalog(_ language: String) -> URL? {
        Bundle.module.url(forResource: language, withExtension: "json", subdirectory: "catalogs")
    }
}

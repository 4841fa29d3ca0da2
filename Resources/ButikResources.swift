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
}

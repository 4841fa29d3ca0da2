import ButikDomain
import ButikResources
import ButikStore
import ButikText

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

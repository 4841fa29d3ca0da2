import ButikResources
import ButikStore

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

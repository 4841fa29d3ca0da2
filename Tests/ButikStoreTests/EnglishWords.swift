import ButikRuntime
import ButikStore
import ButikText

// The store's values in the English a person reads (`Words.english` over the catalog), so that
// the tests look for the words said, as they did when the store wrote English itself.

protocol SaidInEnglish: Phrased {}

extension SaidInEnglish {
    /// The value in English words.
    var english: String { Words.english.text(phrase) }
    func contains(_ text: some StringProtocol) -> Bool { english.contains(text) }
    func hasPrefix(_ text: String) -> Bool { english.hasPrefix(text) }
}

extension StoreError: SaidInEnglish {
    var message: String { english }
}
extension ReadOnlyReason: SaidInEnglish {}
extension Damage: SaidInEnglish {}
extension StoreNotice: SaidInEnglish {}
extension UnconfirmedSave: SaidInEnglish {}
extension DecodingProblem: SaidInEnglish {}

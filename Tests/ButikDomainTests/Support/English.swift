import ButikText

extension Phrased {
    /// The English words a person reads, as ButikText puts them.
    var english: String { Words.english.text(phrase) }
}

/// The rule every free text the shop stores goes through (a refusal's reason, the note of a
/// proxy's ID, a queue note, a contact's and a case's text, a customer's note): it may not hold
/// what looks like a national identity number. Staff record which kind of ID was checked, never
/// its number (Datatilsynet and IMY: national identity numbers only where strictly needed).
///
/// Looks like one: a run of digits, not glued to a letter or another digit, written with or
/// without spaces (and `-` or `+`) between its groups, that is
/// - a Norwegian fødselsnummer (11 digits `DDMMYYIIIKK`, a valid date, both mod-11 check
///   digits), a D-number (day + 40) or an H-number (month + 40);
/// - a Swedish personnummer (10 digits `YYMMDDNNNC` or 12 with the century, a valid date, the
///   Luhn check digit over the last 10) or samordningsnummer (day + 60).
public enum NationalID {
    /// What kind of number a text seemed to hold: said in the refusal, never the number.
    public enum Kind: String, Equatable, Sendable, CaseIterable {
        case norwegianBirthNumber, norwegianDNumber, norwegianHNumber
        case swedishPersonalNumber, swedishCoordinationNumber
    }

    /// Refuses `text` with ``DomainError/nationalIDInText(_:)`` when it holds what looks like a
    /// national identity number.
    public static func check(_ text: String) throws(DomainError) {
        if let kind = find(in: text) { throw .nationalIDInText(kind) }
    }

    /// The kind of the first national identity number `text` seems to hold, or nil.
    public static func find(in text: String) -> Kind? {
        for run in digitRuns(in: Array(text)) {
            // Every stretch of whole groups, joined at their separators.
            for start in run.indices {
                var digits: [Int] = []
                for group in run[start...] {
                    digits += group
                    if digits.count > 12 { break }
                    if let kind = kind(of: digits) { return kind }
                }
            }
        }
        return nil
    }

    /// The kind of number `digits` are, or nil.
    static func kind(of digits: [Int]) -> Kind? {
        switch digits.count {
        case 11: norwegian(digits)
        case 10: swedish(digits, century: nil)
        case 12: swedish(Array(digits.dropFirst(2)), century: digits[0] * 10 + digits[1])
        default: nil
        }
    }

    private static func norwegian(_ d: [Int]) -> Kind? {
        func check(_ weights: [Int]) -> Int? {
            let sum = zip(d, weights).reduce(0) { $0 + $1.0 * $1.1 }
            let digit = (11 - sum % 11) % 11
            return digit == 10 ? nil : digit
        }
        guard check([3, 7, 6, 1, 8, 9, 4, 5, 2]) == d[9], check([5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) == d[10] else { return nil }
        var day = d[0] * 10 + d[1], month = d[2] * 10 + d[3]
        let kind: Kind
        if day > 40 {
            day -= 40
            kind = .norwegianDNumber
        } else if month > 40 {
            month -= 40
            kind = .norwegianHNumber
        } else {
            kind = .norwegianBirthNumber
        }
        return isDate(century: nil, year: d[4] * 10 + d[5], month: month, day: day) ? kind : nil
    }

    private static func swedish(_ d: [Int], century: Int?) -> Kind? {
        let sum = d.prefix(9).enumerated().reduce(0) { sum, item in
            let product = item.element * (item.offset % 2 == 0 ? 2 : 1)
            return sum + product / 10 + product % 10
        }
        guard (10 - sum % 10) % 10 == d[9] else { return nil }
        var day = d[4] * 10 + d[5]
        let kind: Kind
        if day > 60 {
            day -= 60
            kind = .swedishCoordinationNumber
        } else {
            kind = .swedishPersonalNumber
        }
        return isDate(century: century, year: d[0] * 10 + d[1], month: d[2] * 10 + d[3], day: day) ? kind : nil
    }

    /// Whether the date exists in the century given, or in the 1900s or 2000s.
    private static func isDate(century: Int?, year: Int, month: Int, day: Int) -> Bool {
        let centuries = century.map { [$0] } ?? [19, 20]
        return centuries.contains { Day(year: $0 * 100 + year, month: month, day: day) != nil }
    }

    /// The runs of digit groups in `text`: groups of ASCII digits with one space, `-` or `+`
    /// between them; a run next to a letter (`RR123456785NO`, `1Z…`) is part of a word and left out.
    private static func digitRuns(in text: [Character]) -> [[[Int]]] {
        var runs: [[[Int]]] = []
        var index = 0
        while index < text.count {
            guard text[index].isASCIIDigit else {
                index += 1
                continue
            }
            let gluedBefore = index > 0 && text[index - 1].isLetter
            var run: [[Int]] = [[]]
            while index < text.count {
                if text[index].isASCIIDigit {
                    run[run.count - 1].append(text[index].wholeNumberValue ?? 0)
                } else if [" ", "-", "+"].contains(text[index]), index + 1 < text.count, text[index + 1].isASCIIDigit {
                    run.append([])
                } else {
                    break
                }
                index += 1
            }
            let gluedAfter = index < text.count && text[index].isLetter
            if !gluedBefore, !gluedAfter { runs.append(run) }
        }
        return runs
    }
}

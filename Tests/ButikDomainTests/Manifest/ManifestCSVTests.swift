import Testing
import ButikDomain

private func rec(_ line: Int, _ fields: String...) -> CSVRecord { CSVRecord(line: line, fields: fields) }

@Suite("CSV.parse")
struct ManifestCSVTests {
    @Test func semicolonAndComma() throws {
        #expect(try CSV.parse("a;b;c\n1;2;3\n", delimiter: ";") == [rec(1, "a", "b", "c"), rec(2, "1", "2", "3")])
        #expect(try CSV.parse("a,b,c\n1,2,3\n", delimiter: ",") == [rec(1, "a", "b", "c"), rec(2, "1", "2", "3")])
        // The other delimiter is an ordinary character.
        #expect(try CSV.parse("a,b;c", delimiter: ";") == [rec(1, "a,b", "c")])
    }

    @Test func emptyFieldsAreKept() throws {
        #expect(try CSV.parse(";a;;\n", delimiter: ";") == [rec(1, "", "a", "", "")])
    }

    @Test func quotedDelimiterAndDoubledQuotes() throws {
        #expect(try CSV.parse(#""Nordmann; Kari";"Sa ""Kari"" han";"""""#, delimiter: ";")
            == [rec(1, "Nordmann; Kari", #"Sa "Kari" han"#, #"""#)])
        #expect(try CSV.parse(#""Berg, Åse",1"#, delimiter: ",") == [rec(1, "Berg, Åse", "1")])
        #expect(try CSV.parse(#""""#, delimiter: ",") == [rec(1, "")])
    }

    @Test func quoteInsideUnquotedFieldIsLiteral() throws {
        #expect(try CSV.parse(#"5" skjerm;x"#, delimiter: ";") == [rec(1, #"5" skjerm"#, "x")])
    }

    @Test func lineBreakInsideQuotesCountsLines() throws {
        let text = "h1;h2\n\"two\nlines\";x\n\"three\r\nline\rfield\";y\nlast;z"
        #expect(try CSV.parse(text, delimiter: ";") == [
            rec(1, "h1", "h2"),
            rec(2, "two\nlines", "x"),
            rec(4, "three\nline\nfield", "y"),
            rec(7, "last", "z"),
        ])
    }

    @Test(arguments: ["a;b\r\nc;d\r\n", "a;b\r\nc;d", "a;b\nc;d\n", "a;b\nc;d", "a;b\rc;d\r"])
    func lineEnds(text: String) throws {
        #expect(try CSV.parse(text, delimiter: ";") == [rec(1, "a", "b"), rec(2, "c", "d")])
    }

    @Test func emptyLinesAreSkippedButCounted() throws {
        #expect(try CSV.parse("\n\na;b\r\n\r\n\nc;d\n\n", delimiter: ";") == [rec(3, "a", "b"), rec(6, "c", "d")])
        #expect(try CSV.parse("", delimiter: ";") == [])
        #expect(try CSV.parse("\n\r\n", delimiter: ";") == [])
    }

    @Test func unterminatedQuoteNamesTheLineItOpens() {
        #expect(throws: CSVError.unterminatedQuote(line: 3)) {
            try CSV.parse("a;b\nc;d\ne;\"open\nmore\n", delimiter: ";")
        }
        #expect(throws: CSVError.unterminatedQuote(line: 1)) { try CSV.parse(#""abc"#, delimiter: ",") }
    }

    @Test func nordicCharactersPreserved() throws {
        #expect(try CSV.parse("Øystein Ærø;Åsa Östberg\n", delimiter: ";") == [rec(1, "Øystein Ærø", "Åsa Östberg")])
    }

    @Test(arguments: [
        ("tracking;name,x", ";" as Character?), ("tracking,name", ","), ("\"a;b\",c", ","),
        ("\"a,b\";c", ";"), ("tracking", nil), ("\n\r\na;b", ";"), ("a\nb;c", nil),
        ("\"x\ny;z\",w\nq;r", ","),
    ] as [(String, Character?)])
    func detectDelimiter(text: String, expected: Character?) {
        #expect(CSV.detectDelimiter(in: text) == expected)
    }
}

import Testing
import ButikDomain

@Suite struct LanguageTests {
    @Test(arguments: [
        ("nb", Language.nb), ("nb_NO.UTF-8", .nb), ("no", .nb), ("nn_NO", .nb), ("NB-no", .nb), ("no_NO@euro", .nb),
        ("sv", .sv), ("sv_SE", .sv), ("sv_FI.UTF-8", .sv), ("en", .en), ("en_US", .en), ("en_GB.UTF-8", .en),
    ])
    func codesName(_ code: String, _ language: Language) {
        #expect(Language(code: code) == language)
    }

    @Test(arguments: ["", "de_DE", "C", "POSIX", "C.UTF-8", "fi", "nob", "svenska", "_nb"])
    func otherCodesNameNone(_ code: String) {
        #expect(Language(code: code) == nil)
    }

    @Test func theFlagThenTheShopFileThenTheEnvironmentThenEnglish() {
        let env = ["LANG": "sv_SE.UTF-8"]
        #expect(Language.choose(flag: .en, shopFile: .nb, environment: env) == .en)
        #expect(Language.choose(flag: nil, shopFile: .nb, environment: env) == .nb)
        #expect(Language.choose(flag: nil, shopFile: nil, environment: env) == .sv)
        #expect(Language.choose(flag: nil, shopFile: nil, environment: [:]) == .en)
    }

    @Test func theFirstUsefulVariableDecides() {
        let all = ["LC_ALL": "nb_NO.UTF-8", "LC_MESSAGES": "sv_SE", "LANG": "en_US"]
        #expect(Language.choose(flag: nil, shopFile: nil, environment: all) == .nb)
        var env = all
        env["LC_ALL"] = ""
        #expect(Language.choose(flag: nil, shopFile: nil, environment: env) == .sv)
        env["LC_MESSAGES"] = "C"
        #expect(Language.choose(flag: nil, shopFile: nil, environment: env) == .en)
        env["LANG"] = "nb_NO"
        #expect(Language.choose(flag: nil, shopFile: nil, environment: env) == .nb)
        env["LC_ALL"] = "POSIX"
        env["LC_MESSAGES"] = "C.UTF-8"
        #expect(Language.choose(flag: nil, shopFile: nil, environment: env) == .nb)
        #expect(Language.choose(flag: nil, shopFile: nil, environment: ["LC_ALL": "de_DE.UTF-8", "LANG": "nb_NO"]) == .en,
                "a language Butik does not speak in the deciding variable means English")
    }
}

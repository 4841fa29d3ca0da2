/// The options every verb and the terminal UI take, declared once.
enum GlobalOption {
    static let store = Option.text("--store", "DIR",
                                   help: "the store folder; else $BUTIK_STORE, else $XDG_DATA_HOME/butik, else ~/.local/share/butik")
    static let staff = Option.text("--staff", "ID", help: "who is working; else $BUTIK_STAFF, else $USER")
    /// Kept as given in ``Session/languageFlag``; the language is chosen from it.
    static let lang = Option.text("--lang", "LANG", help: "the language butik speaks: nb, sv or en")
    static let help = Flag(name: "--help", help: "say how it is used, and do nothing else")

    /// In the order help lists them.
    static let all: [any OptionDeclaration] = [store, staff, lang, help]
}

// swift-tools-version:6.0
import PackageDescription

// Layers, each importing only the ones below it:
//   ButikDomain, ButikGrid (leaves: rules; the screen grid and keys)
//   ButikStore (Domain)   ButikText (Domain: the catalogs, words for the domain's values)
//   ButikUI (Domain, Grid, Text: screens, no store)   CursesTerminal (CNCursesW, Grid)
//   ButikRuntime (UI, Store, Text: runs the app over the store, words for the store's values)   butik (all)
// ButikResources is the top-level Resources/ folder (default shop layout, demo names, the
// catalogs of words ButikText reads).
let package = Package(
    name: "Butik",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "butik", targets: ["butik"]),
    ],
    targets: [
        .target(name: "ButikDomain"),
        .target(name: "ButikGrid"),
        .target(name: "ButikStore", dependencies: ["ButikDomain"]),
        .target(
            name: "ButikResources",
            path: "Resources",
            exclude: ["README.md"],
            resources: [.copy("shop.json"), .copy("demo"), .copy("catalogs")]
        ),
        .target(name: "ButikText", dependencies: ["ButikDomain", "ButikResources"]),
        .target(name: "ButikUI", dependencies: ["ButikDomain", "ButikGrid", "ButikText"]),
        .target(name: "ButikRuntime", dependencies: ["ButikUI", "ButikStore", "ButikDomain", "ButikGrid", "ButikText", "ButikResources"]),
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW"),
        .target(name: "CursesTerminal", dependencies: ["CNCursesW", "ButikGrid"]),
        .executableTarget(
            name: "butik",
            dependencies: ["ButikDomain", "ButikStore", "ButikGrid", "ButikText", "ButikUI", "ButikRuntime", "CursesTerminal",
                           "ButikResources"]
        ),
        .executableTarget(
            name: "butik-bench",
            dependencies: ["ButikDomain", "ButikStore", "ButikGrid", "ButikUI", "ButikRuntime", "ButikResources"],
            path: "Sources/butik-bench"
        ),
        .testTarget(name: "ButikDomainTests", dependencies: ["ButikDomain", "ButikText"]),
        .testTarget(name: "ButikTextTests", dependencies: ["ButikText", "ButikDomain", "ButikStore", "ButikRuntime"]),
        .testTarget(name: "ButikStoreTests", dependencies: ["ButikStore", "ButikDomain", "ButikResources", "ButikText", "ButikRuntime"]),
        .testTarget(name: "ButikGridTests", dependencies: ["ButikGrid", "ButikDomain"]),
        .testTarget(name: "ButikUITests", dependencies: ["ButikUI", "ButikGrid", "ButikDomain", "ButikRuntime", "ButikStore", "ButikText"],
                    exclude: ["Snapshots"]),
        .testTarget(name: "ButikRuntimeTests", dependencies: ["ButikRuntime", "ButikGrid"]),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "CNCursesW", "ButikGrid"]),
        .testTarget(name: "butikTests", dependencies: ["butik", "ButikDomain", "ButikStore"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version:6.0
import PackageDescription

// Layers, each importing only the ones below it:
//   ButikDomain, ButikGrid (leaves: rules; the screen grid and keys)
//   ButikStore (Domain)   ButikUI (Domain, Grid: screens, no store)   CursesTerminal (CNCursesW, Grid)
//   ButikRuntime (UI, Store: runs the app over the store)   butik (all)
// ButikResources is the top-level Resources/ folder (default shop layout, demo names).
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
            resources: [.copy("shop.json"), .copy("demo")]
        ),
        .target(name: "ButikUI", dependencies: ["ButikDomain", "ButikGrid"]),
        .target(name: "ButikRuntime", dependencies: ["ButikUI", "ButikStore", "ButikDomain", "ButikGrid"]),
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW"),
        .target(name: "CursesTerminal", dependencies: ["CNCursesW", "ButikGrid"]),
        .executableTarget(
            name: "butik",
            dependencies: ["ButikDomain", "ButikStore", "ButikGrid", "ButikUI", "ButikRuntime", "CursesTerminal",
                           "ButikResources"]
        ),
        .executableTarget(
            name: "butik-bench",
            dependencies: ["ButikDomain", "ButikStore", "ButikGrid", "ButikUI", "ButikRuntime", "ButikResources"],
            path: "Sources/butik-bench"
        ),
        .testTarget(name: "ButikDomainTests", dependencies: ["ButikDomain"]),
        .testTarget(name: "ButikStoreTests", dependencies: ["ButikStore", "ButikDomain", "ButikResources"]),
        .testTarget(name: "ButikGridTests", dependencies: ["ButikGrid", "ButikDomain"]),
        .testTarget(name: "ButikUITests", dependencies: ["ButikUI", "ButikGrid", "ButikDomain", "ButikRuntime", "ButikStore"]),
        .testTarget(name: "ButikRuntimeTests", dependencies: ["ButikRuntime", "ButikGrid"]),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "CNCursesW", "ButikGrid"]),
        .testTarget(name: "butikTests", dependencies: ["butik", "ButikDomain", "ButikStore"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)

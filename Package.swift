// swift-tools-version:6.0
import PackageDescription

// Layers, each importing only the ones below it:
//   ButikDomain  <- ButikStore  <- ButikText  <- ButikUI  <- CursesTerminal (over CNCursesW)  <- butik
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
        .target(name: "ButikStore", dependencies: ["ButikDomain"]),
        .target(
            name: "ButikResources",
            path: "Resources",
            exclude: ["README.md"],
            resources: [.copy("shop.json"), .copy("demo"), .copy("catalogs")]
        ),
        .target(name: "ButikText", dependencies: ["ButikDomain", "ButikStore", "ButikResources"]),
        .target(name: "ButikUI", dependencies: ["ButikDomain", "ButikStore", "ButikText"]),
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW"),
        .target(name: "CursesTerminal", dependencies: ["CNCursesW", "ButikUI"]),
        .executableTarget(
            name: "butik",
            dependencies: ["ButikDomain", "ButikStore", "ButikText", "ButikUI", "CursesTerminal", "ButikResources"]
        ),
        .executableTarget(
            name: "butik-bench",
            dependencies: ["ButikDomain", "ButikStore", "ButikUI", "ButikResources"],
            path: "Sources/butik-bench"
        ),
        .testTarget(name: "ButikDomainTests", dependencies: ["ButikDomain", "ButikText"]),
        .testTarget(name: "ButikTextTests", dependencies: ["ButikText", "ButikDomain", "ButikStore"]),
        .testTarget(name: "ButikStoreTests", dependencies: ["ButikStore", "ButikDomain", "ButikResources"]),
        .testTarget(name: "ButikUITests", dependencies: ["ButikUI", "ButikDomain"]),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "CNCursesW", "ButikUI"]),
        .testTarget(name: "butikTests", dependencies: ["butik", "ButikDomain", "ButikStore"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)

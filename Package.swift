// swift-tools-version:6.0
import PackageDescription

// Layers, each importing only the ones below it:
//   ButikDomain  <- ButikStore  <- ButikUI  <- CursesTerminal (over CNCursesW)  <- butik
// ButikResources is the top-level Resources/ folder (default shop layout, demo names).
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
            resources: [.copy("shop.json"), .copy("demo")]
        ),
        .target(name: "ButikUI", dependencies: ["ButikDomain", "ButikStore"]),
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW"),
        .target(name: "CursesTerminal", dependencies: ["CNCursesW", "ButikUI"]),
        .executableTarget(
            name: "butik",
            dependencies: ["ButikDomain", "ButikStore", "ButikUI", "CursesTerminal", "ButikResources"]
        ),
        .executableTarget(
            name: "butik-bench",
            dependencies: ["ButikDomain", "ButikStore", "ButikUI", "ButikResources"],
            path: "Sources/butik-bench"
        ),
        .testTarget(name: "ButikDomainTests", dependencies: ["ButikDomain"]),
        .testTarget(name: "ButikStoreTests", dependencies: ["ButikStore", "ButikDomain", "ButikResources"]),
        .testTarget(name: "ButikUITests", dependencies: ["ButikUI", "ButikDomain"]),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "CNCursesW", "ButikUI"]),
        .testTarget(name: "butikTests", dependencies: ["butik", "ButikDomain", "ButikStore"], exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version:6.1
// 6.0 or later is needed for `.copy("../../Data")` to bundle the top-level Data/ folder;
// GRDB 7.10 itself asks for 6.1.
import PackageDescription

let package = Package(
    name: "PainLadder",
    platforms: [.macOS(.v13)],
    products: [
        // The clinical core, its formulary reader, the application layer, the SQLite store and
        // the exports, for another Swift program (a server, an app).
        .library(name: "PainLadder", targets: ["PainLadder", "FormularyData", "PainLadderClinic", "PainLadderStore", "PainLadderExport",
                                                   "PainLadderReport"]),
        .executable(name: "painladder", targets: ["painladder"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // SHA-256 for the audit chain: a well-kept implementation, no hand-written cryptography.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        // Pure core: no I/O, no clock, no SQL. Holds the formulary's types, not their reading.
        .target(name: "PainLadder"),
        // The formulary's reading: the bundled Data/ folder, a strict JSON parser, the readers
        // that build the core's formulary types, and the validator that checks them.
        .target(
            name: "FormularyData",
            dependencies: ["PainLadder"],
            resources: [.copy("../../Data")]
        ),
        // The application layer: every workflow and policy, over the `ClinicStore` protocol.
        // No SQL, no command-line words.
        .target(name: "PainLadderClinic", dependencies: ["PainLadder"]),
        // Exports: pure functions of one patient record (iCalendar, CSV, JSON).
        .target(name: "PainLadderExport", dependencies: ["PainLadder", "PainLadderClinic"]),
        // The review as pictures: the printable HTML page with its hand-written SVG charts, the
        // referral letter and the patient's terminal progress chart. Pure functions of one
        // `ReviewReport`; no template library (the page is a few small builders).
        .target(name: "PainLadderReport", dependencies: ["PainLadder", "PainLadderClinic"]),
        // The SQLite store, the only code that speaks SQL: implements `ClinicStore`. GRDBSQLite
        // (SQLite's C API, part of GRDB) for the one hot loop that reads journal rows straight
        // from the statement.
        .target(
            name: "PainLadderStore",
            dependencies: ["PainLadder", "PainLadderClinic", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "GRDBSQLite", package: "GRDB.swift"),
                           .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The command line: parses, calls the library, renders.
        .executableTarget(
            name: "painladder",
            dependencies: [
                "PainLadder", "FormularyData", "PainLadderClinic", "PainLadderStore", "PainLadderExport", "PainLadderReport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmark only (not in the library product): a seeded synthetic clinic written
        // through the store's bulk loader, and the `painladder-bench` tool that runs it.
        .target(name: "ClinicGenerator", dependencies: ["PainLadder", "PainLadderClinic", "PainLadderStore", "SeededRandom"]),
        // SplitMix64, for the generator and the tests (not in the library product).
        .target(name: "SeededRandom"),
        // What the test targets share: seeded random bytes, temporary folders, fixture paths.
        .target(name: "PainLadderTestSupport", dependencies: ["SeededRandom"], path: "Tests/PainLadderTestSupport"),
        .executableTarget(
            name: "painladder-bench",
            dependencies: [
                "ClinicGenerator", "PainLadder", "FormularyData", "PainLadderClinic", "PainLadderStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "PainLadderTests", dependencies: [
            "PainLadder", "FormularyData", "PainLadderExport", "SeededRandom", "PainLadderTestSupport",
        ]),
        // GRDB directly: the tests inspect and tamper with the raw file (pragmas, future migrations).
        .testTarget(name: "PainLadderStoreTests", dependencies: [
            "PainLadderStore", "PainLadderClinic", "PainLadderExport", "PainLadder", "FormularyData", "PainLadderTestSupport",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "painladderTests", dependencies: [
            "painladder", "PainLadder", "FormularyData", "PainLadderClinic", "PainLadderStore", "PainLadderExport",
            "PainLadderReport", "PainLadderTestSupport", "SeededRandom",
        ]),
        .testTarget(name: "ClinicGeneratorTests", dependencies: [
            "ClinicGenerator", "SeededRandom", "PainLadderStore", "PainLadderClinic", "PainLadder", "FormularyData", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)

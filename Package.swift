// swift-tools-version: 6.0
// Sondeo: survey design and analysis for Confa's customer-experience team.
// Module layers (DESIGN.md): a target may depend only on targets of lower layers.
import PackageDescription

let package = Package(
    name: "Sondeo",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sondeo", targets: ["sondeo"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // Already built for postgres-nio and Hummingbird; named here for the SMTP client (Mail).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // Layer 0
        .target(name: "Diagnostics"),
        .target(name: "Randomness"),
        // BLAS and LAPACK are loaded on first use (Sources/CLapack/lapack_loader.c); Makefile installs liblapack-dev and libopenblas-dev.
        .target(name: "CLapack"),
        .systemLibrary(name: "CRmath", pkgConfig: "libRmath", providers: [.apt(["r-mathlib"])]),
        .systemLibrary(name: "CXLSXWriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .systemLibrary(name: "CReadStat", providers: [.apt(["libreadstat-dev"])]),
        // Layer 1
        .target(name: "CSHA256"),
        .target(name: "Table", dependencies: ["Diagnostics", "CXLSXWriter", "CReadStat", "CSHA256", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "LinearAlgebra", dependencies: ["CLapack", "Diagnostics"]),
        .target(name: "Distributions", dependencies: ["CRmath"]),
        .target(name: "Pages", dependencies: ["Diagnostics"]),
        .target(name: "Mail", dependencies: ["Diagnostics", .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                                             .product(name: "NIOSSL", package: "swift-nio-ssl")]),
        // Layer 2
        .target(name: "Sampling", dependencies: ["Diagnostics", "Table", "Distributions", "Randomness"]),
        .target(name: "Analysis", dependencies: ["Diagnostics", "Table", "LinearAlgebra", "Distributions"]),
        .target(name: "Questionnaire", dependencies: ["Diagnostics", "Table", "Pages"]),
        .target(name: "Segmentation", dependencies: ["Diagnostics", "Table", "LinearAlgebra", "Randomness", "Pages"]),
        .target(name: "BusinessDays", dependencies: ["Diagnostics", "Table"]),
        // Layer 3
        .target(name: "Store", dependencies: ["Diagnostics", "Table", "Questionnaire", .product(name: "GRDB", package: "GRDB.swift"),
                                      .product(name: "GRDBSQLite", package: "GRDB.swift"),
                                      .product(name: "PostgresNIO", package: "postgres-nio")]),
        // Layer 4
        .target(name: "Cases", dependencies: ["Diagnostics", "Table", "Randomness", "BusinessDays", "Store", "Pages", "Mail"]),
        .target(name: "Strategy", dependencies: ["Diagnostics", "Table", "BusinessDays", "Segmentation", "Store", "Cases", "Pages", "Sampling", "Analysis", "Distributions"]),
        .target(name: "Survey", dependencies: ["Diagnostics", "Table", "Questionnaire", "Randomness", "Sampling", "Analysis", "BusinessDays", "Store", "Pages", "Mail"]),
        // Layer 5 (SondeoWeb: the HTTP form, used by the sondeo executable's `serve`)
        .target(name: "SondeoWeb", dependencies: ["Diagnostics", "Table", "Questionnaire", "Store", "Survey", "Pages", "Cases", "Mail",
                                                  .product(name: "Hummingbird", package: "hummingbird"),
                                                  .product(name: "HummingbirdCore", package: "hummingbird")]),
        .executableTarget(name: "sondeo", dependencies: [
            "Diagnostics", "Table", "LinearAlgebra", "Distributions", "Randomness", "Pages", "Mail", "Sampling", "Analysis", "Segmentation", "Questionnaire", "BusinessDays", "Store", "Cases", "Strategy", "Survey", "SondeoWeb",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Tests
        .target(name: "SondeoTestSupport", dependencies: ["Diagnostics", "Table", "Randomness"]),
        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "TableTests", dependencies: ["Table", "SondeoTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra", "SondeoTestSupport"]),
        .testTarget(name: "DistributionsTests", dependencies: ["Distributions", "SondeoTestSupport"]),
        .testTarget(name: "SamplingTests", dependencies: ["Sampling", "Randomness", "Table", "SondeoTestSupport"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "Table", "Questionnaire", "SondeoTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "SegmentationTests", dependencies: ["Segmentation", "Table", "Randomness", "LinearAlgebra", "SondeoTestSupport"]),
        .testTarget(name: "QuestionnaireTests", dependencies: ["Questionnaire", "Diagnostics", "Randomness", "SondeoTestSupport"]),
        .testTarget(name: "StoreTests", dependencies: ["Store", "Questionnaire", "SondeoTestSupport", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "SondeoWebTests", dependencies: ["SondeoWeb", "Store", "Survey", "Questionnaire", "Cases", "Mail", "Diagnostics", "SondeoTestSupport",
                                                          .product(name: "HummingbirdTesting", package: "hummingbird"),
                                                          .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "CasesTests", dependencies: ["Cases", "BusinessDays", "Table", "Store", "SondeoTestSupport"]),
        .testTarget(name: "SurveyTests", dependencies: ["Survey", "Store", "Questionnaire", "Randomness", "SondeoTestSupport"]),
        .testTarget(name: "SondeoCLITests", dependencies: ["sondeo", "Store", "Survey", "SondeoWeb", "Questionnaire", "SondeoTestSupport", .product(name: "GRDB", package: "GRDB.swift"),
                                                          .product(name: "HummingbirdTesting", package: "hummingbird")],
                    resources: [.copy("Fixtures")]),
    ]
)

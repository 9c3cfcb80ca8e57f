// swift-tools-version:6.2
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "thidua",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "thidua", targets: ["thidua"]),
        .library(name: "Postgres", targets: ["Postgres"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // Server-rendered pages for print: the council's minutes and the certificates.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // The pages' forms with files (multipart/form-data): dossier documents uploaded from a browser.
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        // Lists as Excel workbooks (XLSX is a zip of XML parts), the files officials already use.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // CSV files as spreadsheets write and read them (RFC 4180): the nominations export and import.
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        // Tests only: reads openapi.yaml to check the server against its contract.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // libpq, the PostgreSQL client library, as installed by `libpq-dev`.
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        // OpenSSL's libcrypto (installed with libpq): SHA-256 for the audit verifier, at native speed.
        .systemLibrary(
            name: "CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"]), .brew(["openssl"])]
        ),
        // A small, safe Swift face of libpq: nothing about thidua in it.
        .target(
            name: "Postgres",
            dependencies: [
                "CLibPQ",
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // A private PostgreSQL cluster in a folder, for the demo and the tests.
        .target(
            name: "PostgresCluster",
            dependencies: [.product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        // thidua's schema: the versioned SQL migrations, shipped with the binary.
        .target(
            name: "ThiduaSchema",
            dependencies: ["Postgres"],
            path: "sql",
            exclude: ["README.md", "migrations.sha256"],
            resources: [.copy("migrations"), .copy("seed")],
            swiftSettings: strict
        ),
        // The records system: domain, policy, workflow, repositories, audit trail.
        .target(
            name: "ThiduaCore",
            dependencies: [
                "CCrypto",
                "Postgres",
                "ThiduaSchema",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        // Office documents written from the records: the decision as a Word file, lists as Excel workbooks.
        .target(
            name: "ThiduaOffice",
            dependencies: [
                "ThiduaCore", .product(name: "ZIPFoundation", package: "ZIPFoundation"), .product(name: "CSV", package: "CSV.swift"),
            ],
            swiftSettings: strict
        ),
        // The HTTP front: routes over the repositories, following openapi.yaml.
        .target(
            name: "ThiduaServer",
            dependencies: [
                "Postgres",
                "ThiduaCore",
                "ThiduaOffice",
                "ThiduaSchema",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ],
            resources: [.copy("openapi.yaml"), .copy("Templates")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "thidua",
            dependencies: [
                "Postgres",
                "PostgresCluster",
                "ThiduaCore",
                "ThiduaOffice",
                "ThiduaSchema",
                "ThiduaServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict
        ),
        // Shared by every test target: one throwaway cluster per test process, a fresh database per test.
        .target(
            name: "ThiduaTesting",
            dependencies: ["Postgres", "PostgresCluster", "ThiduaSchema", "ThiduaCore"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ThiduaCoreTests", dependencies: ["ThiduaCore", "ThiduaSchema", "ThiduaTesting", "Postgres"],
            exclude: ["Fixtures"],  // pg_dumps read by MigrationUpgradeTests through #filePath
            swiftSettings: strict),
        .testTarget(name: "PostgresTests", dependencies: ["Postgres", "PostgresCluster", "CLibPQ", "ThiduaTesting"], swiftSettings: strict),
        .testTarget(name: "PostgresClusterTests", dependencies: ["PostgresCluster", "Postgres", "ThiduaTesting"], swiftSettings: strict),
        .testTarget(name: "ThiduaOfficeTests", dependencies: ["ThiduaOffice", "ThiduaCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")], swiftSettings: strict),
        .testTarget(
            name: "ThiduaServerTests",
            dependencies: [
                "ThiduaServer", "ThiduaTesting", "ThiduaOffice",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"), "ThiduaCore", "ThiduaSchema", "Postgres",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "thiduaTests",
            dependencies: [
                "thidua", "ThiduaTesting", "ThiduaCore", "ThiduaOffice", "ThiduaSchema", "ThiduaServer", "Postgres", "PostgresCluster",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict
        ),
    ]
)

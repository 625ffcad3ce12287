import Foundation

/// Files of this repository that tests read (the example data in `Examples/data`), found from this
/// source file's location so that tests run from any working directory.
public enum RepositoryFiles {
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    public static func exampleData(_ name: String) -> String {
        path("Examples/data/\(name)")
    }
}

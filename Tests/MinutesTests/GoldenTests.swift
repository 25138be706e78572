import Foundation
import MinutesModel
import XCTest

/// Each fixture PDF against its `NAME.expected.json`. `MINUTES_UPDATE_GOLDENS=1` rewrites them.
final class GoldenTests: XCTestCase {
    func testGoldenFiles() throws {
        let update = ProcessInfo.processInfo.environment["MINUTES_UPDATE_GOLDENS"] == "1"
        for name in Fixtures.documents {
            let minutes = try Fixtures.convert(name)
            let actual = try CanonicalJSON.text(minutes.jsonData())
            let goldenPath = Fixtures.sourceDirectory.appendingPathComponent("\(name).expected.json")
            if update {
                try (actual + "\n").write(to: goldenPath, atomically: true, encoding: .utf8)
                continue
            }
            let expectedData = try Data(contentsOf: Fixtures.url(name, "expected.json"))
            let expected = try CanonicalJSON.text(expectedData)
            if expected != actual {
                XCTFail("\(name): output differs from \(name).expected.json (MINUTES_UPDATE_GOLDENS=1 to accept)\n"
                        + CanonicalJSON.diff(expected: expected, actual: actual))
            }
        }
    }
}

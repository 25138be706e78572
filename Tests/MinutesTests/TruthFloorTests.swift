import Foundation
import XCTest

/// The scores on the shared truth sets may only go up: every document has a floor in
/// `TruthFloors.json` (its score when the floor was last raised, to two decimals), and so
/// has each set's mean. `MINUTES_UPDATE_FLOORS=1` raises the floors to today's scores, never
/// lowers one. Runs where `../shared` is beside the repo (always in CI); skipped otherwise.
final class TruthFloorTests: XCTestCase {
    typealias Floors = [String: [String: Double]]

    static var floorsFile: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("TruthFloors.json")
    }

    static let meanKey = "(mean)"

    func check(_ key: String, _ report: TruthRuns.Report, floors: inout Floors, update: Bool) {
        let scores = report.scores
        XCTAssertFalse(scores.isEmpty, "\(key): nothing scored")
        var set = floors[key] ?? [:]
        let mean = scores.values.reduce(0, +) / Double(max(scores.count, 1))
        var raised: [String] = []
        for (name, score) in scores.sorted(by: { $0.key < $1.key }) + [(Self.meanKey, mean)] {
            let floor = set[name] ?? 0
            XCTAssertGreaterThanOrEqual(score + 1e-9, floor, "\(key) \(name): \(String(format: "%.3f", score)) is below its floor \(floor)")
            // Two decimals: the floor holds what was reached, not the last digit of it.
            let reached = (score * 100).rounded(.down) / 100
            if reached > floor {
                raised.append("\(name) \(floor) → \(reached)")
                if update { set[name] = reached }
            }
        }
        floors[key] = set
        print("\(key): mean \(String(format: "%.3f", mean)) over \(scores.count) documents (floor \(floors[key]?[Self.meanKey] ?? 0))")
        if !raised.isEmpty && !update {
            print("\(key): above their floors (MINUTES_UPDATE_FLOORS=1 raises them): " + raised.joined(separator: "; "))
        }
    }

    func testScoresStayAtOrAboveTheirFloors() throws {
        let update = ProcessInfo.processInfo.environment["MINUTES_UPDATE_FLOORS"] == "1"
        var floors = (try? JSONDecoder().decode(Floors.self, from: Data(contentsOf: Self.floorsFile))) ?? [:]
        let dev = try TruthRuns.run(.dev)
        let real = try TruthRuns.run(.real)
        check("dev", dev.withoutMotions, floors: &floors, update: update)
        check("real-truth", real.withoutMotions, floors: &floors, update: update)
        check("real-truth with motions", real.withMotions, floors: &floors, update: update)
        // Dev documents, text and scans, never below 0.98 whatever the file says.
        for (name, score) in dev.withoutMotions.scores {
            XCTAssertGreaterThanOrEqual(score, 0.98, "dev \(name)")
        }
        if update {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(floors).write(to: Self.floorsFile)
        }
    }
}

@testable import MinutesPipeline
import PageLayout
import XCTest

/// Lines into reading order, on boxes built by hand.
final class BuildLinesTests: XCTestCase {
    func line(_ text: String, x: Double, y: Double) -> Line {
        Line(page: 1, segments: [Segment(words: [Word(text: text, box: Rect(x0: x, y0: y, x1: x + 150, y1: y + 10), fontSize: 10)])])
    }

    /// Three lines drawn over one another, each overlapping the next by more than the row
    /// test asks but the first and last by less: any order they arrive in gives one reading
    /// order, since the sort's comparison is a strict weak order.
    func testReadingOrderDoesNotDependOnTheOrderLinesArriveIn() {
        let a = line("alpha", x: 250, y: 100), b = line("beta", x: 200, y: 103), c = line("gamma", x: 150, y: 106)
        let orders = [[a, b, c], [a, c, b], [b, a, c], [b, c, a], [c, a, b], [c, b, a]]
        let results = Set(orders.map { BuildLines.inReadingOrder($0).map(\.text).joined(separator: " ") })
        XCTAssertEqual(results.count, 1, "reading orders: \(results.sorted())")
    }

    /// Side by side, left to right; one above the other, top to bottom.
    func testRowsLeftToRightThenDownThePage() {
        let left = line("left", x: 72, y: 100), right = line("right", x: 320, y: 101), below = line("below", x: 72, y: 130)
        XCTAssertEqual(BuildLines.inReadingOrder([below, right, left]).map(\.text), ["left", "right", "below"])
        XCTAssertEqual(BuildLines.inReadingOrder([right, below, left]).map(\.text), ["left", "right", "below"])
    }
}

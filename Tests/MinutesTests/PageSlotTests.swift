import XCTest
@testable import MinutesApp

/// The page slots shared by a batch's workers (`PageSlotPool`).
final class PageSlotTests: XCTestCase {
    /// Wake descriptors stand for lanes here; nothing is written to them unless a lane waits.
    private func pipePair() -> (Int32, Int32) {
        var fds: [Int32] = [-1, -1]
        XCTAssertEqual(pipe(&fds), 0)
        return (fds[0], fds[1])
    }

    func testSecondPageWaitsWhileAnotherLaneConverts() {
        let pool = PageSlotPool(slots: 2)
        let (aRead, a) = pipePair(), (bRead, b) = pipePair()
        defer { [aRead, a, bRead, b].forEach { close($0) } }
        pool.begin(wake: a)
        pool.begin(wake: b)
        // A scan's first page, then its second while the other lane reads a text document.
        XCTAssertTrue(pool.tryAcquire(wake: a))
        XCTAssertFalse(pool.tryAcquire(wake: a), "a second page would run on the core the other lane uses")
        // The other lane's own first page is never held back.
        XCTAssertTrue(pool.tryAcquire(wake: b))
        pool.release(1, wake: b)
        // The other lane is done: the scan may use both slots.
        pool.end(wake: b)
        XCTAssertTrue(pool.tryAcquire(wake: a))
        pool.release(2, wake: a)
        pool.end(wake: a)
    }

    func testOneLaneGetsEverySlot() {
        let pool = PageSlotPool(slots: 2)
        let (r, w) = pipePair()
        defer { close(r); close(w) }
        pool.begin(wake: w)
        XCTAssertTrue(pool.tryAcquire(wake: w))
        XCTAssertTrue(pool.tryAcquire(wake: w))
        XCTAssertFalse(pool.tryAcquire(wake: w))
        pool.release(2, wake: w)
        pool.end(wake: w)
    }
}

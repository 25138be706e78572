import Foundation

/// Where a conversion has got to, for a process that runs one document at a time (a
/// worker): the page being read, and a process-external cap on OCR pages at work. Set
/// once at start-up, before any document; nil (the default) costs nothing.
public enum PipelineProbe {
    /// Called as each page's text layer is read (1-based page number).
    nonisolated(unsafe) public static var pageStarted: (@Sendable (Int) -> Void)?
    /// When set, every page rendered and recognised holds one of its slots, on top of the
    /// process's own engine pool: workers in separate processes then share one cap.
    nonisolated(unsafe) public static var pageSlots: (any PageSlotGate)?
    /// When set, drawing a page for OCR holds it, on top of the process's own render lock:
    /// workers in separate processes then draw one page at a time between them.
    nonisolated(unsafe) public static var renderGate: (any RenderGate)?
}

/// One drawing at a time, shared with other processes.
public protocol RenderGate: Sendable {
    func lock()
    func unlock()
}

/// A cap on OCR pages at work shared with other processes.
public protocol PageSlotGate: Sendable {
    /// Blocks until page `page` may be worked on.
    func acquire(page: Int)
    func release(page: Int)
}

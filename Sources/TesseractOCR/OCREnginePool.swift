import Foundation

/// Idle engines kept for reuse, so a batch loads each language model once per worker
/// rather than once per document. Thread-safe; an engine is lent to one caller at a time.
public final class OCREnginePool: @unchecked Sendable {
    public static let shared = OCREnginePool()

    private let lock = NSLock()
    private var idle: [String: [OCREngine]] = [:]

    public init() {}

    /// Runs `body` with an engine for `language` that no one else is using.
    public func withEngine<R>(language: String, tessdata: String? = nil, _ body: (OCREngine) throws -> R) throws -> R {
        let key = language + "\u{0}" + (tessdata ?? "")
        let engine = try take(key) ?? OCREngine(language: language, tessdata: tessdata)
        defer { give(engine, key) }
        return try body(engine)
    }

    private func take(_ key: String) -> OCREngine? {
        lock.lock()
        defer { lock.unlock() }
        return idle[key]?.popLast()
    }

    private func give(_ engine: OCREngine, _ key: String) {
        lock.lock()
        defer { lock.unlock() }
        idle[key, default: []].append(engine)
    }
}

import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Standard error shared by log lines and the progress bar, so a log line never lands in
/// the middle of a half-drawn bar.
public final class Console: @unchecked Sendable {
    public static let shared = Console()

    private let lock = NSLock()
    private var bar: String?
    public let isTerminal: Bool

    init() {
        isTerminal = isatty(STDERR_FILENO) == 1
    }

    public func line(_ text: String) {
        lock.lock(); defer { lock.unlock() }
        var out = ""
        if bar != nil { out += "\r\u{1B}[K" }
        out += text + "\n"
        if let bar { out += bar }
        write(out)
    }

    /// Draws (or with `nil` clears) the one-line status at the bottom of a terminal.
    public func status(_ text: String?) {
        lock.lock(); defer { lock.unlock() }
        guard isTerminal else { return }
        if let text { write("\r\u{1B}[K" + text) } else if bar != nil { write("\r\u{1B}[K") }
        bar = text
    }

    private func write(_ s: String) {
        let bytes = Array(s.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBufferPointer { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if n <= 0 { if errno == EINTR { continue } else { return } }
            done += n
        }
    }
}

/// swift-log handler printing `minutes: message` lines on standard error. Errors and
/// warnings stay one line each, so a batch's failures can be grepped from the log.
public struct ConsoleLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?

    public init(level: Logger.Level) {
        logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let text = "\(event.message)".replacingOccurrences(of: "\n", with: " ")
        switch event.level {
        case .warning: Console.shared.line("minutes: warning: \(text)")
        case .debug, .trace: Console.shared.line("minutes: [\(event.level)] \(text)")
        default: Console.shared.line("minutes: \(text)")
        }
    }

    /// `--quiet` keeps errors only; `--verbose` adds per-stage detail.
    public static func bootstrap(quiet: Bool, verbose: Bool) {
        let level: Logger.Level = quiet ? .error : verbose ? .debug : .info
        LoggingSystem.bootstrap { _ in ConsoleLogHandler(level: level) }
    }
}

/// Formats seconds as `1:02:03` or `02:03`.
func clock(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds >= 0 else { return "--:--" }
    let s = Int(seconds.rounded())
    return s >= 3600 ? String(format: "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                     : String(format: "%02d:%02d", s / 60, s % 60)
}

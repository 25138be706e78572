import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// SIGINT/SIGTERM turned into a flag the batch and the watcher check between files, plus
/// a pipe that wakes a watcher blocked in `poll(2)`. A second signal exits at once.
public final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    private var sources: [DispatchSourceSignal] = []
    /// Readable once a stop was requested.
    public let wakeFD: Int32
    private let wakeWriteFD: Int32

    public init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            _ = fcntl(fds[0], F_SETFL, O_NONBLOCK)
            _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        }
        wakeFD = fds[0]
        wakeWriteFD = fds[1]
    }

    /// Starts handling SIGINT and SIGTERM; `onStop` runs once, on the first one.
    public func install(onStop: (@Sendable (Int32) -> Void)? = nil) {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                if self.isStopped { _exit(128 + sig) }
                onStop?(sig)
                self.stop()
            }
            source.resume()
            sources.append(source)
        }
    }

    public func stop() {
        lock.lock()
        stopped = true
        lock.unlock()
        var b: UInt8 = 1
        _ = Glibc.write(wakeWriteFD, &b, 1)
    }

    public var isStopped: Bool {
        lock.lock(); defer { lock.unlock() }
        return stopped
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A test hook, never set in use: `MINUTES_WORKER_FAULTS=segv:bad.pdf@3,kill:other.pdf,sleep:slow.pdf`
/// makes a worker fail as a C library might, on the named file (at the named page, or as
/// soon as it starts on it): `segv` writes through a wild pointer, `abort` aborts, `kill`
/// sends itself SIGKILL, `sleep` hangs, `hog` allocates until the memory limit stops it.
/// The tests use it to show one such file fails alone while the batch goes on.
final class WorkerFaults: @unchecked Sendable {
    enum Action: String { case segv, abort, kill, sleep, hog }

    struct Rule {
        var action: Action
        var file: String
        var page: Int?
    }

    private let rules: [Rule]
    private let lock = NSLock()
    private var current: String?

    static let variable = "MINUTES_WORKER_FAULTS"

    init(rules: [Rule]) { self.rules = rules }

    static func fromEnvironment() -> WorkerFaults? {
        guard let text = ProcessInfo.processInfo.environment[variable], !text.isEmpty else { return nil }
        let rules = text.split(separator: ",").compactMap { part -> Rule? in
            let halves = part.split(separator: ":", maxSplits: 1)
            guard halves.count == 2, let action = Action(rawValue: String(halves[0])) else { return nil }
            let target = halves[1].split(separator: "@", maxSplits: 1)
            return Rule(action: action, file: String(target[0]), page: target.count > 1 ? Int(target[1]) : nil)
        }
        return rules.isEmpty ? nil : WorkerFaults(rules: rules)
    }

    func begin(_ file: String) {
        lock.lock()
        current = file
        lock.unlock()
        if let r = rules.first(where: { $0.file == file && $0.page == nil }) { fire(r.action) }
    }

    func atPage(_ page: Int) {
        lock.lock()
        let file = current
        lock.unlock()
        if let r = rules.first(where: { $0.file == file && $0.page == page }) { fire(r.action) }
    }

    func end() {
        lock.lock()
        current = nil
        lock.unlock()
    }

    private func fire(_ action: Action) {
        switch action {
        case .segv:
            // A real invalid write, as a C library's would be, not a raised signal.
            let wild = UnsafeMutablePointer<Int>(bitPattern: Int(getpid() & 0) | 0x10)
            wild?.pointee = 1
            raise(SIGSEGV)
        case .abort:
            abort()
        case .kill:
            Glibc.kill(getpid(), SIGKILL)
        case .sleep:
            while true { sleep(3600) }
        case .hog:
            var blocks: [UnsafeMutableRawPointer] = []
            while true {
                // malloc, as a C library would: failure is what the memory limit looks like.
                guard let p = malloc(16 << 20) else { abort() }
                memset(p, 1, 16 << 20)
                blocks.append(p)
            }
        }
    }
}

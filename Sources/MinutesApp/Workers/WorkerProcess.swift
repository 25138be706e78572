import CWorkerSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One running `minutes worker` process, seen from the parent: its pipes, its pid, and
/// the line its crash handler leaves on descriptor 3 when a fatal signal kills it.
final class WorkerProcess {
    let pid: pid_t
    private let fromWorker: Int32
    private let notes: Int32
    private var buffer: [UInt8] = []
    private var start = 0
    private var reaped = false
    let writer: FrameWriter
    /// When the worker last finished a job (or started).
    var idleSince = Date()

    /// Workers are started one at a time: descriptors made for one must not leak into
    /// another started at the same moment (they are close-on-exec, and closed above 3).
    private static let spawnLock = NSLock()

    enum Event {
        case frame(Frame)
        /// The worker closed its end (it exited, or is exiting).
        case exited
        case timedOut
        /// Something poked the wake descriptor (a page slot came free).
        case woken
    }

    struct Exit {
        /// The signal that killed it, or 0.
        var signal: Int32
        /// Its exit status when no signal killed it.
        var code: Int32
        /// `errno` at the moment of the fatal signal, from the crash note.
        var errno: Int32?
    }

    init(executable: String, arguments: [String], environment: [String]) throws {
        Self.spawnLock.lock()
        defer { Self.spawnLock.unlock() }
        var input: [Int32] = [-1, -1], output: [Int32] = [-1, -1], note: [Int32] = [-1, -1]
        guard minutes_pipe_cloexec(&input) == 0 else { throw ConversionFailure("could not start a worker (pipe: \(String(cString: strerror(errno))))", kind: .io) }
        guard minutes_pipe_cloexec(&output) == 0 else {
            close(input[0]); close(input[1])
            throw ConversionFailure("could not start a worker (pipe: \(String(cString: strerror(errno))))", kind: .io)
        }
        guard minutes_pipe_cloexec(&note) == 0 else {
            [input[0], input[1], output[0], output[1]].forEach { _ = close($0) }
            throw ConversionFailure("could not start a worker (pipe: \(String(cString: strerror(errno))))", kind: .io)
        }
        var child: pid_t = 0
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup($0) } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        let rc = argv.withUnsafeBufferPointer { a in
            envp.withUnsafeBufferPointer { e in
                minutes_spawn(executable, a.baseAddress, e.baseAddress, input[0], output[1], note[1], &child)
            }
        }
        close(input[0]); close(output[1]); close(note[1])
        guard rc == 0 else {
            close(input[1]); close(output[0]); close(note[0])
            throw ConversionFailure("could not start a worker (\(executable): \(String(cString: strerror(rc))))", kind: .io)
        }
        pid = child
        fromWorker = output[0]
        notes = note[0]
        FD.setNonBlocking(fromWorker)
        FD.setNonBlocking(notes)
        writer = FrameWriter(fd: input[1])
    }

    deinit {
        writer.close()
        close(fromWorker)
        close(notes)
        if !reaped {
            Glibc.kill(pid, SIGKILL)
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
    }

    @discardableResult
    func send(_ frame: Frame) -> Bool { writer.send(frame) }

    /// The next frame from the worker, or why there is none: waits until `deadline` (nil:
    /// forever), waking early when `wake` becomes readable.
    func next(deadline: Date?, wake: Int32?) -> Event {
        while true {
            let taken: Frame?
            do {
                taken = try Frame.take(from: buffer, at: &start)
            } catch {
                // Not our protocol: nothing more from this worker can be trusted.
                kill()
                return .exited
            }
            if let frame = taken {
                if start > 1 << 16 || start == buffer.count {
                    buffer.removeFirst(start)
                    start = 0
                }
                return .frame(frame)
            }
            var fds = [pollfd(fd: fromWorker, events: Int16(POLLIN), revents: 0)]
            if let wake { fds.append(pollfd(fd: wake, events: Int16(POLLIN), revents: 0)) }
            var timeout: Int32 = -1
            if let deadline {
                let left = deadline.timeIntervalSinceNow
                if left <= 0 { return .timedOut }
                timeout = Int32(min(left * 1000 + 1, 3_600_000))
            }
            let ready = poll(&fds, nfds_t(fds.count), timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                return .exited
            }
            if ready == 0 { continue }  // the deadline check above decides
            if fds.count > 1, fds[1].revents != 0 { return .woken }
            if fds[0].revents != 0 {
                var chunk = [UInt8](repeating: 0, count: 64 * 1024)
                let n = chunk.withUnsafeMutableBytes { read(fromWorker, $0.baseAddress, $0.count) }
                if n > 0 {
                    buffer.append(contentsOf: chunk[0..<n])
                } else if n == 0 || (errno != EAGAIN && errno != EINTR) {
                    return .exited
                }
            }
        }
    }

    /// Ends the worker at once (a time limit, or a stop).
    func kill() { Glibc.kill(pid, SIGKILL) }

    /// Asks the worker to exit: it does when its input closes.
    func closeInput() { writer.close() }

    /// Waits for the worker to be gone and says how it went. A worker that closed its
    /// output but lingers is killed after `grace` seconds.
    func reap(grace: Double = 5) -> Exit {
        var status: Int32 = 0
        let until = Date().addingTimeInterval(grace)
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0 && errno != EINTR { reaped = true; return Exit(signal: 0, code: -1, errno: nil) }
            if Date() > until { Glibc.kill(pid, SIGKILL) }
            usleep(2000)
        }
        reaped = true
        var note = [UInt8](repeating: 0, count: 256)
        let n = note.withUnsafeMutableBytes { read(notes, $0.baseAddress, $0.count) }
        var savedErrno: Int32?
        if n > 0 {
            let parts = String(decoding: note[0..<n], as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" })
            if parts.count >= 2 { savedErrno = Int32(parts[1]) }
        }
        let signal = status & 0x7F
        return Exit(signal: signal, code: signal == 0 ? (status >> 8) & 0xFF : 0, errno: savedErrno)
    }

    static func signalName(_ sig: Int32) -> String {
        let names: [Int32: String] = [SIGSEGV: "SIGSEGV", SIGBUS: "SIGBUS", SIGABRT: "SIGABRT", SIGILL: "SIGILL",
                                      SIGFPE: "SIGFPE", SIGTRAP: "SIGTRAP", SIGSYS: "SIGSYS", SIGKILL: "SIGKILL",
                                      SIGTERM: "SIGTERM", SIGINT: "SIGINT", SIGPIPE: "SIGPIPE", SIGHUP: "SIGHUP",
                                      SIGQUIT: "SIGQUIT", SIGXCPU: "SIGXCPU", SIGXFSZ: "SIGXFSZ", SIGUSR1: "SIGUSR1",
                                      SIGUSR2: "SIGUSR2", SIGALRM: "SIGALRM"]
        return names[sig] ?? "signal \(sig)"
    }
}

/// The pages rendered and recognised at once across every worker: `--jobs` of them, so
/// a lone long scan at the end of a batch still gets every core, and two workers never
/// run more OCR than there are cores. A lane waiting for a slot is woken through its pipe.
///
/// A lane converting a document keeps a core busy whether or not its document needs OCR
/// (reading a 360-page text layer takes seconds), so a lane holding no slot counts as
/// holding one against the others' second and later pages: a scan's worker takes a second
/// slot only when no other lane is converting on the core it would use. That kept a scan
/// from running two pages (two engines, two page images: 50 MB more) on top of a long
/// text document in the other worker, three threads on two cores. A lane's first page
/// is never held back: there are as many slots as lanes.
final class PageSlotPool: @unchecked Sendable {
    private let lock = NSLock()
    private var free: Int
    private var waiting: [Int32] = []
    /// Lanes converting a document (by wake descriptor), with the slots each holds.
    private var converting: [Int32: Int] = [:]

    init(slots: Int) { free = max(1, slots) }

    /// `wake`'s lane starts a document.
    func begin(wake: Int32) {
        lock.lock()
        converting[wake] = 0
        lock.unlock()
    }

    /// `wake`'s lane is done with its document (its slots are released separately).
    func end(wake: Int32) {
        lock.lock()
        converting[wake] = nil
        let wakeUp = waiting
        waiting.removeAll()
        lock.unlock()
        notify(wakeUp)
    }

    /// Takes a slot, or registers `wake` to be written to when one comes free.
    func tryAcquire(wake: Int32) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        let mine = converting[wake] ?? 0
        let reserved = mine == 0 ? 0 : converting.filter { $0.key != wake && $0.value == 0 }.count
        if free - reserved > 0 {
            free -= 1
            if converting[wake] != nil { converting[wake] = mine + 1 }
            return true
        }
        if !waiting.contains(wake) { waiting.append(wake) }
        return false
    }

    /// A lane going away: its descriptor must not be written to once closed.
    func forget(wake: Int32) {
        lock.lock()
        waiting.removeAll { $0 == wake }
        converting[wake] = nil
        lock.unlock()
    }

    func release(_ count: Int, wake: Int32) {
        guard count > 0 else { return }
        lock.lock()
        free += count
        if let held = converting[wake] { converting[wake] = max(0, held - count) }
        let wakeUp = waiting
        waiting.removeAll()
        lock.unlock()
        notify(wakeUp)
    }

    private func notify(_ fds: [Int32]) {
        var b: UInt8 = 1
        for fd in fds { _ = write(fd, &b, 1) }
    }
}

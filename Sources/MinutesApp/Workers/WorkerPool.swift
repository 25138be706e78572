import Foundation
import Logging
#if canImport(Glibc)
import Glibc
#endif

/// Converts documents in long-lived worker processes (`minutes worker`), one per lane, each
/// converting file after file over its pipes. A worker that dies (any signal), runs out of
/// its memory or over the time limit fails the document in hand alone, with where it had
/// got to ("crashed (SIGSEGV) in page 3"), and the lane starts a fresh one for the next.
public final class WorkerPool: ConversionBackend, @unchecked Sendable {
    public struct Settings: Sendable {
        /// This program: workers are copies of it.
        public var executable: String
        public var config: WorkerConfig
        /// Seconds one document may take (nil: no limit).
        public var timeout: Double?
        /// Pages at OCR at once across all workers.
        public var pageSlots: Int

        public init(executable: String = WorkerPool.currentExecutable, config: WorkerConfig, timeout: Double?, pageSlots: Int) {
            self.executable = executable
            self.config = config
            self.timeout = timeout
            self.pageSlots = pageSlots
        }
    }

    /// The running program's own file (Linux: /proc/self/exe).
    public static var currentExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    let settings: Settings
    let logger: Logger
    private let slots: PageSlotPool
    private let lock = NSLock()
    private var lanes: [Int: Lane] = [:]
    /// The workers' drawing lock file (`WorkerConfig.renderLockPath`), held open here.
    private let renderLock: Int32?

    public init(settings: Settings, logger: Logger) {
        var settings = settings
        if settings.config.renderLockPath == nil, let made = Self.makeRenderLock() {
            settings.config.renderLockPath = made.path
            renderLock = made.fd
        } else {
            renderLock = nil
        }
        self.settings = settings
        self.logger = logger
        slots = PageSlotPool(slots: settings.pageSlots)
        // A worker gone while we write to it must give EPIPE, not kill the batch.
        signal(SIGPIPE, SIG_IGN)
    }

    deinit {
        shutdown()
        if let renderLock { close(renderLock) }
    }

    private func lane(_ i: Int) -> Lane {
        lock.lock()
        defer { lock.unlock() }
        if let l = lanes[i] { return l }
        let l = Lane(pool: self, slots: slots)
        lanes[i] = l
        return l
    }

    public func convert(_ job: ConversionJob, lane i: Int, progress: (ConversionProgress) -> Void) -> ConversionOutcome {
        lane(i).convert(job, progress: progress)
    }

    public func retireIdle(after seconds: Double) {
        lock.lock()
        let all = Array(lanes.values)
        lock.unlock()
        for l in all { l.retire(idleFor: seconds) }
    }

    public func laneDone(_ i: Int) {
        lock.lock()
        let l = lanes[i]
        lock.unlock()
        l?.retire(idleFor: nil)
    }

    public func shutdown() {
        lock.lock()
        let all = Array(lanes.values)
        lanes.removeAll()
        lock.unlock()
        for l in all { l.retire(idleFor: nil) }
    }

    /// An empty file of the pool's own for its workers to lock, removed from its folder at
    /// once and held open: workers open it as /proc/PID/fd/N, and nothing is left behind
    /// however the batch ends.
    static func makeRenderLock() -> (path: String, fd: Int32)? {
        let dir = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let file = (dir as NSString).appendingPathComponent("minutes-render-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).lock")
        let fd = open(file, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        unlink(file)
        return ("/proc/\(getpid())/fd/\(fd)", fd)
    }

    /// One caller thread's worker, started on first need and after each death.
    final class Lane: @unchecked Sendable {
        unowned let pool: WorkerPool
        /// Held directly: a lane may outlive its pool's `deinit` by a moment.
        private let slots: PageSlotPool
        private let lock = NSLock()
        private var worker: WorkerProcess?
        private let wakeRead: Int32
        private let wakeWrite: Int32

        init(pool: WorkerPool, slots: PageSlotPool) {
            self.pool = pool
            self.slots = slots
            var fds: [Int32] = [-1, -1]
            _ = pipe(&fds)
            for fd in fds {
                FD.setNonBlocking(fd)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
            wakeRead = fds[0]
            wakeWrite = fds[1]
        }

        deinit {
            slots.forget(wake: wakeWrite)
            close(wakeRead)
            close(wakeWrite)
        }

        func retire(idleFor seconds: Double?) {
            lock.lock()
            defer { lock.unlock() }
            guard let w = worker else { return }
            if let seconds, Date().timeIntervalSince(w.idleSince) < seconds { return }
            w.closeInput()
            _ = w.reap(grace: 10)
            worker = nil
        }

        private func start() throws -> WorkerProcess {
            if let w = worker { return w }
            var env = ProcessInfo.processInfo.environment
            // libgomp reads it as it loads: the only moment it counts (see OCREngine.limitThreads).
            env["OMP_THREAD_LIMIT"] = "1"
            let w = try WorkerProcess(executable: pool.settings.executable, arguments: ["worker"],
                                      environment: env.map { "\($0.key)=\($0.value)" })
            guard w.send(try Frame.json(.configure, pool.settings.config)) else {
                _ = w.reap(grace: 1)
                throw ConversionFailure("could not start a worker (it exited at once)", kind: .io)
            }
            // Starting takes a few tens of milliseconds (loading the libraries).
            switch w.next(deadline: Date().addingTimeInterval(60), wake: nil) {
            case .frame(let f) where f.kind == .ready:
                worker = w
                return w
            case .frame(let f) where f.kind == .startFailed:
                _ = w.reap(grace: 1)
                throw ConversionFailure("could not start a worker: \(f.text)", kind: .io)
            default:
                w.kill()
                let exit = w.reap(grace: 1)
                throw ConversionFailure("could not start a worker (\(exit.signal != 0 ? WorkerProcess.signalName(exit.signal) : "exit \(exit.code)"))", kind: .io)
            }
        }

        func convert(_ job: ConversionJob, progress: (ConversionProgress) -> Void) -> ConversionOutcome {
            lock.lock()
            defer { lock.unlock() }
            let w: WorkerProcess
            do {
                w = try start()
            } catch let f as ConversionFailure {
                return .failed(f)
            } catch {
                return .failed(ConversionFailure("could not start a worker (\(error))", kind: .io))
            }
            var tracker = Whereabouts()
            slots.begin(wake: wakeWrite)
            defer { slots.end(wake: wakeWrite) }
            guard let request = try? Frame.json(.convert, job), w.send(request) else {
                return died(w, tracker)
            }
            let started = Date()
            let deadline = pool.settings.timeout.map { started.addingTimeInterval($0) }
            var document: Data?
            defer {
                slots.release(tracker.held.count, wake: wakeWrite)
                tracker.held.removeAll()
                w.idleSince = Date()
            }
            while true {
                switch w.next(deadline: deadline, wake: wakeRead) {
                case .frame(let f):
                    switch f.kind {
                    case .stageBegun:
                        tracker.stage = f.text
                        tracker.textPage = nil
                    case .stageDone:
                        let parts = f.text.split(separator: "\u{0}", maxSplits: 1)
                        if parts.count == 2, let secs = Double(parts[1]) { progress(.stageDone(String(parts[0]), seconds: secs)) }
                    case .page:
                        tracker.textPage = f.number
                        progress(.page(f.number))
                    case .acquire:
                        tracker.pending.append(f.number)
                        grantPending(w, &tracker)
                    case .release:
                        if tracker.held.remove(f.number) != nil { slots.release(1, wake: wakeWrite) }
                        grantPending(w, &tracker)
                    case .document:
                        document = Data(f.payload)
                    case .result:
                        guard let r = try? f.decode(WorkerResult.self) else { return died(w, tracker) }
                        if r.retiring == true {
                            // It grew past `retireAboveMB` and exits: the next document gets a fresh one.
                            w.closeInput()
                            _ = w.reap(grace: 10)
                            worker = nil
                        }
                        if let reason = r.failure {
                            return .failed(ConversionFailure(reason, kind: r.kind ?? .document, mayBeIncomplete: r.mayBeIncomplete))
                        }
                        return .converted(ConvertedDocument(pages: r.pages ?? 0, outputs: r.outputs ?? [],
                                                            actions: r.actions ?? [], document: document))
                    default:
                        break
                    }
                case .woken:
                    var drain = [UInt8](repeating: 0, count: 64)
                    while read(wakeRead, &drain, drain.count) > 0 {}
                    grantPending(w, &tracker)
                case .exited:
                    return died(w, tracker)
                case .timedOut:
                    w.kill()
                    _ = w.reap()
                    worker = nil
                    let limit = pool.settings.timeout ?? 0
                    return .failed(ConversionFailure("timed out after \(Self.seconds(limit)) (--timeout)\(tracker.place)", kind: .timeout))
                }
            }
        }

        /// Grants waiting page requests while slots are free.
        private func grantPending(_ w: WorkerProcess, _ t: inout Whereabouts) {
            while let page = t.pending.first, slots.tryAcquire(wake: wakeWrite) {
                t.pending.removeFirst()
                t.held.insert(page)
                w.send(.number(.grant, page))
            }
        }

        /// The worker is gone mid-document: why, in the words of its crash note and status.
        private func died(_ w: WorkerProcess, _ t: Whereabouts) -> ConversionOutcome {
            let exit = w.reap()
            worker = nil
            let place = t.place
            if exit.signal == 0 {
                return .failed(ConversionFailure("worker exited with status \(exit.code)\(place)", kind: exit.code == 0 ? .io : .crash))
            }
            let name = WorkerProcess.signalName(exit.signal)
            if exit.signal == SIGKILL {
                return .failed(ConversionFailure("worker killed (\(name))\(place): by the system's out-of-memory killer or from outside", kind: .killed))
            }
            if let limit = pool.settings.config.maxMemoryMB, exit.errno == ENOMEM {
                return .failed(ConversionFailure("out of memory (over the --max-memory limit of \(limit) MB)\(place)", kind: .memory))
            }
            return .failed(ConversionFailure("crashed (\(name))\(place)", kind: .crash))
        }

        static func seconds(_ s: Double) -> String {
            s == s.rounded() ? "\(Int(s)) s" : String(format: "%.1f s", s)
        }
    }

    /// How far the worker had got with the document in hand.
    struct Whereabouts {
        var stage: String?
        var textPage: Int?
        /// Pages granted a slot (rendering or OCR under way).
        var held = Set<Int>()
        var pending: [Int] = []

        var place: String {
            let ocr = held.sorted()
            if ocr.count == 1 { return " in page \(ocr[0])" }
            if ocr.count > 1 { return " in pages " + ocr.map(String.init).joined(separator: ", ") }
            if let p = textPage { return " in page \(p)" }
            if let s = stage { return " in \(s)" }
            return ""
        }
    }
}

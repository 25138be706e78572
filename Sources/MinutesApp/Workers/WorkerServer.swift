import CWorkerSupport
import Foundation
import MinutesModel
import MinutesPipeline
#if canImport(Glibc)
import Glibc
#endif

/// The worker's side of the pipes (`minutes worker`): reads a configuration, then converts
/// one document after another, telling the parent which stage and page it is in, asking
/// it for a slot before each OCR page, and writing each document's outputs itself. It
/// exits when its input closes: the parent let it go, or the parent is gone.
public enum WorkerServer {
    /// Runs until standard input closes. `resolve` turns the configuration's pipeline
    /// words into a pipeline, as the command that started the worker did.
    public static func run(resolve: @escaping ([String]) throws -> Pipeline) -> Never {
        signal(SIGPIPE, SIG_IGN)
        // A terminal's Ctrl-C reaches the whole process group; the parent decides.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        // The protocol keeps descriptor 1 to itself: a library printing to standard output
        // would corrupt it, so anything printed there goes to standard error instead.
        let out = dup(STDOUT_FILENO)
        _ = fcntl(out, F_SETFD, FD_CLOEXEC)
        dup2(STDERR_FILENO, STDOUT_FILENO)
        minutes_crash_note_install(3)

        let writer = FrameWriter(fd: out)
        let gate = SlotGate(writer: writer)
        let queue = JobQueue()
        var buffer: [UInt8] = []
        var start = 0

        // The reader: configuration and jobs to the queue, slot grants to the gate.
        func readFrames() -> [Frame] {
            var frames: [Frame] = []
            while frames.isEmpty {
                while let f = try? Frame.take(from: buffer, at: &start) { frames.append(f) }
                if !frames.isEmpty { break }
                if start > 0 {
                    buffer.removeFirst(start)
                    start = 0
                }
                var chunk = [UInt8](repeating: 0, count: 64 * 1024)
                let n = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
                if n < 0 && errno == EINTR { continue }
                // The parent closed our input (or died): nothing in hand is wanted any more.
                if n <= 0 { _exit(0) }
                buffer.append(contentsOf: chunk[0..<n])
            }
            return frames
        }

        var config: WorkerConfig?
        while config == nil {
            for f in readFrames() where f.kind == .configure { config = try? f.decode(WorkerConfig.self) }
        }
        guard let config else { _exit(2) }
        if let mb = config.maxMemoryMB, mb > 0 {
            let rc = minutes_limit_memory(UInt64(mb) << 20)
            if rc != 0 {
                writer.send(.text(.startFailed, "cannot set the memory limit (\(String(cString: strerror(rc))))"))
                _exit(2)
            }
        }
        var pipeline: Pipeline
        do {
            pipeline = try resolve(config.pipelineArguments)
        } catch {
            writer.send(.text(.startFailed, error.oneLine))
            _exit(2)
        }
        pipeline.options.jobs = max(1, config.pageThreads)
        pipeline.options.limits = config.limits
        OCRWork.pagesAtOnce = max(1, config.pageThreads)
        let faults = WorkerFaults.fromEnvironment()
        PipelineProbe.pageStarted = { page in
            writer.send(.number(.page, page))
            faults?.atPage(page)
        }
        PipelineProbe.pageSlots = gate
        if let path = config.renderLockPath { PipelineProbe.renderGate = FileRenderGate(path: path) }
        MemoryTuning.forPageImages()

        let converter = Thread { [pipeline] in
            while let job = queue.take() {
                faults?.begin(job.fileName)
                var result = convert(job, pipeline: pipeline, writer: writer)
                faults?.end()
                OCRWork.releaseIdleEngines(keeping: 1)
                if let limit = config.retireAboveMB, let mb = Self.anonymousMB(), mb > limit {
                    result.retiring = true
                }
                writer.send((try? Frame.json(.result, result)) ?? .text(.result, "{}"))
                // The answer is in the pipe: the parent reads it, then reaps this process.
                if result.retiring == true { _exit(0) }
            }
        }
        // Stages recurse over layout trees; the default secondary-thread stack is small.
        converter.stackSize = 16 << 20
        converter.start()
        writer.send(Frame(kind: .ready, payload: []))
        while true {
            for f in readFrames() {
                switch f.kind {
                case .convert:
                    if let job = try? f.decode(ConversionJob.self) { queue.put(job) }
                case .grant:
                    gate.grant(f.number)
                default:
                    break
                }
            }
        }
    }

    /// This process's anonymous resident memory in MiB (RssAnon in /proc/self/status:
    /// heap, engines, caches; not the program's and libraries' pages, which are shared).
    static func anonymousMB() -> Int? {
        // Read by hand: /proc files report a size of 0, and Foundation reads that many bytes.
        let fd = open("/proc/self/status", O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            bytes += chunk[0..<n]
        }
        let status = String(decoding: bytes, as: UTF8.self)
        for line in status.split(separator: "\n") where line.hasPrefix("RssAnon:") {
            // "RssAnon:\t   43004 kB"
            let kb = line.dropFirst("RssAnon:".count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap { Int($0) }
            return kb.map { $0 / 1024 }
        }
        return nil
    }

    private static func convert(_ job: ConversionJob, pipeline: Pipeline, writer: FrameWriter) -> WorkerResult {
        let data: Data
        do {
            let url = URL(fileURLWithPath: job.path)
            data = try Data(contentsOf: url, options: .mappedIfSafe)
            var st = stat()
            if stat(job.path, &st) == 0 {
                let mtime = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
                if Int64(st.st_size) != job.size || Int64(data.count) != job.size || abs(mtime - job.mtime) > 1e-6 {
                    return WorkerResult(failure: "the file changed while it was being converted; will be tried again", kind: .io)
                }
            }
        } catch {
            return WorkerResult(failure: "cannot read the file (\(DocumentConverter.describe(error)))", kind: .io)
        }
        let names = pipeline.stages.map(\.name)
        var began = Date()
        if let first = names.first { writer.send(.text(.stageBegun, first)) }
        var minutes: Minutes
        do {
            minutes = try DocumentConverter(pipeline: pipeline).convert(data: data, fileName: job.fileName, sha256: job.sha256) { stage, _ in
                let now = Date()
                writer.send(.text(.stageDone, stage + "\u{0}" + String(format: "%.3f", now.timeIntervalSince(began))))
                began = now
                if let i = names.firstIndex(of: stage), i + 1 < names.count { writer.send(.text(.stageBegun, names[i + 1])) }
            }
        } catch {
            var reason = error.oneLine
            // Typed errors name the file; the parent names it by its path.
            if reason.hasPrefix(job.fileName + ": ") { reason = String(reason.dropFirst(job.fileName.count + 2)) }
            return WorkerResult(failure: reason, kind: .document, mayBeIncomplete: ConversionFailure.couldBeIncomplete(error))
        }
        do {
            let doc = try job.finish(&minutes, source: data, password: pipeline.options.password)
            if let document = doc.document { writer.send(Frame(kind: .document, payload: Array(document))) }
            return WorkerResult(pages: doc.pages, outputs: doc.outputs, actions: doc.actions)
        } catch {
            return WorkerResult(failure: error.oneLine, kind: .io)
        }
    }

    /// Jobs from the reader to the converting thread.
    final class JobQueue: @unchecked Sendable {
        private let condition = NSCondition()
        private var jobs: [ConversionJob] = []

        func put(_ job: ConversionJob) {
            condition.lock()
            jobs.append(job)
            condition.signal()
            condition.unlock()
        }

        func take() -> ConversionJob? {
            condition.lock()
            defer { condition.unlock() }
            while jobs.isEmpty { condition.wait() }
            return jobs.removeFirst()
        }
    }

    /// Page slots asked of the parent: a page waits here until its grant arrives.
    final class SlotGate: PageSlotGate, @unchecked Sendable {
        private let writer: FrameWriter
        private let condition = NSCondition()
        private var granted: [Int: Int] = [:]

        init(writer: FrameWriter) { self.writer = writer }

        func acquire(page: Int) {
            writer.send(.number(.acquire, page))
            condition.lock()
            defer { condition.unlock() }
            while (granted[page] ?? 0) == 0 { condition.wait() }
            granted[page, default: 0] -= 1
        }

        func release(page: Int) {
            writer.send(.number(.release, page))
        }

        func grant(_ page: Int) {
            condition.lock()
            granted[page, default: 0] += 1
            condition.broadcast()
            condition.unlock()
        }
    }
}

/// The pool's drawing lock, held with `flock` on the file the pool made: released by the
/// kernel if the worker dies holding it.
final class FileRenderGate: RenderGate, @unchecked Sendable {
    private let fd: Int32

    init?(path: String) {
        fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { return nil }
    }

    deinit { close(fd) }

    func lock() {
        while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
    }

    func unlock() {
        _ = flock(fd, LOCK_UN)
    }
}

import Dispatch
import Foundation
import Logging
import MinutesModel
import MinutesPipeline
#if canImport(Glibc)
import Glibc
#endif

public struct WatchOptions: Sendable {
    public var inbox: URL
    public var outDir: URL
    public var doneDir: URL
    public var failedDir: URL
    /// Seconds between scans; `nil` waits for inotify events (with a slow rescan as a safety net).
    public var poll: Double?
    /// How long size and mtime must stay the same before a file is taken.
    public var settle: Double
    public var formats: Set<OutputFormat>
    public var pipelineVersion: String
    /// Settled files converted at once.
    public var jobs: Int
    /// A file that fails as a half-written one would (damaged, not a PDF, a crash) while
    /// its modification time is younger than this is left in the inbox: tried again when
    /// it changes, or once this long has passed, and only then moved to `failedDir`.
    public var grace: Double = 300
    /// Files larger than this are refused before they are read.
    public var maxInputBytes: Int64 = InputLimits().maxInputBytes

    public init(inbox: URL, outDir: URL, doneDir: URL? = nil, failedDir: URL? = nil, poll: Double? = nil,
                settle: Double = 2, formats: Set<OutputFormat> = [.json], pipelineVersion: String, jobs: Int = 1) {
        self.inbox = inbox.standardizedFileURL
        self.outDir = outDir.standardizedFileURL
        self.doneDir = (doneDir ?? inbox.appendingPathComponent(".done")).standardizedFileURL
        self.failedDir = (failedDir ?? inbox.appendingPathComponent(".failed")).standardizedFileURL
        self.poll = poll
        self.settle = settle
        self.formats = formats
        self.pipelineVersion = pipelineVersion
        self.jobs = max(1, jobs)
    }
}

public enum WatchError: Error, CustomStringConvertible {
    case inbox(path: String, reason: String)
    case folder(path: String, reason: String)

    public var description: String {
        switch self {
        case .inbox(let p, let r): return "\(p): cannot watch (\(r))"
        case .folder(let p, let r): return "\(p): cannot use as a folder (\(r))"
        }
    }
}

/// Watches one inbox folder (not its sub-folders, so `.done`, `.failed` and an output folder
/// inside it are never taken as input) and converts each file once it has settled.
///
/// Order per file: convert, write outputs, record in the ledger, move the input. A restart
/// after any step finds the file still in the inbox and the ledger says whether it is done.
public final class Watcher: @unchecked Sendable {
    let backend: ConversionBackend
    let options: WatchOptions
    let logger: Logger
    let stop: StopSignal
    /// Called with each document converted and the path of its JSON output (`watch --db`
    /// loads it into the register); an error is logged against the file, not thrown.
    public var onResult: (@Sendable (Minutes, URL) throws -> Void)?

    private struct Seen {
        var size: Int64; var mtime: Double; var since: Date; var retryAfter: Date?
        /// Time or memory limits hit on these bytes: one more try, then quarantine.
        var transientFailures = 0
    }
    /// Guards `seen`, `inHand` and the counters, which workers update.
    private let lock = NSLock()
    private var seen: [String: Seen] = [:]
    /// Content hashes being converted now: a second copy waits for the ledger entry.
    private var inHand = Set<String>()
    /// Output names of the conversions under way: two inputs (`a.pdf`, `a.png`) converted
    /// at once must not both be given `a`.
    private var basesInHand = Set<String>()
    /// `actions.csv` is appended by one conversion at a time (its header written once).
    private let csvLock = NSLock()
    private var nextReady = 0
    private var inboxLost = false
    private var inotifyFD: Int32 = -1
    /// Counts for the log line at exit.
    public private(set) var converted = 0
    public private(set) var failed = 0
    public private(set) var duplicates = 0

    public init(backend: ConversionBackend, options: WatchOptions, logger: Logger, stop: StopSignal) {
        self.backend = backend
        self.options = options
        self.logger = logger
        self.stop = stop
    }

    /// Converts in this process (no isolation from a crashing library).
    public convenience init(converter: DocumentConverter, options: WatchOptions, logger: Logger, stop: StopSignal) {
        self.init(backend: InProcessBackend(converter: converter), options: options, logger: logger, stop: stop)
    }

    deinit { if inotifyFD >= 0 { close(inotifyFD) } }

    /// Runs until `stop` is signalled; the file in hand is finished first.
    public func run() throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: options.inbox.path, isDirectory: &isDir), isDir.boolValue else {
            throw WatchError.inbox(path: options.inbox.path, reason: "no such folder")
        }
        for dir in [options.outDir, options.doneDir, options.failedDir] {
            do { try fm.createDirectory(at: dir, withIntermediateDirectories: true) } catch {
                throw WatchError.folder(path: dir.path, reason: DocumentConverter.describe(error))
            }
        }
        AtomicFile.sweep(options.outDir)
        let ledger = try Ledger(url: options.outDir.appendingPathComponent(Ledger.fileName))
        if options.poll == nil {
            inotifyFD = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
            let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_MODIFY | IN_ATTRIB | IN_DELETE | IN_MOVED_FROM)
            if inotifyFD < 0 || inotify_add_watch(inotifyFD, options.inbox.path, mask) < 0 {
                logger.warning("\(options.inbox.path): inotify unavailable (\(String(cString: strerror(errno)))); polling every 2 s")
                if inotifyFD >= 0 { close(inotifyFD) }
                inotifyFD = -1
            }
        }
        let how = inotifyFD >= 0 ? "inotify" : "polling every \(options.poll ?? 2) s"
        logger.info("watching \(options.inbox.path) (\(how), settle \(options.settle) s) into \(options.outDir.path)")

        while !stop.isStopped {
            convert(scan(), ledger: ledger)
            if stop.isStopped { break }
            // A quiet inbox need not keep workers (and their OCR models) in memory.
            backend.retireIdle(after: 60)
            wait()
        }
        backend.shutdown()
        logger.info("stopped: \(converted) converted, \(failed) failed, \(duplicates) already converted")
    }

    /// Converts settled files with up to `jobs` workers; a stop lets each finish its file.
    private func convert(_ ready: [String], ledger: Ledger) {
        let workers = min(options.jobs, ready.count)
        if workers <= 1 {
            for path in ready where !stop.isStopped { handle(path, ledger: ledger, lane: 0) }
            return
        }
        lock.lock()
        nextReady = 0
        lock.unlock()
        let group = DispatchGroup()
        for lane in 0..<workers {
            group.enter()
            let t = Thread { [self] in
                defer { group.leave() }
                while !stop.isStopped {
                    lock.lock()
                    let i = nextReady
                    nextReady += 1
                    lock.unlock()
                    guard i < ready.count else { break }
                    handle(ready[i], ledger: ledger, lane: lane)
                }
            }
            t.stackSize = 16 << 20
            t.start()
        }
        group.wait()
    }

    /// Files whose size and mtime have not changed for the settle time, in name order.
    private func scan() -> [String] {
        lock.lock(); defer { lock.unlock() }
        let now = Date()
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: options.inbox.path)
            if inboxLost { logger.notice("\(options.inbox.path): readable again") }
            inboxLost = false
        } catch {
            // An unmounted share or a removed folder: say so once, keep looking.
            if !inboxLost { logger.error("\(options.inbox.path): cannot list the inbox (\(DocumentConverter.describe(error))); will keep trying") }
            inboxLost = true
            return []
        }
        var present = Set<String>()
        var ready: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = options.inbox.appendingPathComponent(name).path
            var st = stat()
            guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { continue }
            present.insert(path)
            let size = Int64(st.st_size)
            let mtime = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
            if var s = seen[path], s.size == size, s.mtime == mtime {
                if let r = s.retryAfter {
                    if now < r { continue }
                    s.retryAfter = nil
                    seen[path] = s
                }
                if now.timeIntervalSince(s.since) >= options.settle { ready.append(path) }
            } else {
                seen[path] = Seen(size: size, mtime: mtime, since: now, retryAfter: nil)
            }
        }
        seen = seen.filter { present.contains($0.key) }
        return ready
    }

    /// Sleeps until an inotify event, a stop, or the next file may have settled.
    private func wait() {
        let pendingSettle = seen.values.map { s -> Double in
            let due = (s.retryAfter ?? s.since.addingTimeInterval(options.settle)).timeIntervalSinceNow
            return max(0.05, due)
        }.min()
        var timeout: Double
        if inotifyFD >= 0 {
            // inotify says when something changes; the rescan every 30 s catches a missed event.
            timeout = pendingSettle ?? 30
        } else {
            timeout = options.poll ?? 2
            if let p = pendingSettle { timeout = min(timeout, max(p, 0.05)) }
        }
        var fds = [pollfd(fd: stop.wakeFD, events: Int16(POLLIN), revents: 0)]
        if inotifyFD >= 0 { fds.append(pollfd(fd: inotifyFD, events: Int16(POLLIN), revents: 0)) }
        _ = poll(&fds, nfds_t(fds.count), Int32(min(timeout, 3600) * 1000))
        if inotifyFD >= 0 {
            // Events only prompt a rescan; their content is not needed.
            var buf = [UInt8](repeating: 0, count: 64 * 1024)
            while read(inotifyFD, &buf, buf.count) > 0 {}
        }
    }

    private func handle(_ path: String, ledger: Ledger, lane: Int) {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        // "It opens": a file we may not read yet (permissions still being set) waits.
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let err = errno
            if err == ENOENT {
                logger.info("\(name): vanished before it could be taken")
                forget(path)
            } else {
                logger.warning("\(name): cannot open yet (\(String(cString: strerror(err)))); will retry")
                backOff(path)
            }
            return
        }
        var st = stat()
        let statted = fstat(fd, &st) == 0
        close(fd)
        let size = Int64(st.st_size)
        let mtime = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
        if statted, size > options.maxInputBytes, let why = BatchRunner.sizeRefusal(size, limit: options.maxInputBytes) {
            quarantine(url, reason: "\(name): \(why)", sha: nil, kind: .document, ledger: ledger)
            return
        }
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            if !FileManager.default.fileExists(atPath: path) {
                logger.info("\(name): vanished before it could be read")
                forget(path)
            } else {
                logger.warning("\(name): cannot read (\(DocumentConverter.describe(error))); will retry")
                backOff(path)
            }
            return
        }
        let sha = SHA256.hex(data)
        lock.lock()
        let claimed = inHand.insert(sha).inserted
        lock.unlock()
        // The same content is being converted by another worker; the next scan finds it in the ledger.
        guard claimed else { return }
        defer { lock.lock(); inHand.remove(sha); lock.unlock() }
        if let done = ledger.converted(sha256: sha, pipeline: options.pipelineVersion) {
            count(\.duplicates)
            logger.info("\(name): already converted (\(done.outputs.first ?? done.base ?? "earlier")); not converting again")
            move(url, to: options.doneDir, sha: sha)
            return
        }
        let base = reserveBase(for: name, sha: sha, ledger: ledger)
        defer { lock.lock(); basesInHand.remove(base); lock.unlock() }
        var job = ConversionJob(path: path, fileName: name, sourceFile: name, sha256: sha, size: Int64(data.count),
                                mtime: mtime, base: base, outDir: options.outDir.path,
                                formats: options.formats.map(\.rawValue).sorted())
        job.returnDocument = onResult != nil
        switch backend.convert(job, lane: lane, progress: { _ in }) {
        case .converted(let doc):
            do {
                if options.formats.contains(.csv) { try appendActions(doc.actions) }
                try ledger.append(LedgerRecord(sha256: sha, pipeline: options.pipelineVersion, input: path,
                                               status: .converted, base: base, outputs: doc.outputs, pages: doc.pages))
            } catch {
                logger.error("\(name): \(error.oneLine); left in the inbox, will retry")
                backOff(path)
                return
            }
            count(\.converted)
            logger.info("\(name): converted, \(doc.pages) pages -> \(doc.outputs.joined(separator: ", "))")
            if let onResult, let json = doc.document {
                let out = options.outDir.appendingPathComponent(base + ".json")
                do { try onResult(try Minutes.decode(json), out) } catch { logger.error("\(name): \(error.oneLine)") }
            }
            move(url, to: options.doneDir, sha: sha)
        case .failed(let failure):
            failed(url, failure, sha: sha, mtime: mtime, ledger: ledger)
        }
    }

    /// A failed conversion: quarantined, unless it may pass. A file that fails as a
    /// half-written one would while it is fresh waits for its next change or `grace`;
    /// time and memory limits get one more try; a write error is retried.
    private func failed(_ url: URL, _ failure: ConversionFailure, sha: String, mtime: Double, ledger: Ledger) {
        let name = url.lastPathComponent
        let age = Date().timeIntervalSince1970 - mtime
        if failure.kind == .io {
            logger.error("\(name): \(failure.reason); left in the inbox, will retry")
            backOff(url.path)
            return
        }
        if failure.mayBeIncomplete, age < options.grace {
            let wait = options.grace - age
            let note = "modified \(Int(age.rounded())) s ago, so it may still be arriving: "
                + "left in the inbox until it changes, or for \(Int(wait.rounded())) s more"
            logger.warning("\(name): \(failure.reason); \(note)")
            backOff(url.path, for: wait)
            return
        }
        if failure.kind.isTransient, noteTransientFailure(url.path) {
            logger.error("\(name): \(failure.reason); will try once more in \(Int(options.grace)) s")
            backOff(url.path, for: options.grace)
            return
        }
        quarantine(url, reason: "\(name): \(failure.reason)", sha: sha, kind: failure.kind, ledger: ledger)
    }

    private func quarantine(_ url: URL, reason: String, sha: String?, kind: FailureKind, ledger: Ledger) {
        count(\.failed)
        logger.error("\(reason)")
        if let sha {
            do {
                try ledger.append(LedgerRecord(sha256: sha, pipeline: options.pipelineVersion, input: url.path,
                                               status: .failed, reason: reason, failure: kind))
            } catch {
                logger.error("\(error.oneLine)")
            }
        }
        if let moved = move(url, to: options.failedDir, sha: sha ?? "refused") {
            let note = options.failedDir.appendingPathComponent(moved.lastPathComponent + ".error.txt")
            do { try AtomicFile.write(Data((reason + "\n").utf8), to: note) } catch { logger.error("\(error.oneLine)") }
        }
    }

    /// Counts a time or memory failure; true when the file gets another try.
    private func noteTransientFailure(_ path: String) -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard var s = seen[path] else { return false }
        s.transientFailures += 1
        seen[path] = s
        return s.transientFailures < 2
    }

    private func count(_ counter: ReferenceWritableKeyPath<Watcher, Int>) {
        lock.lock(); defer { lock.unlock() }
        self[keyPath: counter] += 1
    }

    private func forget(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        seen[path] = nil
    }

    private func backOff(_ path: String, for seconds: Double? = nil) {
        lock.lock(); defer { lock.unlock() }
        if var s = seen[path] {
            s.retryAfter = Date().addingTimeInterval(seconds ?? max(5, options.settle * 5))
            seen[path] = s
        }
    }

    /// `NAME`, or `NAME-<hash>` when `NAME.json` already holds another document's result or
    /// another conversion under way has taken `NAME`. An output no ledger record claims was
    /// left by a run killed before recording it: reused. The name is held until released.
    private func reserveBase(for name: String, sha: String, ledger: Ledger) -> String {
        let stem = BatchInputs.stem(name)
        lock.lock(); defer { lock.unlock() }
        let exists = options.formats.subtracting([.csv]).contains { fmt in
            FileManager.default.fileExists(atPath: options.outDir.appendingPathComponent("\(stem).\(fmt.fileExtension)").path)
        }
        let takenOnDisk = exists && ledger.owner(ofBase: stem).map { $0 != sha } == true
        let base = takenOnDisk || basesInHand.contains(stem) ? "\(stem)-\(sha.prefix(8))" : stem
        basesInHand.insert(base)
        return base
    }

    private func appendActions(_ rows: [[String]]) throws {
        csvLock.lock()
        defer { csvLock.unlock() }
        let url = options.outDir.appendingPathComponent(BatchRunner.actionsFile)
        var text = ActionRegister.csv(rows)
        if FileManager.default.fileExists(atPath: url.path) {
            // Drop the header line: the file already has one.
            if let r = text.range(of: "\r\n") { text = String(text[r.upperBound...]) }
        }
        guard !text.isEmpty else { return }
        let fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputFileError.cannotWrite(path: url.path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        if Glibc.write(fd, bytes, bytes.count) != bytes.count {
            throw OutputFileError.cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
        }
    }

    /// Moves the input out of the inbox; a name already used there gets the content hash.
    @discardableResult
    private func move(_ url: URL, to dir: URL, sha: String) -> URL? {
        let fm = FileManager.default
        let name = url.lastPathComponent
        // The folder may have been removed while the watcher ran.
        try? fm.createDirectory(at: dir, withIntermediateDirectories: true)
        var target = dir.appendingPathComponent(name)
        var n = 1
        while fm.fileExists(atPath: target.path) {
            let ext = url.pathExtension
            let stem = BatchInputs.stem(name)
            let suffix = n == 1 ? "-\(sha.prefix(8))" : "-\(sha.prefix(8))-\(n)"
            target = dir.appendingPathComponent(stem + suffix + (ext.isEmpty ? "" : "." + ext))
            n += 1
        }
        if rename(url.path, target.path) != 0 {
            let err = errno
            // --done on another file system: copy, then remove.
            if err == EXDEV, (try? fm.copyItem(at: url, to: target)) != nil, (try? fm.removeItem(at: url)) != nil {
                forget(url.path)
                return target
            }
            if err == ENOENT && !fm.fileExists(atPath: url.path) {
                logger.info("\(name): vanished before it could be moved")
            } else {
                logger.error("\(name): cannot move to \(dir.path) (\(String(cString: strerror(err))))")
                backOff(url.path)
            }
            return nil
        }
        forget(url.path)
        return target
    }
}

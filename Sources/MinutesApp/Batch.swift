import Dispatch
import Foundation
import Logging
import MinutesModel
import MinutesPipeline
#if canImport(Glibc)
import Glibc
#endif

/// One file of a batch and the name its outputs get.
public struct BatchInput: Sendable, Equatable {
    public var url: URL
    /// The path as the user would recognise it (as given, or relative to a given folder).
    public var display: String
    /// Output path without extension, relative to the output folder.
    public var base: String

    public init(url: URL, display: String, base: String) {
        self.url = url
        self.display = display
        self.base = base
    }
}

public enum BatchInputs {
    public static let extensions: Set<String> = ["pdf", "png", "jpg", "jpeg", "tif", "tiff"]

    /// Files as given, folders searched recursively (outputs mirror their sub-folders), and
    /// glob patterns the shell did not expand. Two inputs that would share an output name
    /// get `~2`, `~3`… in input order, so no output is overwritten by another input's.
    public static func expand(_ args: [String]) -> (inputs: [BatchInput], missing: [String]) {
        var inputs: [BatchInput] = []
        var missing: [String] = []
        let fm = FileManager.default
        func add(_ path: String, display: String, base: String) {
            inputs.append(BatchInput(url: URL(fileURLWithPath: path).standardizedFileURL, display: display, base: base))
        }
        func addPath(_ path: String) -> Bool {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else { return false }
            if !isDir.boolValue {
                add(path, display: path, base: stem(URL(fileURLWithPath: path).lastPathComponent))
                return true
            }
            let root = URL(fileURLWithPath: path).standardizedFileURL
            var found: [(String, String)] = []
            if let e = fm.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) {
                for case let url as URL in e where extensions.contains(url.pathExtension.lowercased()) {
                    let rel = String(url.standardizedFileURL.path.dropFirst(root.path.count).drop { $0 == "/" })
                    found.append((url.path, rel))
                }
            }
            for (full, rel) in found.sorted(by: { $0.1 < $1.1 }) {
                let display = (path.hasSuffix("/") ? path : path + "/") + rel
                add(full, display: display, base: stem(rel))
            }
            return true
        }
        for arg in args {
            if addPath(arg) { continue }
            if arg.contains(where: { "*?[".contains($0) }) {
                let matches = glob(arg)
                if matches.isEmpty { missing.append(arg) }
                for m in matches { _ = addPath(m) }
                continue
            }
            missing.append(arg)
        }
        // The same file named twice (a file and its folder, overlapping globs) is one input.
        var seenPaths = Set<String>()
        inputs = inputs.filter { seenPaths.insert($0.url.path).inserted }
        var used: [String: Int] = [:]
        for i in inputs.indices {
            let key = inputs[i].base.lowercased()
            if let n = used[key] {
                used[key] = n + 1
                inputs[i].base += "~\(n + 1)"
            } else {
                used[key] = 1
            }
        }
        return (inputs, missing)
    }

    static func stem(_ rel: String) -> String {
        let url = URL(fileURLWithPath: rel)
        return url.pathExtension.isEmpty ? rel : String(rel.dropLast(url.pathExtension.count + 1))
    }

    static func glob(_ pattern: String) -> [String] {
        var g = glob_t()
        defer { globfree(&g) }
        guard Glibc.glob(pattern, 0, nil, &g) == 0 else { return [] }
        var out: [String] = []
        for i in 0..<Int(g.gl_pathc) {
            if let p = g.gl_pathv[i] { out.append(String(cString: p)) }
        }
        return out.sorted()
    }
}

public struct BatchOptions: Sendable {
    public var outDir: URL
    public var formats: Set<OutputFormat>
    public var jobs: Int
    public var force: Bool
    /// Stored with every result; a result made with another version is converted again.
    public var pipelineVersion: String
    /// Files larger than this are refused before they are read.
    public var maxInputBytes: Int64 = InputLimits().maxInputBytes
    /// This run converts only the inputs whose content hash falls in this shard, and keeps
    /// its own ledger and reports (`minutes ledger merge` combines them).
    public var shard: Shard?

    public init(outDir: URL, formats: Set<OutputFormat> = [.json], jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                force: Bool = false, pipelineVersion: String) {
        self.outDir = outDir
        self.formats = formats
        self.jobs = max(1, jobs)
        self.force = force
        self.pipelineVersion = pipelineVersion
    }
}

public struct BatchFailure: Codable, Sendable, Equatable {
    public var file: String
    public var reason: String
    public var sha256: String?
    /// A later run may succeed (a time or memory limit, a full disk); nil for older files.
    public var retryable: Bool?

    public init(file: String, reason: String, sha256: String?, retryable: Bool? = nil) {
        self.file = file
        self.reason = reason
        self.sha256 = sha256
        self.retryable = retryable
    }
}

public struct BatchSummary: Sendable {
    public enum Outcome: Sendable, Equatable { case converted(pages: Int), skipped(pages: Int), failed(String), notRun }

    public var outcomes: [Outcome]
    public var failures: [BatchFailure]
    public var seconds: Double
    public var interrupted: Bool
    /// Where the failures were listed (a shard's own file), when not `_failures.json`.
    public var failuresFile: String?

    /// Failures a later run may get past: the batch exits 75 rather than 1.
    public var retryable: Int { failures.filter { $0.retryable == true }.count }
    public var converted: Int { outcomes.filter { if case .converted = $0 { return true } else { return false } }.count }
    public var skipped: Int { outcomes.filter { if case .skipped = $0 { return true } else { return false } }.count }
    public var failed: Int { failures.count }
    public var pages: Int {
        outcomes.reduce(0) {
            switch $1 { case .converted(let p), .skipped(let p): return $0 + p; default: return $0 }
        }
    }
    public var convertedPages: Int {
        outcomes.reduce(0) { if case .converted(let p) = $1 { return $0 + p } else { return $0 } }
    }
}

public enum BatchError: Error, CustomStringConvertible {
    case outputFolder(path: String, reason: String)

    public var description: String {
        switch self {
        case .outputFolder(let p, let r): return "\(p): cannot use as output folder (\(r))"
        }
    }
}

/// Converts many files with N workers. One status per document: a failure is recorded
/// and reported, never thrown across documents.
public final class BatchRunner: @unchecked Sendable {
    public static let failuresFile = "_failures.json"
    public static let actionsFile = "actions.csv"

    let backend: ConversionBackend
    let options: BatchOptions
    let logger: Logger
    let stop: StopSignal?
    /// Called with each document converted and the path of its JSON output (`convert --db`
    /// loads it into the register); an error is logged against the file, not thrown.
    public var onResult: (@Sendable (Minutes, URL) throws -> Void)?

    private let lock = NSLock()
    private var next = 0
    private var outcomes: [BatchSummary.Outcome] = []
    private var records: [LedgerRecord?] = []
    private var kinds: [FailureKind?] = []
    /// Content hashes already taken (a sharded run hashes every input to choose its share).
    var knownSHA: [String: String] = [:]
    private var doneBytes: Int64 = 0
    private var doneFiles = 0
    private var donePages = 0

    public init(backend: ConversionBackend, options: BatchOptions, logger: Logger, stop: StopSignal? = nil) {
        self.backend = backend
        self.options = options
        self.logger = logger
        self.stop = stop
    }

    /// Converts in this process (no isolation from a crashing library).
    public convenience init(converter: DocumentConverter, options: BatchOptions, logger: Logger, stop: StopSignal? = nil,
                            inspect: (@Sendable (String, WorkingDocument) -> Void)? = nil) {
        self.init(backend: InProcessBackend(converter: converter, inspect: inspect), options: options, logger: logger, stop: stop)
    }

    /// Throws only when the output folder or its ledger cannot be used at all.
    public func run(_ allInputs: [BatchInput], missing allMissing: [String] = []) throws -> BatchSummary {
        let start = Date()
        let fm = FileManager.default
        do {
            try fm.createDirectory(at: options.outDir, withIntermediateDirectories: true)
        } catch {
            throw BatchError.outputFolder(path: options.outDir.path, reason: DocumentConverter.describe(error))
        }
        AtomicFile.sweep(options.outDir)
        let ledger = try openLedger()
        // A shard converts its share of the inputs; the rest are other shards' business.
        let (inputs, seqs, missing) = selectShare(allInputs, missing: allMissing)
        outcomes = Array(repeating: .notRun, count: inputs.count)
        records = Array(repeating: nil, count: inputs.count)
        kinds = Array(repeating: nil, count: inputs.count)
        let sizes = inputs.map { (try? fm.attributesOfItem(atPath: $0.url.path)[.size] as? Int64).flatMap { $0 } ?? 0 }
        let totalBytes = max(1, sizes.reduce(0, +))

        for m in missing { logger.error("\(m): no such file or folder") }

        let progress = Console.shared.isTerminal ? DispatchSource.makeTimerSource(queue: .global()) : nil
        progress?.schedule(deadline: .now(), repeating: .milliseconds(250))
        progress?.setEventHandler { [weak self] in self?.drawProgress(total: inputs.count, totalBytes: totalBytes, start: start) }
        progress?.resume()

        let group = DispatchGroup()
        for lane in 0..<min(options.jobs, max(1, inputs.count)) {
            group.enter()
            let worker = Thread { [self] in
                defer { group.leave() }
                while let i = take(count: inputs.count) {
                    let (outcome, record, kind) = process(inputs[i], ledger: ledger, lane: lane)
                    lock.lock()
                    outcomes[i] = outcome
                    records[i] = record
                    kinds[i] = kind
                    doneFiles += 1
                    doneBytes += sizes[i]
                    if case .converted(let p) = outcome { donePages += p }
                    if case .skipped(let p) = outcome { donePages += p }
                    lock.unlock()
                }
                backend.laneDone(lane)
            }
            // Stages recurse over layout trees; the default secondary-thread stack is small.
            worker.stackSize = 16 << 20
            worker.start()
        }
        group.wait()
        progress?.cancel()
        Console.shared.status(nil)
        backend.shutdown()

        var failures = missing.map { BatchFailure(file: $0, reason: "no such file or folder", sha256: nil, retryable: false) }
        for (i, outcome) in outcomes.enumerated() {
            if case .failed(let reason) = outcome {
                failures.append(BatchFailure(file: inputs[i].display, reason: reason, sha256: records[i]?.sha256,
                                             retryable: kinds[i]?.isTransient ?? false))
            }
        }
        let interrupted = outcomes.contains(.notRun)
        writeReports(failures: failures)
        writeShardSummary(inputs: inputs, seqs: seqs, total: allInputs.count, missing: missing, failures: failures)
        return BatchSummary(outcomes: outcomes, failures: failures, seconds: Date().timeIntervalSince(start),
                            interrupted: interrupted, failuresFile: reportName(Self.failuresFile))
    }

    func recordAndOutcome(_ i: Int) -> (outcome: BatchSummary.Outcome, record: LedgerRecord?) {
        lock.lock(); defer { lock.unlock() }
        return (outcomes[i], records[i])
    }

    private func take(count: Int) -> Int? {
        if stop?.isStopped == true { return nil }
        lock.lock(); defer { lock.unlock() }
        guard next < count else { return nil }
        defer { next += 1 }
        return next
    }

    private func process(_ input: BatchInput, ledger: Ledger, lane: Int) -> (BatchSummary.Outcome, LedgerRecord?, FailureKind?) {
        let started = Date()
        let name = input.url.lastPathComponent
        func fail(_ reason: String, _ kind: FailureKind, sha: String?) -> (BatchSummary.Outcome, LedgerRecord?, FailureKind?) {
            logger.error("\(input.display): \(reason)")
            guard let sha else { return (.failed(reason), nil, kind) }
            let record = LedgerRecord(sha256: sha, pipeline: options.pipelineVersion, input: input.url.path,
                                      status: .failed, base: input.base, reason: reason, failure: kind)
            try? ledger.append(record)
            return (.failed(reason), record, kind)
        }
        var st = stat()
        guard stat(input.url.path, &st) == 0 else {
            return fail("cannot read the file (\(String(cString: strerror(errno))))", .io, sha: nil)
        }
        let size = Int64(st.st_size)
        let mtime = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1e9
        if size > options.maxInputBytes, let why = Self.sizeRefusal(size, limit: options.maxInputBytes) {
            return fail(why, .document, sha: nil)
        }
        let sha: String
        if let known = knownSHA[input.url.path] {
            sha = known
        } else {
            do {
                sha = SHA256.hex(try Data(contentsOf: input.url, options: .mappedIfSafe))
            } catch {
                return fail("cannot read the file (\(DocumentConverter.describe(error)))", .io, sha: nil)
            }
        }
        let perFile = options.formats.subtracting([.csv]).map(\.fileExtension)
        // A new or changed NAME.corrections.json beside the input converts it again.
        let version = options.pipelineVersion + CorrectionsBeside.versionSuffix(for: input.url)
        if !options.force, let done = ledger.converted(sha256: sha, pipeline: version, base: input.base),
           perFile.allSatisfy({ FileManager.default.fileExists(atPath: outURL(input.base, $0).path) }) {
            logger.debug("\(input.display): skipped, already converted with this pipeline")
            return (.skipped(pages: done.pages ?? 0), done, nil)
        }
        // A crash is not tried again on the same bytes: it would only crash again.
        if !options.force, let crash = ledger.lastFailure(sha256: sha, pipeline: options.pipelineVersion), crash.failure == .crash {
            let reason = (crash.reason ?? "crashed") + " (on an earlier run; not tried again: --force retries it)"
            logger.error("\(input.display): \(reason)")
            return (.failed(reason), crash, .crash)
        }
        var job = ConversionJob(path: input.url.path, fileName: name, sourceFile: input.display, sha256: sha, size: size,
                                mtime: mtime, base: input.base, outDir: options.outDir.path,
                                formats: options.formats.map(\.rawValue).sorted())
        job.returnDocument = onResult != nil
        let debug = logger.logLevel <= .debug
        let outcome = backend.convert(job, lane: lane) { [logger] event in
            if debug, case .stageDone(let stage, let secs) = event {
                logger.debug("\(input.display): \(stage) \(String(format: "%.3f", secs)) s")
            }
        }
        switch outcome {
        case .converted(let doc):
            let record = LedgerRecord(sha256: sha, pipeline: version, input: input.url.path,
                                      status: .converted, base: input.base, outputs: doc.outputs, pages: doc.pages,
                                      actions: doc.actions)
            do { try ledger.append(record) } catch { logger.warning("\(error.oneLine)") }
            if let onResult, let json = doc.document {
                do { try onResult(try Minutes.decode(json), outURL(input.base, "json")) } catch { logger.error("\(input.display): \(error.oneLine)") }
            }
            let secs = String(format: "%.2f", Date().timeIntervalSince(started))
            if !Console.shared.isTerminal {
                logger.info("\(input.display): converted, \(doc.pages) pages in \(secs) s")
            }
            return (.converted(pages: doc.pages), record, nil)
        case .failed(let failure):
            return fail(failure.reason, failure.kind, sha: sha)
        }
    }

    static func sizeRefusal(_ bytes: Int64, limit: Int64) -> String? {
        var limits = InputLimits()
        limits.maxInputBytes = limit
        return limits.sizeRefusal(bytes).map { "refused: " + $0 }
    }

    func outURL(_ base: String, _ ext: String) -> URL {
        options.outDir.appendingPathComponent(base + "." + ext)
    }

    /// Writes `BASE.json` / `BASE.md` / `BASE.ocd.json` / `BASE.popolo.json` / `BASE.html` atomically; returns their paths relative to `outDir`.
    /// `source` (the input's bytes) draws the review page's images.
    public static func writeOutputs(_ minutes: Minutes, base: String, outDir: URL, formats: Set<OutputFormat>, source: Data? = nil,
                                    password: String? = nil, corrections: CorrectionsFile? = nil) throws -> [String] {
        var written: [String] = []
        if formats.contains(.json) {
            try AtomicFile.write(try minutes.jsonData(), to: outDir.appendingPathComponent(base + ".json"))
            written.append(base + ".json")
        }
        if formats.contains(.md) {
            try AtomicFile.write(Data(MarkdownRenderer.render(minutes).utf8), to: outDir.appendingPathComponent(base + ".md"))
            written.append(base + ".md")
        }
        if formats.contains(.ocd) {
            try AtomicFile.write(try OCDEventExport.data(minutes), to: outDir.appendingPathComponent(base + ".ocd.json"))
            written.append(base + ".ocd.json")
        }
        if formats.contains(.popolo) {
            try AtomicFile.write(try PopoloExport.data(minutes), to: outDir.appendingPathComponent(base + ".popolo.json"))
            written.append(base + ".popolo.json")
        }
        if formats.contains(.html) {
            _ = try ReviewWriter.write(minutes, source: source, password: password, base: base, outDir: outDir,
                                       previousCorrections: corrections)
            written.append(base + ".html")
        }
        return written
    }

    private func writeReports(failures: [BatchFailure]) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try AtomicFile.write(try encoder.encode(failures), to: options.outDir.appendingPathComponent(reportName(Self.failuresFile)))
        } catch {
            logger.error("\(error.oneLine)")
        }
        if options.formats.contains(.html) {
            do { try ReviewIndex.write(outDir: options.outDir) } catch { logger.error("\(error.oneLine)") }
        }
        guard options.formats.contains(.csv) else { return }
        var rows: [[String]] = []
        for (i, outcome) in outcomes.enumerated() {
            switch outcome {
            case .converted, .skipped: rows += records[i]?.actions ?? []
            default: break
            }
        }
        do {
            try AtomicFile.write(Data(ActionRegister.csv(rows).utf8), to: options.outDir.appendingPathComponent(reportName(Self.actionsFile)))
        } catch {
            logger.error("\(error.oneLine)")
        }
    }

    private func drawProgress(total: Int, totalBytes: Int64, start: Date) {
        lock.lock()
        let files = doneFiles, pages = donePages, bytes = doneBytes
        lock.unlock()
        let elapsed = Date().timeIntervalSince(start)
        let fraction = Double(bytes) / Double(totalBytes)
        let eta = fraction > 0.001 ? elapsed / fraction - elapsed : .nan
        let width = 24
        let filled = min(width, Int((Double(files) / Double(max(1, total))) * Double(width)))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        Console.shared.status("[\(bar)] \(files)/\(total) files  \(pages) pages  \(clock(elapsed)) elapsed  ETA \(clock(eta))")
    }
}

public extension BatchSummary {
    /// The line printed at the end of a batch.
    func line(outDir: URL) -> String {
        var parts = ["\(outcomes.count) file\(outcomes.count == 1 ? "" : "s"): \(converted) converted"]
        if skipped > 0 { parts.append("\(skipped) skipped (already converted)") }
        parts.append("\(failed) failed")
        let notRun = outcomes.filter { $0 == .notRun }.count
        if notRun > 0 { parts.append("\(notRun) not started (interrupted)") }
        let rate = seconds > 0 ? Double(convertedPages) / seconds : 0
        var s = parts.joined(separator: ", ") + "; \(pages) pages in \(clock(seconds))" + String(format: " (%.1f pages/s)", rate)
        if failed > 0 { s += "; failures listed in \(outDir.appendingPathComponent(failuresFile ?? BatchRunner.failuresFile).path)" }
        return s
    }
}

import ArgumentParser
import Foundation
import Logging
import MinutesApp
import MinutesPipeline

struct Watch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Watch a folder and convert each file dropped into it.",
        discussion: """
        A file is taken once its size and modification time have not changed for --settle \
        seconds and it can be opened. Converted inputs move to --done, failures to --failed \
        with NAME.error.txt. A file that fails as a half-written one would (damaged, not a PDF, \
        a crash) while it was modified less than --grace seconds ago stays in the inbox, and \
        is tried again when it changes or once --grace has passed. Files are converted in \
        worker processes: one that crashes, or runs out of --max-memory or --timeout, fails \
        that file alone. A ledger in the output folder remembers every content hash, so \
        a restart picks up pending files and never converts the same content twice. \
        SIGINT/SIGTERM finish the file in hand, then exit 0.
        """)

    @Argument(help: "The folder to watch (its sub-folders are not watched).")
    var inbox: String

    @Option(name: .long, help: "Folder to write NAME.json into.")
    var out: String

    @Option(name: .long, help: "Where converted inputs go (default: INBOX/.done).")
    var done: String?

    @Option(name: .long, help: "Where failed inputs go, with NAME.error.txt (default: INBOX/.failed).")
    var failed: String?

    @Option(name: .long, help: "Scan every SECONDS instead of using inotify (for network shares).")
    var poll: Double?

    @Option(name: .long, help: "Seconds a file's size and mtime must stay unchanged before it is taken.")
    var settle: Double = 2

    @Option(name: .long, help: "Outputs, comma-separated: json, md, csv (appends to OUT/actions.csv), ocd (NAME.ocd.json), popolo (NAME.popolo.json).")
    var format: String = "json"

    @Option(name: .long, help: "Settled files converted at once (default: the number of cores).")
    var jobs: Int?

    @Option(name: .long, help: "Also load each result into this register (SQLite; see `minutes register`).")
    var db: String?

    @Option(name: .long, help: "Seconds a recently modified file that fails to parse is left in the inbox before it is quarantined (default: 300).")
    var grace: Double = 300

    @OptionGroup var resources: ResourceOptions

    @OptionGroup var choice: PipelineChoice
    @OptionGroup var log: LogOptions

    func validate() throws {
        if let p = poll, !(p > 0 && p <= 3600) { throw ValidationError("--poll must be between 0 and 3600 seconds") }
        if !(settle >= 0 && settle <= 3600) { throw ValidationError("--settle must be between 0 and 3600 seconds") }
        if !(grace >= 0 && grace <= 86400) { throw ValidationError("--grace must be between 0 and 86400 seconds") }
        if let j = jobs, j < 1 { throw ValidationError("--jobs must be at least 1") }
        if OutputFormat.parseList(format) == nil { throw ValidationError("--format takes json, md, csv, ocd and popolo, comma-separated") }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: inbox, isDirectory: &isDir), isDir.boolValue else {
            throw ValidationError("\(inbox): no such folder to watch")
        }
        let inboxPath = URL(fileURLWithPath: inbox).standardizedFileURL.path
        if URL(fileURLWithPath: out).standardizedFileURL.path == inboxPath {
            throw ValidationError("--out must not be the watched folder")
        }
    }

    func run() throws {
        let logger = log.bootstrap()
        var (pipeline, version) = try choice.resolve()
        pipeline.options.limits = resources.limits
        let workers = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        // Files at once and pages at once share one cap: a lone long scan gets every core.
        pipeline.options.jobs = jobs ?? pipeline.options.jobs ?? workers
        OCRWork.pagesAtOnce = workers
        let stop = StopSignal()
        stop.install { sig in logger.notice("signal \(sig): finishing the file in hand, then stopping") }
        var options = WatchOptions(inbox: URL(fileURLWithPath: inbox), outDir: URL(fileURLWithPath: out),
                                   doneDir: done.map { URL(fileURLWithPath: $0) },
                                   failedDir: failed.map { URL(fileURLWithPath: $0) },
                                   poll: poll, settle: settle, formats: OutputFormat.parseList(format) ?? [.json],
                                   pipelineVersion: version, jobs: workers)
        options.grace = grace
        options.maxInputBytes = resources.limits.maxInputBytes
        let pool = resources.workerPool(choice: choice, jobs: workers, pageThreads: pipeline.options.jobs ?? workers, logger: logger)
        let watcher = Watcher(backend: pool, options: options, logger: logger, stop: stop)
        if let db { watcher.onResult = try RegisterHook.loader(db) }
        do {
            try watcher.run()
        } catch {
            logger.error("\(error.oneLine)")
            throw ExitCode(1)
        }
    }
}

struct Pipelines: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the pipeline profiles and the stages they can name.",
        discussion: "Profiles come from pipelines/ beside the binary, then the built-in ones. Exit status 1 when a profile file is invalid.")

    @Argument(help: "Also check these pipeline files.")
    var files: [String] = []

    func run() throws {
        var bad = 0
        var results = PipelineFile.available()
        for f in files {
            do { results.append(.success(try PipelineFile.load(contentsOf: URL(fileURLWithPath: f)))) } catch let e as ConversionError {
                results.append(.failure(e))
            }
        }
        print("Pipelines:")
        for r in results {
            switch r {
            case .success(let p):
                print("  \(p.name)  (\(p.origin))")
                if let s = p.summary { print("    \(s)") }
                print("    stages: \(p.stageNames.joined(separator: ", "))")
                var opts = ["ocr: \(p.options.ocr.rawValue)", "language: \(p.options.language)",
                            "dpi: \(Int(p.options.dpi))", "dateOrder: \(p.options.dateOrder.rawValue)"]
                if !p.options.columnHeaders.isEmpty {
                    opts.append("columnHeaders: \(p.options.columnHeaders.count)")
                }
                if let jobs = p.options.jobs { opts.append("jobs: \(jobs)") }
                print("    options: \(opts.joined(separator: ", "))")
            case .failure(let e):
                bad += 1
                FileHandle.standardError.write(Data("minutes: \(e.description)\n".utf8))
            }
        }
        print("")
        print("Stages:")
        let width = StageRegistry.defaultStageNames.map(\.count).max() ?? 0
        for name in StageRegistry.defaultStageNames {
            let pad = String(repeating: " ", count: width - name.count)
            print("  \(name)\(pad)  \(StageRegistry.descriptions[name] ?? "")")
        }
        if bad > 0 { throw ExitCode(1) }
    }
}

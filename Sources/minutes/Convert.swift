import ArgumentParser
import Foundation
import Logging
import MinutesApp
import MinutesModel
import MinutesPipeline

/// `--quiet` / `--verbose`, shared by the commands that log.
struct LogOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print errors only.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print more detail (per-file timings, skipped files).")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("give at most one of --quiet and --verbose") }
    }

    func bootstrap() -> Logger {
        ConsoleLogHandler.bootstrap(quiet: quiet, verbose: verbose)
        return Logger(label: "minutes")
    }
}

/// `--pipeline` and the options that override a profile, shared by convert and watch.
struct PipelineChoice: ParsableArguments {
    @Option(name: .long, help: "Pipeline profile: a name from `minutes pipelines` or a path to a .yml file (default: default).")
    var pipeline: String?

    @Option(name: .long, help: "Password for encrypted PDFs.")
    var password: String?

    @Option(name: .long, help: "Numeric date order: auto, day-first or month-first (default: the pipeline's).")
    var dateOrder: String?

    @Option(name: .long, help: "When to OCR a page: auto (no usable text layer), always or never (default: the pipeline's).")
    var ocr: String?

    @Option(name: .long, help: "OCR language(s) for tesseract, e.g. eng or eng+cym (default: the pipeline's).")
    var lang: String?

    @Option(name: .long, help: "Resolution PDF pages are rendered at for OCR (default: the pipeline's, 300).")
    var dpi: Double?

    func validate() throws {
        if let d = dateOrder, PipelineOptions.DateOrder(rawValue: d) == nil {
            throw ValidationError("--date-order must be auto, day-first or month-first")
        }
        if let o = ocr, PipelineOptions.OCRMode(rawValue: o) == nil {
            throw ValidationError("--ocr must be auto, always or never")
        }
        if let d = dpi, !(70...1200).contains(d) {
            throw ValidationError("--dpi must be between 70 and 1200")
        }
    }

    /// The words that chose this pipeline, for a worker to resolve it the same way.
    var arguments: [String] {
        var words: [String] = []
        if let pipeline { words += ["--pipeline", pipeline] }
        if let password { words += ["--password", password] }
        if let dateOrder { words += ["--date-order", dateOrder] }
        if let ocr { words += ["--ocr", ocr] }
        if let lang { words += ["--lang", lang] }
        if let dpi { words += ["--dpi", String(dpi)] }
        return words
    }

    /// The profile with command-line overrides applied, and the version stored with results.
    func resolve() throws -> (pipeline: Pipeline, version: String) {
        let file: PipelineFile
        do {
            file = try PipelineFile.resolve(pipeline)
        } catch let e as ConversionError {
            throw ValidationError(e.description)
        }
        var options = file.options
        options.password = password
        var version = file.version
        if let d = dateOrder, let order = PipelineOptions.DateOrder(rawValue: d) {
            options.dateOrder = order
            version += " date-order=\(d)"
        }
        if let o = ocr, let mode = PipelineOptions.OCRMode(rawValue: o) {
            options.ocr = mode
            version += " ocr=\(o)"
        }
        if let lang {
            options.language = lang
            version += " lang=\(lang)"
        }
        if let dpi {
            options.dpi = dpi
            version += " dpi=\(Int(dpi))"
        }
        return (file.pipeline(options: options), version)
    }
}

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert minutes PDFs and scans (files, folders, globs) into minutes/1 JSON.",
        discussion: """
        Folders are searched recursively; outputs mirror their sub-folders. A file whose output \
        already exists for the same content and pipeline is skipped (--force converts it again), \
        so an interrupted batch can simply be run again. Failures are listed in DIR/_failures.json. \
        A NAME.corrections.json beside an input (exported from its review page) is applied every time.
        Each file is converted in a worker process: one that crashes, runs out of memory \
        (--max-memory) or time (--timeout) fails that file alone.
        Exit status: 0 when every input converted (or was already done), 1 when some failed \
        and running again would not help, 75 when some failed for a reason that may pass \
        (a time or memory limit, a full disk: running again retries just those), 2 for bad \
        usage, 130 when interrupted.
        """)

    @Argument(help: "PDF or image files, folders of them, or glob patterns.")
    var inputs: [String] = []

    @Option(name: .long, help: "A file listing inputs, one a line (relative paths from the file's folder; # comments).")
    var manifest: String?

    @Option(name: .long, help: "Convert only share I of N (I from 0), chosen by content hash, with the shard's own ledger; `minutes ledger merge` combines them.")
    var shard: String?

    @Option(name: .long, help: "Folder to write NAME.json (and NAME.md, actions.csv) into.")
    var out: String?

    @Flag(name: .long, help: "Write the JSON of the single input to standard output.")
    var stdout = false

    @OptionGroup var choice: PipelineChoice

    @Option(name: .long, help: "Print a text dump of the document after this stage to standard error (e.g. repair-tables).")
    var dumpStage: String?

    @Option(name: .long, help: "Files converted at once (default: the number of cores).")
    var jobs: Int?

    @Option(name: .long, help: "Outputs, comma-separated: json (NAME.json), md (NAME.md), csv (DIR/actions.csv for the batch), html (NAME.html review pages and DIR/index.html), ocd (NAME.ocd.json, an Open Civic Data Event), popolo (NAME.popolo.json: people, memberships, motions, vote events).")
    var format: String = "json"

    @Flag(name: .long, help: "Convert again even when an up-to-date output exists.")
    var force = false

    @Option(name: .long, help: "Also load each result into this register (SQLite; see `minutes register`).")
    var db: String?

    @OptionGroup var resources: ResourceOptions

    @OptionGroup var log: LogOptions

    func validate() throws {
        if stdout == (out != nil) { throw ValidationError("give exactly one of --out DIR or --stdout") }
        if inputs.isEmpty && manifest == nil { throw ValidationError("give input files, folders or globs, or --manifest FILE") }
        if let s = shard, Shard(s) == nil { throw ValidationError("--shard takes I/N with 0 <= I < N, e.g. 0/4") }
        if stdout && shard != nil { throw ValidationError("--shard needs --out DIR") }
        if let s = dumpStage, StageRegistry.make(s) == nil {
            throw ValidationError("unknown stage '\(s)'; stages: \(StageRegistry.defaultStageNames.joined(separator: ", "))")
        }
        if let j = jobs, j < 1 { throw ValidationError("--jobs must be at least 1") }
        guard let formats = OutputFormat.parseList(format) else {
            throw ValidationError("--format takes json, md, csv, html, ocd and popolo, comma-separated")
        }
        if stdout && formats != [.json] { throw ValidationError("--stdout writes JSON only; use --out DIR for md, csv or html") }
    }

    func run() throws {
        let logger = log.bootstrap()
        var (pipeline, version) = try choice.resolve()
        pipeline.options.limits = resources.limits
        let listed: [String]
        do { listed = try Manifest.read(manifest) } catch { throw ValidationError("\(error)") }
        let expanded = BatchInputs.expand(inputs + listed)
        let workers = dumpStage != nil ? 1 : (jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        // Each worker takes whole files, and each file may fan its pages out over all the
        // workers; one process-wide cap keeps the pages at work to `workers`, so the last
        // long scan of a batch gets every core rather than one.
        pipeline.options.jobs = jobs ?? pipeline.options.jobs ?? workers
        OCRWork.pagesAtOnce = workers
        let converter = DocumentConverter(pipeline: pipeline)
        var inspect: (@Sendable (String, WorkingDocument) -> Void)?
        if let wanted = dumpStage {
            inspect = { name, doc in
                if name == wanted { FileHandle.standardError.write(Data(StageDump.text(doc, after: name).utf8)) }
            }
        }

        if stdout {
            for missing in expanded.missing { logger.error("\(missing): no such file or folder") }
            guard expanded.inputs.count == 1, let input = expanded.inputs.first else {
                throw ValidationError("--stdout takes exactly one input file")
            }
            do {
                let minutes = try converter.convert(fileAt: input.url, inspect: inspect)
                FileHandle.standardOutput.write(try minutes.jsonData())
                try db.map { try RegisterHook.loader($0)(minutes, input.url) }
            } catch {
                logger.error("\(error.oneLine)")
                throw ExitCode(1)
            }
            if !expanded.missing.isEmpty { throw ExitCode(1) }
            return
        }

        guard let out else { return }
        let stop = StopSignal()
        stop.install { _ in logger.notice("stopping after the files in hand (again to quit at once)") }
        var options = BatchOptions(outDir: URL(fileURLWithPath: out),
                                   formats: OutputFormat.parseList(format) ?? [.json],
                                   // Stage dumps from parallel files would interleave.
                                   jobs: workers,
                                   force: force, pipelineVersion: version)
        options.maxInputBytes = resources.limits.maxInputBytes
        options.shard = shard.flatMap(Shard.init)
        // Stage dumps need the stages' state in this process; everything else is isolated.
        let backend: ConversionBackend = dumpStage != nil
            ? InProcessBackend(converter: converter, inspect: inspect)
            : resources.workerPool(choice: choice, jobs: workers, pageThreads: pipeline.options.jobs ?? workers, logger: logger)
        let runner = BatchRunner(backend: backend, options: options, logger: logger, stop: stop)
        if let db { runner.onResult = try RegisterHook.loader(db) }
        let summary: BatchSummary
        do {
            summary = try runner.run(expanded.inputs, missing: expanded.missing)
        } catch {
            logger.error("\(error.oneLine)")
            throw ExitCode(1)
        }
        logger.notice("\(summary.line(outDir: options.outDir))")
        if summary.interrupted { throw ExitCode(130) }
        if summary.retryable > 0 { throw ExitCode(Manifest.retryableExit) }
        if summary.failed > 0 { throw ExitCode(1) }
    }
}

import ArgumentParser
import Foundation
import Logging
import MinutesApp
import MinutesPipeline

/// Isolation and caps, shared by convert and watch: documents are converted in worker
/// processes, each held to a time and memory limit, and hostile inputs are refused before
/// the work they would cost.
struct ResourceOptions: ParsableArguments {
    @Option(name: .long, help: "Seconds one file may take before its worker is stopped and the file failed (default: 3600).")
    var timeout: Double = 3600

    @Option(name: .long, help: "Memory one worker may use, in MB (RLIMIT_DATA); a file that needs more fails alone (default: 2048).")
    var maxMemory: Int = 2048

    @Option(name: .long, help: "Pages (PDF pages, image frames) one document may have (default: 2000).")
    var maxPages: Int = InputLimits().maxPages

    @Option(name: .long, help: "Megapixels in one image page or one page drawn for OCR (default: 150).")
    var maxMegapixels: Double = InputLimits().maxMegapixels

    @Option(name: .long, help: "Seconds OCR may spend on one page before it stops with what it read (default: 120).")
    var maxOcrSeconds: Double = InputLimits().maxOCRSecondsPerPage

    @Option(name: .long, help: "Size in MB of the largest input file read (default: 1024).")
    var maxInputMb: Int = Int(InputLimits().maxInputBytes >> 20)

    func validate() throws {
        if !(timeout > 0) { throw ValidationError("--timeout must be more than 0 seconds") }
        if maxMemory < 64 { throw ValidationError("--max-memory must be at least 64 (MB)") }
        if maxPages < 1 { throw ValidationError("--max-pages must be at least 1") }
        if !(maxMegapixels > 0) { throw ValidationError("--max-megapixels must be more than 0") }
        if !(maxOcrSeconds > 0) { throw ValidationError("--max-ocr-seconds must be more than 0") }
        if maxInputMb < 1 { throw ValidationError("--max-input-mb must be at least 1") }
    }

    var limits: InputLimits {
        var l = InputLimits()
        l.maxPages = maxPages
        l.maxMegapixels = maxMegapixels
        l.maxOCRSecondsPerPage = maxOcrSeconds
        l.maxInputBytes = Int64(maxInputMb) << 20
        return l
    }

    /// Worker processes for `jobs` files at once, sharing `jobs` page slots.
    func workerPool(choice: PipelineChoice, jobs: Int, pageThreads: Int, logger: Logger) -> WorkerPool {
        let config = WorkerConfig(pipelineArguments: choice.arguments, pageThreads: pageThreads, limits: limits,
                                  maxMemoryMB: maxMemory)
        return WorkerPool(settings: .init(config: config, timeout: timeout, pageSlots: jobs), logger: logger)
    }
}

/// `minutes worker`: not for people. The batch and the watcher start copies of this
/// program with it and talk to them over standard input and output.
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "Convert documents for a parent minutes process (internal).",
        shouldDisplay: false)

    func run() throws {
        WorkerServer.run { words in try PipelineChoice.parse(words).resolve().pipeline }
    }
}

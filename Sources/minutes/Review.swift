import ArgumentParser
import Foundation
import Logging
import MinutesApp
import MinutesModel
import MinutesPipeline
import TesseractOCR

struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a review page per document: its pages with the box of every field drawn over them, and the extracted data beside them.",
        discussion: """
        Inputs are PDFs or images (converted first, as `convert` would, with any NAME.corrections.json \
        beside them applied) or minutes/1 JSON files from `convert`, whose source is looked for beside \
        them and in each --source folder. Writes DIR/NAME.html (self-contained: it makes no network \
        request) and DIR/index.html listing every review page in DIR. Fields in doubt are listed first; \
        corrections made on a page are exported as NAME.corrections.json, to keep beside the source.
        """)

    @Argument(help: "PDF or image files, folders of them, or minutes/1 JSON files.")
    var inputs: [String]

    @Option(name: .long, help: "Folder to write NAME.html and index.html into.")
    var out: String

    @Option(name: .long, help: "A folder to look for the source PDF of a JSON input in (repeatable).")
    var source: [String] = []

    @Option(name: .long, help: "Page images: jpeg, webp or png (default: jpeg).")
    var imageFormat: String = "jpeg"

    @Option(name: .long, help: "Resolution of the page images (default: 110).")
    var imageDpi: Double = 110

    @OptionGroup var choice: PipelineChoice
    @OptionGroup var log: LogOptions

    func validate() throws {
        if PreviewEncoder.Format(rawValue: imageFormat) == nil { throw ValidationError("--image-format must be jpeg, webp or png") }
        if !(36...300).contains(imageDpi) { throw ValidationError("--image-dpi must be between 36 and 300") }
    }

    func run() throws {
        let logger = log.bootstrap()
        var (pipeline, _) = try choice.resolve()
        let cores = ProcessInfo.processInfo.activeProcessorCount
        pipeline.options.jobs = pipeline.options.jobs ?? cores
        OCRWork.pagesAtOnce = cores
        let converter = DocumentConverter(pipeline: pipeline)
        let outDir = URL(fileURLWithPath: out)
        let images = ReviewImageOptions(dpi: imageDpi, format: PreviewEncoder.Format(rawValue: imageFormat) ?? .jpeg)

        let jsonArgs = inputs.filter { $0.lowercased().hasSuffix(".json") }
        let expanded = BatchInputs.expand(inputs.filter { !$0.lowercased().hasSuffix(".json") })
        var failed = expanded.missing.count
        for m in expanded.missing { logger.error("\(m): no such file or folder") }

        for input in expanded.inputs {
            let started = Date()
            do {
                let minutes = try converter.convert(fileAt: input.url)
                var scratch = minutes
                let data = try Data(contentsOf: input.url, options: .mappedIfSafe)
                let url = try ReviewWriter.write(minutes, source: data, password: pipeline.options.password, base: input.base,
                                                 outDir: outDir, options: images,
                                                 previousCorrections: CorrectionsBeside.load(for: input.url, into: &scratch))
                report(logger, input.display, url, minutes, started)
            } catch {
                failed += 1
                logger.error("\(input.display): \(error.oneLine.replacingOccurrences(of: input.url.lastPathComponent + ": ", with: ""))")
            }
        }
        for path in jsonArgs {
            let started = Date()
            let url = URL(fileURLWithPath: path)
            do {
                let minutes: Minutes
                do {
                    minutes = try Minutes.decode(try Data(contentsOf: url))
                } catch {
                    throw ValidationError("not a minutes/1 file (\(error.oneLine))")
                }
                let found = findSource(of: minutes, besides: url)
                if let note = found.note { logger.warning("\(path): \(note)") }
                var scratch = minutes
                let base = String(url.lastPathComponent.dropLast(".json".count))
                let page = try ReviewWriter.write(minutes, source: found.url.flatMap { try? Data(contentsOf: $0, options: .mappedIfSafe) },
                                                  password: pipeline.options.password, base: base, outDir: outDir, options: images,
                                                  previousCorrections: found.url.flatMap { CorrectionsBeside.load(for: $0, into: &scratch) },
                                                  sourceNote: found.note)
                report(logger, path, page, minutes, started)
            } catch {
                failed += 1
                logger.error("\(path): \(error.oneLine)")
            }
        }
        do {
            let n = try ReviewIndex.write(outDir: outDir)
            logger.notice("\(outDir.appendingPathComponent(ReviewIndex.fileName).path): \(n) review page\(n == 1 ? "" : "s")")
        } catch {
            logger.error("\(error.oneLine)")
            throw ExitCode(1)
        }
        if failed > 0 { throw ExitCode(1) }
    }

    private func report(_ logger: Logger, _ name: String, _ page: URL, _ m: Minutes, _ started: Date) {
        let size = (try? FileManager.default.attributesOfItem(atPath: page.path)[.size] as? Int) ?? 0
        logger.info("\(name): \(page.path), \(m.source.pages) page\(m.source.pages == 1 ? "" : "s"), \(size / 1024) KB in \(String(format: "%.2f", Date().timeIntervalSince(started))) s")
    }

    /// The source a JSON file was converted from: beside it or in a --source folder, by the
    /// name it records, preferring a file whose content hash matches.
    private func findSource(of m: Minutes, besides json: URL) -> (url: URL?, note: String?) {
        let stem = json.deletingPathExtension().lastPathComponent
        let ext = URL(fileURLWithPath: m.source.file).pathExtension
        let dirs = [json.deletingLastPathComponent()] + source.map { URL(fileURLWithPath: $0) }
        let names = [m.source.file] + (ext.isEmpty ? [] : [stem + "." + ext])
        let candidates = dirs.flatMap { d in names.map { d.appendingPathComponent($0) } }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
        for c in candidates {
            if let d = try? Data(contentsOf: c, options: .mappedIfSafe), SHA256.hex(d) == m.source.sha256 { return (c, nil) }
        }
        if let c = candidates.first {
            return (c, "\(c.path) has changed since it was converted: boxes may not fall on their words")
        }
        return (nil, "source \(m.source.file) not found beside the JSON or in a --source folder: the page has no images")
    }
}

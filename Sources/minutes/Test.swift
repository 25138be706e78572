import ArgumentParser
import Foundation
import MinutesApp
import MinutesPipeline
import MinutesScoring

struct TestFixtures: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Check conversions against fixtures: NAME.expected.json or NAME.truth.json beside NAME.pdf.",
        discussion: """
        Each document (PDF or image) with a fixture beside it is converted once and checked: \
        against NAME.expected.json (a whole minutes/1 file) field by field, boxes within \
        --box-tolerance, diagnostics only with --diagnostics; against NAME.truth.json (the \
        partial, hand-checked truth) with the rules and thresholds of the project's scorer (score.py), motions \
        included unless --ignore-motions. Prints one row per fixture and one line per \
        difference. A truth fixture passes at --min or above; an expected file passes when \
        nothing differs.
        Exit status: 0 when every fixture passes, 1 otherwise, 2 for bad usage.
        """)

    @Argument(help: "Documents, fixture files, or folders holding both (searched recursively).")
    var fixtures: [String] = []

    @Option(name: .customLong("truth"), help: ArgumentHelp("A folder of NAME.truth.json / NAME.expected.json kept apart from the documents, paired with them by name (repeatable).", valueName: "dir"))
    var truthDirs: [String] = []

    @Option(name: .long, help: "Report format: text, json (the full report) or junit (JUnit XML).")
    var format: String = "text"

    @Option(name: .long, help: ArgumentHelp("Write the report to FILE and print the text report as well.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("The score each truth fixture must reach, 0 to 1 (1: every checked fact right).", valueName: "score"))
    var min: Double = 1.0

    @Flag(name: .long, help: "Leave motions out of truth scores.")
    var ignoreMotions = false

    @Flag(name: .long, help: "Compare diagnostics with expected files too.")
    var diagnostics = false

    @Option(name: .long, help: ArgumentHelp("Points a box may move and still agree with an expected file's.", valueName: "points"))
    var boxTolerance: Double = ExpectedComparison.Options().boxTolerance

    @Option(name: .long, parsing: .upToNextOption,
            help: ArgumentHelp("Write the current output of these documents (fixture names or file names without extension) as their NAME.expected.json, after showing what changed.", valueName: "name"))
    var accept: [String] = []

    @Option(name: .long, help: ArgumentHelp("Also write each conversion to DIR/NAME.json.", valueName: "dir"))
    var save: String?

    @Option(name: .long, help: ArgumentHelp("Check DIR/NAME.json (from an earlier `minutes convert --out DIR`) instead of converting.", valueName: "dir"))
    var converted: String?

    @Option(name: .long, help: "Documents converted at once (default: the number of cores).")
    var jobs: Int?

    @OptionGroup var choice: PipelineChoice

    func validate() throws {
        if fixtures.isEmpty && truthDirs.isEmpty { throw ValidationError("give documents or fixture folders to check") }
        if FixtureReportFormat(rawValue: format) == nil { throw ValidationError("--format must be text, json or junit") }
        if !(0...1).contains(min) { throw ValidationError("--min must be between 0 and 1") }
        if !(boxTolerance >= 0) { throw ValidationError("--box-tolerance must be 0 or more") }
        if let j = jobs, j < 1 { throw ValidationError("--jobs must be at least 1") }
        if save != nil && converted != nil { throw ValidationError("give at most one of --save and --converted") }
    }

    func run() throws {
        var (pipeline, _) = try choice.resolve()
        let workers = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        pipeline.options.jobs = jobs ?? pipeline.options.jobs ?? workers
        OCRWork.pagesAtOnce = workers
        let options = FixtureRunOptions(minScore: min, motions: !ignoreMotions,
                                        comparison: .init(boxTolerance: boxTolerance, diagnostics: diagnostics),
                                        jobs: workers, saveDir: save.map { URL(fileURLWithPath: $0) },
                                        convertedDir: converted.map { URL(fileURLWithPath: $0) })
        // On a terminal, one status line while documents convert (scans take a while).
        var progress: (@Sendable (Int, Int, String) -> Void)?
        if Console.shared.isTerminal {
            progress = { done, total, name in Console.shared.status("converted \(done)/\(total): \(name)") }
        }
        let runner = FixtureRunner(converter: DocumentConverter(pipeline: pipeline), options: options, progress: progress)
        let set = FixtureSet.find(fixtures, truthDirs: truthDirs)
        for m in set.missing { Self.stderr("minutes test: \(m): no such file or folder") }
        for n in set.notes { Self.stderr("minutes test: \(n)") }

        if !accept.isEmpty {
            var bad = !set.missing.isEmpty
            let outcomes = runner.accept(accept, in: set)
            Console.shared.status(nil)
            for outcome in outcomes {
                if let e = outcome.error {
                    Self.stderr("minutes test: \(e)")
                    bad = true
                    continue
                }
                let path = outcome.path ?? ""
                if let previous = outcome.previous {
                    let n = previous.differences.count
                    print(n == 0 ? "\(outcome.name): no difference from \(path)"
                                 : "\(outcome.name): \(n) difference\(n == 1 ? "" : "s") from \(path)")
                    for line in previous.differences { print("    " + line) }
                } else {
                    print("\(outcome.name): no expected file before")
                }
                print("\(outcome.name): wrote \(path)")
            }
            if bad { throw ExitCode(1) }
            return
        }

        guard !set.cases.isEmpty else {
            Self.stderr("minutes test: no NAME.truth.json or NAME.expected.json found in \((fixtures + truthDirs).joined(separator: ", "))")
            throw ExitCode(1)
        }
        let report = runner.run(set)
        Console.shared.status(nil)
        let chosen = FixtureReportFormat(rawValue: format) ?? .text
        if let output {
            do {
                try Data(report.rendered(chosen).utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                Self.stderr("minutes test: \(output): cannot write the report (\(error.localizedDescription))")
                throw ExitCode(1)
            }
            print(report.text(), terminator: "")
        } else {
            print(report.rendered(chosen), terminator: "")
        }
        if !report.allPassed || !set.missing.isEmpty { throw ExitCode(1) }
    }

    static func stderr(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

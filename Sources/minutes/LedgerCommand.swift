import ArgumentParser
import Foundation
import MinutesApp

struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "Work with an output folder's ledger.",
        subcommands: [Merge.self])

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Combine the ledgers and reports of `convert --shard I/N` runs into one.",
            discussion: """
            Checks that every input was taken by exactly one shard, appends each shard's ledger \
            to OUT/.minutes-ledger.jsonl (only what is new: merging twice is safe), and writes \
            OUT/_failures.json and OUT/actions.csv as one run over every input would have.
            Exit status: 0 when every input converted, 1 when some failed for good, 75 when a \
            shard is missing or was interrupted, or some failures may pass on a retry.
            """)

        @Argument(help: "The output folder the shards wrote into.")
        var out: String

        func run() throws {
            let report: LedgerMerge.Report
            do {
                report = try LedgerMerge.merge(outDir: URL(fileURLWithPath: out))
            } catch {
                FileHandle.standardError.write(Data("minutes: \(error)\n".utf8))
                throw ExitCode(1)
            }
            for p in report.problems { FileHandle.standardError.write(Data("minutes: \(p)\n".utf8)) }
            FileHandle.standardError.write(Data("minutes: merged \(report.line)\n".utf8))
            if !report.complete || report.retryable > 0 { throw ExitCode(Manifest.retryableExit) }
            if report.failed > 0 { throw ExitCode(1) }
        }
    }
}

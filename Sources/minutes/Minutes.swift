import ArgumentParser
import Foundation
import MinutesApp
import MinutesModel
import MinutesPipeline

@main
struct MinutesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minutes",
        abstract: "Turn meeting minutes published as PDFs and scans into structured minutes/1 JSON.",
        subcommands: [Convert.self, Review.self, Watch.self, Pipelines.self, Validate.self, TestFixtures.self,
                      RegisterCommand.self, ActionsCommand.self, SearchCommand.self, PersonCommand.self,
                      LedgerCommand.self, WorkerCommand.self],
        defaultSubcommand: nil)

    /// ArgumentParser exits 64 (EX_USAGE) for bad usage; this tool promises 2, like most Unix tools.
    static func main() {
        MemoryTuning.forPageImages()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let message = fullMessage(for: error)
                FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

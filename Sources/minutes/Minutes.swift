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
        subcommands: [Convert.self, Validate.self],
        defaultSubcommand: nil)
}

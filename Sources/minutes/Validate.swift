import ArgumentParser
import Foundation
import MinutesModel

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check minutes/1 JSON files against the schema.",
        discussion: "Prints one line per file; exit status 1 when any file is invalid.")

    @Argument(help: "minutes/1 JSON files.")
    var files: [String]

    func run() throws {
        let validator = try SchemaValidator.minutes1()
        var bad = 0
        for path in files {
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                let problems = try validator.validate(jsonData: data)
                if problems.isEmpty {
                    _ = try Minutes.decode(data)
                    print("\(path): valid minutes/1")
                } else {
                    bad += 1
                    for p in problems.prefix(20) { print("\(path): \(p)") }
                }
            } catch {
                bad += 1
                print("\(path): invalid: \(error)")
            }
        }
        if bad > 0 { throw ExitCode(1) }
    }
}

import ArgumentParser
import Foundation
import MinutesApp
import MinutesModel
import MinutesPipeline

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert minutes PDFs (files or folders) into minutes/1 JSON.",
        discussion: "Exit status: 0 when every input converted, 1 when some failed, 2 for bad usage.")

    @Argument(help: "PDF files or folders of them.")
    var inputs: [String]

    @Option(name: .long, help: "Folder to write NAME.json into.")
    var out: String?

    @Flag(name: .long, help: "Write the JSON of the single input to standard output.")
    var stdout = false

    @Option(name: .long, help: "Password for encrypted PDFs.")
    var password: String?

    @Option(name: .long, help: "Numeric date order: auto, day-first or month-first.")
    var dateOrder: String = "auto"

    @Option(name: .long, help: "Print a text dump of the document after this stage to standard error (e.g. repair-tables).")
    var dumpStage: String?

    func validate() throws {
        if stdout == (out != nil) { throw ValidationError("give exactly one of --out DIR or --stdout") }
        if PipelineOptions.DateOrder(rawValue: dateOrder) == nil {
            throw ValidationError("--date-order must be auto, day-first or month-first")
        }
        if let s = dumpStage, StageRegistry.make(s) == nil {
            throw ValidationError("unknown stage '\(s)'; stages: \(StageRegistry.defaultStageNames.joined(separator: ", "))")
        }
    }

    func run() throws {
        var options = PipelineOptions()
        options.password = password
        options.dateOrder = PipelineOptions.DateOrder(rawValue: dateOrder) ?? .auto
        let converter = DocumentConverter(pipeline: .standard(options: options))
        let files = InputFiles.expand(inputs)
        for missing in files.missing {
            FileHandle.standardError.write(Data("minutes: \(missing): no such file or folder\n".utf8))
        }
        if stdout && files.found.count != 1 {
            throw ValidationError("--stdout takes exactly one input file")
        }
        if let out { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) }
        var failed = files.missing.count
        let inspect: ((String, WorkingDocument) -> Void)? = dumpStage.map { wanted in
            { name, doc in
                if name == wanted { FileHandle.standardError.write(Data(StageDump.text(doc, after: name).utf8)) }
            }
        }
        for url in files.found {
            do {
                let minutes = try converter.convert(fileAt: url, inspect: inspect)
                let data = try minutes.jsonData()
                if stdout {
                    FileHandle.standardOutput.write(data)
                } else if let out {
                    let name = url.deletingPathExtension().lastPathComponent + ".json"
                    try data.write(to: URL(fileURLWithPath: out).appendingPathComponent(name), options: .atomic)
                }
            } catch {
                failed += 1
                FileHandle.standardError.write(Data("minutes: \(error.oneLine)\n".utf8))
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}

enum InputFiles {
    static let extensions: Set<String> = ["pdf", "png", "jpg", "jpeg", "tif", "tiff"]

    /// Files as given, folders searched recursively for inputs by extension, sorted by path.
    static func expand(_ inputs: [String]) -> (found: [URL], missing: [String]) {
        var found: [URL] = []
        var missing: [String] = []
        let fm = FileManager.default
        for input in inputs {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: input, isDirectory: &isDir) else { missing.append(input); continue }
            if !isDir.boolValue { found.append(URL(fileURLWithPath: input)); continue }
            let root = URL(fileURLWithPath: input)
            var inFolder: [URL] = []
            if let e = fm.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) {
                for case let url as URL in e where extensions.contains(url.pathExtension.lowercased()) {
                    inFolder.append(url)
                }
            }
            found += inFolder.sorted { $0.path < $1.path }
        }
        return (found, missing)
    }
}

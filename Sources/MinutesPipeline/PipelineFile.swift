import Foundation
import MinutesModel
import Yams

/// A pipeline profile as written in `pipelines/*.yml`: a `stages:` list of names from
/// `StageRegistry` and an `options:` map onto `PipelineOptions`.
///
/// The built-in profiles are embedded here as text so an installed binary works with no
/// repository around; a test checks that `pipelines/*.yml` and these texts stay identical.
public struct PipelineFile: Sendable {
    /// Bump when the meaning of a profile changes in a way a stored result depends on.
    public static let formatVersion = "minutes/1 pipeline 1"

    /// The profile's name: the file name without `.yml`, or the built-in name.
    public var name: String
    /// Where it came from: a path, or `built-in:NAME`.
    public var origin: String
    public var text: String
    public var summary: String?
    public var stageNames: [String]
    public var options: PipelineOptions

    /// Identifies what a result was made with, so a batch can tell a stale output from a
    /// current one: the format version and the hash of the profile text.
    public var version: String {
        "\(Self.formatVersion) stages \(StageRegistry.codeVersion) \(SHA256.hex(Data(text.utf8)).prefix(16))"
    }

    public func pipeline(options override: PipelineOptions? = nil) -> Pipeline {
        Pipeline(name: name, stages: stageNames.compactMap { StageRegistry.make($0) }, options: override ?? options)
    }

    // MARK: Parsing

    public static let optionKeys = ["ocr", "language", "dpi", "dateOrder", "columnHeaders", "jobs"]
    static let topLevelKeys = ["name", "description", "stages", "options"]

    /// Parses profile text. Every error names `origin` and, where it applies, the line.
    public static func parse(_ text: String, name: String, origin: String) throws -> PipelineFile {
        func fail(_ node: Node?, _ reason: String) -> ConversionError {
            .invalidPipeline(file: origin, line: node?.mark?.line, reason: reason)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ConversionError.invalidPipeline(file: origin, line: Self.line(of: error),
                                                  reason: "not valid YAML: \(Self.problem(of: error))")
        }
        guard let root, case .mapping(let top) = root else {
            throw fail(root, "expected a mapping with 'stages:' and 'options:'")
        }
        var file = PipelineFile(name: name, origin: origin, text: text, summary: nil, stageNames: [],
                                options: PipelineOptions())
        var sawStages = false
        for (keyNode, value) in top {
            guard let key = keyNode.string else { throw fail(keyNode, "keys must be plain names") }
            switch key {
            case "name":
                guard let s = value.string, !s.isEmpty else { throw fail(value, "'name' must be text") }
                file.name = s
            case "description":
                guard let s = value.string else { throw fail(value, "'description' must be text") }
                file.summary = s.trimmingCharacters(in: .whitespacesAndNewlines)
            case "stages":
                sawStages = true
                guard case .sequence(let seq) = value else { throw fail(value, "'stages' must be a list of stage names") }
                for item in seq {
                    guard let stage = item.string, case .scalar = item else {
                        throw fail(item, "a stage must be a name")
                    }
                    guard StageRegistry.make(stage) != nil else {
                        throw fail(item, "unknown stage '\(stage)'; stages: \(StageRegistry.defaultStageNames.joined(separator: ", "))")
                    }
                    if file.stageNames.contains(stage) { throw fail(item, "stage '\(stage)' is listed twice") }
                    file.stageNames.append(stage)
                }
                if file.stageNames.isEmpty { throw fail(value, "'stages' is empty") }
            case "options":
                file.options = try parseOptions(value, fail: fail)
            default:
                throw fail(keyNode, "unknown key '\(key)'; keys: \(topLevelKeys.joined(separator: ", "))")
            }
        }
        if !sawStages { throw fail(root, "no 'stages:' list") }
        return file
    }

    static func parseOptions(_ node: Node, fail: (Node?, String) -> ConversionError) throws -> PipelineOptions {
        var options = PipelineOptions()
        if case .scalar(let s) = node, s.string.isEmpty || s.string == "~" || s.string == "null" { return options }
        guard case .mapping(let map) = node else { throw fail(node, "'options' must be a mapping") }
        for (keyNode, value) in map {
            guard let key = keyNode.string else { throw fail(keyNode, "option names must be plain names") }
            switch key {
            case "ocr":
                guard let s = value.string, let mode = PipelineOptions.OCRMode(rawValue: s) else {
                    throw fail(value, "option 'ocr' must be auto, always or never")
                }
                options.ocr = mode
            case "language":
                // Tesseract language codes: "eng", "eng+fra"; anything else would reach a C API.
                guard let s = value.string, !s.isEmpty,
                      s.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "_") }) else {
                    throw fail(value, "option 'language' must be a tesseract language code such as eng or eng+fra")
                }
                options.language = s
            case "dpi":
                guard let s = value.string, let dpi = Double(s), dpi >= 72, dpi <= 1200 else {
                    throw fail(value, "option 'dpi' must be a number from 72 to 1200")
                }
                options.dpi = dpi
            case "dateOrder":
                guard let s = value.string, let order = PipelineOptions.DateOrder(rawValue: s) else {
                    throw fail(value, "option 'dateOrder' must be auto, day-first or month-first")
                }
                options.dateOrder = order
            case "columnHeaders":
                guard case .mapping(let headers) = value else {
                    throw fail(value, "option 'columnHeaders' must map header text to a column role")
                }
                for (h, r) in headers {
                    guard let header = h.string, !header.isEmpty else { throw fail(h, "a column header must be text") }
                    guard let roleName = r.string, let role = ColumnRole(rawValue: roleName) else {
                        throw fail(r, "column role for '\(header)' must be one of \(ColumnRole.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    options.columnHeaders[header] = role
                }
            case "jobs":
                guard let s = value.string, let n = Int(s), n >= 1, n <= 64 else {
                    throw fail(value, "option 'jobs' must be a whole number from 1 to 64")
                }
                options.jobs = n
            default:
                throw fail(keyNode, "unknown option '\(key)'; options: \(optionKeys.joined(separator: ", "))")
            }
        }
        return options
    }

    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let p, _, _), .parser(_, let p, _, _), .composer(_, let p, _, _): return p
        case .duplicatedKeysInMapping(let duplicates, _): return "duplicated keys \(duplicates.joined(separator: ", "))"
        default: return "\(error)".replacingOccurrences(of: "\n", with: " ")
        }
    }

    // MARK: Finding profiles

    /// Reads a profile file; its name is the file name without `.yml`.
    public static func load(contentsOf url: URL) throws -> PipelineFile {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ConversionError.invalidPipeline(file: url.path, line: nil, reason: "cannot read the pipeline file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConversionError.invalidPipeline(file: url.path, line: nil, reason: "not UTF-8 text")
        }
        return try parse(text, name: url.deletingPathExtension().lastPathComponent, origin: url.path)
    }

    /// Folders searched for named profiles before the built-in texts: `pipelines/` beside the
    /// executable and `../share/minutes/pipelines` (where the Docker image installs them).
    public static var searchDirectories: [URL] {
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        let dir = exe.deletingLastPathComponent()
        return [dir.appendingPathComponent("pipelines"),
                dir.deletingLastPathComponent().appendingPathComponent("share/minutes/pipelines")]
    }

    /// `--pipeline NAME|PATH`: an existing file path, else a named profile beside the
    /// executable, else a built-in one. `nil` means the default profile.
    public static func resolve(_ nameOrPath: String?, searchDirectories dirs: [URL] = searchDirectories) throws -> PipelineFile {
        let wanted = nameOrPath ?? "default"
        let fm = FileManager.default
        var isDir: ObjCBool = false
        let looksLikePath = wanted.contains("/") || wanted.hasSuffix(".yml") || wanted.hasSuffix(".yaml")
        if looksLikePath || (fm.fileExists(atPath: wanted, isDirectory: &isDir) && !isDir.boolValue) {
            guard fm.fileExists(atPath: wanted, isDirectory: &isDir), !isDir.boolValue else {
                throw ConversionError.invalidPipeline(file: wanted, line: nil, reason: "no such pipeline file")
            }
            return try load(contentsOf: URL(fileURLWithPath: wanted))
        }
        for dir in dirs {
            let url = dir.appendingPathComponent(wanted + ".yml")
            if fm.fileExists(atPath: url.path) { return try load(contentsOf: url) }
        }
        if let text = builtinTexts[wanted] {
            return try parse(text, name: wanted, origin: "built-in:\(wanted).yml")
        }
        throw ConversionError.invalidPipeline(file: wanted, line: nil,
            reason: "no such pipeline; pipelines: \(available(searchDirectories: dirs).compactMap { try? $0.get().name }.joined(separator: ", "))")
    }

    /// Every named profile: those found beside the executable, then the built-in ones not
    /// shadowed by a file. A file that does not parse is listed by `minutes pipelines` as an error.
    public static func available(searchDirectories dirs: [URL] = searchDirectories) -> [Result<PipelineFile, ConversionError>] {
        var seen = Set<String>()
        var out: [Result<PipelineFile, ConversionError>] = []
        let fm = FileManager.default
        for dir in dirs {
            guard let names = try? fm.contentsOfDirectory(atPath: dir.path) else { continue }
            for n in names.sorted() where n.hasSuffix(".yml") {
                let name = String(n.dropLast(4))
                guard seen.insert(name).inserted else { continue }
                do {
                    out.append(.success(try load(contentsOf: dir.appendingPathComponent(n))))
                } catch let e as ConversionError {
                    out.append(.failure(e))
                } catch {
                    out.append(.failure(.invalidPipeline(file: n, line: nil, reason: error.localizedDescription)))
                }
            }
        }
        for name in builtinNames where seen.insert(name).inserted {
            if let text = builtinTexts[name] {
                out.append(Result { try parse(text, name: name, origin: "built-in:\(name).yml") }
                    .mapError { ($0 as? ConversionError) ?? .invalidPipeline(file: name, line: nil, reason: "\($0)") })
            }
        }
        return out
    }

    // MARK: Built-in texts (identical to pipelines/*.yml; PipelineFileTests checks)

    public static let builtinNames = ["default", "scanned", "text-only", "example-parish-council"]

    public static let builtinTexts: [String: String] = [
        "default": defaultText,
        "scanned": scannedText,
        "text-only": textOnlyText,
        "example-parish-council": exampleParishCouncilText,
    ]

    static let defaultText = """
    # The default pipeline: text layer where a page has one, OCR where it has none.
    # Its stage list is the one `minutes convert` uses when no --pipeline is given.
    description: Text layer where there is one, OCR for pages without text.
    stages:
      - extract-text
      - build-lines
      - strip-running-text
      - repair-tables
      - classify-sections
      - resolve-owners
      - emit-minutes
    options:
      ocr: auto
      language: eng
      dpi: 300
      dateOrder: auto

    """

    static let scannedText = """
    # For scans: OCR every page, even where a text layer exists (often a poor one
    # added by the scanner).
    description: OCR every page, ignoring any text layer.
    stages:
      - extract-text
      - build-lines
      - strip-running-text
      - repair-tables
      - classify-sections
      - resolve-owners
      - emit-minutes
    options:
      ocr: always
      language: eng
      dpi: 300
      dateOrder: auto

    """

    static let textOnlyText = """
    # For born-digital PDFs: never OCR. A page without text gives a diagnostic, and a
    # document with no text at all fails, instead of spending minutes on OCR.
    description: Text layer only, never OCR.
    stages:
      - extract-text
      - build-lines
      - strip-running-text
      - repair-tables
      - classify-sections
      - resolve-owners
      - emit-minutes
    options:
      ocr: never
      dateOrder: auto

    """

    static let exampleParishCouncilText = """
    # An example organisation profile. Copy it, rename it (the file name is the
    # pipeline name) and use it with `minutes convert --pipeline PATH`, or put it in
    # the pipelines/ folder beside the binary and use `--pipeline NAME`.
    #
    # stages:  the stages to run, in order; `minutes pipelines` lists every stage.
    # options: every key is optional; leave one out to keep the default.
    #   ocr:           auto (pages without text), always, or never
    #   language:      tesseract language(s), e.g. eng or eng+cym (packs must be installed)
    #   dpi:           resolution pages are rendered at for OCR (72 to 1200)
    #   dateOrder:     how to read 03/04/2024: auto, day-first or month-first
    #   columnHeaders: extra action-table header texts and the column each one names;
    #                  roles: item, discussion, action, owner, due, status, ref
    #   jobs:          pages of one document OCR'd at once (default: --jobs)
    description: Example parish council profile (day-first dates, the clerk's action-log headings).
    stages:
      - extract-text
      - build-lines
      - strip-running-text
      - repair-tables
      - classify-sections
      - resolve-owners
      - emit-minutes
    options:
      ocr: auto
      language: eng
      dpi: 300
      dateOrder: day-first
      columnHeaders:
        "Minute No.": ref
        "Clerk to action": action
        "Councillor": owner
        "Responsible": owner
        "By when": due
        "Progress": status

    """
}

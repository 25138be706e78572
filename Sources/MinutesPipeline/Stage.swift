import Foundation
import MinutesModel
import PageLayout

/// What a user can set for one run of a pipeline: the same fields a `pipelines/*.yml`
/// profile sets.
public struct PipelineOptions: Sendable, Equatable {
    public enum OCRMode: String, Sendable, CaseIterable { case auto, always, never }
    public enum DateOrder: String, Sendable, CaseIterable { case auto, dayFirst = "day-first", monthFirst = "month-first" }

    public var ocr: OCRMode = .auto
    public var language: String = "eng"
    public var dpi: Double = 300
    public var password: String?
    public var dateOrder: DateOrder = .auto
    /// Extra action-table header words, mapped to the column role they name.
    public var columnHeaders: [String: ColumnRole] = [:]
    /// Pages of one document worked on at once (OCR). nil when neither a pipeline file nor
    /// the command line set it: one page at a time.
    public var jobs: Int?
    /// What one input may cost (pages, pixels, OCR seconds, bytes).
    public var limits = InputLimits()

    public init() {}
}

/// What an action-table column holds.
public enum ColumnRole: String, Sendable, CaseIterable, Equatable {
    case item, discussion, action, owner, due, status, ref
}

/// What kind of input the bytes are, sniffed from content rather than the name.
public enum InputKind: String, Sendable {
    case pdf, png, jpeg, tiff

    public static func sniff(_ data: Data) -> InputKind? {
        let head = [UInt8](data.prefix(1024))
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return .png }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x49, 0x49, 0x2A, 0x00]) || head.starts(with: [0x4D, 0x4D, 0x00, 0x2A]) { return .tiff }
        // The PDF header may follow a little junk; readers accept it within the first KB.
        let marker: [UInt8] = Array("%PDF-".utf8)
        if head.count >= marker.count {
            for i in 0...(head.count - marker.count) where head[i] == 0x25 && Array(head[i..<i + marker.count]) == marker {
                return .pdf
            }
        }
        return nil
    }
}

/// Why a document could not be converted. Always names the file; the page where one applies.
public enum ConversionError: Error, Equatable, CustomStringConvertible {
    case empty(file: String)
    case unsupported(file: String, what: String)
    case unreadable(file: String, reason: String)
    case noText(file: String, page: Int?)
    case invalidPipeline(file: String, line: Int?, reason: String)
    /// Over one of `InputLimits`, found before the work it bounds.
    case overLimit(file: String, reason: String)

    public var description: String {
        switch self {
        case .empty(let f): return "\(f): empty file (0 bytes)"
        case .unsupported(let f, let what): return "\(f): not a PDF or image (\(what))"
        case .unreadable(let f, let r): return "\(f): \(r)"
        case .noText(let f, let p):
            return p.map { "\(f): page \($0): no text found" } ?? "\(f): no text found (an image with no text layer; OCR is off or found nothing)"
        case .invalidPipeline(let f, let line, let r):
            return line.map { "\(f):\($0): \(r)" } ?? "\(f): \(r)"
        case .overLimit(let f, let r): return "\(f): refused: \(r)"
        }
    }
}

/// The one input a pipeline run works on.
public struct InputDocument: Sendable {
    public var fileName: String
    public var data: Data
    public var kind: InputKind
    /// The content hash when the caller has already taken it (a batch does, for its
    /// ledger): hashing a large file twice is measurable on text PDFs.
    public var sha256: String?

    public init(fileName: String, data: Data, sha256: String? = nil) throws {
        guard !data.isEmpty else { throw ConversionError.empty(file: fileName) }
        guard let kind = InputKind.sniff(data) else {
            let looksText = data.prefix(512).allSatisfy { $0 == 9 || $0 == 10 || $0 == 13 || ($0 >= 32 && $0 < 127) || $0 >= 128 }
            throw ConversionError.unsupported(file: fileName, what: looksText ? "it is plain text" : "unknown binary content")
        }
        self.fileName = fileName
        self.data = data
        self.kind = kind
        self.sha256 = sha256
    }
}

/// The state a document is in between stages. Each stage reads what earlier stages left
/// and adds its own part; the last one fills `minutes`.
public struct WorkingDocument: Sendable {
    public var input: InputDocument
    public var options: PipelineOptions
    public var pages: [Page] = []
    public var pageCount: Int = 0
    public var producer: String?
    /// The document info's own title and creation date, where the file has them: a page
    /// that gives a date with no year may be dated by them (`MetadataYearReader`).
    public var documentTitle: String?
    public var created: Date?
    public var method: ExtractionMethod = .text
    public var ocrConfidence: Double?
    /// Lines in reading order over the whole document.
    public var lines: [Line] = []
    /// Running headers and footers taken out of `lines` (kept: a header often names the meeting).
    public var runningText: [Line] = []
    /// Action tables found by table repair; their action, owner and date columns are taken
    /// out of `lines`, which keeps the discussion column as flow text.
    public var tables: [ActionTable] = []
    /// Actions read by table repair, before section classification adds inline ones.
    public var tableActions: [Action] = []
    /// Numeric date order the document uses, settled by section classification.
    public var dateOrder: DateParsing.Order = .dayFirst
    /// What the section readers shared and found (lines as read, labels, numbering, the
    /// lines each reader took), left by `classify-sections`.
    public var sections: SectionContext?
    public var minutes: Minutes
    public var diagnostics: [Diagnostic] = []

    public init(input: InputDocument, options: PipelineOptions) {
        self.input = input
        self.options = options
        minutes = Minutes(source: Source(file: input.fileName, sha256: "", pages: 0, method: .text))
    }

    public mutating func note(_ stage: String, _ severity: Severity, page: Int? = nil, _ message: String) {
        diagnostics.append(Diagnostic(stage: stage, severity: severity, page: page, message: message))
    }
}

/// One filter of the pipeline: a value with one job.
public protocol Stage: Sendable {
    /// The name used in `pipelines/*.yml` and `--dump-stage`.
    var name: String { get }
    func run(_ doc: inout WorkingDocument) throws
}

/// An ordered list of stages, as read from a `pipelines/*.yml` file or built in code.
public struct Pipeline: Sendable {
    public var name: String
    public var stages: [any Stage]
    public var options: PipelineOptions

    public init(name: String, stages: [any Stage], options: PipelineOptions = PipelineOptions()) {
        self.name = name
        self.stages = stages
        self.options = options
    }

    /// The built-in default: the stage list `pipelines/default.yml` spells out.
    public static func standard(options: PipelineOptions = PipelineOptions()) -> Pipeline {
        Pipeline(name: "default", stages: StageRegistry.defaultStageNames.compactMap { StageRegistry.make($0) },
                 options: options)
    }

    /// Runs every stage; `inspect` sees the document after each stage (for `--dump-stage`).
    public func run(_ input: InputDocument, inspect: ((String, WorkingDocument) -> Void)? = nil) throws -> Minutes {
        var doc = WorkingDocument(input: input, options: options)
        for stage in stages {
            try stage.run(&doc)
            inspect?(stage.name, doc)
        }
        return doc.minutes
    }
}

/// Every stage a pipeline file may name, in one place.
public enum StageRegistry {
    /// Changes whenever a stage reads documents differently, so a batch re-converts what an
    /// older build produced instead of skipping it as done. Bump it with every such change.
    public static let codeVersion = "2026.12.03-4"

    public static let defaultStageNames = [
        "extract-text", "build-lines", "strip-running-text", "repair-tables",
        "classify-sections", "resolve-owners", "emit-minutes",
    ]

    public static let descriptions: [String: String] = [
        "extract-text": "words with boxes and fonts from the PDF text layer, or OCR where a page has none",
        "build-lines": "words into lines and column segments, in reading order",
        "strip-running-text": "drop running headers, footers and page numbers repeated near the page edge",
        "repair-tables": "find action tables, assign words to columns, merge rows split by page breaks, split multi-action cells",
        "classify-sections": "meeting fields, attendees, apologies, agenda, items, decisions, actions, next meeting",
        "resolve-owners": "normalise owners and due dates; resolve owners to attendee names",
        "emit-minutes": "assemble the minutes/1 document and its diagnostics",
    ]

    public static func make(_ name: String) -> (any Stage)? {
        switch name {
        case "extract-text": return ExtractText()
        case "build-lines": return BuildLines()
        case "strip-running-text": return StripRunningText()
        case "repair-tables": return RepairTables()
        case "classify-sections": return ClassifySections()
        case "resolve-owners": return ResolveOwners()
        case "emit-minutes": return EmitMinutes()
        default: return nil
        }
    }
}

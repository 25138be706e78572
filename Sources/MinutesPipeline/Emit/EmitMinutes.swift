import Foundation
import MinutesModel
import PageLayout

/// Assembles the `minutes/1` document: source facts, every stage's diagnostics, and each
/// field's confidence.
public struct EmitMinutes: Stage {
    public let name = "emit-minutes"
    public init() {}

    public func run(_ doc: inout WorkingDocument) throws {
        doc.minutes.source = Source(file: doc.input.fileName, sha256: doc.input.sha256 ?? SHA256.hex(doc.input.data),
                                    pages: doc.pageCount, method: doc.method,
                                    ocrConfidence: doc.ocrConfidence.map { ($0 * 1000).rounded() / 1000 },
                                    producer: doc.producer)
        lowConfidenceWarnings(&doc)
        doc.minutes.diagnostics = doc.diagnostics
        FieldConfidence.fill(&doc.minutes, pages: doc.pages)
    }

    /// Records read from OCR words the engine was unsure of get a warning naming the record
    /// and the words, weakest first.
    private func lowConfidenceWarnings(_ doc: inout WorkingDocument) {
        let ocrPages = Dictionary(doc.pages.filter { $0.source == .ocr }.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
        guard !ocrPages.isEmpty else { return }
        for r in doc.minutes.records {
            guard let page = r.page, let box = r.box, box.count == 4, let p = ocrPages[page] else { continue }
            let weak = FieldConfidence.words(in: box, on: p)
                .compactMap { w in w.confidence.flatMap { $0 < FieldConfidence.weakWord ? (w.text, $0) : nil } }
                .sorted { $0.1 < $1.1 }
            guard !weak.isEmpty else { continue }
            let words = weak.prefix(3).map { "'\($0.0)' \(Int($0.1 * 100))%" }.joined(separator: ", ") + (weak.count > 3 ? ", …" : "")
            doc.note(name, .warning, page: page, "low-confidence OCR in \(r.path) \"\(label(r.path, doc.minutes))\": \(words)")
        }
    }

    private func label(_ path: RecordPath, _ m: Minutes) -> String {
        let field: String
        switch path.kind {
        case .person: field = "name"
        case .item: field = "title"
        case .action: field = "description"
        case .motion, .decision: field = "text"
        case .meeting, .nextMeeting: return ""
        }
        let text = m.value(of: field, at: path)?.display ?? m.value(of: "number", at: path)?.display ?? ""
        return text.count > 50 ? String(text.prefix(47)) + "…" : text
    }
}

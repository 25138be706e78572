import Foundation
import MinutesModel
import PageLayout

/// Assembles the `minutes/1` document: source facts and every stage's diagnostics.
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
    }

    /// Facts read from OCR words the engine was unsure of get a warning naming the page.
    private func lowConfidenceWarnings(_ doc: inout WorkingDocument) {
        let ocrPages = Dictionary(doc.pages.filter { $0.source == .ocr }.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
        guard !ocrPages.isEmpty else { return }
        func weakest(_ page: Int?, _ box: [Double]?) -> Double? {
            guard let page, let box, box.count == 4, let p = ocrPages[page] else { return nil }
            let r = Rect(x0: box[0], y0: box[1], x1: box[2], y1: box[3])
            return p.words.filter { $0.box.midX >= r.x0 && $0.box.midX <= r.x1 && $0.box.midY >= r.y0 && $0.box.midY <= r.y1 }
                .compactMap(\.confidence).min()
        }
        for a in doc.minutes.actions {
            if let c = weakest(a.page, a.box), c < 0.6 {
                doc.note(name, .warning, page: a.page, "action \"\(ResolveOwners.short(a.description))\" read from low-confidence OCR (\(Int(c * 100))%)")
            }
        }
        for p in doc.minutes.attendees + doc.minutes.apologies {
            if let c = weakest(p.page, p.box), c < 0.6 {
                doc.note(name, .warning, page: p.page, "person '\(p.name)' read from low-confidence OCR (\(Int(c * 100))%)")
            }
        }
    }
}

import Foundation
import MinutesModel
import PageLayout

/// Fills `confidence` on every person, item, action, motion and decision and on each found
/// meeting field's provenance: how sure the pipeline is that the value is right as read,
/// 0…1 (README, "Confidence").
///
/// confidence = reading × the factor of every doubt about how the value was found
/// (`FieldDoubts`), rounded to two places, where
/// - reading is 1 for a PDF text layer; for OCR, the mean confidence of the weakest quarter
///   of the words inside the field's box (at least one word), so one misread owner's
///   initials in a long row still shows; the page's mean where the box holds no word or
///   the field has no box.
/// A field a person corrected has confidence 1.
public enum FieldConfidence {
    /// Below this a field is listed first on the review page, for a person to check.
    public static let checkBelow = 0.8
    /// OCR words under this confidence are named in a diagnostic (tesseract's own scale:
    /// below about 60 its guesses are wrong more often than a reader would accept).
    public static let weakWord = 0.6

    public static func fill(_ m: inout Minutes, pages: [Page]) {
        let ocr = Dictionary(pages.filter { $0.source == .ocr }.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
        let docMean = mean(ocr.values.flatMap(\.words).compactMap(\.confidence))
        let (factor, corrected) = FieldDoubts.factors(FieldDoubts.find(in: m))
        func value(_ id: String, page: Int?, box: Box?) -> Double {
            if corrected.contains(id) { return 1 }
            let r = reading(page: page, box: box, ocr: ocr, docMean: docMean, anyOCR: !ocr.isEmpty)
            return ((r * (factor[id] ?? 1)).clamped * 100).rounded() / 100
        }
        for i in m.attendees.indices {
            m.attendees[i].confidence = value(RecordPath.list(.attendees, i).description, page: m.attendees[i].page, box: m.attendees[i].box)
        }
        for i in m.apologies.indices {
            m.apologies[i].confidence = value(RecordPath.list(.apologies, i).description, page: m.apologies[i].page, box: m.apologies[i].box)
        }
        func items(_ its: inout [Item], _ list: RecordPath.List, _ prefix: [Int]) {
            for i in its.indices {
                let id = RecordPath(.list(list, prefix + [i])).description
                its[i].confidence = value(id, page: its[i].page, box: its[i].box)
                items(&its[i].children, list, prefix + [i])
            }
        }
        items(&m.agenda, .agenda, [])
        items(&m.items, .items, [])
        for i in m.actions.indices {
            m.actions[i].confidence = value(RecordPath.list(.actions, i).description, page: m.actions[i].page, box: m.actions[i].box)
        }
        for i in m.motions.indices {
            m.motions[i].confidence = value(RecordPath.list(.motions, i).description, page: m.motions[i].page, box: m.motions[i].box)
        }
        for i in m.decisions.indices {
            m.decisions[i].confidence = value(RecordPath.list(.decisions, i).description, page: m.decisions[i].page, box: m.decisions[i].box)
        }
        // Every meeting field found gets an entry, with the page and box where the reader
        // gave them and a confidence in every case.
        for field in RecordKind.meeting.editableFields.map(\.name) where m.value(of: field, at: RecordPath(.meeting)) != FieldValue.none {
            var p = m.meeting.provenance[field] ?? Provenance()
            p.confidence = value("meeting." + field, page: p.page, box: p.box)
            m.meeting.provenance[field] = p
        }
    }

    /// How sure the reading itself is: 1 for a text layer, else what OCR said of the words.
    static func reading(page: Int?, box: Box?, ocr: [Int: Page], docMean: Double?, anyOCR: Bool) -> Double {
        guard anyOCR else { return 1 }
        guard let page else { return docMean ?? 1 }
        guard let p = ocr[page] else { return 1 }
        let pageMean = mean(p.words.compactMap(\.confidence)) ?? docMean ?? 1
        guard let box, box.count == 4 else { return pageMean }
        let inside = words(in: box, on: p).compactMap(\.confidence).sorted()
        guard !inside.isEmpty else { return pageMean }
        return mean(Array(inside.prefix(max(1, inside.count / 4)))) ?? pageMean
    }

    /// Words whose centre lies inside the box.
    static func words(in box: Box, on page: Page) -> [Word] {
        let r = Rect(x0: box[0], y0: box[1], x1: box[2], y1: box[3])
        return page.words.filter { $0.box.midX >= r.x0 && $0.box.midX <= r.x1 && $0.box.midY >= r.y0 && $0.box.midY <= r.y1 }
    }

    static func mean(_ xs: [Double]) -> Double? { xs.isEmpty ? nil : xs.reduce(0, +) / Double(xs.count) }
}

private extension Double {
    var clamped: Double { Swift.min(1, Swift.max(0, self)) }
}

import Foundation
import MinutesModel
import MinutesPipeline

/// One self-contained HTML page for one document: its pages as images with an SVG layer
/// drawing the box of every field, and a side panel with the extracted data, the fields to
/// check first at its top. No network request: images are data URIs, style and script
/// are inline, and the page's Content-Security-Policy forbids anything else.
public enum ReviewPage {
    /// Meta tag the index page reads back (only the head of each page is read).
    public static let summaryMeta = "minutes-review"

    /// What the index page shows of a document.
    public struct Summary: Codable, Sendable, Equatable {
        public var file: String
        public var page: String
        public var title: String?
        public var date: String?
        public var pages: Int
        public var method: String
        public var attendees: Int
        public var apologies: Int
        public var items: Int
        public var actions: Int
        public var motions: Int
        public var decisions: Int
        public var warnings: Int
        public var toCheck: Int
        public var lowestConfidence: Double?
    }

    public static func html(_ m: Minutes, images: [ReviewPageImage], pageName: String,
                            previousCorrections: CorrectionsFile? = nil, sourceNote: String? = nil) -> String {
        let doubts = FieldDoubts.find(in: m)
        let rows = ReviewRows.build(m, doubts: doubts)
        let pageLevel = m.diagnostics.enumerated().filter { k, d in
            d.severity >= .warning && !doubts.contains { $0.diagnostic == k }
        }
        let check = rows.filter(\.needsCheck).sorted { ($0.confidence ?? 1, $0.order) < ($1.confidence ?? 1, $1.order) }
        let summary = Summary(file: m.source.file, page: pageName, title: m.meeting.title, date: m.meeting.date,
                              pages: m.source.pages, method: m.source.method.rawValue, attendees: m.attendees.count,
                              apologies: m.apologies.count, items: countItems(m.items), actions: m.actions.count,
                              motions: m.motions.count, decisions: m.decisions.count,
                              warnings: m.diagnostics.filter { $0.severity >= .warning }.count, toCheck: check.count,
                              lowestConfidence: rows.compactMap(\.confidence).min())

        var h = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="\(summaryMeta)" content="\(esc(json(summary)))">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Review · \(esc(m.meeting.title ?? m.source.file))</title>
        <style>\(ReviewAssets.css)</style>
        </head><body>
        <main id="pages" aria-label="pages">

        """
        for img in images {
            h += pageSection(img, rows: rows.filter { $0.page == img.number && $0.box != nil })
        }
        if images.isEmpty { h += "<p class=\"nopages\">\(esc(sourceNote ?? "The source file was not found: no page images."))</p>" }
        h += "</main>\n<aside id=\"panel\">\n"
        h += header(m, summary: summary, sourceNote: images.isEmpty ? nil : sourceNote)
        h += checkSection(check, pageLevel: pageLevel.map(\.element))
        h += ReviewRows.sections(m, rows: rows)
        h += diagnosticsSection(m, doubts: doubts)
        h += "</aside>\n<div id=\"tip\" role=\"tooltip\"></div>\n"
        h += "<script type=\"application/json\" id=\"review-data\">\(scriptJSON(data(m, rows: rows, previous: previousCorrections, pageName: pageName)))</script>\n"
        h += "<script>\(ReviewAssets.script)</script>\n</body></html>\n"
        return h
    }

    static func pageSection(_ img: ReviewPageImage, rows: [ReviewRow]) -> String {
        let w = fmt(img.widthPoints), hgt = fmt(img.heightPoints)
        var s = "<section class=\"page\" id=\"page-\(img.number)\" data-page=\"\(img.number)\" style=\"aspect-ratio: \(w) / \(hgt)\">\n"
        s += "<img alt=\"page \(img.number)\" src=\"data:\(img.mimeType);base64,\(img.data.base64EncodedString())\">\n"
        s += "<svg viewBox=\"0 0 \(w) \(hgt)\" preserveAspectRatio=\"none\" aria-hidden=\"true\">\n"
        // Large boxes first, so a small one inside an item's or a table's box stays on top to point at.
        for r in rows.sorted(by: { area($0.box) > area($1.box) }) {
            guard let b = r.box, b.count == 4 else { continue }
            let cls = "box k-\(r.kind)" + (r.needsCheck ? " doubt" : "") + (r.corrected ? " fixed" : "")
            s += "<rect class=\"\(cls)\" data-f=\"\(esc(r.id))\" x=\"\(fmt(b[0]))\" y=\"\(fmt(b[1]))\" width=\"\(fmt(max(1, b[2] - b[0])))\" height=\"\(fmt(max(1, b[3] - b[1])))\"><title>\(esc(r.kindLabel)): \(esc(r.short))</title></rect>\n"
        }
        s += "</svg>\n<div class=\"pno\">\(img.number)</div>\n</section>\n"
        return s
    }

    static func header(_ m: Minutes, summary: Summary, sourceNote: String?) -> String {
        var s = "<header>\n<h1>\(esc(m.meeting.title ?? m.source.file))</h1>\n"
        s += "<p class=\"src\">\(esc(m.source.file)) · \(m.source.pages) page\(m.source.pages == 1 ? "" : "s") · \(m.source.method.rawValue == "text" ? "text layer" : esc(m.source.method.rawValue.uppercased()))"
        if let c = m.source.ocrConfidence { s += String(format: " (mean OCR confidence %.2f)", c) }
        s += "</p>\n"
        if let sourceNote { s += "<p class=\"note\">\(esc(sourceNote))</p>\n" }
        s += "<p class=\"counts\">\(summary.attendees) attendees · \(summary.apologies) apologies · \(summary.items) items · \(summary.actions) actions · \(summary.motions) motions · \(summary.decisions) decisions</p>\n"
        s += """
        <div class="tools"><button id="export" type="button" title="Save your corrections as a file to keep beside the source">Export corrections (<span id="ncorr">0</span>)</button>
        <button id="helpbtn" type="button" aria-expanded="false">Keys</button></div>
        <div id="help" hidden><kbd>j</kbd>/<kbd>↓</kbd> next field · <kbd>k</kbd>/<kbd>↑</kbd> previous · <kbd>n</kbd> next to check · <kbd>p</kbd> previous to check · <kbd>e</kbd> correct the field · <kbd>Esc</kbd> close.<br>
        Save the exported <code>NAME.corrections.json</code> beside the source file: every later <code>minutes convert</code> applies it.</div>
        </header>

        """
        return s
    }

    static func checkSection(_ rows: [ReviewRow], pageLevel: [Diagnostic]) -> String {
        var s = "<section id=\"check\"><h2>Check first <span class=\"n\">\(rows.count + pageLevel.count)</span></h2>\n"
        if rows.isEmpty && pageLevel.isEmpty { s += "<p class=\"ok\">Nothing in doubt: no warning, and no field with a doubt against it or a confidence under \(fmt(FieldConfidence.checkBelow)).</p>\n" }
        for d in pageLevel {
            s += "<div class=\"diag sev-\(d.severity.rawValue)\"\(d.page.map { " data-page=\"\($0)\"" } ?? "")><span class=\"sev\">\(d.severity.rawValue)</span> \(d.page.map { "p\($0) · " } ?? "")\(esc(d.message))</div>\n"
        }
        for r in rows {
            s += "<a class=\"cf\" href=\"#\" data-f=\"\(esc(r.id))\">\(confBadge(r.confidence)) <b>\(esc(r.kindLabel))</b> \(esc(r.short))"
            if !r.reasons.isEmpty { s += "<span class=\"why\">\(r.reasons.map(esc).joined(separator: "; "))</span>" }
            s += "</a>\n"
        }
        return s + "</section>\n"
    }

    static func diagnosticsSection(_ m: Minutes, doubts: [FieldDoubt]) -> String {
        var s = "<section id=\"diagnostics\"><h2>Diagnostics <span class=\"n\">\(m.diagnostics.count)</span></h2>\n"
        for (k, d) in m.diagnostics.enumerated().sorted(by: { ($1.element.severity, $0.offset) < ($0.element.severity, $1.offset) }) {
            let target = doubts.first { $0.diagnostic == k }?.record
            s += "<div class=\"diag sev-\(d.severity.rawValue)\"\(target.map { " data-f=\"\(esc($0))\"" } ?? "")><span class=\"sev\">\(d.severity.rawValue)</span> <span class=\"stage\">\(esc(d.stage))</span> \(d.page.map { "p\($0) · " } ?? "")\(esc(d.message))</div>\n"
        }
        return s + "</section>\n"
    }

    /// What the script needs to correct fields: each record's anchor, kind and values.
    static func data(_ m: Minutes, rows: [ReviewRow], previous: CorrectionsFile?, pageName: String) -> [String: Any] {
        var records: [String: Any] = [:]
        for r in m.records {
            var fields: [String: Any] = [:]
            for f in r.path.kind.editableFields {
                switch m.value(of: f.name, at: r.path) {
                case .text(let s): fields[f.name] = s
                case .list(let l): fields[f.name] = l
                default: fields[f.name] = NSNull()
                }
            }
            records[r.path.description] = ["kind": r.path.kind.rawValue, "anchor": r.anchor, "fields": fields]
        }
        var types: [String: Any] = [:]
        for k in RecordKind.allCases { types[k.rawValue] = k.editableFields.map { [$0.name, $0.type.rawValue] } }
        var prev: Any = []
        if let previous, let d = try? JSONEncoder().encode(previous.corrections), let o = try? JSONSerialization.jsonObject(with: d) { prev = o }
        return ["file": m.source.file, "sha256": m.source.sha256, "name": pageName, "records": records, "types": types,
                "previous": prev, "schema": CorrectionsFile.schemaName]
    }

    static func countItems(_ items: [Item]) -> Int { items.reduce(0) { $0 + 1 + countItems($1.children) } }

    static func area(_ b: Box?) -> Double {
        guard let b, b.count == 4 else { return 0 }
        return (b[2] - b[0]) * (b[3] - b[1])
    }

    static func confBadge(_ c: Double?) -> String {
        guard let c else { return "<span class=\"conf\">–</span>" }
        let cls = c >= 0.9 ? "c-hi" : c >= FieldConfidence.checkBelow ? "c-mid" : "c-lo"
        return "<span class=\"conf \(cls)\" title=\"confidence\">\(String(format: "%.2f", c))</span>"
    }

    static func fmt(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    static func esc(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }

    static func json<T: Encodable>(_ value: T) -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys]
        return (try? e.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// JSON safe inside a script element: no `</script>` and no HTML comment can start in it.
    static func scriptJSON(_ object: [String: Any]) -> String {
        guard let d = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: d, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
    }
}

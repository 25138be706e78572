import Foundation
import MinutesModel
import PageLayout

/// A plain-text picture of the document after a stage, for `--dump-stage`: what each stage
/// saw is visible without a debugger.
public enum StageDump {
    public static func text(_ doc: WorkingDocument, after stage: String) -> String {
        var out = "== \(doc.input.fileName) after \(stage)\n"
        switch stage {
        case "extract-text":
            for p in doc.pages {
                out += "-- page \(p.number) (\(Int(p.width))x\(Int(p.height)) pt, \(p.source.rawValue), \(p.words.count) words)\n"
                for w in p.words {
                    out += String(format: "%7.1f %7.1f %5.1f%@ %@\n", w.box.x0, w.box.y0, w.fontSize, w.bold ? "b" : " ", w.text)
                }
            }
        case "build-lines", "strip-running-text":
            out += lines(doc.lines)
        case "repair-tables":
            for (i, t) in doc.tables.enumerated() {
                out += "-- table \(i + 1): " + t.columns.map { "\($0.role.rawValue)@\($0.x0.isFinite ? String(Int($0.x0)) : "edge") '\($0.header)'" }.joined(separator: " | ") + "\n"
                for (r, row) in t.rows.enumerated() {
                    out += "  row \(r + 1)\n"
                    for col in t.columns {
                        guard let cell = row[col.role], !cell.isEmpty else { continue }
                        out += "    [\(col.role.rawValue)] \(cell)\n"
                    }
                }
            }
            out += "-- remaining flow\n" + lines(doc.lines)
        default:
            if let data = try? doc.minutes.jsonData(), let s = String(data: data, encoding: .utf8) { out += s }
            for d in doc.diagnostics {
                out += "\(d.severity.rawValue) [\(d.stage)] p\(d.page.map(String.init) ?? "-"): \(d.message)\n"
            }
        }
        return out
    }

    static func lines(_ lines: [Line]) -> String {
        var out = ""
        var page = 0
        for l in lines {
            if l.page != page { page = l.page; out += "-- page \(page)\n" }
            let segs = l.segments.map { String(format: "@%.0f ", $0.box.x0) + $0.text }.joined(separator: "  ||  ")
            out += String(format: "%6.1f %4.1f%@ ", l.box.y0, l.fontSize, l.bold ? "b" : " ") + segs + "\n"
        }
        return out
    }
}

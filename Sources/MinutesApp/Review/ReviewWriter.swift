import Foundation
import MinutesModel
import MinutesPipeline

/// Writes review pages (`BASE.html`) and the batch's index (`index.html`).
public enum ReviewWriter {
    /// The page for one document, written atomically; `source` is the PDF or image the
    /// minutes were read from (nil when it cannot be found: the page then has no images).
    public static func write(_ m: Minutes, source: Data?, password: String? = nil, base: String, outDir: URL,
                             options: ReviewImageOptions = ReviewImageOptions(), previousCorrections: CorrectionsFile? = nil,
                             sourceNote: String? = nil) throws -> URL {
        var images: [ReviewPageImage] = []
        var note = sourceNote
        if let source {
            do {
                images = try ReviewImages.render(source: source, fileName: m.source.file, password: password,
                                                 diagnostics: m.diagnostics, options: options)
            } catch {
                note = "The pages could not be drawn: \(error.oneLine)"
            }
        }
        let name = URL(fileURLWithPath: base).lastPathComponent
        let html = ReviewPage.html(m, images: images, pageName: name, previousCorrections: previousCorrections, sourceNote: note)
        let url = outDir.appendingPathComponent(base + ".html")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(Data(html.utf8), to: url)
        return url
    }
}

/// `index.html`: one row per review page in a folder (and its sub-folders), sortable by
/// any column. Built from the summary each page carries in its head, so it lists every
/// page there, from this run or an earlier one.
public enum ReviewIndex {
    public static let fileName = "index.html"

    /// Finds the review pages under `outDir` and writes `outDir/index.html`; returns how many it lists.
    @discardableResult
    public static func write(outDir: URL) throws -> Int {
        var found: [(String, ReviewPage.Summary)] = []
        let root = outDir.standardizedFileURL
        if let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) {
            for case let url as URL in e where url.pathExtension == "html" && url.lastPathComponent != fileName {
                guard let s = summary(of: url) else { continue }
                let rel = String(url.standardizedFileURL.path.dropFirst(root.path.count).drop { $0 == "/" })
                found.append((rel, s))
            }
        }
        found.sort { $0.0 < $1.0 }
        try AtomicFile.write(Data(html(found).utf8), to: outDir.appendingPathComponent(fileName))
        return found.count
    }

    /// The summary in a review page's head; nil for any other HTML file.
    static func summary(of url: URL) -> ReviewPage.Summary? {
        guard let h = FileHandle(forReadingAtPath: url.path) else { return nil }
        defer { try? h.close() }
        let head = String(decoding: h.readData(ofLength: 4096), as: UTF8.self)
        let marker = "<meta name=\"\(ReviewPage.summaryMeta)\" content=\""
        guard let start = head.range(of: marker), let end = head[start.upperBound...].firstIndex(of: "\"") else { return nil }
        let json = unescape(String(head[start.upperBound..<end]))
        return try? JSONDecoder().decode(ReviewPage.Summary.self, from: Data(json.utf8))
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static func html(_ rows: [(String, ReviewPage.Summary)]) -> String {
        let esc = ReviewPage.esc
        var h = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
        <title>Review · \(rows.count) document\(rows.count == 1 ? "" : "s")</title>
        <style>
        body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;margin:24px}
        h1{font-size:19px}table{border-collapse:collapse;width:100%}
        th,td{padding:5px 9px;border-bottom:1px solid #e5e7eb;text-align:left}
        th{cursor:pointer;user-select:none;background:#f3f4f6;position:sticky;top:0;white-space:nowrap}
        th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
        td.n{text-align:right;font-variant-numeric:tabular-nums}
        td.warn{color:#b45309;font-weight:600}tr:hover td{background:#fefce8}
        .sub{color:#6b7280;font-size:12.5px}
        </style></head><body>
        <h1>Review: \(rows.count) document\(rows.count == 1 ? "" : "s")</h1>
        <p class="sub">Click a column to sort. "To check" counts the fields listed first on each page: doubts about how a value was found, or confidence under \(ReviewPage.fmt(FieldConfidence.checkBelow)).</p>
        <table id="docs"><thead><tr>
        <th data-t="s">Document</th><th data-t="s">Date</th><th data-t="n">Pages</th><th data-t="s">Method</th><th data-t="n">Attendees</th><th data-t="n">Apologies</th><th data-t="n">Items</th><th data-t="n">Actions</th><th data-t="n">Motions</th><th data-t="n">Decisions</th><th data-t="n">Warnings</th><th data-t="n">To check</th><th data-t="n">Lowest confidence</th>
        </tr></thead><tbody>

        """
        for (rel, s) in rows {
            func n(_ x: Int, warn: Bool = false) -> String { "<td class=\"n\(warn && x > 0 ? " warn" : "")\" data-v=\"\(x)\">\(x)</td>" }
            h += "<tr><td data-v=\"\(esc(s.file))\"><a href=\"\(esc(rel.split(separator: "/").map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String($0) }.joined(separator: "/")))\">\(esc(s.file))</a>"
            if let t = s.title { h += "<div class=\"sub\">\(esc(t))</div>" }
            h += "</td><td data-v=\"\(esc(s.date ?? ""))\">\(esc(s.date ?? "—"))</td>" + n(s.pages)
            h += "<td data-v=\"\(s.method)\">\(s.method == "text" ? "text" : s.method.uppercased())</td>"
            h += n(s.attendees) + n(s.apologies) + n(s.items) + n(s.actions) + n(s.motions) + n(s.decisions) + n(s.warnings, warn: true) + n(s.toCheck, warn: true)
            h += "<td class=\"n\" data-v=\"\(s.lowestConfidence.map { String($0) } ?? "")\">\(s.lowestConfidence.map { String(format: "%.2f", $0) } ?? "—")</td></tr>\n"
        }
        h += #"""
        </tbody></table>
        <script>
        (() => {
          const table = document.getElementById('docs'), body = table.tBodies[0];
          table.tHead.addEventListener('click', e => {
            const th = e.target.closest('th'); if (!th) return;
            const col = th.cellIndex, num = th.dataset.t === 'n';
            const dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
            for (const h of table.tHead.rows[0].cells) h.removeAttribute('aria-sort');
            th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
            const key = r => r.cells[col].dataset.v;
            const rows = [...body.rows].sort((a, b) => {
              const x = key(a), y = key(b);
              if (num) { const p = x === '' ? Infinity : +x, q = y === '' ? Infinity : +y; return (p - q) * dir; }
              return x.localeCompare(y) * dir;
            });
            body.append(...rows);
          });
        })();
        </script>
        </body></html>

        """#
        return h
    }
}

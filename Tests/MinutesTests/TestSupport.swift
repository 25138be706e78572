import Foundation
import MinutesApp
import MinutesModel
import MinutesPipeline
import PageLayout
import XCTest

enum Fixtures {
    static func url(_ name: String, _ ext: String, subdirectory: String? = nil) throws -> URL {
        let dir = subdirectory.map { "Fixtures/\($0)" } ?? "Fixtures"
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: dir) else {
            throw XCTSkip("fixture \(dir)/\(name).\(ext) missing from the test bundle")
        }
        return url
    }

    /// The text-layer minutes fixtures that have hand-checked truth.
    static let documents = [
        "avon-somerset-police-crime-board-2019-06",
        "essex-force-performance-scrutiny-2014-09",
        "essex-pcc-performance-resources-2017-04",
        "kent-performance-delivery-board-2017-06",
        "west-mercia-monthly-assurance-2016-05",
    ]

    static func convert(_ name: String, options: PipelineOptions = PipelineOptions()) throws -> Minutes {
        try DocumentConverter(pipeline: .standard(options: options)).convert(fileAt: url(name, "pdf"))
    }

    /// Where golden files live in the source tree, so an update writes the repo's copy.
    static var sourceDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }
}

enum CanonicalJSON {
    /// Sorted keys, two-space indent: the same minutes give the same bytes.
    static func text(_ data: Data) throws -> String {
        let object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        let out = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: out, as: UTF8.self)
    }

    /// The first differing lines with a little context, for a failure message a person can read.
    static func diff(expected: String, actual: String, context: Int = 3, limit: Int = 40) -> String {
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        var out: [String] = []
        var i = 0, j = 0
        while i < e.count || j < a.count {
            if i < e.count, j < a.count, e[i] == a[j] { i += 1; j += 1; continue }
            // Re-synchronise on the next line both sides share.
            var found: (Int, Int)?
            search: for di in 0..<40 {
                for dj in 0..<40 where i + di < e.count && j + dj < a.count && e[i + di] == a[j + dj] && !e[i + di].trimmingCharacters(in: .whitespaces).isEmpty {
                    found = (di, dj)
                    break search
                }
            }
            let (di, dj) = found ?? (e.count - i, a.count - j)
            out.append("@@ expected line \(i + 1), actual line \(j + 1)")
            for k in max(0, i - context)..<i { out.append("  " + e[k]) }
            for k in i..<(i + di) { out.append("- " + e[k]) }
            for k in j..<(j + dj) { out.append("+ " + a[k]) }
            i += di
            j += dj
            if out.count > limit { out.append("…"); break }
        }
        return out.joined(separator: "\n")
    }
}

/// A line of words laid out 5 pt per character, each cell starting at its x: word boxes built
/// by hand for stage tests.
func makeLine(page: Int = 1, y: Double, _ cells: [(Double, String)], bold: Bool = false) -> Line {
    var words: [Word] = []
    for (x, text) in cells {
        var cx = x
        for w in text.split(separator: " ") {
            let width = Double(w.count) * 5
            words.append(Word(text: String(w), box: Rect(x0: cx, y0: y, x1: cx + width, y1: y + 10), fontSize: 10, bold: bold))
            cx += width + 3
        }
    }
    return Line(page: page, segments: BuildLines.segments(words))
}

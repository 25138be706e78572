import Foundation

/// How `minutes test` prints its report.
public enum FixtureReportFormat: String, CaseIterable, Sendable {
    case text, json, junit
}

extension FixtureReport {
    public func rendered(_ format: FixtureReportFormat) -> String {
        switch format {
        case .text: return text()
        case .json: return json()
        case .junit: return junit()
        }
    }

    /// One row per fixture, one indented line per difference, a summary line.
    public func text() -> String {
        let width = min(60, max(8, documents.map(\.name.count).max() ?? 0))
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        var lines = [pad("document", width) + "  kind      score  result"]
        for d in documents {
            let result = d.status == .passed ? "ok" : d.status == .failed ? "FAIL" : "ERROR"
            lines.append(pad(d.name, width) + "  " + pad(d.kind.rawValue, 8) + String(format: "  %5.3f  ", d.score) + result)
            if let e = d.error { lines.append("    " + e) }
            for line in d.differences { lines.append("    " + line) }
        }
        if !unchecked.isEmpty {
            let shown = unchecked.prefix(5).joined(separator: ", ") + (unchecked.count > 5 ? ", …" : "")
            lines.append("\(unchecked.count) document\(unchecked.count == 1 ? "" : "s") without NAME.truth.json or NAME.expected.json, not checked: \(shown)")
        }
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }

    /// "3 documents: 1 passed, 1 failed, 1 error; mean truth score 0.912 (minimum 1.000)".
    public var summary: String {
        let n = documents.count
        var s = "\(n) fixture\(n == 1 ? "" : "s"): \(passed) passed, \(failed) failed"
        if errors > 0 { s += ", \(errors) error\(errors == 1 ? "" : "s")" }
        if let mean = meanTruthScore {
            s += String(format: "; mean truth score %.3f (each must reach %.3f", mean, minScore)
            s += motions ? ")" : ", motions ignored)"
        }
        return s
    }

    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// JUnit XML as CI systems read it: one test case per fixture; a document below its
    /// threshold is a failure listing the differences, one that could not be checked an error.
    public func junit() -> String {
        let total = documents.reduce(0) { $0 + $1.seconds }
        let counts = "tests=\"\(documents.count)\" failures=\"\(failed)\" errors=\"\(errors)\" skipped=\"0\""
        var x = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        x += "<testsuites name=\"minutes test\" \(counts) time=\"\(Self.seconds(total))\">\n"
        x += "  <testsuite name=\"minutes\" \(counts) time=\"\(Self.seconds(total))\">\n"
        for d in documents {
            x += "    <testcase classname=\"minutes.\(d.kind.rawValue)\" name=\"\(Self.xml(d.name))\" time=\"\(Self.seconds(d.seconds))\""
            switch d.status {
            case .passed:
                x += "/>\n"
                continue
            case .failed:
                let what = d.kind == .truth ? String(format: "score %.3f below %.3f", d.score, minScore)
                    : "\(d.differences.count) difference\(d.differences.count == 1 ? "" : "s") from the expected file"
                x += ">\n      <failure type=\"\(d.kind == .truth ? "score" : "difference")\" message=\"\(Self.xml(what))\">"
                x += Self.xml(d.differences.joined(separator: "\n"), content: true) + "</failure>\n"
            case .error:
                x += ">\n      <error type=\"unchecked\" message=\"\(Self.xml(d.error ?? "not checked"))\">"
                x += Self.xml(d.error ?? "", content: true) + "</error>\n"
            }
            x += "    </testcase>\n"
        }
        x += "  </testsuite>\n</testsuites>\n"
        return x
    }

    static func seconds(_ s: Double) -> String { String(format: "%.3f", s) }

    /// Text escaped for XML content and attributes; characters XML 1.0 cannot hold (control
    /// characters from a broken text layer) are dropped.
    static func xml(_ s: String, content: Bool = false) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where !content: out += "&quot;"
            case "'" where !content: out += "&apos;"
            case "\n": out += content ? "\n" : "&#10;"
            case "\t", "\r": out.unicodeScalars.append(u)
            default:
                let v = u.value
                if v < 0x20 || (0xFFFE...0xFFFF).contains(v) { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }
}

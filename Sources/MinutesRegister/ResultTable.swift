import Foundation

/// Rows a query answers with, printed as an aligned table, CSV or JSON.
public struct ResultTable: Sendable, Equatable {
    public enum Value: Sendable, Equatable, CustomStringConvertible {
        case text(String)
        case int(Int64)
        case null

        public var description: String {
            switch self {
            case .text(let s): return s
            case .int(let n): return String(n)
            case .null: return ""
            }
        }
    }

    public var columns: [String]
    public var rows: [[Value]]

    public init(columns: [String], rows: [[Value]] = []) {
        self.columns = columns
        self.rows = rows
    }

    public func column(_ name: String) -> [Value] {
        guard let i = columns.firstIndex(of: name) else { return [] }
        return rows.map { $0[i] }
    }
}

public enum QueryFormat: String, CaseIterable, Sendable {
    case table, csv, json
}

public enum ResultFormatter {
    /// Widest a table cell is printed; longer text is cut with "…" (csv and json keep it whole).
    static let tableCellWidth = 70

    /// Sections (a heading and its rows) in the format asked for. JSON is one object keyed by
    /// section when there are several, else the rows; CSV adds a `section` column when there
    /// are several.
    public static func render(_ sections: [(String, ResultTable)], as format: QueryFormat) -> String {
        switch format {
        case .table:
            return sections.map { title, t in
                let body = t.rows.isEmpty ? "  (none)\n" : table(t)
                return sections.count > 1 || !title.isEmpty ? "\(title)\n\(body)" : body
            }.joined(separator: "\n")
        case .csv:
            if sections.count == 1, let t = sections.first?.1 { return csv(t) }
            // Several sections: one table over the union of their columns, `section` first.
            var columns: [String] = []
            for (_, t) in sections { for c in t.columns where !columns.contains(c) { columns.append(c) } }
            var merged = ResultTable(columns: ["section"] + columns)
            for (title, t) in sections {
                for r in t.rows {
                    merged.rows.append([.text(title)] + columns.map { c in t.columns.firstIndex(of: c).map { r[$0] } ?? .null })
                }
            }
            return csv(merged)
        case .json:
            if sections.count == 1, let t = sections.first?.1 { return json(t) + "\n" }
            let parts = sections.map { "  " + jsonString($0.0) + ": " + json($0.1, indent: "  ") }
            return "{\n" + parts.joined(separator: ",\n") + "\n}\n"
        }
    }

    static func table(_ t: ResultTable) -> String {
        // Plain Swift: Foundation's padding and whitespace tests cost more than the query.
        let cells = t.rows.map { $0.map { cell($0.description) } }
        var widths = t.columns.map(\.count)
        for r in cells { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.width) } }
        var out = ""
        func line(_ values: [(text: String, width: Int)]) {
            for (i, v) in values.enumerated() {
                out += v.text
                if i < values.count - 1 { out += String(repeating: " ", count: widths[i] - v.width + 2) }
            }
            out += "\n"
        }
        line(t.columns.map { ($0, $0.count) })
        line(widths.map { (String(repeating: "-", count: $0), $0) })
        cells.forEach(line)
        return out
    }

    /// A value on one line (runs of white space as one space), cut to `tableCellWidth`.
    private static func cell(_ s: String) -> (text: String, width: Int) {
        var out = String.UnicodeScalarView()
        var width = 0
        var space = false
        for u in s.unicodeScalars {
            if u == " " || u == "\n" || u == "\t" || u == "\r" || u.properties.isWhitespace {
                space = width > 0
                continue
            }
            if width >= tableCellWidth - 1 {
                out.append("…")
                width += 1
                break
            }
            if space {
                out.append(" ")
                width += 1
                space = false
            }
            if width >= tableCellWidth - 1 {
                out.append("…")
                width += 1
                break
            }
            out.append(u)
            width += 1
        }
        return (String(out), width)
    }

    static func csv(_ t: ResultTable) -> String {
        ([csvLine(t.columns)] + t.rows.map { csvLine($0.map(\.description)) }).joined(separator: "\r\n") + "\r\n"
    }

    private static func csvLine(_ values: [String]) -> String {
        values.map { v in
            v.contains(where: { ",\"\r\n".contains($0) }) ? "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : v
        }.joined(separator: ",")
    }

    static func json(_ t: ResultTable, indent: String = "") -> String {
        if t.rows.isEmpty { return "[]" }
        let rows = t.rows.map { r in
            indent + "  {" + zip(t.columns, r).map { c, v in
                let value: String
                switch v {
                case .text(let s): value = jsonString(s)
                case .int(let n): value = String(n)
                case .null: value = "null"
                }
                return jsonString(c) + ": " + value
            }.joined(separator: ", ") + "}"
        }
        return "[\n" + rows.joined(separator: ",\n") + "\n" + indent + "]"
    }

    static func jsonString(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
    }
}

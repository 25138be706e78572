import Foundation

/// A whole `minutes/1` file against the output, field by field: lists of records are lined
/// up (people by name, actions by description…) so one missing action reads as one line,
/// not as every later action being wrong; boxes and confidences agree within a tolerance;
/// diagnostics are left out unless asked for.
public struct ExpectedComparison: Sendable {
    public struct Options: Sendable {
        /// Boxes move by fractions of a point between poppler releases and by a point or two
        /// between OCR runs; a box that moved less than this is the same box.
        public var boxTolerance: Double
        /// OCR confidences drift between tesseract builds by about a hundredth.
        public var confidenceTolerance: Double
        public var diagnostics: Bool

        public init(boxTolerance: Double = 2.0, confidenceTolerance: Double = 0.02, diagnostics: Bool = false) {
            self.boxTolerance = boxTolerance
            self.confidenceTolerance = confidenceTolerance
            self.diagnostics = diagnostics
        }
    }

    public struct Result: Equatable, Sendable {
        /// Values compared (each record missing or extra counts as one).
        public var checked: Int
        public var differences: [String]
        /// The share of compared values that agree: 1 when the files agree.
        public var score: Double { checked == 0 ? 1.0 : Double(checked - differences.count) / Double(checked) }
    }

    /// How a list of records is lined up and named.
    struct ListKind {
        var singular: String
        /// The fields that identify a record, in order.
        var keyFields: [String]
        /// Records named by their first key field ("attendee Jo Park") rather than position.
        var namedByKey: Bool
        /// What a missing or extra record is shown by.
        var shownBy: [String] = []
    }

    static let lists: [String: ListKind] = [
        "attendees": ListKind(singular: "attendee", keyFields: ["name"], namedByKey: true),
        "apologies": ListKind(singular: "apology", keyFields: ["name"], namedByKey: true),
        "agenda": ListKind(singular: "agenda item", keyFields: ["number", "title"], namedByKey: false),
        "items": ListKind(singular: "item", keyFields: ["number", "title"], namedByKey: false),
        "children": ListKind(singular: "sub-item", keyFields: ["number", "title"], namedByKey: false),
        "actions": ListKind(singular: "action", keyFields: ["description"], namedByKey: false, shownBy: ["ref", "description"]),
        "motions": ListKind(singular: "motion", keyFields: ["text"], namedByKey: false),
        "decisions": ListKind(singular: "decision", keyFields: ["text"], namedByKey: false),
        "diagnostics": ListKind(singular: "diagnostic", keyFields: ["message"], namedByKey: false),
        "votes": ListKind(singular: "vote", keyFields: ["name"], namedByKey: true),
        "interests": ListKind(singular: "interest", keyFields: ["text"], namedByKey: false),
    ]

    /// Top-level sections in the order a reader meets them; others follow alphabetically.
    static let sectionOrder = ["schema", "source", "meeting", "attendees", "apologies", "agenda", "items", "actions",
                               "motions", "decisions", "nextMeeting", "diagnostics"]

    /// Records in a block of changed records pair up when their identifying text is at least
    /// this alike; below it one is missing and the other extra.
    static let pairing = 0.6

    public var options: Options
    private var checked = 0
    private var differences: [String] = []

    public init(options: Options = Options()) { self.options = options }

    public static func compare(expected: JSONValue, found: JSONValue, options: Options = Options()) -> Result {
        var c = ExpectedComparison(options: options)
        let e = expected.object ?? [:], f = found.object ?? [:]
        let keys = sectionOrder.filter { e[$0] != nil } + e.keys.filter { !sectionOrder.contains($0) }.sorted()
        for key in keys where options.diagnostics || key != "diagnostics" {
            // A key the expected file lacks is not compared (a newer release may add one);
            // one the output lacks reads as null.
            let ev = e[key] ?? .null, fv = f[key] ?? .null
            if let kind = lists[key], ev.isList || fv.isList {
                c.compareLists(ev.list, fv.list, kind: kind, context: nil)
            } else {
                c.compare(ev, fv, context: Words.label(key), field: [], record: false)
            }
        }
        return Result(checked: c.checked, differences: c.differences)
    }

    private mutating func note(_ line: String) { differences.append(line) }

    /// One value: objects field by field, lists of records lined up, anything else whole.
    /// `record`: the context names one record of a list ("action 3: owner …"); otherwise a
    /// section, which reads as part of the field's name ("meeting title: …").
    private mutating func compare(_ e: JSONValue, _ f: JSONValue, context: String, field: [String], record: Bool = true) {
        if case .object(let eo) = e, case .object(let fo) = f {
            for key in eo.keys.sorted() {
                let ev = eo[key] ?? .null, fv = fo[key] ?? .null
                if let kind = ExpectedComparison.lists[key], isRecordList(ev) || isRecordList(fv) {
                    compareLists(ev.list, fv.list, kind: kind, context: context)
                } else {
                    compare(ev, fv, context: context, field: field + [Words.label(key)], record: record)
                }
            }
            return
        }
        checked += 1
        let tolerance = field.last == "box" ? options.boxTolerance
            : (field.last == "confidence" || field.last == "ocr confidence") ? options.confidenceTolerance : 0
        if ExpectedComparison.agree(e, f, tolerance: tolerance) { return }
        var names = field
        // "owner 'AP' expected, 'AP, RL' found": one owner expected reads in the singular.
        if names.last == "owners" && e.list.count <= 1 { names[names.count - 1] = "owner" }
        let name = names.joined(separator: " ")
        let where_ = record ? "\(context):\(name.isEmpty ? "" : " " + name)" : "\(context)\(name.isEmpty ? "" : " " + name):"
        note("\(where_) \(Words.quote(e)) expected, \(Words.quote(f)) found")
    }

    private func isRecordList(_ v: JSONValue) -> Bool {
        guard case .array(let a) = v, let first = a.first else { return false }
        return first.object != nil
    }

    static func agree(_ e: JSONValue, _ f: JSONValue, tolerance: Double) -> Bool {
        if let x = e.number, let y = f.number { return abs(x - y) <= tolerance }
        if case .array(let a) = e, case .array(let b) = f {
            return a.count == b.count && zip(a, b).allSatisfy { agree($0, $1, tolerance: tolerance) }
        }
        // An empty list and null both say "none found".
        if (e.isNull && f.list.isEmpty && f.isList) || (f.isNull && e.list.isEmpty && e.isList) { return true }
        return e == f
    }

    private static func key(_ v: JSONValue, _ kind: ListKind) -> String {
        kind.keyFields.map { Similarity.norm(v[$0]).description }.joined(separator: " | ")
    }

    private static func summary(_ v: JSONValue, _ kind: ListKind) -> String {
        Words.clip((kind.shownBy.isEmpty ? kind.keyFields : kind.shownBy).compactMap { v[$0].flatMap { $0.isNull ? nil : $0.pythonString } }.joined(separator: " "))
    }

    /// Lines the two lists up on their records' identifying text (difflib's opcodes), pairs
    /// the changed records of each block by similarity, and compares each pair field by field.
    private mutating func compareLists(_ e: [JSONValue], _ f: [JSONValue], kind: ListKind, context: String?) {
        let ek = e.map { Self.key($0, kind) }, fk = f.map { Self.key($0, kind) }
        var pairs: [(Int, Int)] = []
        var missing: [Int] = [], extra: [Int] = []
        for op in SequenceMatcher(ek, fk).opcodes() {
            switch op.tag {
            case .equal:
                pairs += zip(op.a, op.b).map { ($0, $1) }
            case .delete:
                missing += Array(op.a)
            case .insert:
                extra += Array(op.b)
            case .replace:
                let m = Similarity.match(Array(op.a), Array(op.b), threshold: Self.pairing) {
                    Similarity.sim(PyText(ek[$0]), PyText(fk[$1]))
                }
                pairs += m.map { ($0.i + op.a.lowerBound, $0.j + op.b.lowerBound) }
                missing += op.a.filter { i in !m.contains { $0.i + op.a.lowerBound == i } }
                extra += op.b.filter { j in !m.contains { $0.j + op.b.lowerBound == j } }
            }
        }
        let prefix = context.map { "\($0): " } ?? ""
        for i in missing.sorted() {
            checked += 1
            note("\(prefix)\(kind.singular) missing: \(Self.summary(e[i], kind))")
        }
        for j in extra.sorted() {
            checked += 1
            note("\(prefix)\(kind.singular) extra: \(Self.summary(f[j], kind))")
        }
        for (i, j) in pairs.sorted(by: { $0.0 < $1.0 }) {
            let name = kind.namedByKey ? "\(kind.singular) \(Self.summary(e[i], kind))" : "\(kind.singular) \(i + 1)"
            compare(e[i], f[j], context: context.map { "\($0), \(name)" } ?? name, field: [])
        }
    }
}

extension JSONValue {
    var isList: Bool {
        if case .array = self { return true }
        return false
    }
}

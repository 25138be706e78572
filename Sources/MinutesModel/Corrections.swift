import Foundation

/// `NAME.corrections.json`: fixes a person made on the review page, kept beside the input so
/// that every later conversion of it applies them again.
///
/// ```json
/// {"schema": "minutes-corrections/1", "file": "NAME.pdf", "sha256": "…",
///  "corrections": [
///    {"field": "actions[3].owners", "anchor": "9f0c…", "was": ["J5"], "value": ["JS"]},
///    {"field": "meeting.date", "was": "2017-04-12", "value": "2017-04-21"},
///    {"field": "attendees[7]", "anchor": "41d2…", "delete": true}]}
/// ```
/// `field` is a record id (see `RecordPath`) and a field name; `anchor` the record's content
/// hash when the correction was made, found first wherever the record has moved to; `was`
/// the value then, which lets the record at the same index take the correction when its
/// anchor changed but the value to correct is still the same.
public struct CorrectionsFile: Codable, Equatable, Sendable {
    public static let schemaName = "minutes-corrections/1"
    public static let suffix = ".corrections.json"

    public var schema: String
    public var file: String?
    public var sha256: String?
    public var corrections: [Correction]

    public init(file: String? = nil, sha256: String? = nil, corrections: [Correction]) {
        schema = Self.schemaName
        self.file = file
        self.sha256 = sha256
        self.corrections = corrections
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schema = try c.decode(String.self, forKey: .schema)
        guard schema == Self.schemaName else {
            throw DecodingError.dataCorruptedError(forKey: .schema, in: c,
                debugDescription: "schema is \"\(schema)\", expected \"\(Self.schemaName)\"")
        }
        file = try c.decodeIfPresent(String.self, forKey: .file)
        sha256 = try c.decodeIfPresent(String.self, forKey: .sha256)
        corrections = try c.decode([Correction].self, forKey: .corrections)
    }

    public static func decode(_ data: Data) throws -> CorrectionsFile { try JSONDecoder().decode(Self.self, from: data) }

    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data([0x0A])
    }
}

public struct Correction: Codable, Equatable, Sendable {
    /// `actions[3].owners`, `meeting.date`; a record id alone with `delete`.
    public var field: String
    public var anchor: String?
    public var was: FieldValue?
    /// The corrected value; absent or null clears the field.
    public var value: FieldValue?
    /// The record is not in the minutes at all (a heading read as a person, say).
    public var delete: Bool?

    public init(field: String, anchor: String? = nil, was: FieldValue? = nil, value: FieldValue? = nil, delete: Bool? = nil) {
        self.field = field
        self.anchor = anchor
        self.was = was
        self.value = value
        self.delete = delete
    }

    enum CodingKeys: String, CodingKey { case field, anchor, was, value, delete }

    // A null `was` or `value` is kept as a value (the field was, or is to be, empty), not
    // taken for a missing key.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        field = try c.decode(String.self, forKey: .field)
        anchor = try c.decodeIfPresent(String.self, forKey: .anchor)
        was = c.contains(.was) ? try c.decode(FieldValue.self, forKey: .was) : nil
        value = c.contains(.value) ? try c.decode(FieldValue.self, forKey: .value) : nil
        delete = try c.decodeIfPresent(Bool.self, forKey: .delete)
    }

    /// The record id and field name: `actions[3].owners` → (`actions[3]`, `owners`).
    public var target: (record: String, field: String?) {
        if let dot = field.lastIndex(of: "."), !field[field.index(after: dot)...].contains("[") {
            return (String(field[..<dot]), String(field[field.index(after: dot)...]))
        }
        return (field, nil)
    }
}

/// What applying a corrections file did.
public struct CorrectionOutcome: Sendable, Equatable {
    /// Record id (after any deletions) and field of each correction applied; field nil for a deletion.
    public var applied: [(record: String, field: String?)] = []
    /// One line for each correction that could not be applied, saying why.
    public var problems: [String] = []

    public static func == (a: Self, b: Self) -> Bool {
        a.problems == b.problems && a.applied.map { "\($0.record).\($0.field ?? "")" } == b.applied.map { "\($0.record).\($0.field ?? "")" }
    }
}

public extension Minutes {
    static let correctionsStage = "corrections"

    /// Applies the corrections in order and notes what it did in the diagnostics (stage
    /// `corrections`): one line in all, one per field corrected, one warning for each
    /// correction that no longer finds its record or whose value is not valid. A
    /// corrected record's confidence becomes 1: a person has checked it.
    @discardableResult
    mutating func apply(_ file: CorrectionsFile, from fileName: String) -> CorrectionOutcome {
        var outcome = CorrectionOutcome()
        var changed: [(RecordPath, String)] = []
        var deleted: [RecordPath] = []
        for c in file.corrections {
            let (recordID, field) = c.target
            guard let path = RecordPath(parsing: recordID) else {
                outcome.problems.append("correction of '\(c.field)' not applied: no such field id")
                continue
            }
            guard let target = locate(path, anchor: c.anchor, was: c.was, field: field, skipping: deleted) else {
                outcome.problems.append("correction of '\(c.field)' not applied: no \(path.kind.rawValue) matches it any more")
                continue
            }
            if c.delete == true {
                guard case .list = target.root, field == nil else {
                    outcome.problems.append("correction of '\(c.field)' not applied: only a listed record can be deleted")
                    continue
                }
                deleted.append(target)
                continue
            }
            guard let field, let type = path.kind.editableFields.first(where: { $0.name == field })?.type else {
                outcome.problems.append("correction of '\(c.field)' not applied: the field cannot be corrected")
                continue
            }
            do {
                try set(Self.validated(c.value ?? .none, as: type), field: field, at: target)
                changed.append((target, field))
            } catch let problem as CorrectionProblem {
                outcome.problems.append("correction of '\(c.field)' not applied: \(problem.reason)")
            } catch {
                outcome.problems.append("correction of '\(c.field)' not applied: \(error)")
            }
        }
        // Deleted last and deepest first, so every id above still meant what it said.
        for path in deleted.sorted(by: { Self.sortKey($1).lexicographicallyPrecedes(Self.sortKey($0)) }) { remove(path) }
        for (path, field) in changed {
            guard let final = Self.shifted(path, after: deleted) else { continue }
            outcome.applied.append((final.description, field))
        }
        outcome.applied += deleted.map { ($0.description, nil) }

        let pages = Dictionary(records.map { ($0.path.description, $0.page) }, uniquingKeysWith: { a, _ in a })
        diagnostics.append(Diagnostic(stage: Self.correctionsStage, severity: .info,
            message: "applied \(outcome.applied.count) of \(file.corrections.count) correction(s) from \(fileName)"))
        for a in outcome.applied where a.field != nil {
            diagnostics.append(Diagnostic(stage: Self.correctionsStage, severity: .info,
                                          page: pages[a.record] ?? nil,
                                          message: "corrected \(a.record).\(a.field ?? "") by hand"))
        }
        for d in deleted {
            diagnostics.append(Diagnostic(stage: Self.correctionsStage, severity: .info, message: "deleted \(d) by hand"))
        }
        for p in outcome.problems {
            diagnostics.append(Diagnostic(stage: Self.correctionsStage, severity: .warning, message: p))
        }
        return outcome
    }

    /// The record a correction meant: the one with its anchor (the nearest to its old place
    /// when several share it), else the one at its old place if the field still holds
    /// what the correction says it held.
    private func locate(_ path: RecordPath, anchor: String?, was: FieldValue?, field: String?,
                        skipping deleted: [RecordPath]) -> RecordPath? {
        switch path.root {
        case .meeting: return path
        case .nextMeeting: return nextMeeting == nil ? nil : path
        case .list(let list, let idx):
            let all = records.filter { if case .list(list, _) = $0.path.root { return !deleted.contains($0.path) } else { return false } }
            if let anchor {
                let matches = all.filter { $0.anchor == anchor }
                if let exact = matches.first(where: { $0.path == path }) { return exact.path }
                let order = all.firstIndex { $0.path == path } ?? idx[0]
                if let near = matches.min(by: { a, b in
                    abs((all.firstIndex { $0.path == a.path } ?? 0) - order) < abs((all.firstIndex { $0.path == b.path } ?? 0) - order)
                }) { return near.path }
            }
            guard let was, let field, !deleted.contains(path), value(of: field, at: path) == was else { return nil }
            return path
        }
    }

    private static func validated(_ value: FieldValue, as type: FieldType) throws -> FieldValue {
        func text() -> String? { value.display?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfBlank }
        switch type {
        case .text: return FieldValue(text())
        case .requiredText:
            guard let t = text() else { throw CorrectionProblem(reason: "the field may not be empty") }
            return .text(t)
        case .list:
            switch value {
            case .list(let l): return .list(l.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            case .text(let s): return .list(s.split(whereSeparator: { $0 == ";" || $0 == "," }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            case .none: return .list([])
            }
        case .date, .dueDate:
            guard let t = text() else { return .none }
            if isDate(t) || (type == .dueDate && isMonth(t)) { return .text(t) }
            throw CorrectionProblem(reason: "'\(t)' is not a date (YYYY-MM-DD\(type == .dueDate ? " or YYYY-MM" : ""))")
        case .time:
            guard let t = text() else { return .none }
            let parts = t.split(separator: ":")
            guard t.count == 5, parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...23).contains(h), (0...59).contains(m) else {
                throw CorrectionProblem(reason: "'\(t)' is not a time (HH:MM)")
            }
            return .text(t)
        case .motionResult:
            guard let t = text()?.lowercased() else { return .none }
            guard MotionResult(rawValue: t) != nil else {
                throw CorrectionProblem(reason: "'\(t)' is not a result (\(MotionResult.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return .text(t)
        }
    }

    private static func isMonth(_ t: String) -> Bool {
        let p = t.split(separator: "-", omittingEmptySubsequences: false)
        guard t.count == 7, p.count == 2, Int(p[0]) != nil, let m = Int(p[1]) else { return false }
        return (1...12).contains(m)
    }

    private static func isDate(_ t: String) -> Bool {
        let p = t.split(separator: "-", omittingEmptySubsequences: false)
        guard t.count == 10, p.count == 3, let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]), (1...12).contains(m) else { return false }
        let days = [31, y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return (1...days).contains(d)
    }

    private mutating func set(_ v: FieldValue, field: String, at path: RecordPath) throws {
        let s = v.display
        switch path.root {
        case .meeting:
            switch field {
            case "title": meeting.title = s
            case "organisation": meeting.organisation = s
            case "date": meeting.date = s
            case "startTime": meeting.startTime = s
            case "endTime": meeting.endTime = s
            case "venue": meeting.venue = s
            case "chair": meeting.chair = s
            default: throw CorrectionProblem(reason: "the field cannot be corrected")
            }
            var p = meeting.provenance[field] ?? Provenance()
            p.confidence = 1
            meeting.provenance[field] = p
        case .nextMeeting:
            var n = nextMeeting ?? NextMeeting()
            switch field {
            case "date": n.date = s
            case "startTime": n.startTime = s
            case "venue": n.venue = s
            default: throw CorrectionProblem(reason: "the field cannot be corrected")
            }
            nextMeeting = n
        case .list(let list, let idx):
            switch list {
            case .attendees: attendees[idx[0]].set(field, s)
            case .apologies: apologies[idx[0]].set(field, s)
            case .agenda: Self.update(&agenda, idx) { $0.set(field, s) }
            case .items: Self.update(&items, idx) { $0.set(field, s) }
            case .actions:
                if field == "owners", case .list(let owners) = v {
                    actions[idx[0]].owners = owners
                    // Resolved again by whoever applies the corrections (it knows the attendees).
                    actions[idx[0]].ownerNames = owners.map { _ in nil }
                } else {
                    actions[idx[0]].set(field, s)
                }
                actions[idx[0]].confidence = 1
            case .motions:
                motions[idx[0]].set(field, s)
                motions[idx[0]].confidence = 1
            case .decisions:
                decisions[idx[0]].set(field, s)
                decisions[idx[0]].confidence = 1
            }
        }
    }

    private static func update(_ items: inout [Item], _ idx: [Int], _ body: (inout Item) -> Void) {
        guard let first = idx.first, items.indices.contains(first) else { return }
        if idx.count == 1 { body(&items[first]) } else { update(&items[first].children, Array(idx.dropFirst()), body) }
    }

    private mutating func remove(_ path: RecordPath) {
        guard case .list(let list, let idx) = path.root, let last = idx.last else { return }
        func drop(_ items: inout [Item], _ idx: [Int]) {
            if idx.count == 1 { if items.indices.contains(idx[0]) { items.remove(at: idx[0]) } } else if items.indices.contains(idx[0]) {
                drop(&items[idx[0]].children, Array(idx.dropFirst()))
            }
        }
        switch list {
        case .attendees: if attendees.indices.contains(last) { attendees.remove(at: last) }
        case .apologies: if apologies.indices.contains(last) { apologies.remove(at: last) }
        case .agenda: drop(&agenda, idx)
        case .items: drop(&items, idx)
        case .actions: if actions.indices.contains(last) { actions.remove(at: last) }
        case .motions: if motions.indices.contains(last) { motions.remove(at: last) }
        case .decisions: if decisions.indices.contains(last) { decisions.remove(at: last) }
        }
    }

    private static func sortKey(_ p: RecordPath) -> [Int] {
        guard case .list(let l, let idx) = p.root else { return [] }
        return [RecordPath.List.allCases.firstIndex(of: l) ?? 0] + idx
    }

    /// Where a record at `path` is once the records in `deleted` are gone; nil if it is gone too.
    private static func shifted(_ path: RecordPath, after deleted: [RecordPath]) -> RecordPath? {
        guard case .list(let list, var idx) = path.root else { return path }
        for d in deleted {
            guard case .list(list, let didx) = d.root else { continue }
            // A deletion at or above the path, within the same parent.
            if didx.count <= idx.count, Array(idx.prefix(didx.count - 1)) == Array(didx.dropLast()) {
                let level = didx.count - 1
                if didx[level] == idx[level] { return nil }
                if didx[level] < idx[level] { idx[level] -= 1 }
            }
        }
        return RecordPath(.list(list, idx))
    }
}

struct CorrectionProblem: Error {
    var reason: String
}

extension Person {
    mutating func set(_ field: String, _ s: String?) {
        switch field {
        case "name": name = s ?? name
        case "role": role = s
        case "initials": initials = s
        default: return
        }
        confidence = 1
    }
}

extension Item {
    mutating func set(_ field: String, _ s: String?) {
        switch field {
        case "number": number = s
        case "title": title = s
        default: return
        }
        confidence = 1
    }
}

extension Action {
    mutating func set(_ field: String, _ s: String?) {
        switch field {
        case "description": description = s ?? description
        case "due": due = s
        case "status": status = s
        case "ref": ref = s
        case "item": item = s
        default: return
        }
    }
}

extension Motion {
    mutating func set(_ field: String, _ s: String?) {
        switch field {
        case "text": text = s ?? text
        case "mover": mover = s
        case "seconder": seconder = s
        case "result": result = s.flatMap(MotionResult.init(rawValue:))
        case "item": item = s
        default: return
        }
    }
}

extension Decision {
    mutating func set(_ field: String, _ s: String?) {
        switch field {
        case "text": text = s ?? text
        case "item": item = s
        default: return
        }
    }
}

extension String {
    var nilIfBlank: String? { trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : self }
}

import Foundation

/// The parts of a minutes document a person can point at, check and correct, each with a
/// stable id: `meeting.date`, `attendees[2]`, `items[3].children[0]`, `actions[5]`; a field
/// of a record is the id and the field's name, `actions[5].owners`.
///
/// An index alone does not survive a re-conversion that finds one more action before it,
/// so every record also has an `anchor`: a hash of the text that names it (a person's name,
/// an action's description, an item's number and title), which the same extraction always
/// gives again.
public struct RecordPath: Hashable, Sendable, CustomStringConvertible {
    public enum List: String, Sendable, CaseIterable {
        case attendees, apologies, agenda, items, actions, motions, decisions
    }

    public enum Root: Hashable, Sendable {
        case meeting
        case nextMeeting
        /// A list and the index at each level (items and agenda nest through `children`).
        case list(List, [Int])
    }

    public var root: Root

    public init(_ root: Root) { self.root = root }
    public static func list(_ l: List, _ i: Int) -> RecordPath { RecordPath(.list(l, [i])) }

    public var description: String {
        switch root {
        case .meeting: return "meeting"
        case .nextMeeting: return "nextMeeting"
        case .list(let l, let indices):
            return l.rawValue + indices.enumerated().map { $0.offset == 0 ? "[\($0.element)]" : ".children[\($0.element)]" }.joined()
        }
    }

    /// Parses `actions[3]` or `items[2].children[0]`, and `meeting` / `nextMeeting`.
    public init?(parsing text: String) {
        if text == "meeting" { root = .meeting; return }
        if text == "nextMeeting" { root = .nextMeeting; return }
        guard let open = text.firstIndex(of: "["), let list = List(rawValue: String(text[..<open])) else { return nil }
        var indices: [Int] = []
        var rest = text[open...]
        while !rest.isEmpty {
            if !indices.isEmpty {
                guard rest.hasPrefix(".children[") else { return nil }
                rest = rest.dropFirst(".children".count)
            }
            guard rest.hasPrefix("["), let close = rest.firstIndex(of: "]"),
                  let n = Int(rest[rest.index(after: rest.startIndex)..<close]), n >= 0 else { return nil }
            indices.append(n)
            rest = rest[rest.index(after: close)...]
        }
        guard !indices.isEmpty, indices.count == 1 || list == .items || list == .agenda else { return nil }
        root = .list(list, indices)
    }

    public var kind: RecordKind {
        switch root {
        case .meeting: return .meeting
        case .nextMeeting: return .nextMeeting
        case .list(let l, _):
            switch l {
            case .attendees, .apologies: return .person
            case .agenda, .items: return .item
            case .actions: return .action
            case .motions: return .motion
            case .decisions: return .decision
            }
        }
    }
}

public enum RecordKind: String, Sendable, CaseIterable {
    case meeting, nextMeeting, person, item, action, motion, decision

    /// The fields of such a record a correction may set, and what each holds.
    public var editableFields: [(name: String, type: FieldType)] {
        switch self {
        case .meeting:
            return [("title", .text), ("organisation", .text), ("date", .date), ("startTime", .time), ("endTime", .time),
                    ("venue", .text), ("chair", .text)]
        case .nextMeeting: return [("date", .date), ("startTime", .time), ("venue", .text)]
        case .person: return [("name", .requiredText), ("role", .text), ("initials", .text)]
        case .item: return [("number", .text), ("title", .text)]
        case .action:
            return [("description", .requiredText), ("owners", .list), ("due", .dueDate), ("status", .text), ("ref", .text), ("item", .text)]
        case .motion:
            return [("text", .requiredText), ("mover", .text), ("seconder", .text), ("result", .motionResult), ("item", .text)]
        case .decision: return [("text", .requiredText), ("item", .text)]
        }
    }
}

public enum FieldType: String, Sendable {
    /// Text or null; `requiredText` may not be emptied.
    case text, requiredText
    /// A list of strings (an action's owners).
    case list
    /// YYYY-MM-DD; `dueDate` also takes YYYY-MM.
    case date, dueDate
    /// HH:MM, 24-hour.
    case time
    /// carried, failed, withdrawn or deferred.
    case motionResult
}

/// A field's value as a correction gives it: text, a list of texts, or nothing.
public enum FieldValue: Codable, Equatable, Sendable {
    case text(String)
    case list([String])
    case none

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .none; return }
        if let s = try? c.decode(String.self) { self = .text(s); return }
        self = .list(try c.decode([String].self))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .text(let s): try c.encode(s)
        case .list(let l): try c.encode(l)
        case .none: try c.encodeNil()
        }
    }

    init(_ s: String?) { self = s.map(FieldValue.text) ?? .none }

    public var display: String? {
        switch self {
        case .text(let s): return s
        case .list(let l): return l.joined(separator: ", ")
        case .none: return nil
        }
    }
}

/// One record of a document as the review page and corrections see it.
public struct RecordSummary: Sendable {
    public var path: RecordPath
    public var anchor: String
    public var page: Int?
    public var box: Box?
    public var confidence: Double?
}

public extension Minutes {
    /// Every record in document order: meeting, people, agenda, items (children after their
    /// parent), actions, motions, decisions, next meeting.
    var records: [RecordSummary] {
        var out = [RecordSummary(path: RecordPath(.meeting), anchor: Anchor.hash("meeting", "meeting"))]
        func people(_ list: RecordPath.List, _ ps: [Person]) {
            for (i, p) in ps.enumerated() {
                out.append(RecordSummary(path: .list(list, i), anchor: Anchor.of(p), page: p.page, box: p.box, confidence: p.confidence))
            }
        }
        func walk(_ list: RecordPath.List, _ its: [Item], _ prefix: [Int]) {
            for (i, it) in its.enumerated() {
                out.append(RecordSummary(path: RecordPath(.list(list, prefix + [i])), anchor: Anchor.of(it), page: it.page,
                                         box: it.box, confidence: it.confidence))
                walk(list, it.children, prefix + [i])
            }
        }
        people(.attendees, attendees)
        people(.apologies, apologies)
        walk(.agenda, agenda, [])
        walk(.items, items, [])
        for (i, a) in actions.enumerated() {
            out.append(RecordSummary(path: .list(.actions, i), anchor: Anchor.of(a), page: a.page, box: a.box, confidence: a.confidence))
        }
        for (i, m) in motions.enumerated() {
            out.append(RecordSummary(path: .list(.motions, i), anchor: Anchor.of(m), page: m.page, box: m.box, confidence: m.confidence))
        }
        for (i, d) in decisions.enumerated() {
            out.append(RecordSummary(path: .list(.decisions, i), anchor: Anchor.of(d), page: d.page, box: d.box, confidence: d.confidence))
        }
        if nextMeeting != nil { out.append(RecordSummary(path: RecordPath(.nextMeeting), anchor: Anchor.hash("next", "next"))) }
        return out
    }

    /// A field's value, or nil when the record or field does not exist.
    func value(of field: String, at path: RecordPath) -> FieldValue? {
        switch path.root {
        case .meeting:
            let m = meeting
            switch field {
            case "title": return FieldValue(m.title)
            case "organisation": return FieldValue(m.organisation)
            case "date": return FieldValue(m.date)
            case "startTime": return FieldValue(m.startTime)
            case "endTime": return FieldValue(m.endTime)
            case "venue": return FieldValue(m.venue)
            case "chair": return FieldValue(m.chair)
            default: return nil
            }
        case .nextMeeting:
            guard let n = nextMeeting else { return nil }
            switch field {
            case "date": return FieldValue(n.date)
            case "startTime": return FieldValue(n.startTime)
            case "venue": return FieldValue(n.venue)
            default: return nil
            }
        case .list(let list, let idx):
            switch list {
            case .attendees, .apologies:
                guard let p = (list == .attendees ? attendees : apologies).at(idx[0]) else { return nil }
                switch field {
                case "name": return .text(p.name)
                case "role": return FieldValue(p.role)
                case "initials": return FieldValue(p.initials)
                default: return nil
                }
            case .agenda, .items:
                guard let it = Self.item(in: list == .agenda ? agenda : items, idx) else { return nil }
                switch field {
                case "number": return FieldValue(it.number)
                case "title": return FieldValue(it.title)
                default: return nil
                }
            case .actions:
                guard let a = actions.at(idx[0]) else { return nil }
                switch field {
                case "description": return .text(a.description)
                case "owners": return .list(a.owners)
                case "due": return FieldValue(a.due)
                case "status": return FieldValue(a.status)
                case "ref": return FieldValue(a.ref)
                case "item": return FieldValue(a.item)
                default: return nil
                }
            case .motions:
                guard let m = motions.at(idx[0]) else { return nil }
                switch field {
                case "text": return .text(m.text)
                case "mover": return FieldValue(m.mover)
                case "seconder": return FieldValue(m.seconder)
                case "result": return FieldValue(m.result?.rawValue)
                case "item": return FieldValue(m.item)
                default: return nil
                }
            case .decisions:
                guard let d = decisions.at(idx[0]) else { return nil }
                switch field {
                case "text": return .text(d.text)
                case "item": return FieldValue(d.item)
                default: return nil
                }
            }
        }
    }

    /// The anchor of the record at `path`, or nil when there is none.
    func anchor(at path: RecordPath) -> String? {
        switch path.root {
        case .meeting: return Anchor.hash("meeting", "meeting")
        case .nextMeeting: return nextMeeting == nil ? nil : Anchor.hash("next", "next")
        case .list(let list, let idx):
            switch list {
            case .attendees: return attendees.at(idx[0]).map(Anchor.of)
            case .apologies: return apologies.at(idx[0]).map(Anchor.of)
            case .agenda: return Self.item(in: agenda, idx).map(Anchor.of)
            case .items: return Self.item(in: items, idx).map(Anchor.of)
            case .actions: return actions.at(idx[0]).map(Anchor.of)
            case .motions: return motions.at(idx[0]).map(Anchor.of)
            case .decisions: return decisions.at(idx[0]).map(Anchor.of)
            }
        }
    }

    static func item(in items: [Item], _ idx: [Int]) -> Item? {
        guard let first = idx.first, let it = items.at(first) else { return nil }
        return idx.count == 1 ? it : item(in: it.children, Array(idx.dropFirst()))
    }
}

/// Content hashes that name a record across re-conversions.
public enum Anchor {
    public static func of(_ p: Person) -> String { hash("person", p.name) }
    public static func of(_ i: Item) -> String { hash("item", (i.number ?? "") + " " + (i.title ?? String(i.text.prefix(80)))) }
    public static func of(_ a: Action) -> String { hash("action", a.description) }
    public static func of(_ m: Motion) -> String { hash("motion", m.text) }
    public static func of(_ d: Decision) -> String { hash("decision", d.text) }

    /// 64-bit FNV-1a, as 16 hex digits, of the kind and the text folded to lower-case
    /// letters and digits (so a changed space, dash or line break keeps the anchor).
    public static func hash(_ kind: String, _ text: String) -> String {
        var words: [String] = []
        var word = ""
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber { word.append(ch) } else if !word.isEmpty { words.append(word); word = "" }
        }
        if !word.isEmpty { words.append(word) }
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (kind + "|" + words.joined(separator: " ").prefix(160)).utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        let hex = String(h, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

extension Array {
    func at(_ i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}

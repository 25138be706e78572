import Foundation
import MinutesModel

/// A reason to doubt one extracted record or meeting field, and how much it lowers the
/// field's confidence.
public struct FieldDoubt: Sendable, Equatable {
    /// The record id (`actions[3]`, `apologies[0]`) or meeting field (`meeting.date`) it concerns.
    public var record: String
    public var reason: String
    /// What the confidence is multiplied by; 1 where the doubt is the OCR reading itself,
    /// which the confidence already counts.
    public var factor: Double
    /// A person corrected the field: not a doubt but the opposite; confidence is 1.
    public var corrected: Bool
    /// The diagnostic it was read from (an index into `Minutes.diagnostics`), if any.
    public var diagnostic: Int?

    public init(record: String, reason: String, factor: Double, corrected: Bool = false, diagnostic: Int? = nil) {
        self.record = record
        self.reason = reason
        self.factor = factor
        self.corrected = corrected
        self.diagnostic = diagnostic
    }
}

/// Which fields the diagnostics and the values themselves call into doubt: owners that
/// match no attendee, due years taken from the meeting, item numbers repaired from the
/// sequence, words OCR was unsure of, a meeting date found in body text… Read from a
/// finished `minutes/1` document, so a review of a saved JSON file marks the same fields
/// the conversion did.
public enum FieldDoubts {
    /// Factors, from how often such a value was wrong in the dev and real corpora: a
    /// guessed year or a repaired number is right more often than not, but not reliably.
    public enum Factor {
        public static let ownerUnmatched = 0.8
        public static let noOwner = 0.9
        public static let dueNotADate = 0.7
        public static let dueYearFromMeeting = 0.85
        public static let dueFromText = 0.9
        public static let dueFromNextMeeting = 0.85
        public static let ownerCellSplit = 0.9
        public static let itemNumberRepaired = 0.7
        public static let itemsWithoutHeadings = 0.85
        public static let itemsFromAgenda = 0.85
        public static let apologiesFromSentence = 0.85
        public static let dateFromBody = 0.7
        public static let titleFromHeader = 0.85
        public static let titleIsBody = 0.8
        public static let fromOpeningSentence = 0.9
        public static let chairFromLetterhead = 0.8
        public static let nextMeetingYear = 0.85
    }

    public static func find(in m: Minutes) -> [FieldDoubt] {
        var out: [FieldDoubt] = []
        let people = m.attendees.count + m.apologies.count
        for (i, a) in m.actions.enumerated() {
            let id = RecordPath.list(.actions, i).description
            for (o, n) in zip(a.owners, a.ownerNames) where n == nil && people > 0 {
                out.append(FieldDoubt(record: id, reason: "owner '\(o)' matches no attendee", factor: Factor.ownerUnmatched))
            }
            if a.owners.isEmpty { out.append(FieldDoubt(record: id, reason: "no owner on the page", factor: Factor.noOwner)) }
            if a.due == nil, let t = a.dueText, !t.isEmpty {
                out.append(FieldDoubt(record: id, reason: "due '\(t)' is not a date", factor: Factor.dueNotADate))
            }
        }
        for (k, d) in m.diagnostics.enumerated() {
            for rule in rules {
                guard d.stage == rule.stage || rule.stage == "*", let caps = match(rule.regex, d.message) else { continue }
                for target in rule.targets(m, d, caps) {
                    out.append(FieldDoubt(record: target, reason: rule.reason(caps), factor: rule.factor,
                                          corrected: rule.corrected, diagnostic: k))
                }
                break
            }
        }
        return out
    }

    /// The product of the doubts' factors for each record, and which records a person corrected.
    public static func factors(_ doubts: [FieldDoubt]) -> (factor: [String: Double], corrected: Set<String>) {
        var factor: [String: Double] = [:]
        var corrected = Set<String>()
        for d in doubts {
            factor[d.record, default: 1] *= d.factor
            if d.corrected { corrected.insert(d.record) }
        }
        return (factor, corrected)
    }

    struct Rule: Sendable {
        var stage: String
        var regex: NSRegularExpression
        var factor: Double
        var corrected: Bool
        var reason: @Sendable ([String]) -> String
        var targets: @Sendable (Minutes, Diagnostic, [String]) -> [String]

        init(stage: String, pattern: String, factor: Double, corrected: Bool = false,
             reason: @escaping @Sendable ([String]) -> String,
             targets: @escaping @Sendable (Minutes, Diagnostic, [String]) -> [String]) {
            self.stage = stage
            // The patterns are constants of this file: a bad one is a programming error.
            regex = try! NSRegularExpression(pattern: pattern)
            self.factor = factor
            self.corrected = corrected
            self.reason = reason
            self.targets = targets
        }
    }

    static let rules: [Rule] = [
        Rule(stage: "resolve-owners", pattern: #"^due date '(.*)' has no year; (\d{4}) taken from the meeting date$"#,
             factor: Factor.dueYearFromMeeting, reason: { "due year \($0[2]) taken from the meeting date" },
             targets: { m, d, c in actions(m, page: d.page) { $0.dueText == c[1] } }),
        Rule(stage: "resolve-owners", pattern: #"^due '(.*)' read from the action's text$"#,
             factor: Factor.dueFromText, reason: { _ in "due read from the action's text" },
             targets: { m, d, c in actions(m, page: d.page) { $0.dueText == c[1] } }),
        Rule(stage: "resolve-owners", pattern: #"^due '(.*)' read as the next meeting's date"#,
             factor: Factor.dueFromNextMeeting, reason: { _ in "due taken as the next meeting's date" },
             targets: { m, d, c in actions(m, page: d.page) { $0.dueText == c[1] } }),
        Rule(stage: "resolve-owners", pattern: #"^owner cell '(.*)' read as owner '(.*)' and due '(.*)'$"#,
             factor: Factor.ownerCellSplit, reason: { "owner and due split from one cell '\($0[1])'" },
             targets: { m, d, c in actions(m, page: d.page) { $0.dueText == c[3] } }),
        Rule(stage: "emit-minutes", pattern: #"^low-confidence OCR in (\S+) ".*": (.*)$"#,
             factor: 1, reason: { "OCR unsure of \($0[2])" }, targets: { _, d, c in [c[1]] }),
        Rule(stage: "*", pattern: #"^item number read as '(.*)' taken as (.*) from the numbering$"#,
             factor: Factor.itemNumberRepaired, reason: { "item number repaired from the sequence (read as '\($0[1])')" },
             targets: { m, d, c in items(m) { $0.page == d.page && $0.number == c[2] } }),
        Rule(stage: "*", pattern: #"^no item headings: "#, factor: Factor.itemsWithoutHeadings,
             reason: { _ in "numbered paragraph taken as an item" }, targets: { m, _, _ in items(m) { _ in true } }),
        Rule(stage: "*", pattern: #"^numbered list after 'Agenda' taken as the minutes' items"#, factor: Factor.itemsFromAgenda,
             reason: { _ in "item taken from the agenda list" }, targets: { m, _, _ in items(m) { _ in true } }),
        Rule(stage: "*", pattern: #"^apologies read from a sentence"#, factor: Factor.apologiesFromSentence,
             reason: { _ in "apology read from a sentence" },
             targets: { m, d, _ in m.apologies.indices.filter { m.apologies[$0].page == d.page }.map { RecordPath.list(.apologies, $0).description } }),
        Rule(stage: "*", pattern: #"^meeting date (\S+) taken from body text"#, factor: Factor.dateFromBody,
             reason: { _ in "date taken from body text" }, targets: { _, _, _ in ["meeting.date"] }),
        Rule(stage: "*", pattern: #"^title taken from the running header"#, factor: Factor.titleFromHeader,
             reason: { _ in "title taken from the running header" }, targets: { _, _, _ in ["meeting.title"] }),
        Rule(stage: "*", pattern: #"^no meeting title apart from the body's name"#, factor: Factor.titleIsBody,
             reason: { _ in "title is the body's name" }, targets: { _, _, _ in ["meeting.title"] }),
        Rule(stage: "*", pattern: #"^time and place read from the opening sentence"#, factor: Factor.fromOpeningSentence,
             reason: { _ in "read from the opening sentence" },
             targets: { m, _, _ in (m.meeting.startTime == nil ? [] : ["meeting.startTime"]) + (m.meeting.venue == nil ? [] : ["meeting.venue"]) }),
        Rule(stage: "*", pattern: #"^chair taken from the letterhead"#, factor: Factor.chairFromLetterhead,
             reason: { _ in "chair taken from the letterhead" }, targets: { _, _, _ in ["meeting.chair"] }),
        Rule(stage: "*", pattern: #"^next meeting year taken from the meeting date"#, factor: Factor.nextMeetingYear,
             reason: { _ in "next meeting's year taken from the meeting date" }, targets: { _, _, _ in ["nextMeeting"] }),
        Rule(stage: Minutes.correctionsStage, pattern: #"^corrected (\S+) by hand$"#, factor: 1, corrected: true,
             reason: { _ in "corrected by hand" }, targets: { _, _, c in [meetingOrRecord(c[1])] }),
    ]

    /// `actions[3].owners` → `actions[3]`; `meeting.date` stays (a meeting field is its own row).
    static func meetingOrRecord(_ fieldID: String) -> String {
        if fieldID.hasPrefix("meeting.") { return fieldID }
        if let dot = fieldID.lastIndex(of: "."), !fieldID[fieldID.index(after: dot)...].contains("[") {
            return String(fieldID[..<dot])
        }
        return fieldID
    }

    static func actions(_ m: Minutes, page: Int?, _ test: (Action) -> Bool) -> [String] {
        m.actions.indices.filter { (page == nil || m.actions[$0].page == page) && test(m.actions[$0]) }
            .map { RecordPath.list(.actions, $0).description }
    }

    static func items(_ m: Minutes, _ test: (Item) -> Bool) -> [String] {
        var out: [String] = []
        func walk(_ its: [Item], _ prefix: [Int]) {
            for (i, it) in its.enumerated() {
                if test(it) { out.append(RecordPath(.list(.items, prefix + [i])).description) }
                walk(it.children, prefix + [i])
            }
        }
        walk(m.items, [])
        return out
    }

    static func match(_ re: NSRegularExpression, _ text: String) -> [String]? {
        guard let r = re.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (0..<r.numberOfRanges).map { Range(r.range(at: $0), in: text).map { String(text[$0]) } ?? "" }
    }
}

import Foundation

/// Follows a body's actions from meeting to meeting: which actions are one thread, the
/// updates on each thread, and its status after every meeting where it was seen.
///
/// A pure function of the body's meetings in order, so the threads do not depend on the
/// order files were loaded in. Rules (docs/register.md, "Action threads"), strongest first:
/// 1. **ref**: the same identifier ref as the thread's latest ("A3"), with some description
///    in common (similarity ≥ `refSimilarity`) or, for a ref that cannot be a per-meeting
///    sequence number, the same owner;
/// 2. **log row**: an action-log row whose date column names the meeting the thread was set
///    at, with a similar description (≥ `logRowSimilarity`; owners may change);
/// 3. **owner and description**: a shared owner and a similar description (≥ `ownerSimilarity`);
/// 4. **description**: a near-identical description (≥ `descriptionSimilarity`) and no
///    owner on one side contradicting the other.
/// Rules 3 and 4 only continue a thread that is not closed; 1 and 2 may reopen one or
/// repeat its closing. Each meeting's actions are paired with threads one to one, strongest
/// rule and highest similarity first.
public enum ThreadBuilder {
    /// Some description in common, enough to tell a renumbered list's "1" from another "1".
    static let refSimilarity = 0.15
    /// Rows of one date are told apart by their text; a re-worded row still shares most words.
    static let logRowSimilarity = 0.3
    /// With the same owner, half the (weighted) content words in common.
    static let ownerSimilarity = 0.5
    /// With no owner to go by, nearly the same words.
    static let descriptionSimilarity = 0.8
    /// A matters-arising paragraph names the action's matter in its own words, with more
    /// words around it than an action has: a lower bar than for two actions, but not so low
    /// that a paragraph sharing "working group" with an action is taken for it.
    static let pointSimilarity = 0.4
    /// Two candidates this close are both named in the reason.
    static let closeCall = 0.05

    public struct Action: Sendable {
        public var id: Int64
        public var ref: String?
        public var description: String
        /// Owners as matched: person keys where resolved, else the folded printed text.
        public var owners: [String]
        /// Owners as printed (their words are not compared as description).
        public var ownerTexts: [String]
        public var due: String?
        public var status: String?
        public var page: Int?
        public var underMattersArising: Bool

        public init(id: Int64, ref: String? = nil, description: String, owners: [String] = [], ownerTexts: [String] = [],
                    due: String? = nil, status: String? = nil, page: Int? = nil, underMattersArising: Bool = false) {
            self.id = id
            self.ref = ref
            self.description = description
            self.owners = owners
            self.ownerTexts = ownerTexts
            self.due = due
            self.status = status
            self.page = page
            self.underMattersArising = underMattersArising
        }
    }

    /// A paragraph under a matters-arising item.
    public struct Point: Sendable {
        public var itemID: Int64
        public var text: String
        public var page: Int?
        public init(itemID: Int64, text: String, page: Int? = nil) {
            self.itemID = itemID
            self.text = text
            self.page = page
        }
    }

    public struct Meeting: Sendable {
        public var id: Int64
        /// The date the meeting sorts by (YYYY-MM-DD), if any.
        public var date: String?
        public var actions: [Action]
        public var points: [Point]
        public init(id: Int64, date: String?, actions: [Action], points: [Point] = []) {
            self.id = id
            self.date = date
            self.actions = actions
            self.points = points
        }
    }

    public enum Rule: String, Sendable {
        case first, ref, logRow = "log-row", ownerDescription = "owner-description", description
        case mattersArising = "matters-arising"
    }

    public enum Kind: String, Sendable {
        /// The action that starts the thread.
        case set
        /// The action printed again in later minutes.
        case repeated
        /// A row of a later action log.
        case logEntry = "log-entry"
        /// An action or paragraph under a matters-arising item.
        case mattersArising = "matters-arising"
    }

    public struct Update: Sendable, Equatable {
        public var threadID: Int64
        public var meetingID: Int64
        public var actionID: Int64?
        public var itemID: Int64?
        public var kind: Kind
        public var status: ThreadStatus
        public var statusChanged: Bool
        public var statusText: String?
        public var note: String?
        public var page: Int?
        public var rule: Rule
        public var score: Double?
        public var reason: String
    }

    public struct Thread: Sendable, Equatable {
        /// The id of the action that started it.
        public var id: Int64
        public var firstMeetingID: Int64
        public var lastMeetingID: Int64
        /// The date the thread was set: the date its first action-log row cites, else the
        /// date of the meeting where it was first seen.
        public var originDate: String?
        public var ref: String?
        public var description: String
        public var owners: [String]
        public var ownerTexts: [String]
        /// The action whose owners are the thread's owners now (the latest that names any).
        public var ownerActionID: Int64
        public var due: String?
        public var status: ThreadStatus
        public var statusMeetingID: Int64
        public var updates: Int
    }

    public struct Result: Sendable {
        public var threads: [Thread]
        public var updates: [Update]
    }

    private struct State {
        var thread: Thread
        var firstMeeting: Int
        var lastMeeting: Int
        var ref: String?
        var firstWords: Similarity.Words
        var latestWords: Similarity.Words
        var owners: Set<String>
    }

    private struct Candidate {
        var action: Int
        var thread: Int
        var rule: Rule
        var strength: Int
        var score: Double
        /// Which of the thread's descriptions it was compared with: the latest or the first.
        var againstFirst: Bool
    }

    public static func build(_ meetings: [Meeting]) -> Result {
        var wordsByAction: [Int64: Set<String>] = [:]
        for m in meetings {
            for a in m.actions { wordsByAction[a.id] = Similarity.words(a.description, owners: a.ownerTexts) }
        }
        let similarity = Similarity(corpus: wordsByAction.values)
        var prepared: [Int64: Similarity.Words] = [:]
        for (id, words) in wordsByAction { prepared[id] = similarity.prepare(words) }
        var states: [State] = []
        var updates: [Update] = []

        for (mi, meeting) in meetings.enumerated() {
            let refCount = meeting.actions.count
            var candidates: [Candidate] = []
            for (ai, a) in meeting.actions.enumerated() {
                let words = prepared[a.id] ?? similarity.prepare([])
                let origin = Dates.parseNumeric(a.ref ?? "")
                let ref = origin == nil ? ActionRef.normalise(a.ref) : nil
                let owners = Set(a.owners)
                for (ti, t) in states.enumerated() where t.lastMeeting < mi {
                    let s1 = similarity.score(words, t.latestWords), s2 = similarity.score(words, t.firstWords)
                    let score = max(s1, s2)
                    let agree = !owners.isEmpty && !owners.isDisjoint(with: t.owners)
                    let conflict = !owners.isEmpty && !t.owners.isEmpty && owners.isDisjoint(with: t.owners)
                    func add(_ rule: Rule, _ strength: Int) {
                        candidates.append(Candidate(action: ai, thread: ti, rule: rule, strength: strength, score: score, againstFirst: s2 > s1))
                    }
                    if let ref, ref == t.ref {
                        let distinctive = ActionRef.isDistinctive(ref, actionsInMeeting: refCount)
                        if score >= refSimilarity || (distinctive && agree) { add(.ref, 0); continue }
                    }
                    if let origin, origin == t.thread.originDate, score >= logRowSimilarity { add(.logRow, 0); continue }
                    if t.thread.status.isClosed { continue }
                    if agree && score >= ownerSimilarity { add(.ownerDescription, 1); continue }
                    if !conflict && score >= descriptionSimilarity { add(.description, 2) }
                }
            }
            candidates.sort {
                ($0.strength, -$0.score, $0.action, $0.thread) < ($1.strength, -$1.score, $1.action, $1.thread)
            }
            var actionTaken = Set<Int>(), threadTaken = Set<Int>()
            var chosen: [Int: Candidate] = [:]
            for c in candidates where !actionTaken.contains(c.action) && !threadTaken.contains(c.thread) {
                actionTaken.insert(c.action)
                threadTaken.insert(c.thread)
                chosen[c.action] = c
            }

            for (ai, a) in meeting.actions.enumerated() {
                let words = prepared[a.id] ?? similarity.prepare([])
                let closing = ThreadStatus.closing(in: a.status)
                let origin = Dates.parseNumeric(a.ref ?? "")
                let ref = origin == nil ? ActionRef.normalise(a.ref) : nil
                if let c = chosen[ai] {
                    var t = states[c.thread]
                    let old = t.thread.status
                    let new: ThreadStatus
                    if let closing { new = closing }
                    else if old.isClosed && (a.status ?? "").isEmpty { new = old }
                    else { new = .carriedForward }
                    var reason = explain(c, a: a, t: t, shared: similarity.shared(words, c.againstFirst ? t.firstWords : t.latestWords))
                    let rivals = candidates.filter {
                        $0.action == ai && $0.thread != c.thread && $0.strength == c.strength && c.score - $0.score <= closeCall
                    }
                    if let r = rivals.first {
                        reason += String(format: "; thread %lld was nearly as close (%.2f)", states[r.thread].thread.id, r.score)
                    }
                    let kind: Kind = a.underMattersArising ? .mattersArising : (origin != nil ? .logEntry : .repeated)
                    updates.append(Update(threadID: t.thread.id, meetingID: meeting.id, actionID: a.id, itemID: nil, kind: kind,
                                          status: new, statusChanged: new != old, statusText: a.status, note: nil,
                                          page: a.page, rule: c.rule, score: c.score, reason: reason))
                    t.thread.lastMeetingID = meeting.id
                    t.lastMeeting = mi
                    t.thread.description = a.description
                    if !a.owners.isEmpty {
                        t.owners = Set(a.owners)
                        t.thread.owners = a.owners
                        t.thread.ownerTexts = a.ownerTexts
                        t.thread.ownerActionID = a.id
                    }
                    if let ref { t.ref = ref; t.thread.ref = a.ref }
                    if let due = a.due { t.thread.due = due }
                    if new != old { t.thread.statusMeetingID = meeting.id }
                    t.thread.status = new
                    t.thread.updates += 1
                    t.latestWords = words
                    states[c.thread] = t
                } else {
                    let status = closing ?? .open
                    var reason = "no earlier action of this body matches: a new thread"
                    if let origin, let date = meeting.date, origin < date {
                        let loaded = meetings.contains { $0.date == origin }
                        reason = "no earlier action of this body matches: first seen here, a row of a log dated \(a.ref ?? origin)"
                            + (loaded ? " (the register's record of that meeting has no action like it)" : " (a meeting not in the register)")
                    }
                    if a.underMattersArising {
                        reason = "reported under matters arising, but no earlier action of this body matches: the meeting that set it is not in the register"
                    }
                    let thread = Thread(id: a.id, firstMeetingID: meeting.id, lastMeetingID: meeting.id,
                                        originDate: origin ?? meeting.date, ref: ref == nil ? nil : a.ref,
                                        description: a.description, owners: a.owners, ownerTexts: a.ownerTexts, ownerActionID: a.id, due: a.due,
                                        status: status, statusMeetingID: meeting.id, updates: 1)
                    states.append(State(thread: thread, firstMeeting: mi, lastMeeting: mi, ref: ref, firstWords: words,
                                        latestWords: words, owners: Set(a.owners)))
                    updates.append(Update(threadID: a.id, meetingID: meeting.id, actionID: a.id, itemID: nil,
                                          kind: a.underMattersArising ? .mattersArising : .set, status: status,
                                          statusChanged: true, statusText: a.status, note: nil, page: a.page, rule: .first,
                                          score: nil, reason: reason))
                }
            }
            matchPoints(meeting, index: mi, states: &states, updates: &updates, similarity: similarity)
        }
        return Result(threads: states.map(\.thread), updates: updates)
    }

    /// Paragraphs under matters arising update the thread they name: by its ref as a word of
    /// the paragraph, or by a similar description. A thread takes one paragraph a meeting.
    private static func matchPoints(_ meeting: Meeting, index mi: Int, states: inout [State], updates: inout [Update],
                                    similarity: Similarity) {
        guard !meeting.points.isEmpty else { return }
        var candidates: [Candidate] = []
        var pointWords: [Similarity.Words] = []
        for (pi, p) in meeting.points.enumerated() {
            let words = similarity.prepare(Similarity.words(p.text))
            pointWords.append(words)
            let upperWords = Set(p.text.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "/" }).map { $0.uppercased() })
            for (ti, t) in states.enumerated() where t.firstMeeting < mi && !t.thread.status.isClosed {
                let s1 = similarity.score(words, t.latestWords), s2 = similarity.score(words, t.firstWords)
                let score = max(s1, s2)
                if let ref = t.ref, ref.contains(where: \.isLetter), upperWords.contains(ref) {
                    candidates.append(Candidate(action: pi, thread: ti, rule: .ref, strength: 0, score: score, againstFirst: s2 > s1))
                } else if score >= pointSimilarity {
                    candidates.append(Candidate(action: pi, thread: ti, rule: .mattersArising, strength: 1, score: score, againstFirst: s2 > s1))
                }
            }
        }
        candidates.sort { ($0.strength, -$0.score, $0.action, $0.thread) < ($1.strength, -$1.score, $1.action, $1.thread) }
        var pointTaken = Set<Int>(), threadTaken = Set<Int>()
        for c in candidates where !pointTaken.contains(c.action) && !threadTaken.contains(c.thread) {
            pointTaken.insert(c.action)
            threadTaken.insert(c.thread)
            let p = meeting.points[c.action]
            var t = states[c.thread]
            let old = t.thread.status
            let new = ThreadStatus.closing(in: p.text) ?? .carriedForward
            let why = c.rule == .ref
                ? "matters arising names its ref '\(t.thread.ref ?? "")'"
                : String(format: "matters arising paragraph with a similar description (%.2f ≥ %.2f: %@)", c.score, pointSimilarity,
                         surface(similarity.shared(pointWords[c.action], c.againstFirst ? t.firstWords : t.latestWords), in: p.text))
            updates.append(Update(threadID: t.thread.id, meetingID: meeting.id, actionID: nil, itemID: p.itemID,
                                  kind: .mattersArising, status: new, statusChanged: new != old, statusText: nil,
                                  note: p.text, page: p.page, rule: c.rule, score: c.score, reason: why))
            t.lastMeeting = max(t.lastMeeting, mi)
            t.thread.lastMeetingID = meeting.id
            if new != old { t.thread.statusMeetingID = meeting.id }
            t.thread.status = new
            t.thread.updates += 1
            states[c.thread] = t
        }
    }

    /// The shared words as the description prints them ("phase", not the stem "phas").
    static func surface(_ stems: [String], in text: String, limit: Int = 5) -> String {
        var printed: [String: String] = [:]
        for w in Text.words(text) where printed[Text.stem(w)] == nil { printed[Text.stem(w)] = w }
        return stems.prefix(limit).map { printed[$0] ?? $0 }.joined(separator: ", ")
    }

    private static func explain(_ c: Candidate, a: Action, t: State, shared: [String]) -> String {
        let words = surface(shared, in: a.description)
        let sim = String(format: "%.2f", c.score)
        switch c.rule {
        case .ref:
            return "the same ref '\(a.ref ?? "")' (description similarity \(sim)\(words.isEmpty ? "" : ": " + words))"
        case .logRow:
            return "action-log row dated \(a.ref ?? "") continues the action set on \(t.thread.originDate ?? "?") (similarity \(sim) ≥ \(logRowSimilarity): \(words))"
        case .ownerDescription:
            let shared = Set(a.owners).intersection(t.owners).sorted().joined(separator: ", ")
            return "the same owner (\(shared)) and a similar description (\(sim) ≥ \(ownerSimilarity): \(words))"
        case .description:
            return "a near-identical description (\(sim) ≥ \(descriptionSimilarity): \(words)) and no conflicting owner"
        case .first, .mattersArising:
            return "similar description (\(sim))"
        }
    }
}

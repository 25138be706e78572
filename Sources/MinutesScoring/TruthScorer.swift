import Foundation
import MinutesModel

/// One document's score against the partial truth format (`TRUTH-FORMAT.md`), with the same
/// rules, thresholds and arithmetic as `score.py`'s `score_doc`; the keys of its JSON are
/// score.py's.
public struct TruthScore: Codable, Equatable, Sendable {
    public struct People: Codable, Equatable, Sendable {
        public var f1: Double
        public var roleAcc: Double?
        public var initialsAcc: Double?
        public var missing: [String]
        public var extra: [String]
    }

    public struct Items: Codable, Equatable, Sendable {
        public var f1: Double
        public var missing: [String]
        public var extra: [String]
    }

    /// Actions and motions alike: matched one-to-one on their text, then field by field.
    public struct Matched: Codable, Equatable, Sendable {
        public var f1: Double
        public var fieldAcc: Double
        public var truth: Int
        public var output: Int
        public var matched: Int
        public var missing: [String]
        public var extra: [String]
    }

    public var score: Double
    public var meeting: Double
    public var meetingWrong: [String]
    public var attendees: People
    public var apologies: People
    public var items: Items
    public var actions: Matched
    public var nextMeeting: Double
    /// Only where the truth lists motions and they are not ignored.
    public var motions: Matched?
}

public enum TruthScorer {
    /// The score, and one line for each thing it counted against the output.
    public struct Result: Equatable, Sendable {
        public var score: TruthScore
        public var differences: [String]
    }

    static let meetingText = ["title", "organisation", "venue"]
    static let meetingExact = ["date", "startTime", "endTime"]
    /// score.py's thresholds (TRUTH-FORMAT.md, "Scoring").
    static let textThreshold = 0.85, itemThreshold = 0.8, actionThreshold = 0.75, motionThreshold = 0.6

    public static func score(truth: JSONValue, minutes: Minutes, motions: Bool = true) throws -> Result {
        score(truth: truth, output: try JSONValue(minutes), motions: motions)
    }

    /// `score_doc(truth, out, motions)`.
    public static func score(truth: JSONValue, output: JSONValue, motions: Bool = true) -> Result {
        var diff: [String] = []
        let tm = truth["meeting"] ?? .null, om = output["meeting"] ?? .null
        var fields: [(String, Bool)] = []
        let tmo = tm.object ?? [:]
        for k in meetingText where tmo[k] != nil {
            let t = tm[k]
            let ok = t?.truthy == true ? Similarity.sim(t, om[k]) >= textThreshold : Similarity.norm(om[k]).isEmpty
            fields.append((k, ok))
        }
        for k in meetingExact where tmo[k] != nil {
            fields.append((k, dateOf(tm[k]) == dateOf(om[k])))
        }
        for (k, ok) in fields where !ok {
            diff.append("meeting \(Words.label(k)): \(Words.quote(tm[k])) expected, \(Words.quote(om[k])) found")
        }
        let meeting = fields.isEmpty ? 1.0 : Double(fields.filter(\.1).count) / Double(fields.count)

        let attendees = people(truth, output, "attendees", label: "attendee", &diff)
        let apologies = people(truth, output, "apologies", label: "apology", &diff)

        let ti = (truth["items"] ?? .null).list, oi = (output["items"] ?? .null).list
        let mi = Similarity.match(ti, oi, threshold: itemThreshold, itemScore)
        func itemText(_ v: JSONValue) -> String {
            "\((v["number"] ?? .null).pythonString) \((v["title"] ?? .null).pythonString)"
        }
        // score.py's lists print a missing number as "None"; the difference lines leave it out.
        func itemLine(_ v: JSONValue) -> String {
            Words.clip([v["number"], v["title"]].compactMap { $0?.isNull == false ? $0?.pythonString : nil }.joined(separator: " "))
        }
        let itemMissing = unmatched(ti, mi.map(\.i)).map(itemText)
        let itemExtra = unmatched(oi, mi.map(\.j)).map(itemText)
        diff += unmatched(ti, mi.map(\.i)).map { "item missing: \(itemLine($0))" }
            + unmatched(oi, mi.map(\.j)).map { "item extra: \(itemLine($0))" }
        let items = TruthScore.Items(f1: Similarity.f1(mi.count, ti.count, oi.count), missing: itemMissing, extra: itemExtra)

        let actions = scoreActions(truth, output, &diff)

        let tn = (truth["nextMeeting"] ?? .null)["date"], on = (output["nextMeeting"] ?? .null)["date"]
        let next = dateOf(tn) == dateOf(on) ? 1.0 : 0.0
        if next == 0 { diff.append("next meeting: \(Words.quote(tn)) expected, \(Words.quote(on)) found") }

        var parts = [meeting, attendees.f1, apologies.f1, items.f1, actions.f1, actions.fieldAcc, next]
        var motionScore: TruthScore.Matched?
        if motions, let t = truth.object, t["motions"] != nil {
            let m = scoreMotions((truth["motions"] ?? .null).list, (output["motions"] ?? .null).list, &diff)
            motionScore = m
            parts += [m.f1, m.fieldAcc]
        }
        let total = parts.reduce(0, +) / Double(parts.count)
        let result = TruthScore(score: total, meeting: meeting, meetingWrong: fields.filter { !$0.1 }.map(\.0),
                                attendees: attendees, apologies: apologies, items: items, actions: actions,
                                nextMeeting: next, motions: motionScore)
        return Result(score: result, differences: diff)
    }

    /// `date_of`: the value's text, stripped; nil for anything falsy.
    static func dateOf(_ v: JSONValue?) -> PyText? {
        guard let v, v.truthy else { return nil }
        let s = PyText(v.pythonString).strip()
        return s.isEmpty ? nil : s
    }

    static func unmatched(_ list: [JSONValue], _ used: [Int]) -> [JSONValue] {
        let taken = Set(used)
        return list.indices.filter { !taken.contains($0) }.map { list[$0] }
    }

    /// `score_people`: names matched without honorifics; role and initials over the matched.
    static func people(_ truth: JSONValue, _ out: JSONValue, _ key: String, label: String,
                       _ diff: inout [String]) -> TruthScore.People {
        let t = (truth[key] ?? .null).list, o = (out[key] ?? .null).list
        let m = Similarity.match(t, o, threshold: textThreshold) {
            Similarity.sim(Similarity.personName($0["name"]), Similarity.personName($1["name"]))
        }
        var roles: [Bool] = [], inits: [Bool] = []
        for (i, j, _) in m {
            let name = (t[i]["name"] ?? .null).pythonString
            if t[i]["role"]?.truthy == true {
                let ok = Similarity.sim(t[i]["role"], o[j]["role"]) >= textThreshold
                roles.append(ok)
                if !ok { diff.append("\(label) \(name): role \(Words.quote(t[i]["role"])) expected, \(Words.quote(o[j]["role"])) found") }
            }
            if t[i]["initials"]?.truthy == true {
                let ok = Similarity.norm(t[i]["initials"]) == Similarity.norm(o[j]["initials"])
                inits.append(ok)
                if !ok { diff.append("\(label) \(name): initials \(Words.quote(t[i]["initials"])) expected, \(Words.quote(o[j]["initials"])) found") }
            }
        }
        let missing = unmatched(t, m.map(\.i)).map { ($0["name"] ?? .null).pythonString }
        let extra = unmatched(o, m.map(\.j)).map { ($0["name"] ?? .null).pythonString }
        diff += missing.map { "\(label) missing: \($0)" } + extra.map { "\(label) extra: \($0)" }
        func share(_ xs: [Bool]) -> Double? { xs.isEmpty ? nil : Double(xs.filter { $0 }.count) / Double(xs.count) }
        return TruthScore.People(f1: Similarity.f1(m.count, t.count, o.count), roleAcc: share(roles),
                                 initialsAcc: share(inits), missing: missing, extra: extra)
    }

    /// `item_score`: numbers must agree; a truth title of two words or more that begins the
    /// output's (or is begun by it) is a match; otherwise the better of ratio and word Dice.
    static func itemScore(_ a: JSONValue, _ b: JSONValue) -> Double {
        if Similarity.norm(a["number"]) != Similarity.norm(b["number"]) { return 0.0 }
        let ta = Similarity.norm(a["title"]), tb = Similarity.norm(b["title"])
        if ta.isEmpty { return 1.0 }
        // Python's sorted() is stable: of two equally long titles the truth's is `short`.
        let (short, long) = tb.count < ta.count ? (tb, ta) : (ta, tb)
        if short.split().count >= 2 && long.hasPrefix(short) { return 1.0 }
        return max(Similarity.sim(ta, tb), Similarity.tokenSim(ta, tb))
    }

    static func ownerSet(_ a: JSONValue) -> [PyText] {
        var owners = (a["owners"] ?? .null)
        if case .string = owners { owners = .array([owners]) }
        if !owners.truthy { owners = .array([]) }
        return owners.list.map { PyText(Similarity.norm($0).scalars.filter { $0 != 0x20 }) }.filter { !$0.isEmpty }.sorted()
    }

    static func scoreActions(_ truth: JSONValue, _ out: JSONValue, _ diff: inout [String]) -> TruthScore.Matched {
        scoreRecords((truth["actions"] ?? .null).list, (out["actions"] ?? .null).list, text: "description",
                     label: "action", threshold: actionThreshold, &diff) { t, o in
            // "owner 'AP' expected, 'AP, RL' found": one owner expected reads in the singular.
            [("owners", (t["owners"] ?? .null).list.count > 1 ? "owners" : "owner", ownerSet(t) == ownerSet(o)),
             ("due", "due", dateOf(t["due"]) == dateOf(o["due"])),
             ("ref", "ref", Similarity.norm(t["ref"]) == Similarity.norm(o["ref"]))]
        }
    }

    /// `score_motions`: matched on the text moved; then mover and seconder by surname,
    /// result, and each count the truth gives.
    static func scoreMotions(_ tm: [JSONValue], _ om: [JSONValue], _ diff: inout [String]) -> TruthScore.Matched {
        scoreRecords(tm, om, text: "text", label: "motion", threshold: motionThreshold, &diff) { t, o in
            var ok: [(String, String, Bool)] = []
            for k in ["mover", "seconder"] where !(t[k] ?? .null).isNull || !(o[k] ?? .null).isNull {
                ok.append((k, k, Similarity.surname(t[k]) == Similarity.surname(o[k])))
            }
            ok.append(("result", "result", Similarity.norm(t["result"]) == Similarity.norm(o["result"])))
            for k in ["for", "against", "abstain"] where !(t[k] ?? .null).isNull {
                ok.append((k, k, pythonEqual(t[k], o[k])))
            }
            return ok
        }
    }

    /// Actions and motions alike: one-to-one on their text (`action_sim`), F1, then the share
    /// of the matched records' field checks that hold (1 when both lists are empty).
    static func scoreRecords(_ t: [JSONValue], _ o: [JSONValue], text: String, label: String, threshold: Double,
                             _ diff: inout [String],
                             fields: (JSONValue, JSONValue) -> [(key: String, label: String, ok: Bool)]) -> TruthScore.Matched {
        let m = Similarity.match(t, o, threshold: threshold) { Similarity.actionSim($0[text], $1[text]) }
        var checks: [Bool] = []
        for (i, j, _) in m {
            let checked = fields(t[i], o[j])
            checks += checked.map(\.ok)
            for f in checked where !f.ok {
                diff.append("\(label) \(i + 1): \(f.label) \(Words.quote(t[i][f.key])) expected, \(Words.quote(o[j][f.key])) found")
            }
        }
        let missing = unmatched(t, m.map(\.i)).map { Words.clip(($0[text] ?? .null).pythonString) }
        let extra = unmatched(o, m.map(\.j)).map { Words.clip(($0[text] ?? .null).pythonString) }
        diff += missing.map { "\(label) missing: \($0)" } + extra.map { "\(label) extra: \($0)" }
        let acc = checks.isEmpty ? (t.isEmpty && o.isEmpty ? 1.0 : 0.0) : Double(checks.filter { $0 }.count) / Double(checks.count)
        return TruthScore.Matched(f1: Similarity.f1(m.count, t.count, o.count), fieldAcc: acc,
                                  truth: t.count, output: o.count, matched: m.count, missing: missing, extra: extra)
    }
}

/// How values and field names read in a difference line.
enum Words {
    static let clipLength = 80

    static func clip(_ s: String) -> String {
        let one = s.split(whereSeparator: \.isNewline).joined(separator: " ")
        return one.count > clipLength ? String(one.prefix(clipLength - 1)) + "…" : one
    }

    /// 'text' in quotes, a list of texts as 'A, B', none for null, empty or absent.
    static func quote(_ v: JSONValue?) -> String {
        switch v ?? .null {
        case .null: return "none"
        case .string(let s): return "'\(clip(s))'"
        case .array(let a) where a.isEmpty: return "none"
        case .array(let a) where a.allSatisfy({ $0.string != nil }):
            return "'\(clip(a.compactMap(\.string).joined(separator: ", ")))'"
        case .array(let a) where a.allSatisfy({ $0.number != nil }):
            return "[" + a.map { number($0.number ?? 0) }.joined(separator: ", ") + "]"
        case .int(let i): return String(i)
        case .double(let d): return number(d)
        case .bool(let b): return b ? "true" : "false"
        case let other: return clip(other.compactText)
        }
    }

    /// Whole numbers without a point, others to two places at most ("291.4").
    static func number(_ d: Double) -> String {
        if d == d.rounded() && abs(d) < 1e15 { return String(Int(d)) }
        var s = String(format: "%.2f", d)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }

    /// A JSON key as words: "startTime" is "start time".
    static func label(_ key: String) -> String {
        var out = ""
        for c in key {
            if c.isUppercase, !out.isEmpty { out.append(" ") }
            out.append(contentsOf: c.lowercased())
        }
        return out
    }
}

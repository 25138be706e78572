import Foundation
import MinutesModel

/// How a motion ended, read from the text after it: the result ("Motion carried", "lost",
/// "withdrawn"), the counts ("5-0", "6 for, 2 against, 1 abstention", "none opposed"), a roll
/// call ("Trustee Raymond-yes", "AYES: A, B; NAYS: C"), and whether it was unanimous.
struct MotionOutcome: Equatable {
    var result: MotionResult?
    var votesFor: Int?
    var votesAgainst: Int?
    var abstentions: Int?
    var votes: [Vote] = []
    var unanimous: Bool?

    static let words = Vocabulary.shared.motions
    static func alt(_ w: [String]) -> String { Vocabulary.alternation(w, spaces: #"\s+"#) }

    static let results: [(MotionResult, String)] = [
        (.failed, #"\b(?:\#(alt(words.failedWords)))\b"#),
        (.withdrawn, #"\b(?:\#(alt(words.withdrawnWords)))\b"#),
        (.deferred, #"\b(?:\#(alt(words.deferredWords)))\b"#),
        (.carried, #"\b(?:\#(alt(words.carriedWords)))\b"#),
    ]
    static let unanimous = #"\b(?:\#(alt(words.unanimousWords)))"#
    static let number = #"(\d{1,3}|\#(alt(words.zeroWords)))"#
    /// "6 for", "2 against", "1 abstention", "none opposed", "11 opposed 34 in favor".
    static let countPair = #"\b\#(number)\s+(?:votes?\s+)?(\#(alt(words.forCountWords + words.againstCountWords + words.abstainCountWords)))\b"#
    /// "For 4, against 1, abstentions 1": the words before their numbers, at least a for and an
    /// against in a row (a lone "for 2" is any phrase: "approved for 2 years").
    static let wordFirstCounts = #"\b(?:\#(alt(words.forCountWords)))\s*:?\s*\#(number)\s*[,;]?\s+(?:\#(alt(words.againstCountWords)))\s*:?\s*\#(number)(?:\s*[,;]?\s+(?:\#(alt(words.abstainCountWords)))\s*:?\s*\#(number))?\b"#
    /// "carried 5-0", "failed 2-3", "approved 4-1-1", "by a vote of 6 to 1".
    static let tally = #"\b(?:\#(alt(words.carriedWords + words.failedWords)))?\s*(?:by\s+a\s+vote\s+of|,|\()?\s*(\d{1,2})\s*(?:-|–|—|:|to)\s*(\d{1,2})(?:\s*(?:-|–|—|:)\s*(\d{1,2}))?\b(?!\s*(?:am|pm|a\.m|p\.m|/))"#
    /// "Trustee Raymond-yes", "Cllr Smith – aye": a roll call's name and answer.
    static let rollCall = #"((?:[\p{Lu}][\p{L}'’.]*[\s]+){0,3}[\p{Lu}][\p{L}'’\-]*?)\s*(?:-|–|—|:)\s*((?i:\#(alt(words.yesAnswers + words.noAnswers + words.abstainAnswers + words.absentAnswers))))\b"#

    /// Reads `text`: what follows a motion up to the next.
    static func read(_ text: String) -> MotionOutcome {
        var o = MotionOutcome()
        let lower = text.lowercased()
        // The earliest result word is the motion's: a later one is about something else.
        var best: (Int, MotionResult)?
        for (result, pattern) in results {
            if let r = lower.range(ofRegex: pattern, caseInsensitive: true) {
                let at = lower.distance(from: lower.startIndex, to: r.lowerBound)
                if at < (best?.0 ?? Int.max) { best = (at, result) }
            }
        }
        o.result = best?.1
        if text.range(ofRegex: unanimous, caseInsensitive: true) != nil { o.unanimous = true }
        readCounts(text, into: &o)
        readRollCall(text, into: &o)
        // Counts alone leave the result open: the page may record a vote cut short.
        return o
    }

    static func value(_ s: String) -> Int? {
        Int(s) ?? (words.zeroWords.contains(s.lowercased()) ? 0 : nil)
    }

    static func readCounts(_ text: String, into o: inout MotionOutcome) {
        let ns = text as NSString
        // Word-first counts before number-first ones: in "against 2 abstentions 0" (a comma lost
        // at a line's end) the 2 is the against's, not an abstention count.
        if o.votesFor == nil, let r = RegexCache.shared.regex(wordFirstCounts, caseInsensitive: true),
           let m = r.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) {
            o.votesFor = value(ns.substring(with: m.range(at: 1)))
            o.votesAgainst = o.votesAgainst ?? value(ns.substring(with: m.range(at: 2)))
            if m.range(at: 3).location != NSNotFound { o.abstentions = o.abstentions ?? value(ns.substring(with: m.range(at: 3))) }
        }
        if let r = RegexCache.shared.regex(countPair, caseInsensitive: true) {
            for m in r.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                guard let n = value(ns.substring(with: m.range(at: 1))) else { continue }
                let w = ns.substring(with: m.range(at: 2)).lowercased().replacing(regex: #"\s+"#, with: " ")
                let isZeroWord = Int(ns.substring(with: m.range(at: 1))) == nil
                if words.abstainCountWords.contains(w) { o.abstentions = o.abstentions ?? n }
                else if words.againstCountWords.contains(w) { o.votesAgainst = o.votesAgainst ?? n }
                else if !isZeroWord, words.forCountWords.contains(w) { o.votesFor = o.votesFor ?? n }
            }
        }
        guard o.votesFor == nil, let r = RegexCache.shared.regex(tally, caseInsensitive: true),
              let m = r.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)),
              m.range(at: 1).location != NSNotFound else { return }
        // A bare "5-0" is a tally only beside a result word or "vote": "items 11a-11c" is not.
        let whole = ns.substring(with: m.range).lowercased()
        guard whole.range(ofRegex: #"[a-z]"#) != nil else { return }
        o.votesFor = Int(ns.substring(with: m.range(at: 1)))
        o.votesAgainst = Int(ns.substring(with: m.range(at: 2)))
        if m.range(at: 3).location != NSNotFound { o.abstentions = Int(ns.substring(with: m.range(at: 3))) }
    }

    /// Names with their answers: each vote, then the counts where the page gave none.
    static func readRollCall(_ text: String, into o: inout MotionOutcome) {
        let ns = text as NSString
        guard let r = RegexCache.shared.regex(rollCall, caseInsensitive: false) else { return }
        for m in r.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let name = ns.substring(with: m.range(at: 1)).trimmed
            let answer = ns.substring(with: m.range(at: 2)).lowercased()
            guard name.count >= 2, let vote = vote(answer) else { continue }
            o.votes.append(Vote(name: name, vote: vote))
        }
        readLabelledVotes(text, into: &o)
        guard o.votes.count >= 2 else { o.votes = []; return }
        let yes = o.votes.filter { $0.vote == .yes }.count, no = o.votes.filter { $0.vote == .no }.count
        let abstain = o.votes.filter { $0.vote == .abstain }.count
        if o.votesFor == nil, o.votesAgainst == nil {
            o.votesFor = yes
            o.votesAgainst = no
            o.abstentions = o.abstentions ?? abstain
        }
        if o.unanimous == nil, no == 0, abstain == 0, yes > 0 { o.unanimous = true }
    }

    static func vote(_ answer: String) -> VoteValue? {
        let a = answer.replacing(regex: #"\s+"#, with: " ")
        if words.yesAnswers.contains(a) { return .yes }
        if words.noAnswers.contains(a) { return .no }
        if words.abstainAnswers.contains(a) { return .abstain }
        if words.absentAnswers.contains(a) { return .absent }
        return nil
    }

    static let voteLabel: String = {
        let all = words.yesLabels + words.noLabels + words.abstainLabels + words.absentLabels + words.recusedLabels
        return #"(?:^|[\s;.])(\#(alt(all)))\s*:\s*"#
    }()

    /// "Ayes: Smith, Jones and Patel; Noes: Brown; Abstentions: none".
    static func readLabelledVotes(_ text: String, into o: inout MotionOutcome) {
        let ns = text as NSString
        guard let r = RegexCache.shared.regex(voteLabel, caseInsensitive: true) else { return }
        let ms = r.matches(in: text, range: NSRange(location: 0, length: ns.length))
        guard !ms.isEmpty else { return }
        var counted: [VoteValue: Int] = [:]
        for (k, m) in ms.enumerated() {
            let label = ns.substring(with: m.range(at: 1)).lowercased().replacing(regex: #"\s+"#, with: " ")
            let from = NSMaxRange(m.range)
            let to = k + 1 < ms.count ? ms[k + 1].range.location : min(ns.length, from + 300)
            guard to > from else { continue }
            var value = ns.substring(with: NSRange(location: from, length: to - from))
            if let stop = value.range(ofRegex: #"\n|\.\s+(?=\p{Lu})"#) { value = String(value[..<stop.lowerBound]) }
            let kind: VoteValue = words.yesLabels.contains(label) ? .yes : words.noLabels.contains(label) ? .no
                : words.abstainLabels.contains(label) ? .abstain : words.absentLabels.contains(label) ? .absent : .recused
            let v = value.trimmed.trimmingCharacters(in: CharacterSet(charactersIn: " ;,."))
            if let n = Int(v) { counted[kind] = n; continue }
            if words.zeroWords.contains(v.lowercased()) { counted[kind] = 0; continue }
            for name in v.replacing(regex: #"\s+(?:and|&)\s+"#, with: ",").split(whereSeparator: { $0 == "," || $0 == ";" }) {
                let n = String(name).trimmed
                if n.count >= 2, n.first?.isUppercase == true { o.votes.append(Vote(name: n, vote: kind)) }
            }
            counted[kind] = counted[kind] ?? 0
        }
        // Counts printed as numbers after the labels ("Ayes: 5 Noes: 0").
        if o.votesFor == nil, let y = counted[.yes], o.votes.isEmpty {
            o.votesFor = y
            o.votesAgainst = counted[.no]
            o.abstentions = counted[.abstain]
        }
    }
}

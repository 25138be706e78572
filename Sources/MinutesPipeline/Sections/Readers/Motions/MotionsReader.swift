import Foundation
import MinutesModel
import PageLayout

/// Motions put to the meeting, one family of wording at a time (`MotionPatterns`):
/// - framed: "Motion made by A, seconded by B, that …", "It was moved by A and seconded by B
///   to …", "Proposed by A, seconded by B, RESOLVED that …", "X proposed by A, seconded by B";
/// - a member moves: "Cllr A proposed …; Cllr B seconded the motion", "The chairman proposed
///   and it was RESOLVED to …", "Cllr A suggested … All agreed to this proposal";
/// - no mover: "It was proposed to defer …", "The Board voted, by a majority, that …";
/// - names in brackets: "Minutes approved – A (motion), B (second)";
/// - labelled records: "Motion: … / Moved: … / Seconded: … / Carried", Granicus and Legistar
///   blocks "RESULT: APPROVED / MOVER: … / SECONDER: … / AYES: … / NAYS: …" (`MotionBlocks`).
/// How each ended is read from the text after it, up to the next motion (`MotionOutcome`).
/// Then the items' decisions as objects, each linked to the motion that made it.
struct MotionsReader: SectionReader {
    /// How far past a motion's text its result is looked for: "Ayes All" sits a line or a
    /// note below the motion; further on, a result word is about something else.
    static let tailLength = 360
    /// How far below a motion "the motion carried" is still its result: past a debate of a
    /// dozen sentences, before the next motion.
    static let debateLength = 1800
    /// Longest item heading standing on its own line above a sentence ("Parking", "Review of
    /// the standing orders and the financial regulations"): a sentence's line runs longer.
    static let headingLength = 60
    /// Fewest words a motion's text has ("to adjourn").
    static let minTextWords = 2

    /// A motion as found: where its record starts and its text ends in the item's text.
    struct Candidate {
        var start: Int
        var textEnd: Int
        var motion: Motion
        /// A result the motion's own words gave ("and it was RESOLVED", a labelled RESULT).
        var stated: MotionOutcome?
        /// Of two finds at one place, the lower rank stands: the family that names more.
        var rank = 0
    }

    func read(_ context: SectionContext) -> SectionFindings {
        var out = SectionFindings()
        let people = context.found.attendees + context.found.apologies
        let annual = Self.annualMeetingLines(context)
        for var region in Self.regions(context) {
            region.lines.removeAll(where: annual.contains)
            guard !region.lines.isEmpty else { continue }
            let t = MotionText(lines: context.lines, indices: region.lines)
            var found = Self.candidates(in: t) + MotionBlocks.candidates(in: t, lines: context.lines)
            found.sort { ($0.start, $0.rank) < ($1.start, $1.rank) }
            let withdrawals = t.matches(MotionPatterns.withdrawal, caseInsensitive: false, gates: MotionPatterns.withdrawalGates)
            // A motion's text is at least a verb and its object: a lone name or initials is
            // the outcome of an election the page words otherwise.
            found = found.filter { $0.motion.text.split(separator: " ").count >= Self.minTextWords }
            found = Self.withoutOverlaps(found)
            for (k, c) in found.enumerated() {
                var m = c.motion
                m.mover = m.mover.map(Self.fromLastTitle)
                m.seconder = m.seconder.map(Self.fromLastTitle)
                m.item = region.item
                let tailEnd = min(k + 1 < found.count ? found[k + 1].start : t.length, c.textEnd + Self.tailLength)
                var tail = tailEnd > c.textEnd ? t.text(NSRange(location: c.textEnd, length: tailEnd - c.textEnd)) : ""
                // A withdrawal naming another motion's mover is that motion's, not this one's.
                for w in withdrawals where w.range.location >= c.textEnd && NSMaxRange(w.range) <= tailEnd {
                    let who = t.text(w.range(at: 1))
                    if m.mover.map({ Self.surname($0) != Self.surname(who) }) ?? true {
                        tail = tail.replacingOccurrences(of: t.text(w.range), with: "")
                    }
                }
                // "The motion was seconded by Cindy and the motion passed", a debate below.
                let debateEnd = min(k + 1 < found.count ? found[k + 1].start : t.length, c.textEnd + Self.debateLength)
                if m.seconder == nil, debateEnd > c.textEnd,
                   let later = t.matches(MotionPatterns.laterSeconder, in: NSRange(location: c.textEnd, length: debateEnd - c.textEnd),
                                         gates: [MotionPatterns.laterSecondedGate]).first {
                    m.seconder = MotionSentence.name(t.text(Self.firstFound(later))).map(Self.fromLastTitle)
                }
                var outcome = c.stated ?? MotionOutcome.read(tail)
                if outcome.result == nil {
                    // "After discussion, the motion carried unanimously", a long debate below.
                    if debateEnd > c.textEnd,
                       let r = t.matches(MotionPatterns.motionResult, in: NSRange(location: c.textEnd, length: debateEnd - c.textEnd),
                                         gates: [MotionPatterns.motionGate]).first {
                        let said = MotionOutcome.read(t.text(r.range) + t.text(NSRange(location: NSMaxRange(r.range), length: min(40, t.length - NSMaxRange(r.range)))))
                        outcome.result = said.result
                        outcome.unanimous = outcome.unanimous ?? said.unanimous
                    }
                }
                Self.apply(outcome, to: &m)
                let used = t.lines(covering: NSRange(location: c.start, length: max(1, c.textEnd - c.start)))
                let usedLines = used.map { context.lines[$0] }
                m.page = usedLines.first?.page
                m.box = Rect.enclosing(usedLines.filter { $0.page == m.page }.map(\.box))?.array
                m.moverName = m.mover.flatMap { ResolveOwners.resolve(Self.untitled($0), in: people) }
                m.seconderName = m.seconder.flatMap { ResolveOwners.resolve(Self.untitled($0), in: people) }
                out.motions.append(m)
            }
            // "Cllr O’Leary withdrew his resolution": the last motion he moved before it.
            for w in withdrawals {
                let who = Self.surname(t.text(w.range(at: 1)))
                let before = out.motions.indices.reversed().first { i in
                    out.motions[i].item == region.item && out.motions[i].mover.map(Self.surname) == who
                }
                if let i = before { out.motions[i].result = .withdrawn }
            }
        }
        for m in out.motions where m.result == nil {
            out.note(.info, page: m.page, "motion \"\(m.text.shortened)\": the page gives no result")
        }
        out.decisions = MotionDecisions.decisions(context, motions: out.motions)
        return out
    }

    /// The lines of each numbered item (and those before the first), in order; lines other
    /// readers took as fields or people lists are left out.
    struct Region { var item: String?; var lines: [Int] }

    static func regions(_ context: SectionContext) -> [Region] {
        var out: [Region] = [Region(item: nil, lines: [])]
        let items = context.found.items
        for (i, l) in context.lines.enumerated() {
            if let n = context.numbers[i], context.scheme.isTopLevel(n.number),
               items.contains(where: { $0.number == n.number && $0.page == l.page }), n.number != out.last?.item {
                out.append(Region(item: n.number, lines: []))
            }
            guard !context.consumed.contains(i) else { continue }
            out[out.count - 1].lines.append(i)
        }
        return out.filter { !$0.lines.isEmpty }
    }

    /// The lines of an annual meeting whose minutes share the document with an ordinary
    /// meeting's ("Minutes of the Annual General Meeting …" then "Minutes of a meeting of the
    /// above Council …"): the motions are the ordinary meeting's, not a mix of both.
    static func annualMeetingLines(_ context: SectionContext) -> Set<Int> {
        let openings = context.lines.indices.filter {
            MotionPatterns.meetingOpeningGate.mayMatch(context.lines[$0].text)
                && context.lines[$0].text.range(ofRegex: MotionPatterns.meetingOpening, caseInsensitive: true) != nil
        }
        guard openings.count >= 2 else { return [] }
        let isAnnual = openings.map { context.lines[$0].text.range(ofRegex: MotionPatterns.annual, caseInsensitive: true) != nil }
        guard isAnnual.contains(true), isAnnual.contains(false) else { return [] }
        var out = Set<Int>()
        for (k, start) in openings.enumerated() where isAnnual[k] {
            let end = k + 1 < openings.count ? openings[k + 1] : context.lines.count
            out.formUnion(start..<end)
        }
        return out
    }

    /// The sentence families, over the item's text as one.
    static func candidates(in t: MotionText) -> [Candidate] {
        var out: [Candidate] = []
        for m in t.matches(MotionPatterns.framed, gates: MotionPatterns.framedGates) {
            var motion = Motion(text: "", mover: MotionSentence.name(t.text(m.range(at: 1))),
                                seconder: MotionSentence.name(t.text(m.range(at: 2))))
            let from = NSMaxRange(m.range)
            var end = textEnd(t, from: from)
            var text = MotionSentence.clean(t.text(NSRange(location: from, length: end - from)))
            var start = m.range.location
            // "3 Year agreement proposed by A, seconded by B." or "RS proposed by A, seconded
            // by B 5 for 1 against": what was moved stands before the names.
            if text.isEmpty || text.range(ofRegex: #"^\d+\s+(for|in favou?r|against)\b"#, caseInsensitive: true) != nil {
                guard let before = sentenceBefore(t, m.range.location) else { continue }
                text = MotionSentence.clean(t.text(before))
                start = before.location
                end = max(from, NSMaxRange(m.range))
            }
            // "Proposed by A, seconded by B, RESOLVED that …": moved and carried.
            var stated: MotionOutcome?
            if let r = text.range(ofRegex: MotionPatterns.resolvedLead) {
                text = String(text[r.upperBound...])
                stated = MotionOutcome(result: .carried)
            }
            guard !text.isEmpty else { continue }
            motion.text = text
            out.append(Candidate(start: start, textEnd: end, motion: motion, stated: stated))
        }
        for m in t.matches(MotionPatterns.subjectMoves, gates: MotionPatterns.subjectMovesGates) {
            let from = NSMaxRange(m.range)
            let end = textEnd(t, from: from)
            let text = MotionSentence.clean(t.text(NSRange(location: from, length: end - from)))
            guard text.count > 2 else { continue }
            var motion = Motion(text: text, mover: MotionSentence.name(t.text(m.range(at: 1))))
            motion.seconder = seconder(after: end, in: t)
            var stated: MotionOutcome?
            if m.range(at: 3).location != NSNotFound { stated = MotionOutcome(result: .carried) }
            out.append(Candidate(start: m.range.location, textEnd: end, motion: motion, stated: stated))
        }
        for m in t.matches(MotionPatterns.subjectSuggests, gates: MotionPatterns.subjectSuggestsGates) {
            let from = NSMaxRange(m.range)
            let end = textEnd(t, from: from)
            let next = t.text(NSRange(location: end, length: min(200, t.length - end)))
            guard next.range(ofRegex: MotionPatterns.uptake, caseInsensitive: true) != nil else { continue }
            let text = MotionSentence.clean(t.text(NSRange(location: from, length: end - from)))
            guard text.count > 2 else { continue }
            out.append(Candidate(start: m.range.location, textEnd: end,
                                 motion: Motion(text: text, mover: MotionSentence.name(t.text(m.range(at: 1))))))
        }
        for (pattern, gates) in [(MotionPatterns.impersonal, MotionPatterns.impersonalGates), (MotionPatterns.bodyVoted, MotionPatterns.bodyVotedGates)] {
            for m in t.matches(pattern, gates: gates) {
                let from = NSMaxRange(m.range)
                var end = textEnd(t, from: from)
                // "…, that A would be accepted but the Board had voted unanimously not to B":
                // two votes in one sentence.
                if let but = t.matches(#"\s+but\s+(?=(?:the\s+)?\w+\s+(?:had\s+)?voted)"#, in: NSRange(location: from, length: end - from)).first {
                    end = but.range.location
                }
                let text = MotionSentence.clean(t.text(NSRange(location: from, length: end - from)))
                guard text.count > 2 else { continue }
                var stated: MotionOutcome?
                if pattern == MotionPatterns.bodyVoted {
                    // The body voted for it: carried, unanimously where it says so.
                    let how = m.range(at: 1).location == NSNotFound ? "" : t.text(m.range(at: 1)).lowercased()
                    stated = MotionOutcome(result: .carried, unanimous: how.hasPrefix("unanim") ? true : nil)
                }
                out.append(Candidate(start: m.range.location, textEnd: end, motion: Motion(text: text), stated: stated, rank: 2))
            }
        }
        for m in t.matches(MotionPatterns.motionThenNames, gates: MotionPatterns.motionThenNamesGates) {
            let motion = Motion(text: MotionSentence.clean(t.text(m.range(at: 1))), mover: MotionSentence.name(t.text(m.range(at: 2))),
                                seconder: MotionSentence.name(t.text(m.range(at: 3))))
            out.append(Candidate(start: m.range.location, textEnd: NSMaxRange(m.range), motion: motion))
        }
        for m in t.matches(MotionPatterns.subjectMovedSeconded, gates: MotionPatterns.subjectMovedSecondedGates) {
            let from = NSMaxRange(m.range)
            let end = textEnd(t, from: from)
            let text = MotionSentence.clean(t.text(NSRange(location: from, length: end - from)))
            out.append(Candidate(start: m.range.location, textEnd: end,
                                 motion: Motion(text: text, mover: MotionSentence.name(t.text(m.range(at: 1))),
                                                seconder: MotionSentence.name(t.text(m.range(at: 2))))))
        }
        for m in t.matches(MotionPatterns.subjectMakesMotion, gates: MotionPatterns.subjectMakesMotionGates) {
            let from = NSMaxRange(m.range)
            let end = textEnd(t, from: from)
            var motion = Motion(text: MotionSentence.clean(t.text(NSRange(location: from, length: end - from))),
                                mover: MotionSentence.name(t.text(m.range(at: 1))))
            motion.seconder = seconder(after: end, in: t)
            out.append(Candidate(start: m.range.location, textEnd: end, motion: motion))
        }
        for m in t.matches(MotionPatterns.subjectMakesBareMotion, gates: MotionPatterns.subjectMakesMotionGates) {
            // "… then the BOS. Jon made a motion and asked …": what was moved is the sentence before.
            guard let before = previousSentence(t, before: m.range.location) else { continue }
            let text = MotionSentence.clean(t.text(before))
            guard text.split(separator: " ").count >= minTextWords else { continue }
            let motion = Motion(text: text, mover: MotionSentence.name(t.text(m.range(at: 1))))
            out.append(Candidate(start: before.location, textEnd: NSMaxRange(m.range), motion: motion))
        }
        for m in t.matches(MotionPatterns.bracketed, gates: MotionPatterns.bracketedGates) {
            // The motion is what the line says before the dash.
            let lineStart = t.starts[t.line(at: m.range.location)]
            let text = MotionSentence.clean(Paragraphs.stripBullet(t.text(NSRange(location: lineStart, length: m.range.location - lineStart)))
                .replacing(regex: #"^[o•]\s+"#, with: ""))
            guard !text.isEmpty else { continue }
            let motion = Motion(text: text, mover: MotionSentence.name(t.text(m.range(at: 1))),
                                seconder: MotionSentence.name(t.text(m.range(at: 2))))
            // A line that records the vote after the fact: it was carried.
            out.append(Candidate(start: lineStart, textEnd: NSMaxRange(m.range), motion: motion, stated: MotionOutcome(result: .carried)))
        }
        return out
    }

    /// The end of a motion's text: its sentence's end, or a line that records only the vote.
    static func textEnd(_ t: MotionText, from: Int) -> Int {
        var end = MotionSentence.end(in: t, from: from, limit: t.length)
        let first = t.line(at: from) + 1
        if first < t.starts.count {
            for k in first..<t.starts.count where t.starts[k] < end {
                let lineText = t.raw.substring(with: NSRange(location: t.starts[k], length: min(60, t.length - t.starts[k])))
                if lineText.range(ofRegex: MotionPatterns.outcomeLine, caseInsensitive: true) != nil {
                    end = t.starts[k] - 1
                    break
                }
            }
        }
        // "… to now read “…” The motion to amend carried": the result's sentence is not the text.
        if end > from,
           let r = t.matches(MotionPatterns.motionResult, in: NSRange(location: from, length: end - from), gates: [MotionPatterns.motionGate]).first {
            end = r.range.location
        }
        // A quoted statement runs to its closing quote, over its own full stops.
        let read = t.text(NSRange(location: from, length: max(0, end - from)))
        if read.range(ofRegex: #"[‘“]"#) != nil, read.range(ofRegex: #"[’”](?=[\s.,;]|$)"#) == nil,
           let close = t.matches(#"[’”](?=[\s.,;]|$)"#, caseInsensitive: false,
                                 in: NSRange(location: end, length: min(MotionSentence.maxTextLength, t.length - end))).first {
            end = NSMaxRange(close.range)
        }
        return max(from, end)
    }

    /// Patterns of the names, built once (not on every call).
    static let titleAnywhere = #"\b\#(MotionPatterns.title)"#
    static let leadingTitles = #"^(?i)\#(MotionPatterns.title)+"#
    static let secondedAfter = #"^[\s;,.]*(?:(?:[\w’']+\s+){0,2}seconded\s+by\s+(\#(MotionPatterns.name))|(\#(MotionPatterns.name))\s+second(?:s|ed)\b)"#

    /// "Consent Agenda Councilmember Lee" → "Councilmember Lee": a name starts at its title.
    static func fromLastTitle(_ name: String) -> String {
        let ranges = name.ranges(ofRegex: Self.titleAnywhere, caseInsensitive: true)
        guard let last = ranges.last, last.lowerBound > name.startIndex else { return name }
        let rest = String(name[last.lowerBound...]).trimmed
        return rest.split(separator: " ").count >= 2 ? rest : name
    }

    /// The clause before `at`, back to the sentence's start on its line: "3 Year agreement".
    static func sentenceBefore(_ t: MotionText, _ at: Int) -> NSRange? {
        let lineStart = t.starts[t.line(at: at)]
        guard at > lineStart else { return nil }
        var from = lineStart
        for m in t.matches(#"[.:;)]\s+"#, caseInsensitive: false, in: NSRange(location: lineStart, length: at - lineStart)) {
            from = NSMaxRange(m.range)
        }
        return at > from ? NSRange(location: from, length: at - from) : nil
    }

    /// The whole sentence that ends before the one holding `at`: the text a bare "made a
    /// motion" moves. Nil where none stands before it or it runs past a motion's length.
    static func previousSentence(_ t: MotionText, before at: Int) -> NSRange? {
        let from = max(0, at - 2 * MotionSentence.maxTextLength)
        let stops = t.matches(MotionSentence.stop, caseInsensitive: false, in: NSRange(location: from, length: at - from))
        guard let end = stops.last?.range.location else { return nil }
        var start = from
        if let prior = stops.dropLast().last {
            start = NSMaxRange(prior.range)
        } else if from > 0 {
            return nil
        }
        // A short line with no closing stop above the sentence is the item's heading ("2.
        // Parking"), not the sentence's start.
        let k = t.line(at: start)
        let lead = t.text(NSRange(location: t.starts[k], length: start - t.starts[k]))
        if k + 1 < t.starts.count, t.starts[k + 1] < end, lead.range(ofRegex: #"^\s*(?:\(?[0-9A-Za-z]{1,3}[.)]?\s*)?$"#) != nil {
            let head = t.text(NSRange(location: start, length: t.starts[k + 1] - 1 - start)).trimmed
            if head.count <= headingLength, head.range(ofRegex: #"[.:;,!?]$"#) == nil { start = t.starts[k + 1] }
        }
        while start < end, t.text(NSRange(location: start, length: 1)).trimmed.isEmpty { start += 1 }
        guard end > start, end - start <= MotionSentence.maxTextLength else { return nil }
        return NSRange(location: start, length: end - start)
    }

    /// "…; Cllr Edgell seconded the motion", "Seconded by Cllr Evans", "Statement seconded by GP".
    static func seconder(after end: Int, in t: MotionText) -> String? {
        let range = NSRange(location: end, length: min(160, t.length - end))
        guard let m = t.matches(secondedAfter, in: range).first else { return nil }
        return MotionSentence.name(t.text(firstFound(m)))
    }

    /// A name pattern's two wordings ("seconded by B" | "B seconded") capture in groups 1 or 2.
    static func firstFound(_ m: NSTextCheckingResult) -> NSRange {
        m.range(at: 1).location != NSNotFound ? m.range(at: 1) : m.range(at: 2)
    }

    /// The first of overlapping finds stands: two families may read the same words.
    static func withoutOverlaps(_ found: [Candidate]) -> [Candidate] {
        var out: [Candidate] = []
        for c in found {
            if let last = out.last, c.start < last.textEnd { continue }
            out.append(c)
        }
        return out
    }

    static func apply(_ o: MotionOutcome, to m: inout Motion) {
        m.result = m.result ?? o.result
        m.votesFor = o.votesFor
        m.votesAgainst = o.votesAgainst
        m.abstentions = o.abstentions
        m.votes = o.votes
        m.unanimous = o.unanimous
    }

    static func untitled(_ name: String) -> String {
        name.replacing(regex: Self.leadingTitles, with: "").trimmed
    }

    static func surname(_ name: String) -> String {
        untitled(name).split(separator: " ").last.map { $0.lowercased() } ?? ""
    }
}

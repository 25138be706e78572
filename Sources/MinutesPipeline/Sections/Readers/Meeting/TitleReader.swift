import Foundation
import MinutesModel
import PageLayout

/// The meeting's title and the body holding it, from the heading block above the first
/// item, and the date printed there when no label gave it:
/// - a heading in larger or bold type: "Performance and Resources Scrutiny Programme";
/// - a body's name over the meeting's kind: "PLANNING COMMISSION" / "REGULAR MEETING MINUTES";
/// - a title broken along its row or over two lines in the same type;
/// - a letterhead's body alone: "MANORDEILO & SALEM COMMUNITY COUNCIL" / "MEETING 9th MAY 2018";
/// - the running header, when the page's heading names nothing: "Transparency Board – Minutes".
struct TitleReader: SectionReader {
    static let vocabulary = Vocabulary.shared
    static let orgPattern = #"(?i)^(\#(Vocabulary.alternation(vocabulary.organisationOpeners)))\b|\b(\#(Vocabulary.alternation(vocabulary.organisationWords)))\b"#
    /// A heading that is only the document's kind ("Minutes", "Part B") names no meeting.
    static let genericTitle = #"(?i)^(\#(Vocabulary.alternation(vocabulary.documentStates)))?\s*(\#(Vocabulary.alternation(vocabulary.documentKinds))|part [a-z1-9]+)[.:]?$"#
    static let meetingWord = #"(?i)\b(\#(Vocabulary.alternation(vocabulary.meetingBodies)))\b"#
    static let committeeWord = #"(?i)\b(\#(Vocabulary.alternation(vocabulary.committeeWords)))\b"#
    static let recordOpening = #"(?i)^(\#(Vocabulary.alternation(vocabulary.recordNouns)))\b"#
    static let sentenceVerb = #"(?i)\b(\#(Vocabulary.alternation(vocabulary.sentenceVerbs)))\b"#
    static let meetingKind = #"(?i)^((\#(Vocabulary.alternation(vocabulary.meetingKinds)))\s+)*(\#(Vocabulary.alternation(vocabulary.meetingNouns)))$"#
    static let meetingNouns = Set(vocabulary.meetingNouns)
    /// An online meeting says so in its opening lines; later mentions are about other things.
    static let openingLines = 12
    static let meetingKindOpening = #"(?i)^(\#(Vocabulary.alternation(vocabulary.meetingKinds)))\s+(\w+\s+)?(\#(Vocabulary.alternation(vocabulary.sittings)))\b"#

    func read(_ context: SectionContext) -> SectionFindings {
        var out = SectionFindings(continuing: context.found)
        let lines = context.lines, order = context.dateOrder
        let titleWasSet = out.meeting.title != nil
        let top = lines.indices.filter { lines[$0].page == context.firstPage && !context.consumed.contains($0) }.prefix(14)
        // The header block ends at the first person list, item or table.
        var header: [Int] = []
        for i in top {
            if context.numbers[i] != nil { break }
            if Self.vocabulary.agendaWords.contains(StripRunningText.key(lines[i].text)) { break }
            header.append(i)
        }
        // A heading repeated on every page was taken out as running text: its date is the
        // meeting's before any date in the body.
        let runningHeader = context.runningText.filter { $0.page == context.firstPage && $0.box.y0 < context.pageHeight($0.page) * Layout.headerBand }
        if out.meeting.date == nil, !runningHeader.isEmpty,
           let l = runningHeader.first(where: { DateParsing.first(in: $0.text, order: order)?.iso.count == 10 }),
           let d = DateParsing.first(in: l.text, order: order), header.allSatisfy({ DateParsing.first(in: lines[$0].text, order: order) == nil }) {
            out.set(.date, d.iso, from: [l])
            out.note(.info, page: l.page, "meeting date taken from the running header")
            let t = DateParsing.times(in: DateParsing.removingDates(l.text, order: order))
            if out.meeting.startTime == nil { out.set(.startTime, t.start, from: [l]) }
        }
        if out.meeting.date == nil {
            for i in header where i + 1 < lines.count && lines[i + 1].page == lines[i].page {
                let text = lines[i].text
                let joined = text + " " + lines[i + 1].text
                // The date starts on the first line and ends on the second.
                guard DateParsing.first(in: text, order: order) == nil, DateParsing.first(in: lines[i + 1].text, order: order) == nil,
                      let d = DateParsing.first(in: joined, order: order), d.iso.count == 10,
                      joined.distance(from: joined.startIndex, to: d.range.lowerBound) < text.count else { continue }
                out.set(.date, d.iso, from: [lines[i], lines[i + 1]])
                out.meetingDateLine = i
                out.note(.info, page: lines[i].page, "meeting date read across two heading lines")
                break
            }
        }
        if out.meeting.date == nil {
            for i in header + Array(lines.indices.prefix(40)) {
                if let d = DateParsing.first(in: lines[i].text, order: order), d.iso.count == 10 {
                    out.set(.date, d.iso, from: [lines[i]])
                    out.meetingDateLine = i
                    if !header.contains(i) {
                        // Not in the heading: it may be another meeting's date quoted in the text.
                        out.note(.warning, page: lines[i].page, "meeting date \(d.iso) taken from body text: \"\(lines[i].text.shortened)\"")
                    }
                    let t = DateParsing.times(in: DateParsing.removingDates(lines[i].text, order: order))
                    if out.meeting.startTime == nil {
                        out.set(.startTime, t.start, from: [lines[i]])
                        out.set(.endTime, t.end, from: [lines[i]])
                    }
                    if out.meeting.venue == nil { out.set(.venue, Venues.afterDate(lines[i].text, order: order), from: [lines[i]]) }
                    break
                }
            }
        }
        var candidates: [(score: Double, text: String, index: Int)] = []
        var organisationLine: Int?
        let sizes = header.map { lines[$0].fontSize }
        let maxSize = sizes.max() ?? 0
        for (rank, i) in header.enumerated() {
            let l = lines[i]
            let raw = Self.leadingRun(l).trimmed
            let key = raw.lowercased()
            if raw.range(ofRegex: Self.genericTitle) != nil { continue }
            // "(PL), Mrs B Molog" runs on a list above: a heading starts with a word.
            if key.count < 4 || raw.range(ofRegex: "[A-Za-z]") == nil || Paragraphs.startsBullet(l) || context.labels[i] != nil
                || raw.first.map({ !$0.isLetter && !$0.isNumber }) ?? true
                || raw.hasPrefix("o ") { continue }
            // "REGULAR SESSION OF COUNCIL" names a meeting of the body, not the body.
            if raw.range(ofRegex: Self.orgPattern) != nil, HeadingText.isHeadingCase(raw), rank < 6,
               raw.range(ofRegex: Self.meetingKindOpening) == nil,
               raw.split(separator: " ").count <= 10, raw.rangeOfCharacter(from: .decimalDigits) == nil, !raw.contains(")"),
               raw.range(ofRegex: Self.recordOpening) == nil, raw.range(ofRegex: Self.committeeWord) == nil {
                if out.meeting.organisation == nil {
                    out.set(.organisation, raw, from: [l])
                    organisationLine = i
                }
                continue
            }
            if !HeadingText.isHeadingCase(raw) && !l.bold { continue }
            let cleaned = HeadingText.cleanTitle(raw, order: order)
            // "Draft Minutes of the meeting held on" leaves only "meeting": no title; nor is a sentence one.
            // "the above Council": a name starts with a capital or a number.
            guard cleaned.count >= 4, cleaned.split(separator: " ").count <= 12,
                  cleaned.first.map({ $0.isUppercase || $0.isNumber }) ?? false,
                  cleaned.range(ofRegex: Self.sentenceVerb) == nil, cleaned.split(separator: " ").count >= 2 || cleaned.first?.isUppercase == true,
                  !Self.meetingNouns.contains(cleaned.lowercased()) else { continue }
            var score = l.fontSize / max(1, maxSize) * 2 + (l.bold ? 1 : 0) - Double(rank) * 0.15
            if cleaned.range(ofRegex: Self.meetingWord) != nil { score += 1 }
            if cleaned.split(separator: " ").count > 14 { score -= 2 }
            candidates.append((score, cleaned, i))
        }
        // A page heading naming no meeting ("THE PAVILION LOUNGE, 7531 MINORU BOULEVARD") gives
        // way to a running header that names one ("ANNUAL GENERAL MEETING").
        if out.meeting.title == nil, let best = candidates.max(by: { $0.score < $1.score }),
           best.text.range(ofRegex: Self.meetingWord) == nil,
           runningHeader.contains(where: { $0.text.range(ofRegex: Self.meetingWord) != nil }) {
            Self.titleFromRunningHeader(context, into: &out)
        }
        if out.meeting.title == nil, let best = candidates.max(by: { $0.score < $1.score }) {
            if let block = Self.titleBlock(around: best.index, header: header, candidates: candidates.map(\.index), in: context) {
                out.set(.title, block.text, from: block.lines.map { lines[$0] })
            } else {
                out.set(.title, best.text, from: [lines[best.index]])
            }
            // "REGULAR MEETING" under "PLANNING COMMISSION": a meeting's kind alone is not its
            // name; the body named just above it is.
            if let o = organisationLine, let org = out.meeting.organisation, let t = out.meeting.title,
               t.range(ofRegex: Self.meetingKind) != nil,
               lines[o].page == lines[best.index].page, lines[best.index].box.y0 > lines[o].box.y0,
               lines[best.index].box.y0 - lines[o].box.y1 < lines[o].box.height * Layout.stackedGap {
                out.set(.title, org + " " + t, from: [lines[o], lines[best.index]])
            }
        } else if out.meeting.title == nil {
            Self.titleFromRunningHeader(context, into: &out)
        }
        // "MANORDEILO & SALEM COMMUNITY COUNCIL" over "MEETING 9th MAY 2018": the body is
        // the only name the heading gives.
        if out.meeting.title == nil, let org = out.meeting.organisation {
            out.set(.title, org, at: out.meeting.provenance[MeetingField.organisation.rawValue])
            out.note(.info, page: context.firstPage, "no meeting title apart from the body's name: title is '\(org)'")
        }
        // A labelled title was cleaned by its reader; this reader's own once more, whole.
        if !titleWasSet, let t = out.meeting.title { out.meeting.title = HeadingText.cleanTitle(t, order: order) }
        // The place printed next to the date in the heading: "THE PAVILION LOUNGE, 7531 MINORU BOULEVARD,".
        if out.meeting.venue == nil {
            let dateLine = out.meetingDateLine.map { lines[$0] }
                ?? runningHeader.first { DateParsing.first(in: $0.text, order: order)?.iso == out.meeting.date }
            let block = dateLine.map { d in (runningHeader + lines.prefix(20)).filter { $0.page == d.page }.sorted { $0.box.y0 < $1.box.y0 } } ?? []
            if let d = dateLine, let k = block.firstIndex(of: d) {
                for j in [k + 1, k - 1] where block.indices.contains(j) && abs(j - k) == 1 {
                    let l = block[j]
                    guard abs(Layout.gap(j > k ? d : l, j > k ? l : d)) < Layout.stackedGap,
                          let v = Venues.headingLine(l, next: block.indices.contains(j + 1) ? block[j + 1] : nil) else { continue }
                    out.set(.venue, v, from: [l])
                    out.note(.info, page: l.page, "venue read from the heading beside the date")
                    break
                }
            }
        }
        if out.meeting.venue == nil, let found = Venues.online(in: lines.prefix(Self.openingLines).filter { $0.page == context.firstPage }) {
            out.set(.venue, found.place, from: [found.line])
            out.note(.info, page: found.line.page, "online meeting: venue '\(found.place)'")
        }
        if out.meeting.organisation == nil, let o = Organisation.find(context, title: out.meeting.title) {
            if let l = o.line {
                out.set(.organisation, o.name, from: [l])
            } else {
                out.set(.organisation, o.name, at: out.meeting.provenance[MeetingField.title.rawValue])
            }
            out.note(.info, page: context.firstPage, "organisation '\(o.name)' read from the heading or the title")
        }
        return out
    }

    /// The running header, when the page's heading names nothing: the header line naming a
    /// meeting is the title ("Commission Meeting Minutes"), and a line beside it naming none
    /// is the body ("Lincoln Square Special Service Area #21").
    static func titleFromRunningHeader(_ context: SectionContext, into out: inout SectionFindings) {
        let header = context.runningText.filter { $0.page == context.firstPage && $0.box.y0 < context.pageHeight($0.page) * Layout.headerBand }
        let naming = header.filter { $0.text.range(ofRegex: meetingWord) != nil }
        guard let line = naming.first ?? header.first else { return }
        let t = HeadingText.cleanTitle(line.text, order: context.dateOrder)
        guard t.count >= 4 else { return }
        out.set(.title, t, from: [line])
        out.note(.info, page: line.page, "title taken from the running header")
        // The date and the place are no body's name.
        let others = header.filter {
            $0 != line && HeadingText.isHeadingCase($0.text.trimmed) && $0.text.range(ofRegex: meetingWord) == nil
                && DateParsing.first(in: $0.text, order: context.dateOrder) == nil && Venues.headingLine($0, next: nil) == nil
        }
        if out.meeting.organisation == nil, !naming.isEmpty, others.count == 1, let body = others.first {
            out.set(.organisation, body.text.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:")), from: [body])
            out.note(.info, page: body.page, "organisation taken from the running header")
        }
    }

    /// A header line's main run of text, where wide gaps split it: "BRONX COMMUNITY BOARD #1"
    /// without "The Bronx" printed far to its right beside a logo, "Transparency Board Action
    /// Log" without the paper's reference "TB (7)1.ii" to its left. The run naming a meeting
    /// body wins, then the longest.
    static func leadingRun(_ l: Line) -> String {
        var runs: [[Segment]] = []
        for seg in l.segments {
            if let last = runs.last?.last, seg.box.x0 - last.box.x1 <= max(l.fontSize, 8) * Layout.runGap {
                runs[runs.count - 1].append(seg)
            } else {
                runs.append([seg])
            }
        }
        let texts = runs.map { $0.map(\.text).joined(separator: " ") }
        guard texts.count > 1 else { return texts.first ?? "" }
        let named = texts.filter { $0.range(ofRegex: meetingWord) != nil }
        return (named.isEmpty ? texts : named).max { $0.count < $1.count } ?? ""
    }

    /// A title set over two lines ("PLANNING COMMISSION" over "REGULAR MEETING MINUTES") or
    /// broken into pieces along one ("COMMUNITY" beside "BOARD #1"): the pieces in the same
    /// type, joined, with the lines they came from. Nil when the best line stands alone.
    static func titleBlock(around i: Int, header: [Int], candidates: [Int], in context: SectionContext) -> (text: String, lines: [Int])? {
        let lines = context.lines
        let base = lines[i]
        func sameType(_ l: Line) -> Bool {
            l.page == base.page && l.bold == base.bold && abs(l.fontSize - base.fontSize) <= max(1, base.fontSize * Layout.sameSize)
        }
        // Pieces on the same row, left to right.
        func row(_ k: Int) -> [Int] {
            let l = lines[k]
            return header.filter { j in
                j == k || sameType(lines[j]) && lines[j].box.verticalOverlap(l.box) > 0.5
                    && min(abs(lines[j].box.x0 - l.box.x1), abs(l.box.x0 - lines[j].box.x1)) < l.fontSize * Layout.titlePieceGap
            }.sorted { lines[$0].box.x0 < lines[$1].box.x0 }
        }
        func text(_ r: [Int]) -> String { r.map { lines[$0].text.trimmed }.joined(separator: " ") }
        var rows = [row(i)]
        // Rows above and below that also name the meeting, in the same type and close.
        let position = header.firstIndex(of: i) ?? 0
        for step in [-1, 1] {
            var p = position + step
            while p >= 0, p < header.count, rows.count < 3 {
                let k = header[p]
                guard !rows.contains(where: { $0.contains(k) }) else { p += step; continue }
                let near = step < 0 ? rows.first.flatMap { $0.first } : rows.last.flatMap { $0.first }
                guard let n = near, candidates.contains(k), sameType(lines[k]) else { break }
                let gap = step < 0 ? lines[n].box.y0 - lines[k].box.y1 : lines[k].box.y0 - lines[n].box.y1
                guard gap < lines[k].box.height * Layout.paragraphGap, text([k]).range(ofRegex: meetingWord) != nil,
                      text(rows.flatMap { $0 }).range(ofRegex: meetingWord) != nil else { break }
                if step < 0 { rows.insert(row(k), at: 0) } else { rows.append(row(k)) }
                p += step
            }
        }
        guard rows.count > 1 || rows[0].count > 1 else { return nil }
        let joined = HeadingText.cleanTitle(rows.map(text).joined(separator: " "), order: context.dateOrder)
        return joined.count >= 4 && joined.split(separator: " ").count <= 14 ? (joined, rows.flatMap { $0 }) : nil
    }
}

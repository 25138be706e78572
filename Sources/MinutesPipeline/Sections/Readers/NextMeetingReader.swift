import Foundation
import MinutesModel
import PageLayout

/// The next meeting's date, times and place, after this meeting's date:
/// - "Date of next meeting – Thursday 30th March 2017, 10:00, OPCC Conference Room";
/// - "The next Board meeting will be held on 4th March 2025";
/// - "Future Board meetings:" over "26th November", the year from this meeting's date.
struct NextMeetingReader: SectionReader {
    static let vocabulary = Vocabulary.shared
    static let next = Vocabulary.alternation(vocabulary.nextWords)
    static let future = Vocabulary.alternation(vocabulary.futureWords)
    /// "Date of (the) next …", "next (Board) meeting", "future meetings", "dates of future …".
    static let nextPattern = #"(?i)(date of (the )?(\#(next))|(\#(next)) (\w+\s+){0,4}(\#(Vocabulary.alternation(vocabulary.sittings)))|(\#(future)) (\w+\s+){0,2}meetings?|dates? of (\#(future)))"#

    func read(_ context: SectionContext) -> SectionFindings {
        var out = SectionFindings()
        let lines = context.lines, order = context.dateOrder
        let meetingDate = context.found.meeting.date
        var best: NextMeeting?
        var bestScore = -1
        for i in lines.indices {
            let text = lines[i].text
            guard (Self.vocabulary.nextWords + Self.vocabulary.futureWords).contains(where: text.includesFolded),
                  let r = text.range(ofRegex: Self.nextPattern) else { continue }
            var window = String(text[r.upperBound...])
            var k = i + 1
            while k < lines.count, k <= i + 2, DateParsing.first(in: window, order: order) == nil {
                window += " " + lines[k].text
                k += 1
            }
            guard let d = DateParsing.first(in: window, order: order, reference: meetingDate), d.iso.count == 10 else { continue }
            // The next meeting comes after this one: a date on or before it is the minutes
            // being approved, or a date the text looks back on.
            if let md = meetingDate, d.iso < md || d.iso == md && context.found.meetingDateLine != i { continue }
            var score = 1
            if let md = meetingDate, d.iso > md { score += 2 }
            if text.range(ofRegex: #"(?i)date of"#) != nil { score += 1 }
            if score >= bestScore {
                let rest = DateParsing.removingDates(window, order: order)
                let t = DateParsing.times(in: rest)
                best = NextMeeting(date: d.iso, startTime: t.start, endTime: t.end, venue: Venues.afterDate(window, order: order),
                                   text: TextJoin.clean(text + (k > i + 1 ? " " + lines[(i + 1)..<k].map(\.text).joined(separator: " ") : "")))
                bestScore = score
                if d.yearInferred { out.note(.info, page: lines[i].page, "next meeting year taken from the meeting date") }
            }
        }
        out.nextMeeting = best
        return out
    }
}

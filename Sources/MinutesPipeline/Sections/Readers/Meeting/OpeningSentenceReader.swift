import Foundation
import MinutesModel
import PageLayout

/// The time and place told in the opening sentence, before the first item, when no heading
/// or label gave them:
/// - "Brampton Parish Council held their meeting at 7.30pm on 3rd March 2020 at the Village Hall.";
/// - "MINUTES of the meeting held in the Council Chamber, County Hall, Maidstone.";
/// - "The meeting took place at 10.00am in Room 4."
struct OpeningSentenceReader: SectionReader {
    static let vocabulary = Vocabulary.shared
    static let held = #"(?i)\b(\#(Vocabulary.alternation(vocabulary.heldVerbs)))\b"#
    /// "Minutes of …", "The meeting of …": the sentence is about this meeting.
    static let ownMeeting = #"(?i)^(the\s+)?(draft\s+)?(\#(Vocabulary.alternation(vocabulary.recordNouns + vocabulary.meetingNouns)))\s+of\b"#

    func read(_ context: SectionContext) -> SectionFindings {
        var out = SectionFindings(continuing: context.found)
        guard out.meeting.startTime == nil || out.meeting.venue == nil else { return out }
        let lines = context.lines, order = context.dateOrder
        for i in lines.indices.prefix(30) where lines[i].page == context.firstPage && !context.consumed.contains(i) {
            if context.numbers[i] != nil { return out }
            let text = lines[i].text
            guard Self.vocabulary.heldVerbs.contains(where: text.includesFolded), text.range(ofRegex: Self.held) != nil else { continue }
            let (sentence, k) = context.sentence(from: i, after: text.startIndex, extraLines: 2)
            // Only the sentence about this meeting: it gives this meeting's date or a time.
            let dates = DateParsing.all(in: sentence, order: order)
            let rest = DateParsing.removingDates(sentence, order: order)
            let times = DateParsing.times(in: rest)
            let ownMeeting = sentence.range(ofRegex: Self.ownMeeting) != nil
            guard times.start != nil || ownMeeting || dates.contains(where: { $0.iso == out.meeting.date }),
                  !dates.contains(where: { $0.iso.count == 10 && $0.iso != out.meeting.date }) else { continue }
            let source = Array(lines[i..<k])
            if out.meeting.startTime == nil, let start = times.start {
                out.set(.startTime, start, from: source)
                out.set(.endTime, times.end, from: source)
            }
            if out.meeting.venue == nil, let venue = Venues.inSentence(rest) { out.set(.venue, venue, from: source) }
            out.note(.info, page: context.firstPage, "time and place read from the opening sentence: \"\(sentence.shortened)\"")
            return out
        }
        return out
    }
}

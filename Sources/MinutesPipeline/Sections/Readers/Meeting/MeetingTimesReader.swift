import Foundation
import MinutesModel
import PageLayout

/// The times the meeting actually opened and closed, as the minutes tell them:
/// - "The meeting was called to order at 7:04 p.m.", "Call to order: 1830";
/// - "Meeting closed 8.40pm", "adjourned at 11:25am", "The meeting ended at …",
///   "Meeting close" over "3:05pm".
/// The call to order outranks the advertised time in the heading, so this reader runs before
/// the title's; a closing time stands beside any start time. Where several meetings share the
/// file, the stage gives the readers the main meeting's lines alone (`MeetingBoundaries`).
struct MeetingTimesReader: SectionReader {
    static let words = Vocabulary.shared.sections
    static let opening = #"(?i)\b(\#(Vocabulary.alternation(words.openingPhrases, spaces: #"\s+"#)))\b"#
    static let closing = #"(?i)\b(\#(Vocabulary.alternation(words.closingPhrases, spaces: #"\s+"#)))\b"#
    /// How far after the phrase its time may stand: "adjourned at 9:27pm", "closed, at 9.40 pm".
    static let windowCharacters = 40
    /// "at 1830", "@ 0930": four digits after "at" are a 24-hour time.
    /// Words the phrases cannot match without: most lines hold none (`WordGate`).
    static let openingGate = WordGate(words.openingPhrases)
    static let closingGate = WordGate(words.closingPhrases)
    static let fourDigits = #"(?i)(\bat|@)\s*([01]\d|2[0-3])([0-5]\d)\b(?![\d:./])"#

    func read(_ context: SectionContext) -> SectionFindings {
        var out = SectionFindings(continuing: context.found)
        let lines = context.lines
        var start: (time: String, line: Int)?
        var end: (time: String, line: Int)?
        for i in lines.indices {
            let text = lines[i].text
            if start == nil, Self.openingGate.mayMatch(text), let r = text.range(ofRegex: Self.opening),
               let t = Self.time(after: r.upperBound, i, context) {
                start = (t, i)
            }
            if Self.closingGate.mayMatch(text), let r = text.ranges(ofRegex: Self.closing).last, let t = Self.time(after: r.upperBound, i, context) {
                end = (t, i)
            }
        }
        let startTime = start?.time ?? out.meeting.startTime
        if let s = start, out.meeting.startTime == nil {
            out.set(.startTime, s.time, from: [lines[s.line]])
            out.note(.info, page: lines[s.line].page, "start time from the call to order: \"\(lines[s.line].text.shortened)\"")
        }
        if var e = end, out.meeting.endTime == nil {
            // "closed at 8.08" after a 7pm start: the afternoon or evening, not the morning.
            if let s = startTime, e.time < s, let h = Int(e.time.prefix(2)), h < 12 {
                e.time = String(format: "%02d", h + 12) + e.time.dropFirst(2)
            }
            if startTime.map({ e.time > $0 }) ?? true {
                out.set(.endTime, e.time, from: [lines[e.line]])
            }
        }
        return out
    }

    /// An end time before the start, read without am/pm ("closed at 8.08" after a 7pm start), is
    /// the same evening's.
    static func settle(_ found: inout SectionFindings) {
        guard let s = found.meeting.startTime, let e = found.meeting.endTime, e < s, let h = Int(e.prefix(2)), h < 12 else { return }
        let evening = String(format: "%02d", h + 12) + e.dropFirst(2)
        guard evening > s else { return }
        found.meeting.endTime = evening
        found.note(.info, "end time \(e) read as \(evening): the meeting started at \(s)")
    }

    /// Lines that record how long the meeting ran, "Start: 19:40" / "End: 19:57" /
    /// "Duration: 17 minutes", next to each other anywhere in the minutes (often under the
    /// last item): a recorded length can only be this meeting's, so its start and end are
    /// the times it actually ran and replace the heading's advertised time.
    static func recorded(in context: SectionContext, into found: inout SectionFindings) {
        let lines = context.lines
        func value(_ i: Int, _ label: String) -> String? {
            // Each label takes its colon: most lines have none.
            guard i < lines.count, lines[i].text.utf8.contains(UInt8(ascii: ":")), let r = lines[i].text.range(ofRegex: label)
            else { return nil }
            return String(lines[i].text[r.upperBound...])
        }
        for i in lines.indices {
            guard let s = value(i, recordedStart).flatMap({ DateParsing.times(in: $0).start }),
                  let e = value(i + 1, recordedEnd).flatMap({ DateParsing.times(in: $0).start }), e > s,
                  (i + 2..<min(lines.count, i + 2 + recordedBlockLines)).contains(where: { value($0, recordedDuration) != nil }),
                  lines[i + 1].page == lines[i].page else { continue }
            let source = Provenance(lines: [lines[i], lines[i + 1]])
            found.meeting.startTime = s
            found.meeting.endTime = e
            found.meeting.provenance[MeetingField.startTime.rawValue] = source
            found.meeting.provenance[MeetingField.endTime.rawValue] = source
            found.note(.info, page: lines[i].page, "start and end times \(s)–\(e) from the recorded duration: \"\(lines[i].text.shortened)\"")
            return
        }
    }

    /// "Start:", "End:", "Duration:" opening a line, built once (not once a line).
    static func recordedLabel(_ labels: [String]) -> String { #"^\W*(?i:\#(Vocabulary.alternation(labels)))\s*:\s*"# }
    static let recordedStart = recordedLabel(words.recordedStartLabels)
    static let recordedEnd = recordedLabel(words.recordedEndLabels)
    static let recordedDuration = recordedLabel(words.durationLabels)

    /// Lines after the end time within which the duration is recorded.
    static let recordedBlockLines = 2

    /// The time written just after a phrase, on its line or, when the line ends there, at the
    /// start of the next one.
    static func time(after index: String.Index, _ i: Int, _ context: SectionContext) -> String? {
        let lines = context.lines
        var window = String(String(lines[i].text[index...]).prefix(windowCharacters))
        if window.trimmed.isEmpty {
            guard let k = ((i + 1)..<min(lines.count, i + 3)).first(where: { !lines[$0].text.trimmed.isEmpty }),
                  lines[k].page == lines[i].page else { return nil }
            window = String(lines[k].text.prefix(windowCharacters))
        }
        window = DateParsing.removingDates(window, order: context.dateOrder)
        window = window.replacing(regex: fourDigits, with: "$1 $2:$3")
        // "closed at 8.08." ends a sentence: the stop is no date's.
        window = window.replacing(regex: #"(\d)\.(\s|$)"#, with: "$1$2")
        // The time stands next to the phrase, not at the end of a long sentence.
        guard let t = DateParsing.times(in: window).start else { return nil }
        return t
    }
}

import Foundation
import PageLayout

/// Where a meeting was held, as the text around its date says.
enum Venues {
    static let vocabulary = Vocabulary.shared
    static func alt(_ words: [String]) -> String { Vocabulary.alternation(words) }
    static let suffix = Vocabulary.alternation(vocabulary.timeSuffixes, optionalDots: true)
    static let lead = #"^(?i)(\#(alt(vocabulary.placeLeads)))\s+"#
    static let time = #"^(?i)\d{1,2}([:.]\d{2})?\s*(\#(suffix))?(?=[\s,;–—-]|$)"#
    static let clock = #"^(?i)\d{3,4}\s*(\#(alt(vocabulary.clockSuffixes)))\b"#
    static let range = #"^(?i)(\#(alt(vocabulary.timeRangeWords)))\s+"#
    static let anyTime = #"(?i)\b\d{1,2}([:.]\d{2})?\s*(\#(suffix))?(?=[\s,;.]|$)"#
    static let place = #"\b(\#(alt(vocabulary.placePrepositions)))\s+(the\s+)?[A-Z][^;()]{2,80}$"#
    static let placeLead = #"^(\#(alt(vocabulary.placePrepositions)))\s+(the\s+)?"#
    static let dateLeft = #"(?i)\s+(\#(alt(vocabulary.dateLeads)))(\s+the)?(\s+(\#(alt(vocabulary.weekdays))))?[\s,]*$"#

    /// "27th April 2017, 09:30 – 12:00, OPCC Conference Room, Hoffmanns Way": what follows the
    /// date and times is the venue.
    static func afterDate(_ text: String, order: DateParsing.Order) -> String? {
        // What follows the last date, less the times and joining words, is the place.
        guard let last = DateParsing.all(in: text, order: order).last else { return nil }
        return withoutLeads(String(text[last.range.upperBound...]))
    }

    /// The place in what follows a date: "at 7.30pm in the Village Hall" is "the Village Hall".
    static func withoutLeads(_ text: String) -> String? {
        var tail = text
        while true {
            let before = tail
            tail = tail.replacing(regex: #"^[\s,;:–—-]+"#, with: "")
            tail = tail.replacing(regex: lead, with: "")
            tail = tail.replacing(regex: time, with: "")
            tail = tail.replacing(regex: clock, with: "")
            tail = tail.replacing(regex: range, with: "")
            if tail == before { break }
        }
        tail = tail.trimmingCharacters(in: CharacterSet(charactersIn: " ,;.–—-"))
        guard tail.count >= 3, tail.range(ofRegex: "[A-Za-z]{3}") != nil else { return nil }
        return tail
    }

    /// "8422 North River Road", "7531 MINORU BOULEVARD": a street address.
    static let street = #"(?i)\b\d{1,5}\s+([A-Z][\w.']*\s+){0,3}(\#(alt(vocabulary.sections.streetWords)))\b"#
    /// "City Hall, …", "Council Chambers": a building where meetings are held.
    static let building = #"(?i)\b(\#(alt(vocabulary.sections.buildingWords)))\b"#

    /// A heading line that is the meeting's place: an address, or a building named with a comma
    /// ("City Hall, 206 S. Main Street, Council Chambers"); a line ending in a comma runs on.
    static func headingLine(_ l: Line, next: Line?) -> String? {
        let text = l.text.trimmed
        // A sentence ("MINUTES of a meeting … held in the Council Chamber,") is read as one, elsewhere.
        guard text.range(ofRegex: street) != nil || text.contains(",") && text.range(ofRegex: building) != nil,
              text.range(ofRegex: OpeningSentenceReader.held) == nil,
              text.range(ofRegex: TitleReader.recordOpening) == nil else { return nil }
        if text.hasSuffix(","), let n = next, n.page == l.page, Layout.gap(l, n) < Layout.stackedGap {
            return withoutLeads(text + " " + n.text.trimmed)
        }
        return withoutLeads(text)
    }

    /// "The Parish Council held a zoom meeting", "held via Microsoft Teams": the service is the place.
    static let onlineService = #"(?i)\b(\#(alt(vocabulary.sections.onlinePlaces)))\b"#
    static let online = #"(?i)(\b(\#(alt(vocabulary.heldVerbs)))\b[^.]{0,30}|\b(\#(alt(vocabulary.sections.onlineLeads)))\s+(a\s+|an\s+)?)(\#(alt(vocabulary.sections.onlinePlaces)))\b"#
    static func online(in lines: [Line]) -> (place: String, line: Line)? {
        for l in lines where l.text.range(ofRegex: online) != nil {
            guard let r = l.text.range(ofRegex: onlineService) else { continue }
            return (String(l.text[r]), l)
        }
        return nil
    }

    /// The place after the last "at" or "in" that names one (capitalised, not a time).
    static func inSentence(_ text: String) -> String? {
        let noTimes = text.replacing(regex: anyTime, with: " ")
        guard let m = noTimes.ranges(ofRegex: place).last else { return nil }
        var place = String(noTimes[m]).replacing(regex: placeLead, with: "")
        // "…, Maidstone on Thursday, ": what was left of the date.
        place = place.replacing(regex: dateLeft, with: "")
        place = place.trimmingCharacters(in: CharacterSet(charactersIn: " ,.;–—-"))
        guard place.count >= 3, place.split(separator: " ").count <= 12 else { return nil }
        return place
    }
}

extension DateParsing {
    /// The text with every date blanked out: what is left holds the times and the place.
    static func removingDates(_ text: String, order: Order) -> String {
        var t = text
        for d in all(in: text, order: order).reversed() { t.replaceSubrange(d.range, with: " ") }
        return t
    }
}

import Foundation
import MinutesModel
import PageLayout

/// The meeting's labelled fields on the first two pages, each with where it was read:
/// - a label and its value: "Date: 12 October 2021", "Venue   PCC Conference Room";
/// - a value run on below, indented to the value: "Venue: Council Chamber," / "Town Hall";
/// - labels set along one line: "Date: 12 October 2021  Time: 6.00pm  Venue: School Library";
/// - the date with its times and place: "Date: 27th April 2017, 09:30 – 12:00, OPCC Room";
/// - a letterhead's chair, the name over the office: "BETTY BRYANT-BROWN" / "CHAIRPERSON".
struct MeetingFieldsReader: SectionReader {
    func read(_ context: SectionContext) -> SectionFindings {
        var out = SectionFindings(continuing: context.found)
        let lines = context.lines
        for i in lines.indices where lines[i].page <= context.firstPage + 1 {
            guard let f = context.labels[i] else { continue }
            let cont = Self.continuation(after: i, valueX: f.valueX, in: context)
            var value = ([f.value] + cont.map { lines[$0].text }).filter { !$0.isEmpty }.joined(separator: " ")
            value = TextJoin.clean(value)
            let source = Provenance(lines: [lines[i]] + cont.map { lines[$0] })
            var used = false
            for (kind, part) in FieldLabels.fieldsWithin(kind: f.kind, value: value) {
                used = Self.readField(kind, part, line: i, source: source, in: context, into: &out) || used
            }
            guard used else { continue }
            out.consumed.insert(i)
            out.consumed.formUnion(cont)
        }
        if out.meeting.chair == nil { Self.readLetterheadChair(context, into: &out) }
        return out
    }

    /// The label's value with the lines that continue it: indented to the value's column and
    /// with no label of their own.
    static func continuation(after i: Int, valueX: Double?, in context: SectionContext) -> [Int] {
        guard let x = valueX else { return [] }
        let lines = context.lines
        var out: [Int] = []
        var k = i + 1
        while k < lines.count, lines[k].page == lines[i].page, out.count < 12 {
            let l = lines[k]
            let prev = lines[k - 1]
            if context.labels[k] != nil { break }
            if abs(l.box.x0 - x) > Layout.sameColumn * Layout.em(l) { break }
            if Layout.gap(prev, l) > Layout.fieldValueGap { break }
            out.append(k)
            k += 1
        }
        return out
    }

    /// One labelled field into the meeting; false when it told nothing new.
    static func readField(_ kind: FieldKind, _ value: String, line i: Int, source: Provenance?,
                          in context: SectionContext, into out: inout SectionFindings) -> Bool {
        let order = context.dateOrder
        switch kind {
        case .title where out.meeting.title == nil && !value.isEmpty:
            // Cleaned as the title reader cleans a heading: "Minutes of the …" names the body.
            out.set(.title, HeadingText.cleanTitle(value, order: order), at: source)
        case .date:
            if out.meeting.date == nil, let d = DateParsing.first(in: value, order: order), d.iso.count == 10 { out.set(.date, d.iso, at: source) }
            let t = DateParsing.times(in: DateParsing.removingDates(value, order: order))
            if out.meeting.startTime == nil {
                out.set(.startTime, t.start, at: source)
                out.set(.endTime, t.end, at: source)
            }
            if out.meeting.venue == nil, let v = Venues.afterDate(value, order: order) { out.set(.venue, v, at: source) }
        case .time where out.meeting.startTime == nil:
            let t = DateParsing.times(in: value)
            out.set(.startTime, t.start, at: source)
            out.set(.endTime, t.end, at: source)
        case .venue where out.meeting.venue == nil && !value.isEmpty:
            out.set(.venue, value, at: source)
        case .chair where out.meeting.chair == nil:
            // A letterhead sets the name over its office ("BETTY BRYANT-BROWN" over
            // "CHAIRPERSON"); what stands beside the office is then something else.
            if !Names.isBareName(value), let above = nameAbove(i, in: context) {
                out.set(.chair, above.name, at: above.source)
            } else if !value.isEmpty, !Vocabulary.shared.notAChair.contains(value.lowercased()) {
                out.set(.chair, PeopleParsing.parse(text: value)?.name ?? value, at: source)
            } else {
                return false
            }
        default:
            return false
        }
        return true
    }

    /// A letterhead's sidebar sets the chair's name over the office alone: "CLARISA M.
    /// ALAYETO" over "CHAIRPERSON". Only near the top of the first page.
    static func readLetterheadChair(_ context: SectionContext, into out: inout SectionFindings) {
        let lines = context.lines
        for i in lines.indices.prefix(30) where lines[i].page == context.firstPage {
            guard FieldLabels.kind(lines[i].text) == .chair, let above = nameAbove(i, in: context) else { continue }
            out.set(.chair, above.name, at: above.source)
            out.note(.info, page: context.firstPage, "chair taken from the letterhead: '\(above.name)' over '\(lines[i].text.trimmed)'")
            return
        }
    }

    /// The name set just above line `i`'s first segment, over it, in a letterhead's sidebar.
    static func nameAbove(_ i: Int, in context: SectionContext) -> (name: String, source: Provenance)? {
        let lines = context.lines
        guard i > 0, lines[i - 1].page == lines[i].page, let label = lines[i].segments.first?.box,
              lines[i].box.y0 - lines[i - 1].box.y1 < lines[i].box.height * Layout.stackedGap,
              let seg = lines[i - 1].segments.first(where: { $0.box.x0 < label.x1 && $0.box.x1 > label.x0 }) else { return nil }
        // Letterheads set names in capitals: "BETTY BRYANT-BROWN" → "Betty Bryant-Brown".
        var text = seg.text.trimmed
        if text == text.uppercased() { text = text.capitalized }
        return Names.isBareName(text) ? (text, Provenance(page: lines[i - 1].page, rect: seg.box)) : nil
    }
}

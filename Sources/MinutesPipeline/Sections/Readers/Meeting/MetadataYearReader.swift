import Foundation
import MinutesModel
import PageLayout

/// A meeting date the page writes with no year ("Date: Tuesday 20th August"), dated by the
/// file's own metadata: a full date in the document info's title ("Minutes - 2024-08-20"),
/// else its creation date. Minutes are written around the meeting, so the year is the one
/// (of the metadata's, the one before or the one after) that puts the date nearest the
/// metadata's; a weekday written with the date must agree. Runs only where no reader found
/// the date on the page, and says so in a diagnostic: the page itself never gave the year.
struct MetadataYearReader: SectionReader {
    /// Lines at the top of the first page where an unlabelled date may be the meeting's: the
    /// heading block, before the items begin.
    static let headingLines = 12

    func read(_ context: SectionContext) -> SectionFindings {
        var out = SectionFindings(continuing: context.found)
        guard out.meeting.date == nil, let reference = context.metadataDates.first else { return out }
        let lines = context.lines
        let labelled = lines.indices.filter { lines[$0].page == context.firstPage && context.labels[$0]?.kind == .date }
        let heading = lines.indices.filter { lines[$0].page == context.firstPage }.prefix(Self.headingLines)
        for i in labelled + heading {
            let text = context.labels[i]?.kind == .date ? (context.labels[i]?.value ?? "") : lines[i].text
            guard let iso = Self.date(in: text, near: reference, order: context.dateOrder) else { continue }
            out.set(.date, iso, from: [lines[i]])
            out.note(.warning, page: lines[i].page,
                     "meeting date written with no year ('\(text.trimmed.shortened)'); year \(iso.prefix(4)) taken from the file's metadata (\(reference))")
            return out
        }
        return out
    }

    /// The first day-and-month in `text` written with no year, given the year that puts it
    /// nearest `reference` (YYYY-MM-DD) and agrees with a weekday written in the text.
    static func date(in text: String, near reference: String, order: DateParsing.Order) -> String? {
        guard let ry = Int(reference.prefix(4)), let ref = day(reference) else { return nil }
        // Any year written in the text is the page's own: then this rule has nothing to add.
        guard !DateParsing.all(in: text, order: order).contains(where: { $0.iso.count == 10 }) else { return nil }
        let weekday = writtenWeekday(text)
        var best: (iso: String, distance: Double)?
        for y in [ry - 1, ry, ry + 1] {
            // A January reference never moves a yearless date to the next year (`DateParsing.make`).
            guard let f = DateParsing.first(in: text, order: order, reference: String(format: "%04d-01-01", y)),
                  f.yearInferred, f.iso.count == 10, let d = day(f.iso) else { continue }
            if let w = weekday, calendar.component(.weekday, from: d) != w { continue }
            let distance = abs(d.timeIntervalSince(ref))
            if best.map({ distance < $0.distance }) ?? true { best = (f.iso, distance) }
        }
        return best?.iso
    }

    /// The full dates of the file's metadata, surest first: a date written in its title names
    /// the meeting; the creation date only tells when the file was made.
    static func referenceDates(title: String?, created: Date?) -> [String] {
        var out: [String] = []
        if let t = title {
            out += DateParsing.all(in: t).filter { $0.iso.count == 10 && !$0.yearInferred }.map(\.iso)
        }
        if let c = created {
            let parts = calendar.dateComponents([.year, .month, .day], from: c)
            if let y = parts.year, let m = parts.month, let d = parts.day { out.append(String(format: "%04d-%02d-%02d", y, m, d)) }
        }
        return out
    }

    static let calendar: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC") ?? c.timeZone
        return c
    }()

    static func day(_ iso: String) -> Date? {
        let p = iso.split(separator: "-").compactMap { Int($0) }
        guard p.count == 3 else { return nil }
        return calendar.date(from: DateComponents(year: p[0], month: p[1], day: p[2]))
    }

    /// The calendar's weekday number (Sunday 1) of a weekday named in the text.
    static func writtenWeekday(_ text: String) -> Int? {
        let days = Vocabulary.shared.weekdays
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        guard days.count == 7, let i = days.firstIndex(where: { words.contains($0) }) else { return nil }
        // The vocabulary lists Monday first; the calendar counts from Sunday.
        return (i + 1) % 7 + 1
    }
}

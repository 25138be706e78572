import Foundation
import MinutesModel
import PageLayout

/// Reads the flow of lines into the minutes: meeting fields, attendees and apologies, the
/// agenda, numbered items with decisions, inline actions, and the next meeting. The stage is
/// the list of its readers, each one family of layouts (`Readers/`), in the order below.
public struct ClassifySections: Stage {
    public static let stageName = "classify-sections"
    public let name = stageName
    public init() {}

    /// The readers in the order they run, and why each comes where it does. A reader sees
    /// what the readers above it found (`SectionContext.found`) and the lines they took.
    static let readers: [any SectionReader] = [
        // Labelled fields first ("Date:", "Venue:", "Chair:"): the surest source of the
        // meeting's fields, and their lines are no item's text.
        MeetingFieldsReader(),
        // The call to order and the close, before the heading's advertised time.
        MeetingTimesReader(),
        // Roll-call tables before other people lists: their rows would read as a list of
        // names, and their status column says who was there.
        RollCallReader(),
        // People lists before items, so that "1. Apologies: …" is read as apologies and
        // still leaves item 1 behind.
        PeopleListsReader(),
        // Only where no list gave apologies: a sentence in an item's text names them.
        ApologySentenceReader(),
        // After the lists: sentences naming who was there ("Present were …", "… were in
        // attendance") on lines no list took.
        AttendanceSentenceReader(),
        // After fields and people lists: the heading block is what they left above the
        // first item, and a labelled title or date outranks the heading's.
        TitleReader(),
        // After the title: the meeting's date tells this meeting's sentence from another's.
        OpeningSentenceReader(),
        // Last of the meeting's fields: only where the page wrote its date with no year, the
        // file's metadata gives the year; the next meeting's date then takes it too.
        MetadataYearReader(),
        // Items once every reader of the heading block has taken its lines.
        ItemsReader(),
        // After the title and items: the next meeting comes after this one's date, and a
        // "Date of next meeting" item is still an item.
        NextMeetingReader(),
        // After items: an action belongs to the item it is written under.
        InlineActionsReader(),
        // After labelled actions: a sentence in prose sets one ("Clerk to…", "…, action Mick")
        // where no action line already read it.
        ProseActionsReader(),
        // Last: a motion belongs to the item it is moved under, its mover is matched to the
        // people lists, and the items' decisions are linked to the motions that made them.
        MotionsReader(),
    ]

    public func run(_ doc: inout WorkingDocument) throws {
        doc.dateOrder = DateOrder.of(doc)
        let heights = Dictionary(doc.pages.map { ($0.number, $0.height) }, uniquingKeysWith: { a, _ in a })
        let context = Self.read(doc.lines, runningText: doc.runningText, order: doc.dateOrder, pageHeights: heights,
                                metadataDates: MetadataYearReader.referenceDates(title: doc.documentTitle, created: doc.created))
        let found = context.found
        doc.minutes.meeting = found.meeting
        doc.minutes.attendees = found.attendees
        doc.minutes.apologies = found.apologies
        doc.minutes.agenda = found.agenda
        doc.minutes.items = found.items
        doc.minutes.nextMeeting = found.nextMeeting
        doc.minutes.motions = found.motions
        doc.minutes.decisions = found.decisions
        doc.minutes.actions = ActionPlacement.merge(table: ActionPlacement.placed(doc.tableActions, in: found.items),
                                                    inline: ActionPlacement.placed(found.actions + (doc.tableActions.isEmpty ? found.proseActions : []),
                                                                                   in: found.items))
            .map(ActionPlacement.withoutNumbering)
        doc.diagnostics += found.diagnostics
        doc.sections = context
    }

    /// Every reader over the lines, then what is settled once all have run.
    static func read(_ lines: [Line], runningText: [Line] = [], order: DateParsing.Order = .dayFirst,
                     pageHeights: [Int: Double] = [:], metadataDates: [String] = []) -> SectionContext {
        var lines = PeopleColumns.reorder(lines)
        // Several meetings in one file: the readers see the main (longer) one alone.
        let meetings = MeetingBoundaries.split(lines, order: order)
        if let m = meetings { lines = m.main }
        var context = SectionContext(lines: lines, runningText: runningText, dateOrder: order, pageHeights: pageHeights,
                                     metadataDates: metadataDates)
        for other in meetings?.others ?? [] {
            context.found.note(.warning, page: other.page, "another meeting in the file left out: \"\(other.text.shortened)\"")
        }
        for reader in readers { context.add(reader.read(context)) }
        // People lists from several readers are settled together, once all are read.
        Attendance.settle(&context.found)
        // "Cllr X arrived at 7.40pm": how someone listed attended, said anywhere in the text.
        AttendanceSentenceReader.statuses(in: context, for: &context.found)
        // A recorded "Start / End / Duration" replaces the advertised time; read once all have run.
        MeetingTimesReader.recorded(in: context, into: &context.found)
        // A closing time without am/pm ("closed at 8.08") is read against the start, known only now.
        MeetingTimesReader.settle(&context.found)
        if context.found.meeting.date == nil { context.found.note(.warning, "meeting date not found") }
        if context.found.meeting.title == nil { context.found.note(.warning, "meeting title not found") }
        if context.found.items.isEmpty { context.found.note(.warning, "no numbered items found") }
        return context
    }
}

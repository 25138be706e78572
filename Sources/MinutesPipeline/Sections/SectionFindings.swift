import Foundation
import MinutesModel
import PageLayout

/// What readers found: each reader returns one, and the stage adds them up in reader order.
public struct SectionFindings: Sendable {
    /// The meeting's fields, each with where it was read (`meeting.provenance`).
    var meeting = Meeting()
    var attendees: [Person] = []
    var apologies: [Person] = []
    var agenda: [Item] = []
    var items: [Item] = []
    /// Actions written in the text (table repair found the tables' own).
    var actions: [Action] = []
    /// Actions read from running prose ("Clerk to write…"): kept only where the document has
    /// no action table, which would record them itself.
    var proseActions: [Action] = []
    var nextMeeting: NextMeeting?
    /// Motions put to the meeting, and the decisions as objects (`MotionsReader`).
    var motions: [Motion] = []
    var decisions: [Decision] = []
    /// Lines read as a field or a people list: no item's text.
    var consumed = Set<Int>()
    /// The line the meeting date was taken from when no labelled field gave it: the
    /// next-meeting reader must not take that line's date for the next meeting's.
    var meetingDateLine: Int?
    var diagnostics: [Diagnostic] = []

    init() {}

    /// A reader's findings, starting from the meeting fields found so far so that its own
    /// checks ("no date yet?") see them; `add` keeps only the fields still empty.
    init(continuing found: SectionFindings) {
        meeting = found.meeting
    }

    /// The rules every reader's findings are added by: a meeting field is filled only where
    /// it is empty (the first reader to find it wins; an end time comes with its start time
    /// where none was read before); lists
    /// are appended; the first next meeting stands.
    mutating func add(_ new: SectionFindings) {
        for field in MeetingField.allCases where field != .endTime && meeting[field] == nil {
            guard let value = new.meeting[field] else { continue }
            meeting[field] = value
            meeting.provenance[field.rawValue] = new.meeting.provenance[field.rawValue]
            if field == .startTime, meeting.endTime == nil {
                meeting.endTime = new.meeting.endTime
                meeting.provenance[MeetingField.endTime.rawValue] = new.meeting.provenance[MeetingField.endTime.rawValue]
            }
        }
        // A closing time read on its own ("Meeting closed 8.40pm") stands beside any start.
        if meeting.endTime == nil, let end = new.meeting.endTime {
            meeting.endTime = end
            meeting.provenance[MeetingField.endTime.rawValue] = new.meeting.provenance[MeetingField.endTime.rawValue]
        }
        attendees += new.attendees
        apologies += new.apologies
        agenda += new.agenda
        items += new.items
        actions += new.actions
        motions += new.motions
        decisions += new.decisions
        proseActions += new.proseActions
        nextMeeting = nextMeeting ?? new.nextMeeting
        consumed.formUnion(new.consumed)
        meetingDateLine = meetingDateLine ?? new.meetingDateLine
        diagnostics += new.diagnostics
    }

    mutating func note(_ severity: Severity, page: Int? = nil, _ message: String) {
        diagnostics.append(Diagnostic(stage: ClassifySections.stageName, severity: severity, page: page, message: message))
    }

    /// Sets a meeting field, with the page and box of the lines it was read from.
    mutating func set(_ field: MeetingField, _ value: String?, from lines: [Line]) {
        set(field, value, at: Provenance(lines: lines))
    }

    mutating func set(_ field: MeetingField, _ value: String?, at source: Provenance?) {
        meeting[field] = value
        meeting.provenance[field.rawValue] = value == nil ? nil : source
    }
}

/// The meeting's fields by name: the keys of `Meeting.provenance`.
enum MeetingField: String, CaseIterable, Sendable {
    case title, organisation, date, startTime, endTime, venue, chair
}

extension Meeting {
    subscript(field: MeetingField) -> String? {
        get {
            switch field {
            case .title: return title
            case .organisation: return organisation
            case .date: return date
            case .startTime: return startTime
            case .endTime: return endTime
            case .venue: return venue
            case .chair: return chair
            }
        }
        set {
            switch field {
            case .title: title = newValue
            case .organisation: organisation = newValue
            case .date: date = newValue
            case .startTime: startTime = newValue
            case .endTime: endTime = newValue
            case .venue: venue = newValue
            case .chair: chair = newValue
            }
        }
    }
}

extension Provenance {
    /// The page of the first line and the box around the lines on it.
    init?(lines: [Line]) {
        guard let page = lines.first?.page else { return nil }
        self.init(page: page, box: Rect.enclosing(lines.filter { $0.page == page }.map(\.box))?.array)
    }

    init(page: Int, rect: Rect) {
        self.init(page: page, box: rect.array)
    }
}

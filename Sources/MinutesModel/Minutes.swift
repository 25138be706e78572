import Foundation

/// The canonical minutes document, `minutes/1`.
///
/// Every field is always written: what the pipeline does not know is `null` or `[]`,
/// never left out, so a consumer can tell "not found" from "not emitted".
/// Boxes are `[x0, y0, x1, y1]` in PDF points with the origin at the page's top-left
/// corner (the way a reader counts down the page), on the 1-based `page`.
public struct Minutes: Codable, Equatable, Sendable {
    public static let schemaName = "minutes/1"

    public var schema: String
    public var source: Source
    public var meeting: Meeting
    public var attendees: [Person]
    public var apologies: [Person]
    public var agenda: [Item]
    public var items: [Item]
    public var actions: [Action]
    /// Motions put to the meeting, in order (added after the first release: files without
    /// the key decode with none).
    public var motions: [Motion]
    /// What the meeting decided, each linked to its item and, where the page shows one, to
    /// the motion that made it (added after the first release, like `motions`).
    public var decisions: [Decision]
    public var nextMeeting: NextMeeting?
    public var diagnostics: [Diagnostic]

    public init(source: Source, meeting: Meeting = Meeting(), attendees: [Person] = [], apologies: [Person] = [],
                agenda: [Item] = [], items: [Item] = [], actions: [Action] = [], motions: [Motion] = [],
                decisions: [Decision] = [], nextMeeting: NextMeeting? = nil,
                diagnostics: [Diagnostic] = []) {
        self.schema = Minutes.schemaName
        self.source = source
        self.meeting = meeting
        self.attendees = attendees
        self.apologies = apologies
        self.agenda = agenda
        self.items = items
        self.actions = actions
        self.motions = motions
        self.decisions = decisions
        self.nextMeeting = nextMeeting
        self.diagnostics = diagnostics
    }

    enum CodingKeys: String, CodingKey {
        case schema, source, meeting, attendees, apologies, agenda, items, actions, motions, decisions, nextMeeting, diagnostics
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let schema = try c.decode(String.self, forKey: .schema)
        guard schema == Minutes.schemaName else {
            throw DecodingError.dataCorruptedError(forKey: .schema, in: c,
                debugDescription: "schema is \"\(schema)\", expected \"\(Minutes.schemaName)\"")
        }
        self.schema = schema
        source = try c.decode(Source.self, forKey: .source)
        meeting = try c.decode(Meeting.self, forKey: .meeting)
        attendees = try c.decode([Person].self, forKey: .attendees)
        apologies = try c.decode([Person].self, forKey: .apologies)
        agenda = try c.decode([Item].self, forKey: .agenda)
        items = try c.decode([Item].self, forKey: .items)
        actions = try c.decode([Action].self, forKey: .actions)
        motions = try c.decodeIfPresent([Motion].self, forKey: .motions) ?? []
        decisions = try c.decodeIfPresent([Decision].self, forKey: .decisions) ?? []
        nextMeeting = try c.decodeIfPresent(NextMeeting.self, forKey: .nextMeeting)
        diagnostics = try c.decode([Diagnostic].self, forKey: .diagnostics)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(schema, forKey: .schema)
        try c.encode(source, forKey: .source)
        try c.encode(meeting, forKey: .meeting)
        try c.encode(attendees, forKey: .attendees)
        try c.encode(apologies, forKey: .apologies)
        try c.encode(agenda, forKey: .agenda)
        try c.encode(items, forKey: .items)
        try c.encode(actions, forKey: .actions)
        try c.encode(motions, forKey: .motions)
        try c.encode(decisions, forKey: .decisions)
        try c.encode(nextMeeting, forKey: .nextMeeting)
        try c.encode(diagnostics, forKey: .diagnostics)
    }
}

public enum ExtractionMethod: String, Codable, Sendable {
    case text, ocr, mixed
}

public struct Source: Codable, Equatable, Sendable {
    public var file: String
    public var sha256: String
    public var pages: Int
    public var method: ExtractionMethod
    public var ocrConfidence: Double?
    public var producer: String?

    public init(file: String, sha256: String, pages: Int, method: ExtractionMethod,
                ocrConfidence: Double? = nil, producer: String? = nil) {
        self.file = file
        self.sha256 = sha256
        self.pages = pages
        self.method = method
        self.ocrConfidence = ocrConfidence
        self.producer = producer
    }

    enum CodingKeys: String, CodingKey { case file, sha256, pages, method, ocrConfidence, producer }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(sha256, forKey: .sha256)
        try c.encode(pages, forKey: .pages)
        try c.encode(method, forKey: .method)
        try c.encode(ocrConfidence, forKey: .ocrConfidence)
        try c.encode(producer, forKey: .producer)
    }
}

public struct Meeting: Codable, Equatable, Sendable {
    public var title: String?
    public var organisation: String?
    /// YYYY-MM-DD
    public var date: String?
    /// HH:MM, 24-hour
    public var startTime: String?
    public var endTime: String?
    public var venue: String?
    public var chair: String?
    /// Where each field above was read, keyed by the field's name ("date", "venue"…); a
    /// field the pipeline did not find has no entry.
    public var provenance: [String: Provenance]

    public init(title: String? = nil, organisation: String? = nil, date: String? = nil, startTime: String? = nil,
                endTime: String? = nil, venue: String? = nil, chair: String? = nil,
                provenance: [String: Provenance] = [:]) {
        self.title = title
        self.organisation = organisation
        self.date = date
        self.startTime = startTime
        self.endTime = endTime
        self.venue = venue
        self.chair = chair
        self.provenance = provenance
    }

    enum CodingKeys: String, CodingKey { case title, organisation, date, startTime, endTime, venue, chair, provenance }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        title = try c.decodeIfPresent(String.self, forKey: .title)
        organisation = try c.decodeIfPresent(String.self, forKey: .organisation)
        date = try c.decodeIfPresent(String.self, forKey: .date)
        startTime = try c.decodeIfPresent(String.self, forKey: .startTime)
        endTime = try c.decodeIfPresent(String.self, forKey: .endTime)
        venue = try c.decodeIfPresent(String.self, forKey: .venue)
        chair = try c.decodeIfPresent(String.self, forKey: .chair)
        provenance = try c.decodeIfPresent([String: Provenance].self, forKey: .provenance) ?? [:]
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encode(organisation, forKey: .organisation)
        try c.encode(date, forKey: .date)
        try c.encode(startTime, forKey: .startTime)
        try c.encode(endTime, forKey: .endTime)
        try c.encode(venue, forKey: .venue)
        try c.encode(chair, forKey: .chair)
        try c.encode(provenance, forKey: .provenance)
    }
}

/// `[x0, y0, x1, y1]` in PDF points, origin top-left.
public typealias Box = [Double]

public struct Person: Codable, Equatable, Sendable {
    public var name: String
    public var role: String?
    public var initials: String?
    /// The heading the person was listed under ("Core Attendees", "In attendance", "Absent").
    public var group: String?
    /// What the page says of the person's attendance, where it says it.
    public var status: AttendanceStatus?
    /// HH:MM the person arrived (late) or left (early), where the page gives it.
    public var arrived: String?
    public var left: String?
    /// For a substitute: whom they sat for, as printed.
    public var substituteFor: String?
    /// Interests the person declared, with the item they concern.
    public var interests: [DeclaredInterest]
    public var page: Int?
    public var box: Box?
    public var confidence: Double?

    public init(name: String, role: String? = nil, initials: String? = nil, group: String? = nil,
                status: AttendanceStatus? = nil, arrived: String? = nil, left: String? = nil,
                substituteFor: String? = nil, interests: [DeclaredInterest] = [],
                page: Int? = nil, box: Box? = nil, confidence: Double? = nil) {
        self.name = name
        self.role = role
        self.initials = initials
        self.group = group
        self.status = status
        self.arrived = arrived
        self.left = left
        self.substituteFor = substituteFor
        self.interests = interests
        self.page = page
        self.box = box
        self.confidence = confidence
    }

    enum CodingKeys: String, CodingKey {
        case name, role, initials, group, status, arrived, left, substituteFor, interests, page, box, confidence
    }
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        role = try c.decodeIfPresent(String.self, forKey: .role)
        initials = try c.decodeIfPresent(String.self, forKey: .initials)
        group = try c.decodeIfPresent(String.self, forKey: .group)
        status = try c.decodeIfPresent(AttendanceStatus.self, forKey: .status)
        arrived = try c.decodeIfPresent(String.self, forKey: .arrived)
        left = try c.decodeIfPresent(String.self, forKey: .left)
        substituteFor = try c.decodeIfPresent(String.self, forKey: .substituteFor)
        interests = try c.decodeIfPresent([DeclaredInterest].self, forKey: .interests) ?? []
        page = try c.decodeIfPresent(Int.self, forKey: .page)
        box = try c.decodeIfPresent(Box.self, forKey: .box)
        confidence = try c.decodeIfPresent(Double.self, forKey: .confidence)
    }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(role, forKey: .role)
        try c.encode(initials, forKey: .initials)
        try c.encode(group, forKey: .group)
        try c.encode(status, forKey: .status)
        try c.encode(arrived, forKey: .arrived)
        try c.encode(left, forKey: .left)
        try c.encode(substituteFor, forKey: .substituteFor)
        try c.encode(interests, forKey: .interests)
        try c.encode(page, forKey: .page)
        try c.encode(box, forKey: .box)
        try c.encode(confidence, forKey: .confidence)
    }
}

public struct Item: Codable, Equatable, Sendable {
    public var number: String?
    public var title: String?
    public var text: String
    public var decisions: [String]
    public var children: [Item]
    public var page: Int?
    public var box: Box?
    public var confidence: Double?

    public init(number: String?, title: String?, text: String = "", decisions: [String] = [],
                children: [Item] = [], page: Int? = nil, box: Box? = nil, confidence: Double? = nil) {
        self.number = number
        self.title = title
        self.text = text
        self.decisions = decisions
        self.children = children
        self.page = page
        self.box = box
        self.confidence = confidence
    }

    enum CodingKeys: String, CodingKey { case number, title, text, decisions, children, page, box, confidence }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(number, forKey: .number)
        try c.encode(title, forKey: .title)
        try c.encode(text, forKey: .text)
        try c.encode(decisions, forKey: .decisions)
        try c.encode(children, forKey: .children)
        try c.encode(page, forKey: .page)
        try c.encode(box, forKey: .box)
        try c.encode(confidence, forKey: .confidence)
    }
}

public struct Action: Codable, Equatable, Sendable {
    public var ref: String?
    /// Number of the item the action belongs to.
    public var item: String?
    public var description: String
    /// As written on the page: initials, role or name.
    public var owners: [String]
    /// Each owner resolved to an attendee's name where the attendee list allows, else null.
    public var ownerNames: [String?]
    /// YYYY-MM-DD, or YYYY-MM when the page gives only a month.
    public var due: String?
    /// The due date as written.
    public var dueText: String?
    public var status: String?
    /// When the action was set, as printed, where a log gives that date instead of a reference
    /// ("Meeting date & action number" holding only "08/06/2011"); absent otherwise.
    public var setOn: String?
    public var page: Int?
    public var box: Box?
    public var confidence: Double?

    public init(ref: String? = nil, item: String? = nil, description: String, owners: [String] = [],
                ownerNames: [String?] = [], due: String? = nil, dueText: String? = nil, status: String? = nil,
                setOn: String? = nil, page: Int? = nil, box: Box? = nil, confidence: Double? = nil) {
        self.setOn = setOn
        self.ref = ref
        self.item = item
        self.description = description
        self.owners = owners
        self.ownerNames = ownerNames
        self.due = due
        self.dueText = dueText
        self.status = status
        self.page = page
        self.box = box
        self.confidence = confidence
    }

    enum CodingKeys: String, CodingKey { case ref, item, description, owners, ownerNames, due, dueText, status, setOn, page, box, confidence }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(ref, forKey: .ref)
        try c.encode(item, forKey: .item)
        try c.encode(description, forKey: .description)
        try c.encode(owners, forKey: .owners)
        try c.encode(ownerNames, forKey: .ownerNames)
        try c.encode(due, forKey: .due)
        try c.encode(dueText, forKey: .dueText)
        try c.encode(status, forKey: .status)
        try c.encodeIfPresent(setOn, forKey: .setOn)
        try c.encode(page, forKey: .page)
        try c.encode(box, forKey: .box)
        try c.encode(confidence, forKey: .confidence)
    }
}

public struct NextMeeting: Codable, Equatable, Sendable {
    public var date: String?
    public var startTime: String?
    public var endTime: String?
    public var venue: String?
    public var text: String?

    public init(date: String? = nil, startTime: String? = nil, endTime: String? = nil, venue: String? = nil,
                text: String? = nil) {
        self.date = date
        self.startTime = startTime
        self.endTime = endTime
        self.venue = venue
        self.text = text
    }

    enum CodingKeys: String, CodingKey { case date, startTime, endTime, venue, text }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(date, forKey: .date)
        try c.encode(startTime, forKey: .startTime)
        try c.encode(endTime, forKey: .endTime)
        try c.encode(venue, forKey: .venue)
        try c.encode(text, forKey: .text)
    }
}

public enum Severity: String, Codable, Sendable, Comparable {
    case info, warning, error

    private var rank: Int { self == .info ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// Something a stage was unsure of, corrected or dropped, said instead of guessing.
public struct Diagnostic: Codable, Equatable, Sendable {
    public var stage: String
    public var severity: Severity
    public var page: Int?
    public var message: String

    public init(stage: String, severity: Severity, page: Int? = nil, message: String) {
        self.stage = stage
        self.severity = severity
        self.page = page
        self.message = message
    }

    enum CodingKeys: String, CodingKey { case stage, severity, page, message }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(stage, forKey: .stage)
        try c.encode(severity, forKey: .severity)
        try c.encode(page, forKey: .page)
        try c.encode(message, forKey: .message)
    }
}

public extension Minutes {
    /// Stable, human-readable JSON: keys sorted (Foundation on Linux does not keep the order
    /// fields were encoded in), two-space indent; the same minutes give the same bytes.
    func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    static func decode(_ data: Data) throws -> Minutes {
        try JSONDecoder().decode(Minutes.self, from: data)
    }
}

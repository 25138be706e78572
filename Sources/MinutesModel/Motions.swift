import Foundation

/// How a motion ended, where the page says.
public enum MotionResult: String, Codable, Sendable, CaseIterable {
    case carried, failed, withdrawn, deferred
}

/// One member's vote in a recorded (roll-call) vote.
public enum VoteValue: String, Codable, Sendable, CaseIterable {
    case yes, no, abstain, absent, recused
}

public struct Vote: Codable, Equatable, Sendable {
    /// As printed.
    public var name: String
    public var vote: VoteValue

    public init(name: String, vote: VoteValue) {
        self.name = name
        self.vote = vote
    }
}

/// A motion put to the meeting: what was moved, by whom, and how the vote went.
public struct Motion: Codable, Equatable, Sendable {
    /// Number of the item the motion was put under.
    public var item: String?
    /// What was moved, without the "Motion by …, seconded by …" frame.
    public var text: String
    /// Names as printed.
    public var mover: String?
    public var seconder: String?
    /// Mover and seconder resolved to an attendee's name where the attendee list allows.
    public var moverName: String?
    public var seconderName: String?
    public var result: MotionResult?
    /// Counts only where the page gives them.
    public var votesFor: Int?
    public var votesAgainst: Int?
    public var abstentions: Int?
    /// Named votes, where a roll call gives them.
    public var votes: [Vote]
    public var unanimous: Bool?
    public var page: Int?
    public var box: Box?
    public var confidence: Double?

    public init(item: String? = nil, text: String, mover: String? = nil, seconder: String? = nil,
                moverName: String? = nil, seconderName: String? = nil, result: MotionResult? = nil,
                votesFor: Int? = nil, votesAgainst: Int? = nil, abstentions: Int? = nil, votes: [Vote] = [],
                unanimous: Bool? = nil, page: Int? = nil, box: Box? = nil, confidence: Double? = nil) {
        self.item = item
        self.text = text
        self.mover = mover
        self.seconder = seconder
        self.moverName = moverName
        self.seconderName = seconderName
        self.result = result
        self.votesFor = votesFor
        self.votesAgainst = votesAgainst
        self.abstentions = abstentions
        self.votes = votes
        self.unanimous = unanimous
        self.page = page
        self.box = box
        self.confidence = confidence
    }

    // "for", "against" and "abstain" are the JSON names (the truth format's); Swift keeps
    // `for` for its loops.
    enum CodingKeys: String, CodingKey {
        case item, text, mover, seconder, moverName, seconderName, result
        case votesFor = "for", votesAgainst = "against", abstentions = "abstain"
        case votes, unanimous, page, box, confidence
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        item = try c.decodeIfPresent(String.self, forKey: .item)
        text = try c.decode(String.self, forKey: .text)
        mover = try c.decodeIfPresent(String.self, forKey: .mover)
        seconder = try c.decodeIfPresent(String.self, forKey: .seconder)
        moverName = try c.decodeIfPresent(String.self, forKey: .moverName)
        seconderName = try c.decodeIfPresent(String.self, forKey: .seconderName)
        result = try c.decodeIfPresent(MotionResult.self, forKey: .result)
        votesFor = try c.decodeIfPresent(Int.self, forKey: .votesFor)
        votesAgainst = try c.decodeIfPresent(Int.self, forKey: .votesAgainst)
        abstentions = try c.decodeIfPresent(Int.self, forKey: .abstentions)
        votes = try c.decodeIfPresent([Vote].self, forKey: .votes) ?? []
        unanimous = try c.decodeIfPresent(Bool.self, forKey: .unanimous)
        page = try c.decodeIfPresent(Int.self, forKey: .page)
        box = try c.decodeIfPresent(Box.self, forKey: .box)
        confidence = try c.decodeIfPresent(Double.self, forKey: .confidence)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(item, forKey: .item)
        try c.encode(text, forKey: .text)
        try c.encode(mover, forKey: .mover)
        try c.encode(seconder, forKey: .seconder)
        try c.encode(moverName, forKey: .moverName)
        try c.encode(seconderName, forKey: .seconderName)
        try c.encode(result, forKey: .result)
        try c.encode(votesFor, forKey: .votesFor)
        try c.encode(votesAgainst, forKey: .votesAgainst)
        try c.encode(abstentions, forKey: .abstentions)
        try c.encode(votes, forKey: .votes)
        try c.encode(unanimous, forKey: .unanimous)
        try c.encode(page, forKey: .page)
        try c.encode(box, forKey: .box)
        try c.encode(confidence, forKey: .confidence)
    }
}

/// Something the meeting decided ("RESOLVED that …", "It was agreed that …", "The Board
/// approved …").
public struct Decision: Codable, Equatable, Sendable {
    /// Number of the item it was made under.
    public var item: String?
    public var text: String
    /// Index into `Minutes.motions` of the motion that made it, where the page shows one.
    public var motion: Int?
    public var page: Int?
    public var box: Box?
    public var confidence: Double?

    public init(item: String? = nil, text: String, motion: Int? = nil, page: Int? = nil, box: Box? = nil,
                confidence: Double? = nil) {
        self.item = item
        self.text = text
        self.motion = motion
        self.page = page
        self.box = box
        self.confidence = confidence
    }

    enum CodingKeys: String, CodingKey { case item, text, motion, page, box, confidence }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(item, forKey: .item)
        try c.encode(text, forKey: .text)
        try c.encode(motion, forKey: .motion)
        try c.encode(page, forKey: .page)
        try c.encode(box, forKey: .box)
        try c.encode(confidence, forKey: .confidence)
    }
}

/// What the page says of one person's attendance.
public enum AttendanceStatus: String, Codable, Sendable, CaseIterable {
    case present, absent, excused, late
    case leftEarly = "left-early"
    case remote, substitute
    /// Officers, advisers and members of the public listed as in attendance.
    case inAttendance = "in-attendance"
}

/// An interest a member declared ("declared a pecuniary interest in item 9").
public struct DeclaredInterest: Codable, Equatable, Sendable {
    public var item: String?
    /// "pecuniary", "non-pecuniary", "personal", "prejudicial", … as printed, lower-cased.
    public var kind: String?
    public var text: String

    public init(item: String? = nil, kind: String? = nil, text: String) {
        self.item = item
        self.kind = kind
        self.text = text
    }

    enum CodingKeys: String, CodingKey { case item, kind, text }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(item, forKey: .item)
        try c.encode(kind, forKey: .kind)
        try c.encode(text, forKey: .text)
    }
}

/// Where a value was read: its page and box, and how sure the pipeline is of it.
public struct Provenance: Codable, Equatable, Sendable {
    public var page: Int?
    public var box: Box?
    public var confidence: Double?

    public init(page: Int? = nil, box: Box? = nil, confidence: Double? = nil) {
        self.page = page
        self.box = box
        self.confidence = confidence
    }

    enum CodingKeys: String, CodingKey { case page, box, confidence }
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(page, forKey: .page)
        try c.encode(box, forKey: .box)
        try c.encode(confidence, forKey: .confidence)
    }
}

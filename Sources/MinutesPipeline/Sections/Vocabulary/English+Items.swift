import Foundation

/// Words of a meeting's course and its sections, kept apart from the rules that read them:
/// how minutes say the meeting opened and closed, where an online meeting was held, and which
/// short lines are never a section's heading. One list per family; a language adds its own.
struct SectionWords: Sendable {
    /// Phrases that open the meeting, with its start time after them: "called to order at 7:04 p.m.".
    var openingPhrases: [String] = []
    /// Phrases that close it, with its end time after them: "Meeting closed 8.40pm".
    var closingPhrases: [String] = []
    /// Labels of the times a meeting actually ran, recorded with its length: "Start: 19:40" /
    /// "End: 19:57" / "Duration: 17 minutes".
    var recordedStartLabels: [String] = []
    var recordedEndLabels: [String] = []
    var durationLabels: [String] = []
    /// Services an online meeting is held on: "via Zoom", "on Microsoft Teams".
    var onlinePlaces: [String] = []
    /// Words before an online service that make it the meeting's place: "via Zoom".
    var onlineLeads: [String] = []
    /// Kinds of government named "X of Y": "Village of Ballston Spa", "Town of Pound".
    var governmentKinds: [String] = []
    /// Words that end a body's name written after the place: "Crete Township", "Hale Parish Council".
    var bodyEndings: [String] = []
    /// Offices whose holder's report is a run-in label inside an item, not a section of its
    /// own: "SUPERVISOR — Nothing to report", "HIGHWAY COMMISSIONER See attached".
    var reportingOffices: [String] = []
    /// Words that end a street's name in an address: "North River Road".
    var streetWords: [String] = []
    /// Buildings meetings are held in: "City Hall", "Council Chambers".
    var buildingWords: [String] = []
    /// Openings of lines that label a list or a vote, never a section: "ROLL CALL VOTE:".
    var notHeadingOpenings: [String] = []
    /// Short standalone lines that close a section rather than open one, or that only mark
    /// the page: "Motion Passed", "Ayes All", "Continued".
    var notHeadings: [String] = []

    mutating func add(_ o: SectionWords) {
        for path in Self.lists { self[keyPath: path] += o[keyPath: path].filter { !self[keyPath: path].contains($0) } }
    }

    private static var lists: [WritableKeyPath<SectionWords, [String]>] {
        [\.openingPhrases, \.closingPhrases, \.onlinePlaces, \.onlineLeads, \.governmentKinds, \.bodyEndings, \.notHeadings,
         \.reportingOffices, \.notHeadingOpenings, \.streetWords, \.buildingWords, \.recordedStartLabels,
         \.recordedEndLabels, \.durationLabels]
    }
}

extension Vocabulary {
    mutating func addEnglishItems() {
        sections.openingPhrases = [
            "called to order", "call to order", "called the meeting to order", "meeting opened", "opened the meeting",
            "meeting commenced", "meeting began", "meeting started", "meeting was opened", "meeting convened",
        ]
        sections.closingPhrases = [
            "meeting closed", "meeting was closed", "closed the meeting", "meeting close", "meeting adjourned",
            "meeting was adjourned", "adjourned the meeting", "adjourned at", "meeting ended", "meeting finished",
            "meeting terminated", "meeting was terminated", "terminated at", "meeting concluded", "meeting was concluded",
            "closed the meeting at", "meeting closed at", "close of meeting", "meeting end", "meeting ends",
        ]
        sections.recordedStartLabels = ["start", "started", "start time", "meeting start"]
        sections.recordedEndLabels = ["end", "ended", "finish", "finished", "end time", "meeting end"]
        sections.durationLabels = ["duration", "length", "meeting duration"]
        sections.onlinePlaces = ["zoom", "microsoft teams", "ms teams", "teams", "google meet", "skype", "webex", "discord"]
        sections.onlineLeads = ["via", "on", "by", "over", "using", "held on", "held via", "held by", "held over"]
        sections.governmentKinds = ["village", "town", "city", "county", "borough", "township", "municipality", "district",
                                    "city and county", "state", "commonwealth"]
        sections.bodyEndings = ["township", "parish council", "town council", "community council", "city council",
                                "county council", "district council", "borough council", "village council"]
        sections.reportingOffices = ["supervisor", "clerk", "mayor", "assessor", "trustee", "commissioner", "treasurer",
                                     "chairman", "chairperson", "chair", "secretary", "manager", "attorney", "president",
                                     "councillor", "councilmember", "alderman", "engineer", "solicitor"]
        sections.notHeadingOpenings = ["roll call", "attest", "respectfully submitted", "signed", "present", "apologies", "absent",
                                       "action", "due", "motion", "seconded", "moved", "vote", "ayes", "nays", "note",
                                       "resolved", "agreed", "noted", "approved", "carried", "recommended"]
        sections.streetWords = ["street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd", "lane", "drive", "way",
                                "place", "square", "highway", "parkway", "court", "terrace", "row", "close", "crescent"]
        sections.buildingWords = ["hall", "chamber", "chambers", "room", "lounge", "library", "centre", "center", "office",
                                  "house", "pavilion", "school", "church"]
        sections.notHeadings = ["motion passed", "motion carried", "motion failed", "carried", "ayes all", "all in favor",
                                "all in favour", "continued", "cont", "cont.", "page", "unclassified", "official",
                                "signed", "chairman", "chair", "date", "approved"]
    }
}

import Foundation

/// The words of actions written in running prose, rather than on an "ACTION:" line or in a
/// table: who is asked, by what phrase, and the markers that close a sentence with its owner.
struct ActionPhrases: Sendable {
    /// Passive requests between an owner and the verb: "The clerk was asked to write…",
    /// "Staff was directed to…". (Not "agreed to": in prose that records consent, not a task.)
    var requests: [String] = []
    /// Openings that hand the rest of a sentence to an owner: "It was agreed that the Clerk
    /// would…", "RESOLVED that the Clerk…".
    var agreedThat: [String] = []
    /// Words between an owner and the verb after such an opening: "would", "should".
    var agreedModals: [String] = []
    /// Phrases that lay a task on the people named before them: "Z. Maiorca and T. Feinberg
    /// need to submit…". The owners may be a list longer than an "X to…" owner.
    var obligations: [String] = []
    /// Markers that close a sentence with its owner: "…, action Mick", "c/f action Jon".
    var trailingMarkers: [String] = []
    /// Verbs of a task written without "to" after an office: "Clerk inform the Charity".
    var bareTaskVerbs: [String] = []
    /// Words that end a sentence but not with a full stop of its own: "Cllr." "Mr." "No.".
    var shortForms: [String] = []
    /// Labels of an action's deadline and owner on the line under it: "Due: September", "Owner: Clerk".
    var dueLabels: [String] = []
    var ownerLabels: [String] = []
}

extension Vocabulary {
    mutating func addEnglishActions() {
        var p = ActionPhrases()
        p.requests = ["was asked to", "were asked to", "was requested to", "were requested to", "was directed to",
                      "were directed to", "was instructed to", "were instructed to", "was tasked to", "were tasked to",
                      "undertook to"]
        p.agreedThat = ["it was agreed that", "it was resolved that", "it was decided that", "resolved that", "agreed that"]
        p.agreedModals = ["would", "should", "will", "to"]
        p.obligations = ["need to", "needs to", "will need to", "must"]
        p.trailingMarkers = ["c/f action", "b/f action", "carried forward action", "action", "actions", "action by"]
        p.bareTaskVerbs = ["inform", "report", "write", "contact", "circulate", "send", "arrange", "check", "email",
                           "order", "obtain", "ask", "book", "chase", "confirm", "prepare", "draft", "investigate",
                           "liaise", "respond", "reply", "notify", "forward", "request", "organise", "organize",
                           "publish", "submit", "invite", "renew", "purchase", "pursue", "seek"]
        p.shortForms = ["cllr", "cllrs", "mr", "mrs", "ms", "dr", "prof", "rev", "revd", "st", "co", "no", "nos", "approx",
                        "etc", "e.g", "i.e", "vs", "cf", "inc", "ltd"]
        p.dueLabels = ["due", "due date", "due by", "deadline", "by when", "target date", "when", "timescale"]
        p.ownerLabels = ["owner", "owners", "lead", "who", "by whom", "responsible", "action by"]
        actionPhrases = p
        // "Who | What | When": a table with no ruled lines names its action column "What".
        columnHeaders["what"] = .action
        columnHeaders["what action"] = .action
        columnHeaders["when by"] = .due
        // "Panel members to submit comments", "Board members to…": members of a named body own an action.
        ownerCollectives += ["members"]
        // "Action List" over numbered "Name - task" lines.
        actionHeadings += ["action list", "actions list", "action items", "list of actions"]
    }
}

import Foundation

/// English as minutes write it: UK councils and boards, US city councils and commissions.
extension Vocabulary {
    static let english: Vocabulary = {
        var v = Vocabulary()

        // MARK: meeting fields
        for w in ["title", "meeting", "meeting title", "name of meeting", "committee", "board"] { v.fieldLabels[w] = .title }
        for w in ["date", "date & time", "date and time", "date/time", "meeting date", "date & venue", "when", "held on"] { v.fieldLabels[w] = .date }
        for w in ["time", "times", "start time"] { v.fieldLabels[w] = .time }
        for w in ["venue", "location", "place", "where", "held at", "venue & time", "address"] { v.fieldLabels[w] = .venue }
        for w in ["chair", "chaired by", "chairman", "chairperson", "chairwoman", "chair person", "presiding", "presiding officer"] {
            v.fieldLabels[w] = .chair
        }
        for w in ["minutes", "minute taker", "minutes taken by", "clerk", "secretary", "note taker", "notes", "author", "recorder",
                  "distribution", "circulation", "purpose", "attached", "papers", "ref", "reference", "status", "classification", "version"] {
            v.fieldLabels[w] = .ignore
        }
        v.inlineFieldLabels = ["date", "time", "times", "venue", "location", "place", "where", "chair", "chaired by"]
        v.notAChair = ["minutes", "agenda", "notes"]
        v.heldVerbs = ["held", "took place", "convened"]
        v.placeLeads = ["at", "in", "from", "starting at", "commencing at", "@"]
        v.placePrepositions = ["at", "in"]
        v.timeRangeWords = ["to", "until", "till", "and"]
        v.dateLeads = ["on", "from", "commencing", "starting"]
        v.timeSuffixes = ["a.m.", "p.m.", "hrs", "hours"]
        v.clockSuffixes = ["hrs", "hours", "h"]
        v.weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        v.months = [
            "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
            "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
            "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
        ]

        // MARK: titles and bodies
        v.meetingNouns = ["meeting", "the meeting", "a meeting"]
        v.meetingBodies = ["meeting", "board", "committee", "panel", "council", "group", "forum", "commission", "cabinet", "assembly",
                           "trustees", "governors", "authority"]
        v.committeeWords = ["meeting", "board", "committee", "panel", "group", "forum"]
        v.memberGroups = ["trustees", "governors", "directors", "commissioners", "members", "councillors"]
        v.meetingKinds = ["regular", "ordinary", "special", "extraordinary", "annual", "general", "monthly", "full", "public", "open"]
        v.meetingOfKinds = ["ordinary", "extraordinary", "special"]
        v.organisationWords = ["council", "constabulary", "police service", "nhs", "trust", "authority", "commission", "commissioner for",
                               "university", "college", "school", "academy", "library", "society", "association", "partnership",
                               "foundation", "department", "ministry", "agency", "community board", "governing body", "corporation", "panel"]
        v.organisationOpeners = ["office of", "the office of"]
        v.documentKinds = ["minutes", "meeting notes", "notes", "agenda", "action notes", "record of meeting", "confirmed minutes",
                           "unconfirmed minutes", "public minutes"]
        v.trailingDocumentKinds = ["meeting notes", "minutes", "notes", "agenda"]
        v.recordNouns = ["minutes", "notes", "record", "action notes"]
        v.documentStates = ["draft", "approved", "confirmed", "unconfirmed"]
        v.heldManners = ["public", "private", "virtually", "remotely", "online", "in person"]
        v.titleTails = ["held on", "held at", "held in", "held", "on", "at", "in", "as of", "as at", "as", "of", "dated", "from", "for"]
        v.titleSmallWords = ["of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "&", "–", "-", "with", "by"]
        v.unfinishedHeadingEnds = ["on", "of", "and", "the", "for", "to", "held", "with", "in", "&", "–", "-", "from", "by"]
        v.sentenceVerbs = ["was", "were", "is", "are", "has", "had", "will", "would", "said", "noted", "asked", "reported", "agreed",
                           "thanked", "welcomed", "provided", "presented", "explained", "confirmed", "shared", "reminded", "requested",
                           "opened", "held their"]
        v.minutesHeadings = ["minutes"]
        v.minutesOpeners = ["draft minutes", "minutes of"]
        v.agendaWords = ["agenda"]
        v.itemNumberLeads = ["item", "minute", "min", "agenda"]

        // MARK: people
        v.attendanceLabels = ["members", "officials", "officers", "guests", "invited", "invitees", "roll call", "members of the public",
                              "presenters", "presenting", "speakers"]
        v.absenceLabels = ["apologies", "apology", "absent", "absences", "not present", "excused", "apologies were received from"]
        v.attendanceLabelWords = ["in attendance", "attendance", "attendees", "attending"]
        v.presentWords = ["present"]
        v.attendanceLabelEndings = ["present", "attendees", "in attendance", "members"]
        v.absenceLabelEndings = ["absent", "apologies", "excused"]
        v.absenceLabelOpeners = ["apologies and", "apologies &", "apologies for", "apologies received",
                                 "apology and", "apology &", "apology for", "apology received"]
        v.notAttendanceLabels = ["not present", "sheet"]
        v.peopleLabelStems = ["apolog", "absen", "present", "excused", "attend", "member", "official", "officer", "guest", "invite",
                              "roll call", "public", "speaker"]
        v.collectiveLabels = ["panel", "board", "committee", "commission", "members", "councillors", "governors", "trustees", "directors",
                              "commissioners", "panel members", "board members", "committee members"]
        v.noneWords = ["none", "nil", "n/a"]
        v.noOneSentences = ["there were no", "there were none"]
        v.apologyNouns = ["apologies", "apology"]
        v.apologyFrom = ["from"]
        v.apologyVerbs = ["received", "given", "noted"]
        v.clauseWords = ["who", "were", "was", "had", "have", "has"]
        v.voteLabels = ["ayes", "noes", "nays", "second", "seconded", "motion by", "result", "abstain"]
        v.countWords = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "many", "some"]
        v.countedPeople = ["member of the public", "members of the public", "member of public", "members of public",
                           "member of the press", "members of the press", "member of press", "members of press",
                           "residents", "parishioners", "guests", "visitors", "observers", "others", "people"]
        v.ranks = [
            "detective chief superintendent", "detective superintendent", "chief superintendent", "superintendent",
            "det. ch. insp.", "det ch insp", "det. insp.", "ch. insp.", "ch insp", "chief inspector", "inspector",
            "chief supt.", "chief supt", "supt.", "supt", "insp.", "insp", "DCI", "DI", "DS", "sgt.", "sgt", "sergeant",
            "t/supt", "t/ch supt", "ACC", "DCC",
            // Civic offices written before a surname in US minutes: "Mayor Lee", "Councilmember Adams".
            "vice mayor", "deputy mayor", "mayor pro tem", "mayor", "councilmember", "council member", "alderman", "alderperson",
        ]
        v.honorifics = ["county councillors", "county councillor", "district councillors", "district councillor", "district cllr",
                        "county cllr", "parish councillor", "councillors", "cllrs", "councillor", "cllr.", "cllr", "mr.", "mr", "mrs.",
                        "mrs", "ms.", "ms", "miss", "dr.", "dr", "prof.", "prof", "professor", "sir", "dame", "rev.", "rev", "revd",
                        "the rt hon", "rt hon", "hon."]
        v.peerageTitles = ["lord", "lady"]
        // ("Clirs": OCR's reading of "Cllrs".)
        v.pluralTitles = ["cllrs", "cllrs.", "clirs", "councillors", "county councillors"]
        v.abbreviations = ["Cllr", "Cllrs", "Mr", "Mrs", "Ms", "Dr", "Prof", "Rev", "Revd", "St", "Co"]
        v.offices = [
            "commissioner", "officer", "director", "manager", "ceo", "cfo", "coo", "chief", "deputy", "chair", "chairman",
            "chairperson", "chairwoman", "vice", "treasurer", "secretary", "assistant", "president", "member", "members",
            "representative", "lead", "executive", "superintendent", "inspector", "headteacher", "staff", "analyst", "adviser",
            "advisor", "coordinator", "co-ordinator", "administrator", "solicitor", "auditor", "council", "board", "team", "unit",
            "department", "services", "service", "police", "partnerships", "commissioning", "finance", "policy", "support",
            "university", "office", "ministry", "society", "trust", "association", "agency", "authority", "group", "college",
            "school", "company", "ltd", "limited", "plc", "library", "nhs", "government", "county", "borough", "cabinet",
        ]
        v.officesThatAreSurnames = ["constable", "clerk", "head", "mayor", "governor", "principal"]
        v.officeLeads = ["chief", "assistant", "deputy", "acting", "interim", "temporary", "t/", "director", "head", "police", "detective",
                         "superintendent", "inspector", "executive", "senior", "principal", "vice", "district", "community"]
        v.officeQualifiers = ["city", "town", "parish", "village", "special", "lord"]
        v.attendanceNotes = ["part of", "item", "left", "arrived", "minutes", "virtual", "apolog"]
        v.rollCallNameHeaders = ["name", "member", "councillor", "commissioner"]
        v.rollCallRoleHeaders = ["title", "role", "position", "capacity"]
        v.rollCallStatusHeaders = ["status", "attendance", "present/absent"]
        v.presentStatuses = ["present", "late", "arrived", "remote", "virtual"]
        v.absentStatuses = ["absent", "excused", "apolog", "not present"]
        v.chairOffices = ["chair"]

        // MARK: decisions and actions
        v.decisionVerbs = ["agreed", "approved", "resolved", "decided"]
        v.decisionMarks = ["RESOLVED", "AGREED"]
        v.decisionSubjects = ["it was", "was", "were", "board", "committee", "council", "panel", "members"]
        v.actionLabels = ["action", "actions", "agreed action", "agreed actions", "action point", "action points"]
        v.actionHeadings = ["action arising", "actions arising", "action agreed", "actions agreed"]
        v.ownerCollectives = ["team", "group", "office", "staff", "officer", "officers", "secretariat", "panel", "unit", "lead", "leads"]
        v.ownerDirectives = ["to", "will"]
        v.bodyNameJoiners = ["of", "for", "and", "&"]
        v.monthQualifiers = ["by", "end of", "early", "mid", "late", "before"]
        v.notOwners = ["it", "this", "that", "there", "members", "we", "they", "he", "she", "all"]
        v.deadlineWords = ["by", "before", "due", "no later than"]
        v.dueWords = ["asap", "ongoing", "immediately", "immediate", "next meeting", "end of", "by"]
        v.nextWords = ["next"]
        v.futureWords = ["future"]
        v.sittings = ["meeting", "board", "committee", "council", "session"]

        // MARK: tables
        v.columnHeaders = [
            "item": .discussion, "items": .discussion, "agenda item": .discussion, "item no": .discussion,
            "minute": .discussion, "minute no": .discussion, "min no": .discussion,
            "matter raised": .discussion, "matters raised": .discussion, "matters arising": .discussion,
            "discussion": .discussion, "notes": .discussion, "issue": .discussion, "issues": .discussion,
            "subject": .discussion, "topic": .discussion, "summary": .discussion, "item description": .discussion,
            "action": .action, "actions": .action, "action required": .action, "actions required": .action,
            "action agreed": .action, "actions agreed": .action, "agreed action": .action, "agreed actions": .action,
            "action point": .action, "action points": .action, "decision/action": .action, "action/decision": .action,
            "description": .action, "action description": .action, "task": .action, "tasks": .action,
            "owner": .owner, "owners": .owner, "owner(s)": .owner, "lead": .owner, "leads": .owner, "lead officer": .owner,
            "by whom": .owner, "who": .owner, "responsible": .owner, "responsibility": .owner,
            "responsible officer": .owner, "action by": .owner, "assigned to": .owner, "officer": .owner,
            "person responsible": .owner, "action owner": .owner, "lead(s)": .owner,
            "date": .due, "due": .due, "due date": .due, "date due": .due, "date for completion": .due,
            "completion date": .due, "deadline": .due, "by when": .due, "when": .due, "target date": .due,
            "timescale": .due, "timescales": .due, "due by": .due, "complete by": .due, "target": .due,
            "status": .status, "progress": .status, "rag": .status, "rag status": .status, "current status": .status,
            "update": .status, "comments": .status, "comment": .status, "open/closed": .status,
            "ref": .ref, "ref.": .ref, "reference": .ref, "no": .ref, "no.": .ref, "number": .ref, "action no": .ref,
            "action number": .ref, "action ref": .ref, "#": .ref, "id": .ref,
            "minute ref": .ref, "minute reference": .ref, "item ref": .ref, "action id": .ref, "log no": .ref,
            "owner/lead": .owner, "lead/owner": .owner, "action owner(s)": .owner, "assigned": .owner, "responsible person": .owner,
            "who by": .owner, "lead officer(s)": .owner, "action lead": .owner,
            "target completion date": .due, "revised due date": .due, "original due date": .due, "due by date": .due,
            "expected completion": .due, "date to be completed": .due, "review date": .due,
            "progress/update": .status, "status/update": .status, "latest update": .status, "progress update": .status,
            "open/closed status": .status, "rag rating": .status, "outcome": .status,
            "meeting date": .ref, "date raised": .ref, "date of meeting": .ref, "action no.": .ref, "ref no": .ref,
        ]
        v.columnHeaderJoiners = ["&", "and"]
        v.columnHeaderContinuations = [
            "completion", "date", "by", "raised", "required", "whom", "when", "owner", "due", "target", "no", "number",
            "ref", "status", "progress", "lead", "officer", "responsible", "for", "agreed", "(s)", "completed", "deadline",
            "action", "no.", "completion)", "(date)", "of", "by:",
        ]
        v.marginColumnHeaders = ["action", "actions", "action by", "owner", "lead", "who", "by whom", "responsible"]
        v.statusWords = ["new", "ongoing", "open", "closed", "complete", "completed", "done", "carried", "in progress",
                         "on track", "overdue", "pending", "deferred", "superseded", "not started", "delayed", "cancelled",
                         "withdrawn", "on hold", "agreed", "started", "green", "amber", "red", "c/f", "b/f"]
        v.leadWords = ["lead", "leads"]

        // MARK: OCR
        v.digitLookalikes = ["l": "1", "I": "1", "i": "1", "|": "1", "!": "1", "A": "4", "S": "5", "s": "5",
                             "O": "0", "o": "0", "B": "8", "Z": "2", "z": "2", "G": "6", "b": "6", "g": "9", "q": "9"]
        v.stopLookalikes = ["s", "b", ",", "'"]
        // "Cllr" read as "Clir": the double l as "li".
        v.misreadTitles = ["district clir", "county clir", "clir.", "clirs", "clir"]
        v.addEnglishMotions()
        v.addEnglishItems()
        v.addEnglishPeople()
        v.addEnglishActions()
        return v
    }()
}

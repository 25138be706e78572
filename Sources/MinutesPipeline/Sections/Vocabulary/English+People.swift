import Foundation

/// Words of attendance that the people readers ask beyond the labels and titles of
/// `Vocabulary`: how a page says who was there and how ("arrived at 7.40pm", "attended
/// remotely", "(substitute for Cllr Z)"), roll calls written as lines or sentences, honours
/// after a name. Lower case unless written in capitals on purpose (see `Vocabulary`).
struct PeopleWords: Sendable {
    /// Honours and post-nominals after a name, no person of their own: "R C Love OBE".
    /// Written in capitals: they match only capitals.
    var honours: [String] = []
    /// Offices written before a surname alone in a list ("Trustee Price-Bush", "Attorney
    /// Buettner"): the office is the role, the surname the person.
    var officesBeforeSurname: [String] = []
    /// A roll call's answer after a name ("Cauthorne - Here", "Hall – Absent") and the
    /// status it gives.
    var rollAnswers: [String: AttendanceWord] = [:]
    /// Labels of a roll call whose lines answer it: "roll call", "roll call of council".
    var rollCallOpeners: [String] = []
    /// Words after a roll-call label that make it a vote's record: "roll call vote".
    var rollCallVoteWords: [String] = []
    /// Phrases ending a sentence that lists who was there: "A, B and C were in attendance",
    /// "… were also present".
    var presentSentenceEnds: [String] = []
    /// Phrases opening a sentence that lists who was there: "Present were A, B and C",
    /// "… with the following Trustees in attendance: A, B, and C".
    var presentSentenceOpeners: [String] = []
    /// Verbs of arriving late and leaving early, with the time after them: "arrived at
    /// 7.40pm", "left the meeting at 8.15pm".
    var arrivalVerbs: [String] = []
    var departureVerbs: [String] = []
    /// Words saying someone took part from elsewhere: "remotely", "via Zoom".
    var remoteWords: [String] = []
    /// Words before whom a substitute sat for: "substitute for", "substituting for".
    var substituteWords: [String] = []
    /// Words saying an absence was excused: "(excused)".
    var excusedWords: [String] = []
    /// Words that join the last name of a list like "and": "&", "plus".
    var listJoiners: [String] = []
    /// Words of a list's label that make its people in attendance rather than members
    /// present ("In attendance", "Officers", "Members of the public"), and words that make
    /// a label's people absent or excused.
    var inAttendanceLabelWords: [String] = []
    var absentLabelWords: [String] = []
    var excusedLabelWords: [String] = []
    /// Words before people counted at a list's end: "… plus ten guests", "and 4 residents".
    var countJoiners: [String] = []
    /// Notes after a name that say who chaired: "in the chair".
    var chairNotes: [String] = []
    /// Words before a listed office that are no part of it: "the Clerk", "also J Haste".
    var entryOpeners: [String] = []
    /// Labels of lists of people attending as members of the public: "members of the public".
    var publicLabels: [String] = []

    /// What a word of attendance says of the person.
    enum AttendanceWord: Sendable { case present, absent, excused, remote, late }

    mutating func add(_ o: PeopleWords) {
        honours += o.honours.filter { !honours.contains($0) }
        officesBeforeSurname += o.officesBeforeSurname.filter { !officesBeforeSurname.contains($0) }
        rollAnswers.merge(o.rollAnswers) { a, _ in a }
        rollCallOpeners += o.rollCallOpeners.filter { !rollCallOpeners.contains($0) }
        rollCallVoteWords += o.rollCallVoteWords.filter { !rollCallVoteWords.contains($0) }
        presentSentenceEnds += o.presentSentenceEnds.filter { !presentSentenceEnds.contains($0) }
        presentSentenceOpeners += o.presentSentenceOpeners.filter { !presentSentenceOpeners.contains($0) }
        arrivalVerbs += o.arrivalVerbs.filter { !arrivalVerbs.contains($0) }
        departureVerbs += o.departureVerbs.filter { !departureVerbs.contains($0) }
        remoteWords += o.remoteWords.filter { !remoteWords.contains($0) }
        substituteWords += o.substituteWords.filter { !substituteWords.contains($0) }
        excusedWords += o.excusedWords.filter { !excusedWords.contains($0) }
        listJoiners += o.listJoiners.filter { !listJoiners.contains($0) }
        chairNotes += o.chairNotes.filter { !chairNotes.contains($0) }
        countJoiners += o.countJoiners.filter { !countJoiners.contains($0) }
        inAttendanceLabelWords += o.inAttendanceLabelWords.filter { !inAttendanceLabelWords.contains($0) }
        absentLabelWords += o.absentLabelWords.filter { !absentLabelWords.contains($0) }
        excusedLabelWords += o.excusedLabelWords.filter { !excusedLabelWords.contains($0) }
        entryOpeners += o.entryOpeners.filter { !entryOpeners.contains($0) }
        publicLabels += o.publicLabels.filter { !publicLabels.contains($0) }
    }
}

extension Vocabulary {
    /// English words of attendance, and the offices, titles and counted people that US and UK
    /// minutes add to the lists of `English.swift`.
    mutating func addEnglishPeople() {
        var p = PeopleWords()
        p.honours = ["OBE", "MBE", "CBE", "KBE", "DBE", "BEM", "QC", "KC", "JP", "DL", "MP", "MEP", "MSP", "QPM",
                     "FRS", "FRSA", "CStJ"]
        p.officesBeforeSurname = ["trustee", "attorney", "supervisor", "commissioner", "councilman", "councilwoman", "councilor",
                                  "selectman", "selectwoman", "alderwoman", "director", "chairman", "chairwoman", "chair",
                                  "vice chair", "president", "treasurer", "secretary", "clerk", "administrator", "manager"]
        p.rollAnswers = ["here": .present, "present": .present, "absent": .absent, "excused": .excused,
                         "absent (excused)": .excused, "remote": .remote, "virtual": .remote, "late": .late,
                         "arrived late": .late, "not present": .absent]
        p.rollCallOpeners = ["roll call", "roll-call", "attendance roll call"]
        p.rollCallVoteWords = ["vote", "votes", "voting"]
        p.presentSentenceEnds = ["were in attendance", "were also in attendance", "were present", "were also present",
                                 "was in attendance", "was also in attendance", "was present", "was also present",
                                 "attended the meeting", "also attended"]
        p.presentSentenceOpeners = ["present were", "also present were", "those present were", "in attendance were",
                                    "also in attendance were", "members present were", "in attendance:", "present:"]
        p.arrivalVerbs = ["arrived", "joined the meeting", "joined"]
        p.departureVerbs = ["left the meeting", "left", "departed"]
        p.remoteWords = ["remotely", "virtually", "via zoom", "via teams", "by zoom", "by teams", "by telephone", "by phone"]
        p.substituteWords = ["substitute for", "substituting for", "sub for", "in place of", "deputising for", "deputy for"]
        p.excusedWords = ["excused"]
        p.listJoiners = ["&"]
        p.chairNotes = ["in the chair", "presiding"]
        p.countJoiners = ["plus", "and", "with", "also"]
        p.inAttendanceLabelWords = ["in attendance", "also present", "also attending", "officer", "officers", "officials", "staff",
                                    "public", "guest", "guests", "invited", "invitees", "presenters", "presenting", "speakers",
                                    "observers", "advisers", "advisors", "secretariat", "others present"]
        p.absentLabelWords = ["absent", "not present"]
        p.excusedLabelWords = ["excused"]
        p.entryOpeners = ["also", "the", "and the", "and", "&"]
        p.publicLabels = ["members of the public", "member of the public", "public"]
        people.add(p)
        // Offices US and UK lists write before a surname or after a name.
        offices += ["attorney", "trustee", "supervisor", "engineer", "planner", "surveyor", "accountant", "teacher", "minister",
                    "councilman", "councilwoman"].filter { !offices.contains($0) }
        officeQualifiers += ["honorary", "village", "township"].filter { !officeQualifiers.contains($0) }
        countedPeople += ["electors", "elector", "residents", "guests", "members of the public"].filter { !countedPeople.contains($0) }
        countWords += ["eleven", "twelve", "a few", "numerous"].filter { !countWords.contains($0) }
        clauseWords += ["joined", "arrived", "left", "attended"].filter { !clauseWords.contains($0) }
    }
}

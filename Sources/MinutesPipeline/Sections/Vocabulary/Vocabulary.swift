import Foundation

/// The words minutes are written with, kept as data apart from the rules that read them.
/// One file per language fills a `Vocabulary` (`English.swift`, `Welsh.swift`); the rules ask
/// `Vocabulary.shared`, the union of every language, since a document does not say which
/// language it is in (Welsh minutes quote English labels, and the other way round).
///
/// Words are lower case unless written in capitals on purpose: an entry in capitals ("DCI")
/// matches only text in capitals, so that "Di Smith" is a name and "DI Smith" a rank.
/// Only general words belong here: a word that one body alone uses is a rule for one
/// document.
public struct Vocabulary: Sendable {
    // MARK: meeting fields

    /// Labels of the meeting's own fields and what each labels: "date" → date, "chaired by" →
    /// chair; `.ignore` for labels whose value is no field ("minute taker", "distribution").
    var fieldLabels: [String: FieldKind] = [:]
    /// Field labels printed one after another along a line: "Date: … Time: … Venue: …".
    var inlineFieldLabels: [String] = []
    /// Values beside a chair label that name no chair ("Chair: Minutes" in a letterhead).
    var notAChair: [String] = []
    /// Verbs of a sentence saying where and when the meeting was held: "held", "took place".
    var heldVerbs: [String] = []
    /// Words between a date or time and the venue after it: "at", "commencing at", "@".
    var placeLeads: [String] = []
    /// Words before the place a sentence names: "… held in the Council Chamber".
    var placePrepositions: [String] = []
    /// Words between a start and an end time: "to", "until".
    var timeRangeWords: [String] = []
    /// Words before the date that ends a sentence's place: "… Maidstone on Thursday".
    var dateLeads: [String] = []
    /// Written after a time: "a.m.", "p.m.", "hrs" (the stops may be left out).
    var timeSuffixes: [String] = []
    /// Written after a 24-hour time in four digits: "1000hrs", "1430h".
    var clockSuffixes: [String] = []
    /// The days of the week.
    var weekdays: [String] = []
    /// Month names and short forms, with the month's number.
    var months: [String: Int] = [:]
    /// Month names read only with a day and a year beside them (the Welsh "Mawrth" is also
    /// Tuesday), with their mutated forms.
    var monthsWithDayAndYear: [String: Int] = [:]
    /// Endings of an ordinal day in languages that write them as words' endings: "9fed".
    var ordinalEndings: [String] = []

    // MARK: titles and bodies

    /// The meeting itself, alone no title: "meeting", "the meeting", "cyfarfod".
    var meetingNouns: [String] = []
    /// Words that name a meeting or the body that meets: "board", "committee", "assembly".
    var meetingBodies: [String] = []
    /// Words that name a committee or a meeting of an organisation, so a heading holding one
    /// is the meeting's title rather than the organisation's name.
    var committeeWords: [String] = []
    /// A body's members named as a group: "Board of Trustees of …", "Members voted …".
    var memberGroups: [String] = []
    /// Kinds of meeting before "meeting": "regular", "special", "annual".
    var meetingKinds: [String] = []
    /// Kinds of meeting before "meeting of": "Extraordinary meeting of the …".
    var meetingOfKinds: [String] = []
    /// Words that make a heading an organisation's name: "council", "trust", "university".
    var organisationWords: [String] = []
    /// Openings of an organisation's name: "office of".
    var organisationOpeners: [String] = []
    /// Headings that name only the document's kind: "minutes", "agenda", "action notes".
    var documentKinds: [String] = []
    /// The document's kind at the end of a title: "… Meeting – Minutes", "… Meeting Notes".
    var trailingDocumentKinds: [String] = []
    /// Records of a meeting before "of": "minutes of", "notes of", "record of".
    var recordNouns: [String] = []
    /// The state a document's heading gives it: "draft", "approved".
    var documentStates: [String] = []
    /// How a meeting was held, after "held": "in public", "virtually".
    var heldManners: [String] = []
    /// Words that end a title's name before its date or place: "held on", "dated", "as at".
    var titleTails: [String] = []
    /// Small words left in lower case in a title: "of", "the", "and".
    var titleSmallWords: [String] = []
    /// Words a heading broken over two lines ends its first line with: "on", "of", "held".
    var unfinishedHeadingEnds: [String] = []
    /// Verbs that make a line a sentence, not a heading or a name: "was", "noted", "agreed".
    var sentenceVerbs: [String] = []
    /// A line that is only this opens the minutes proper after an agenda: "minutes".
    var minutesHeadings: [String] = []
    /// A line that opens with one of these opens the minutes proper: "draft minutes", "minutes of".
    var minutesOpeners: [String] = []
    /// The agenda's heading word.
    var agendaWords: [String] = []
    /// Words before an item's number: "item", "minute", "agenda item".
    var itemNumberLeads: [String] = []

    // MARK: people

    /// Labels over the people who attended: "present", "in attendance", "members present".
    var attendanceLabels: [String] = []
    /// Labels over the people who sent apologies or were absent: "apologies", "absent".
    var absenceLabels: [String] = []
    /// Words that make a short label an attendance label wherever they stand: "attendees".
    var attendanceLabelWords: [String] = []
    /// Words that make a short label an attendance label at its start or end: "present".
    var presentWords: [String] = []
    /// Endings that make a short label an attendance label: "… present", "… members".
    var attendanceLabelEndings: [String] = []
    /// Endings that make a short label an absence label: "… absent", "… apologies".
    var absenceLabelEndings: [String] = []
    /// Openings that make a label an absence label: "apologies for", "apologies received".
    var absenceLabelOpeners: [String] = []
    /// Labels holding an attendance word that head no list: "attendance sheet", "not present".
    var notAttendanceLabels: [String] = []
    /// Stems of which every people label holds one: most lines hold none, and the check
    /// spares them the rest. (A test holds every label above to it.)
    var peopleLabelStems: [String] = []
    /// A body's name over a running list of its members: "Panel: …", "Trustees: …".
    var collectiveLabels: [String] = []
    /// What a list says when it lists no one: "none", "nil", "n/a".
    var noneWords: [String] = []
    /// Sentences saying a list is empty: "there were no apologies".
    var noOneSentences: [String] = []
    /// A sentence giving apologies: the noun, then (a few words on) the word before the
    /// names: "apologies were received from", "ymddiheuriadau gan".
    var apologyNouns: [String] = []
    var apologyFrom: [String] = []
    /// Verbs in "apologies were received from": received, given, noted.
    var apologyVerbs: [String] = []
    /// Words other than "and" that join the last two names of a list: the Welsh "a", "a'r".
    var nameJoiners: [String] = []
    /// Words that start a clause after a listed name: "… Nancy Sayer who was substituted".
    var clauseWords: [String] = []
    /// Words that open a vote's record, whose "ABSENT:" line lists no apologies: "ayes".
    var voteLabels: [String] = []
    /// Words counting people who are not named: "two", "several".
    var countWords: [String] = []
    /// People counted but not named: "members of the public", "residents".
    var countedPeople: [String] = []
    /// Ranks that stand before a name and become the person's role: "Chief Superintendent",
    /// "DCI", "Mayor". Initialisms are written in capitals: they match only capitals.
    var ranks: [String] = []
    /// Honorifics that stand before a name and are dropped: "Mr", "Cllr", "Professor".
    var honorifics: [String] = []
    /// Titles kept as part of a name ("Lord Bourne") but no initial of it.
    var peerageTitles: [String] = []
    /// Plural titles before a list of surnames: "Cllrs Smith, Jones and Brown".
    var pluralTitles: [String] = []
    /// Short forms written with a full stop that ends no sentence, as printed: "Cllr.", "St.".
    var abbreviations: [String] = []
    /// Words that make a phrase an office or a body rather than a person's name.
    var offices: [String] = []
    /// Offices that are also surnames ("John Constable", "Ann Clerk"): an office only at the
    /// start of a phrase, alone, or after a word that qualifies an office ("Chief", "City").
    var officesThatAreSurnames: [String] = []
    /// Words that open an office's title before a name: "Chief", "Assistant", "Acting".
    var officeLeads: [String] = []
    /// Words that qualify an office word after them: "Chief Constable", "City Clerk".
    var officeQualifiers: [String] = []
    /// Bracketed notes on how someone attended: "(part of the meeting)", "(virtual)".
    var attendanceNotes: [String] = []
    /// Column headers of a roll-call table: words the name column's header holds ("Attendee
    /// Name", "Members"), and the role and status columns' headers.
    var rollCallNameHeaders: [String] = []
    var rollCallRoleHeaders: [String] = []
    var rollCallStatusHeaders: [String] = []
    /// A roll call's status for someone there ("present", "late", "remote") and away.
    var presentStatuses: [String] = []
    var absentStatuses: [String] = []
    /// The office whose holder is the chair ("Chair", "Chairman"): a role holding it makes
    /// that attendee the meeting's chair when no field named one.
    var chairOffices: [String] = []
    /// Words of attendance beyond labels and titles (`English+People.swift`).
    var people = PeopleWords()

    // MARK: decisions and actions

    /// Verbs a meeting decides with: "agreed", "resolved".
    var decisionVerbs: [String] = []
    /// Decision verbs in capitals, a decision wherever they stand: "RESOLVED", "AGREED".
    var decisionMarks: [String] = []
    /// Words a decision's verb follows: "it was", "the board", "members".
    var decisionSubjects: [String] = []
    /// Motions and votes: how a motion, its mover and its vote are written (`English+Motions.swift`).
    var motions = MotionWords()
    /// Labels of an action line or an actions heading: "action", "agreed actions".
    var actionLabels: [String] = []
    /// Headings of a list of actions: "actions arising", "action points".
    var actionHeadings: [String] = []
    /// Actions written in running prose (English+Actions.swift).
    var actionPhrases = ActionPhrases()
    /// Nouns after a body's name that make it an action's owner: "team", "secretariat".
    var ownerCollectives: [String] = []
    /// Words between an action's owner and what they are to do: "CC to send", "Clerk will write".
    var ownerDirectives: [String] = []
    /// Words inside a body's name that owns an action: "Head of Service", "Planning and Transport team".
    var bodyNameJoiners: [String] = []
    /// Words before a month given as a due date: "by June", "end of March", "mid-May".
    var monthQualifiers: [String] = []
    /// Words that open a sentence without naming an owner: "it", "members", "all".
    var notOwners: [String] = []
    /// Words that mark a deadline in an action: "by", "before", "no later than".
    var deadlineWords: [String] = []
    /// Due dates that are no date: "asap", "ongoing", "next meeting".
    var dueWords: [String] = []
    /// The next meeting's line: "date of next meeting", "next board", "future meetings".
    var nextWords: [String] = []
    var futureWords: [String] = []
    /// Sittings the next one of which is announced: "next board", "next session".
    var sittings: [String] = []

    // MARK: tables

    /// Action-table column headers and the column each names.
    var columnHeaders: [String: ColumnRole] = [:]
    /// Words that join two header phrases into one column's header: "Meeting date & action number".
    var columnHeaderJoiners: [String] = []
    /// Words that may stand alone on a header's second line ("Date for / Completion").
    var columnHeaderContinuations: [String] = []
    /// Headers of a narrow right-hand column of owners: "action", "by whom".
    var marginColumnHeaders: [String] = []
    /// An action's status: "open", "completed", "carried forward".
    var statusWords: [String] = []
    /// The word a group heading names its lead with: "National Address Dataset – Lead HS".
    var leadWords: [String] = []

    /// Words of the meeting's course and its sections (`English+Items.swift`).
    var sections = SectionWords()

    // MARK: OCR

    /// Characters OCR reads for a digit in an item number: "l" for 1, "S" for 5.
    var digitLookalikes: [Character: Character] = [:]
    /// Characters OCR reads for an item number's full stop: "2s", "ib".
    var stopLookalikes: [Character] = []
    /// Titles as OCR misreads them ("Clir" for "Cllr"), read as the title.
    var misreadTitles: [String] = []

    // MARK: indexes, built once by `shared`

    private(set) var officeSet: Set<String> = []
    private(set) var surnameOfficeSet: Set<String> = []
    /// Words that make the office word after them an office: offices, leads, qualifiers.
    private(set) var officeBeforeSet: Set<String> = []
    private(set) var officeLeadSet: Set<String> = []
    /// Ranks and honorifics, longest first: the title before a name is the longest that fits.
    private(set) var titles: [(entry: String, isRank: Bool)] = []
    /// Each title's length, whether it is written in capitals, and its lower case, worked out
    /// once: titles are tried against every name and word of every people list.
    private var titleForms: [TitleForm] = []
    /// Indices into `titles` by length, in `titles`' order.
    private var titlesByLength: [Int: [Int]] = [:]
    private struct TitleForm { var length: Int; var capitals: Bool; var lower: String }

    init() {}

    /// Every language's words together.
    static let shared: Vocabulary = {
        var v = Vocabulary.english
        v.add(.welsh)
        v.index()
        return v
    }()

    private mutating func index() {
        officeSet = Set(offices)
        surnameOfficeSet = Set(officesThatAreSurnames)
        officeLeadSet = Set(officeLeads)
        officeBeforeSet = officeSet.union(surnameOfficeSet).union(officeLeads).union(officeQualifiers)
        titles = (ranks.map { ($0, true) } + (honorifics + misreadTitles).map { ($0, false) })
            .sorted { $0.0.count > $1.0.count }
        titleForms = titles.map { TitleForm(length: $0.entry.count, capitals: Self.isCapitals($0.entry), lower: $0.entry.lowercased()) }
        titlesByLength = Dictionary(grouping: titles.indices, by: { titleForms[$0].length })
    }

    /// Adds another language's words.
    mutating func add(_ o: Vocabulary) {
        fieldLabels.merge(o.fieldLabels) { a, _ in a }
        months.merge(o.months) { a, _ in a }
        monthsWithDayAndYear.merge(o.monthsWithDayAndYear) { a, _ in a }
        columnHeaders.merge(o.columnHeaders) { a, _ in a }
        digitLookalikes.merge(o.digitLookalikes) { a, _ in a }
        stopLookalikes += o.stopLookalikes.filter { !stopLookalikes.contains($0) }
        sections.add(o.sections)
        people.add(o.people)
        for path in Self.lists { self[keyPath: path] += o[keyPath: path].filter { !self[keyPath: path].contains($0) } }
    }

    /// Every word list, for `add` (computed: key paths are not Sendable).
    private static var lists: [WritableKeyPath<Vocabulary, [String]>] { [
        \.inlineFieldLabels, \.notAChair, \.heldVerbs, \.placeLeads, \.placePrepositions, \.timeRangeWords, \.dateLeads,
        \.timeSuffixes, \.clockSuffixes, \.weekdays, \.ordinalEndings, \.meetingNouns, \.meetingBodies, \.committeeWords, \.memberGroups,
        \.meetingKinds, \.meetingOfKinds, \.organisationWords, \.organisationOpeners, \.documentKinds, \.trailingDocumentKinds,
        \.recordNouns, \.documentStates, \.heldManners, \.titleTails, \.titleSmallWords, \.unfinishedHeadingEnds,
        \.sentenceVerbs, \.minutesHeadings, \.minutesOpeners, \.agendaWords, \.itemNumberLeads, \.attendanceLabels,
        \.absenceLabels, \.attendanceLabelWords, \.presentWords, \.attendanceLabelEndings, \.absenceLabelEndings,
        \.absenceLabelOpeners, \.notAttendanceLabels, \.peopleLabelStems, \.collectiveLabels, \.noneWords, \.noOneSentences,
        \.apologyNouns, \.apologyFrom, \.apologyVerbs, \.nameJoiners, \.clauseWords, \.voteLabels, \.countWords,
        \.countedPeople, \.ranks, \.honorifics, \.peerageTitles, \.pluralTitles, \.abbreviations, \.offices,
        \.officesThatAreSurnames, \.officeLeads, \.officeQualifiers, \.attendanceNotes, \.rollCallNameHeaders,
        \.rollCallRoleHeaders, \.rollCallStatusHeaders, \.presentStatuses, \.absentStatuses, \.chairOffices,
        \.decisionVerbs, \.decisionMarks, \.decisionSubjects, \.actionLabels, \.actionHeadings, \.ownerCollectives,
        \.ownerDirectives, \.bodyNameJoiners, \.monthQualifiers, \.notOwners, \.deadlineWords, \.dueWords, \.nextWords, \.futureWords, \.sittings,
        \.columnHeaderJoiners, \.columnHeaderContinuations, \.marginColumnHeaders, \.statusWords, \.leadWords,
        \.misreadTitles,
    ] }
}

extension Vocabulary {
    /// Whether `words[i]` makes its phrase an office. An office word that is also a surname
    /// ("Constable", "Clerk") is the surname when it ends the phrase after a given name
    /// ("John Constable", "Ann Clerk"); it is an office first or alone, before a name ("Clerk
    /// J Connelly"), or after a lower-case word or a word that qualifies an office ("Chief
    /// Constable", "City Clerk").
    func isOffice(_ words: [String], at i: Int) -> Bool {
        let w = words[i].lowercased()
        let bare = w.hasSuffix("'s") ? String(w.dropLast(2)) : w
        if officeSet.contains(w) || officeSet.contains(bare) { return true }
        guard surnameOfficeSet.contains(w) || surnameOfficeSet.contains(bare) else { return false }
        guard i > 0, i == words.count - 1 else { return true }
        let before = words[i - 1]
        return before.first?.isUppercase != true || officeBeforeSet.contains(before.lowercased())
    }

    /// The rank or honorific `name` opens with (followed by a space), with whether it is a rank.
    func title(opening name: String) -> (written: String, isRank: Bool)? {
        // The name's characters once: counting and slicing the string again for every title
        // showed in profiles of people lists.
        // A title is followed by a space: only the titles as long as the name's head before
        // one of its spaces are tried, longest first as `titles` is sorted, each head made once.
        let chars = Array(name)
        for length in chars.indices.reversed() where chars[length] == " " {
            guard let candidates = titlesByLength[length] else { continue }
            let head = String(chars[..<length])
            let lower = head.lowercased()
            for k in candidates {
                let t = titles[k], form = titleForms[k]
                guard form.capitals ? head == t.entry : lower == form.lower else { continue }
                return (head, t.isRank)
            }
        }
        return nil
    }

    /// A rank or honorific as one word, as printed: "Cllr", "Mrs", "DI" (not "Di").
    func isTitle(_ word: String) -> Bool {
        let lower = word.lowercased()
        return titles.indices.contains { k in titleForms[k].capitals ? word == titles[k].entry : lower == titleForms[k].lower }
    }

    /// An honorific (no rank) as one word: "Cllr", "Mrs", "Cyng".
    func isHonorific(_ word: String) -> Bool {
        let lower = word.lowercased()
        return titles.indices.contains { k in
            !titles[k].isRank && (titleForms[k].capitals ? word == titles[k].entry : lower == titleForms[k].lower)
        }
    }

    /// The words as a regular-expression alternation, longest first (so "held on" is tried
    /// before "held"), metacharacters escaped; `spaces` stands for each space ("\\s+" where
    /// line breaks and double spaces should still match).
    static func alternation(_ words: [String], spaces: String = " ", optionalDots: Bool = false) -> String {
        words.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
            .map { word in
                var p = NSRegularExpression.escapedPattern(for: word).replacingOccurrences(of: " ", with: spaces)
                // "a.m." as "a\.?m\.?": the stops are often left out.
                if optionalDots { p = p.replacingOccurrences(of: "\\.", with: "\\.?") }
                return p
            }
            .joined(separator: "|")
    }

    /// An entry in capitals matches only text in capitals; any other matches in any case.
    static func matches(entry: String, _ text: Substring) -> Bool {
        if isCapitals(entry) { return text == entry }
        return text.lowercased() == entry.lowercased()
    }

    /// An entry written in capitals on purpose ("DCI"): it has letters, all upper case.
    static func isCapitals(_ entry: String) -> Bool {
        entry.contains(where: \.isLetter) && entry == entry.uppercased()
    }
}

import Foundation

/// The patterns of the motion families, built from `MotionWords`. Names are capitalised words
/// (initials, hyphens and apostrophes kept), perhaps after a title, or a lot number in
/// brackets as strata and owners' meetings write them ("MOVED (313)").
enum MotionPatterns {
    static let words = Vocabulary.shared.motions
    static func alt(_ w: [String]) -> String { Vocabulary.alternation(w, spaces: #"\s+"#) }

    /// One capitalised word or an initial: "VanDeinse-Perez", "O’Leary", "M.".
    static let nameWord = #"(?-i:[\p{Lu}](?:\.|[\p{L}'’\-]+))"#
    static let title = #"(?:(?:\#(alt(words.memberTitles)))\.?\s+)"#
    /// A member's name as printed after "by": title, up to four words, or "(117)".
    static let name = #"(?:\(\s*\d{1,4}\s*\)|\d{1,4}\b|\#(title){0,2}\#(nameWord)(?:\s+\#(nameWord)){0,3})"#

    /// "Motion made by A, seconded by B, that …", "It was MOVED by (117) and SECONDED by
    /// (122) to …", "Proposed by RS seconded by GP to …", "moved Cllr A, seconded Cllr B".
    static let framed = #"\b(?:\#(alt(words.moverLeads)))\s+(?:by\s+)?(\#(name))\s*,?\s*(?:\#(alt(words.seconderLeads)))\s+(?:by\s+)?(\#(name))\s*[,:]?\s*"#

    /// "Cllr O’Leary proposed a donation …", "The chairman proposed and it was RESOLVED to …",
    /// "RS Proposed the following statement", "Councilmember Lee moved to approve …".
    static let subjectMoves: String = {
        let subject = #"(?:\#(title)\#(nameWord)(?:\s+\#(nameWord)){0,2}|\#(alt(words.chairSubjects))|(?-i:[A-Z]{2,4}))"#
        let verb = #"(?:proposed(?!\s+by\b)|moved(?=\s+(?:that|to\s+(?!the\b)[a-z])))"#
        // The word boundary before the lookbehinds (the same test in either order): it fails
        // inside words, and spares most places the lookbehinds' backward match.
        return #"\b(?<![Bb]y\s)(?<![Ww]as\s)(\#(subject))\s+(\#(verb))\s+(?:and\s+it\s+was\s+(RESOLVED|resolved|agreed|carried|AGREED)\s+)?"#
    }()

    /// "Cllr Hayward suggested it be re-sited …": a motion only where the meeting takes it
    /// up ("All agreed to this proposal").
    static let subjectSuggests: String = {
        let subject = #"(?:\#(title)\#(nameWord)(?:\s+\#(nameWord)){0,2}|\#(alt(words.chairSubjects)))"#
        return #"\b(\#(subject))\s+(?:\#(alt(words.suggestVerbs)))\s+(?:that\s+)?"#
    }()
    static let uptake = #"\b(?:\#(alt(words.uptakeWords)))\b"#

    /// "It was proposed to defer …", "Motion made to adjourn": no mover named ("called for a
    /// motion to adjourn" asks for one and "the motion to amend carried" reports one: the
    /// motion is elsewhere).
    static let impersonal = #"\b(?:it\s+was\s+(?:proposed|moved)|(?<!the\s)(?<!for\s)(?<!for\sa\s)(?<!for\s•\s)(?:a\s+)?motion(?:\s+was)?(?:\s+made)?)\s+(?=(?:that|to|not\s+to)\b)"#

    /// "Motion to approve the bills was made by Trustee A, seconded by Trustee B": the text
    /// between "motion" and the names.
    static let motionThenNames = #"\b(?:a\s+)?motion\s+((?:to|that)\s(?:(?!\bmotion\b)(?:[^.]|\.(?!\s+(?-i:\p{Lu})))){2,500}?)\s*,?\s+(?:was\s+)?(?:made|moved|offered)\s+by\s+(\#(name))\s*,?\s*(?:\#(alt(words.seconderLeads)))\s+(?:by\s+)?(\#(name))"#

    /// "Councilmember A moved, seconded by Councilmember B, to approve …", "Commissioner A
    /// made a motion, seconded by Commissioner B, to postpone …", "Councilwoman A makes the
    /// motion to …" (the seconder in the next sentence).
    static let subjectMovedSeconded = #"\b(\#(title)\#(nameWord)(?:\s+\#(nameWord)){0,2}|\#(alt(words.chairSubjects)))\s+(?:moved|proposed|(?:made|makes|offered)\s+(?:a|the|•)\s+motion)\s*,\s*(?:and\s+)?(?:\#(alt(words.seconderLeads)))\s+(?:by\s+)?(\#(name))\s*,?\s*"#
    static let subjectMakesMotion = #"\b(\#(title)\#(nameWord)(?:\s+\#(nameWord)){0,2}|\#(alt(words.chairSubjects)))\s+(?:makes|made|make|offered|offers)\s+(?:the|a)\s+motion\s+(?=(?:to|that)\b)"#

    /// "Jon made a motion and asked for discussion", "Cllr Ames made the motion.": a motion
    /// with no "to"/"that" after it moves what the sentence before said. The subject may be a
    /// bare first name, as small boards write them; a pronoun names nobody, and a sentence's
    /// opening adverb ("Then Jon made …") is no part of a name. OCR reads a lone "a" as "•".
    static let subjectMakesBareMotion: String = {
        let notNames = #"(?:\#(alt(words.notMovers)))\b"#
        let subject = #"(?:\#(title)\#(nameWord)(?:\s+\#(nameWord)){0,2}|\#(alt(words.chairSubjects))|(?!\#(notNames))\#(nameWord)(?:\s+\#(nameWord)){0,2})"#
        return #"(?<![Bb]y\s)\b(\#(subject))\s+(?:made|makes|offered|offers)\s+(?:a|an|the|•)\s+motion\b(?=\s*(?:[.,;]|and\b|$))(?!\s*,?\s*(?:and\s+)?(?:\#(alt(words.seconderLeads)))\b)"#
    }()
    /// "The motion was seconded by Cindy", "Cllr B seconded the motion": a seconder named
    /// sentences after the motion.
    static let laterSeconder = #"\b(?:the\s+motion\s+was\s+seconded\s+by\s+(\#(name))|(\#(name))\s+seconded\s+the\s+motion)"#

    /// "The Board voted, by a majority, that …", "Members voted unanimously not to …".
    static let bodyVoted: String = {
        let bodies = alt(Vocabulary.shared.meetingBodies + Vocabulary.shared.memberGroups)
        return #"\b(?:the\s+)?(?:\#(bodies))\s+(?:had\s+)?voted,?\s*(by\s+a\s+majority|unanimously|by\s+\d+\s+votes?\s+to\s+\d+)?,?\s+(?=(?:that|to|not\s+to)\b)"#
    }()

    /// "… – M. Prest (motion), C. Dallas (second)": the names and their parts in brackets.
    static let bracketed = #"\s*[–—-]\s*(\#(name))\s*\((?:\#(alt(words.moverMarks)))\)\s*,?\s*(\#(name))\s*\((?:\#(alt(words.seconderMarks)))\)"#

    /// "RESOLVED that", "and it was agreed to" opening the text after the names: carried.
    static let resolvedLead: String = {
        let marks = Vocabulary.alternation(Vocabulary.shared.decisionMarks)
        return #"^(?:(?:and\s+)?(?:it\s+was\s+)?(?:\#(marks)|(?i:resolved|agreed|carried))\b\s*[:,–-]?\s*)"#
    }()

    /// "After discussion, the motion carried", "The motion to amend carried", "The motion, as
    /// amended, carried": a result named as the motion's. It ends the motion's text, and is
    /// read further down than any other result word.
    static let motionResult = #"\bthe\s+motion\b[\s,]*(?:\w+[\s,]+){0,3}?(?:was\s+)?(?:\#(alt(words.carriedWords + words.failedWords + words.withdrawnWords + words.deferredWords)))\b"#

    /// "Minutes of the Annual General Meeting …", "Minutes of a meeting of the above Council":
    /// where a meeting's minutes open.
    static let meetingOpening: String = {
        let v = Vocabulary.shared
        return #"^\s*(?:\#(alt(v.minutesOpeners)))\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,4}?(?:\#(alt(v.meetingNouns.filter { !$0.contains(" ") })))\b"#
    }()
    static let annual = #"\b(?:\#(alt(words.annualMeetings)))\b"#

    /// A withdrawal naming its mover: "Cllr O’Leary withdrew his resolution".
    static let withdrawal = #"\b(\#(name))\s+(?:withdrew|has\s+withdrawn)\s+(?:his|her|their|the)\s+(?:motion|resolution|proposal|amendment)"#

    /// The start of a line that records only how a vote went: "Motion Passed", "Ayes All",
    /// "Carried unanimously": a motion's text stops before it.
    static let outcomeLine = #"^\s*(?:the\s+)?(?:motion\s+)?(?:\#(alt(words.carriedWords + words.failedWords + words.withdrawnWords)))\b"#

    /// A labelled field of a motion's record: "Moved:", "SECONDER:", "RESULT:", "AYES:".
    static let labels: [(MotionLabel, [String])] = [
        (.text, words.textLabels), (.mover, words.moverLabels), (.seconder, words.seconderLabels),
        (.result, words.resultLabels),
        (.votes, words.yesLabels + words.noLabels + words.abstainLabels + words.absentLabels + words.recusedLabels),
    ]
    static let label: String = {
        let all = labels.flatMap(\.1)
        return #"(?:^|(?<=[\s,;]))(\#(alt(all)))\s*:\s*"#
    }()
}

enum MotionLabel { case text, mover, seconder, result, votes }

/// The words each family's pattern cannot match without (`WordGate`): an item's text is
/// searched by every family, and most items move nothing.
extension MotionPatterns {
    static let seconderGate = WordGate(words.seconderLeads)
    /// The verbs written into `subjectMoves` and `impersonal`.
    static let moveGate = WordGate(["proposed", "moved"])
    static let motionGate = WordGate(["motion"])
    static let framedGates = [WordGate(words.moverLeads), seconderGate]
    static let subjectMovesGates = [moveGate]
    static let subjectSuggestsGates = [WordGate(words.suggestVerbs)]
    static let impersonalGates = [WordGate(["proposed", "moved", "motion"])]
    static let bodyVotedGates = [WordGate(["voted"])]
    static let motionThenNamesGates = [motionGate, seconderGate]
    /// "A moved, seconded by B" and "A made a motion, seconded by B".
    static let subjectMovedSecondedGates = [WordGate(["proposed", "moved", "motion"]), seconderGate]
    static let laterSecondedGate = WordGate(["seconded"])
    static let subjectMakesMotionGates = [motionGate]
    static let bracketedGates = [WordGate(words.moverMarks), WordGate(words.seconderMarks)]
    static let withdrawalGates = [WordGate(["withdrew", "withdrawn"])]
    static let meetingOpeningGate = WordGate(Vocabulary.shared.minutesOpeners)
}

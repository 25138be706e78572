import Foundation

/// The words motions and votes are recorded with: who moved and seconded, how the vote went.
/// Lower case unless in capitals on purpose (see `Vocabulary`).
struct MotionWords: Sendable {
    /// Phrases before the mover's name: "motion by", "moved by", "proposed by".
    var moverLeads: [String] = []
    /// Phrases before the seconder's name: "seconded by", "second by".
    var seconderLeads: [String] = []
    /// Verbs a named member moves with ("Cllr A proposed …", "Councilmember B moved to …").
    var moveVerbs: [String] = []
    /// Verbs that put something forward only when the meeting then takes it up as a
    /// proposal ("Cllr A suggested it be re-sited. All agreed to this proposal.").
    var suggestVerbs: [String] = []
    /// Words of that uptake in the next sentence: "proposal", "seconded".
    var uptakeWords: [String] = []
    /// Subjects that move without a name: "the chairman proposed".
    var chairSubjects: [String] = []
    /// Titles written before a member's name in a motion: "Trustee", "Commissioner".
    var memberTitles: [String] = []
    /// Capitalised words that open a sentence but name nobody: "He made a motion", "Then
    /// Jon made a motion" (the name starts after it).
    var notMovers: [String] = []
    /// A motion with no mover: "it was proposed that …", "a motion to …".
    var impersonalMoves: [String] = []
    /// Marks of a motion's own text in the parenthesis beside a name: "(motion)", "(second)".
    var moverMarks: [String] = []
    var seconderMarks: [String] = []

    /// Labels of a motion's record set out as fields: "Motion:", "Moved:", "RESULT:".
    var textLabels: [String] = []
    var moverLabels: [String] = []
    var seconderLabels: [String] = []
    var resultLabels: [String] = []
    /// Labels of a named vote ("AYES: A, B"), by the vote each records.
    var yesLabels: [String] = []
    var noLabels: [String] = []
    var abstainLabels: [String] = []
    var absentLabels: [String] = []
    var recusedLabels: [String] = []

    /// Words saying how a motion ended.
    var carriedWords: [String] = []
    var failedWords: [String] = []
    var withdrawnWords: [String] = []
    var deferredWords: [String] = []
    /// Words saying everyone voted for it: "unanimously", "nem con", "ayes all".
    var unanimousWords: [String] = []
    /// Words after a number in a count: "5 for", "2 against", "1 abstention".
    var forCountWords: [String] = []
    var againstCountWords: [String] = []
    var abstainCountWords: [String] = []
    /// Words for zero in a count: "none opposed", "no abstentions".
    var zeroWords: [String] = []
    /// A roll call's answers after a name ("Trustee Raymond-yes"), by the vote each records.
    var yesAnswers: [String] = []
    var noAnswers: [String] = []
    var abstainAnswers: [String] = []
    var absentAnswers: [String] = []
    /// Names of a yearly meeting held beside an ordinary one in the same minutes.
    var annualMeetings: [String] = []
}

extension Vocabulary {
    mutating func addEnglishMotions() {
        var m = MotionWords()
        m.moverLeads = ["a motion was made by", "motion was made by", "motion made by", "motion by", "moved by", "proposed by",
                        "it was moved by", "it was proposed by", "it was moved", "it was proposed", "moved", "proposed"]
        m.seconderLeads = ["and seconded by", "seconded by", "second by", "and seconded", "seconded", "and second by"]
        m.moveVerbs = ["proposed", "moved"]
        m.suggestVerbs = ["suggested", "recommended"]
        m.uptakeWords = ["this proposal", "the proposal", "the suggestion", "this suggestion", "seconded"]
        m.chairSubjects = ["the chairman", "the chairwoman", "the chairperson", "the chair", "the mayor", "the president",
                           "the vice chairman", "the vice chair", "the vice-chair"]
        m.memberTitles = ["councilmember", "council member", "councilman", "councilwoman", "councillor", "county councillor",
                          "district councillor", "cllr", "trustee", "commissioner", "mayor", "vice mayor", "deputy mayor",
                          "mayor pro tem", "alderman", "alderperson", "supervisor", "director", "selectman", "selectwoman",
                          "board member", "member", "chairman", "chairwoman", "chairperson", "chair", "vice chair", "president",
                          "vice president", "secretary", "treasurer", "governor", "mr", "mrs", "ms", "miss", "dr"]
        m.impersonalMoves = ["it was proposed", "it was moved", "it was suggested and agreed", "a motion was made",
                             "motion was made", "a motion", "motion"]
        m.notMovers = ["he", "she", "they", "we", "it", "i", "nobody", "no one", "someone", "there", "this", "that",
                       "then", "next", "finally", "also", "again", "later", "after", "here", "thereupon"]
        m.moverMarks = ["motion", "moved", "mover", "proposed", "proposer"]
        m.seconderMarks = ["second", "seconded", "seconder"]

        m.textLabels = ["motion", "resolution", "proposal"]
        m.moverLabels = ["moved by", "moved", "mover", "proposed by", "proposed", "proposer", "motion by"]
        m.seconderLabels = ["seconded by", "seconded", "seconder", "second"]
        m.resultLabels = ["result", "vote", "outcome", "action"]
        m.yesLabels = ["ayes", "aye", "yeas", "yes", "in favour", "in favor", "for", "voting for", "voting aye"]
        m.noLabels = ["nays", "nay", "noes", "no", "against", "opposed", "voting against", "voting nay"]
        m.abstainLabels = ["abstain", "abstained", "abstaining", "abstentions", "abstention", "abstain/recuse"]
        m.absentLabels = ["absent", "not present", "excused"]
        m.recusedLabels = ["recused", "recusal", "recuse"]

        m.carriedWords = ["carried unanimously", "unanimously carried", "carried", "motion passed", "passed", "passes",
                          "approved", "adopted", "ayes all", "all in favour", "all in favor", "all agreed", "unanimously agreed",
                          "agreed unanimously", "it was resolved", "resolved", "so ordered", "all were in favor", "all were in favour",
                          "all voted in favor", "all voted in favour",
                          "agreed to this proposal", "agreed to the proposal", "agreed to this motion"]
        m.failedWords = ["failed", "fails", "was lost", "motion lost", "the motion was lost", "defeated", "not carried", "rejected",
                         "denied", "fell"]
        m.withdrawnWords = ["withdrawn", "withdrew"]
        m.deferredWords = ["deferred", "postponed", "tabled", "continued to"]
        m.unanimousWords = ["unanimously", "unanimous", "nem con", "nem. con.", "ayes all", "all in favour", "all in favor",
                            "all were in favor", "all were in favour",
                            "all agreed", "none opposed", "no one opposed"]
        m.forCountWords = ["for", "in favour", "in favor", "ayes", "aye", "yes", "yeas", "votes for"]
        m.againstCountWords = ["against", "opposed", "nays", "nay", "noes", "no", "votes against"]
        m.abstainCountWords = ["abstentions", "abstention", "abstained", "abstaining", "abstain", "abstains"]
        m.zeroWords = ["none", "no", "zero", "nil"]
        m.yesAnswers = ["yes", "aye", "yea", "for", "in favour", "in favor"]
        m.noAnswers = ["no", "nay", "against", "opposed"]
        m.abstainAnswers = ["abstain", "abstained", "abstaining", "abstention"]
        m.absentAnswers = ["absent", "not present"]
        m.annualMeetings = ["annual general meeting", "annual meeting", "annual parish meeting", "annual town meeting", "agm"]
        motions = m
    }
}

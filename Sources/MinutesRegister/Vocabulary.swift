import Foundation

/// The words the register reads names, titles and statuses by, kept as data in one place
/// (English, with the Welsh that Welsh-language minutes print). Every list is lower-case
/// and diacritic-free, as `Text.words` produces.
enum Vocabulary {
    // MARK: Bodies

    /// Words of a title that name the meeting or the document, not the body: "Minutes of the
    /// Ordinary Meeting of …", "… Action Log", "Annual General Meeting", "Draft".
    static let meetingWords: Set<String> = [
        "minutes", "minute", "meeting", "meetings", "notes", "note", "action", "actions", "log", "logs", "agenda",
        "record", "summary", "ordinary", "extraordinary", "special", "regular", "adjourned", "reconvened",
        "annual", "general", "agm", "egm", "monthly", "quarterly", "weekly", "bimonthly", "open", "closed",
        "public", "private", "part", "session", "sessions", "held", "draft", "confirmed", "unconfirmed", "approved",
        "signed", "as", "at", "on", "in", "of", "the", "and", "a", "an", "for", "to", "from", "by", "with", "its", "their",
        "no", "number", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth", "twentieth", "thirtieth", "twenty", "thirty", "forty", "fifty",
        // Welsh
        "cofnodion", "cyfarfod", "cyffredinol", "blynyddol", "arbennig", "y", "yr", "o", "a", "ar", "gan",
    ]

    /// Welsh body words read as their English equivalents, so a bilingual body's two sets of
    /// minutes give one key ("Cyngor Cymuned Manordeilo a Salem" = "Manordeilo & Salem
    /// Community Council"; the key's words are sorted, so word order does not matter).
    static let bodyWordEquivalents: [String: String] = [
        "cyngor": "council", "cymuned": "community", "tref": "town", "sir": "county", "bwrdd": "board",
        "pwyllgor": "committee", "plwyf": "parish", "dinas": "city",
    ]

    /// Words that name a kind of body rather than a particular one. A title made only of these
    /// ("Board Meeting", "Full Council", "Committee") does not identify a body without its
    /// organisation, so the file name's distinctive words are added to it.
    static let genericBodyWords: Set<String> = [
        "board", "boards", "council", "councils", "committee", "committees", "sub", "subcommittee", "panel", "group",
        "working", "party", "forum", "commission", "trustees", "trust", "directors", "governors", "governing", "body",
        "full", "parish", "town", "city", "county", "district", "borough", "community", "village", "cabinet",
        "executive", "management", "members", "member", "steering", "advisory", "joint", "assembly", "team",
        "planning", "finance", "policy", "resources", "scrutiny", "audit",
    ]

    // MARK: People

    /// Honorifics, offices and titles printed before a name ("Cllr", "Dr", "Lord").
    static let honorifics: Set<String> = [
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "baroness", "baron",
        "rev", "revd", "reverend", "canon", "cllr", "councillor", "councilor", "cllrs", "alderman", "mayor",
        "deputy", "chair", "chairman", "chairwoman", "chairperson", "vice", "hon", "honorable", "honourable", "rt",
        "commissioner", "supt", "superintendent", "ch", "chief", "insp", "inspector", "det", "dc", "ds", "di", "dci",
        "acc", "dcc", "cc", "pcc", "dpcc", "trustee", "director", "senator", "rep", "representative", "judge",
        "justice", "mp", "mep", "commander", "cmdr", "capt", "captain", "major", "col", "colonel", "gen",
    ]

    /// Letters after a name ("OBE", "QC", "JP") and generational suffixes.
    static let postNominals: Set<String> = [
        "obe", "mbe", "cbe", "kbe", "dbe", "qc", "kc", "jp", "dl", "frs", "phd", "msc", "ma", "ba", "bsc", "jr", "sr",
        "ii", "iii", "esq", "qpm", "cmg", "kcmg",
    ]

    /// Words that make a printed owner a team, office or role rather than a person
    /// ("Cabinet Office Transparency Team", "Companies House", "the Clerk").
    static let notPersonWords: Set<String> = [
        "team", "teams", "office", "offices", "board", "council", "committee", "department", "dept", "group", "panel",
        "members", "member", "officers", "officer", "all", "clerk", "chair", "chairman", "secretary", "treasurer",
        "secretariat", "manager", "director", "directorate", "house", "agency", "authority", "commission",
        "service", "services", "trust", "ltd", "limited", "plc", "unit", "project", "partnership", "association",
        "society", "network", "institute", "university", "college", "school", "police", "force", "nhs", "ministry",
        "government", "staff", "colleagues", "officials", "representative", "representatives", "lead", "leads",
        "head", "programme", "program", "division", "section", "executive", "governors", "trustees", "everyone",
        "tbc", "tba", "n/a", "na", "none", "various", "partners", "the", "and", "of", "for", "to",
    ]

    // MARK: Actions

    /// Titles of items that report on earlier actions: what is said under them updates the
    /// actions they mention rather than setting new ones.
    static let mattersArisingTitles: [String] = [
        "matters arising", "action log", "action points", "actions from", "review of actions", "action tracker",
        "progress on actions", "outstanding actions", "previous actions", "actions arising", "action list",
        "update on actions", "actions update", "review of action", "materion yn codi",
    ]

    /// Status text that closes an action as done. Phrases, matched as whole words.
    static let doneStatus: [String] = [
        "complete", "completed", "compete", "done", "closed", "finished", "achieved", "actioned",
        "discharged", "delivered", "cleared", "concluded", "signed off", "wedi cwblhau", "cwblhawyd",
    ]

    /// Status text that closes an action without it being done.
    static let droppedStatus: [String] = [
        "dropped", "withdrawn", "cancelled", "canceled", "no longer required", "no longer needed",
        "not required", "not needed", "superseded", "abandoned", "removed", "deleted", "merged", "rejected",
    ]

    /// Negations that turn a closing word around ("not complete", "not yet done").
    static let negations: Set<String> = ["not", "no", "yet", "incomplete", "partially", "partly", "nearly", "almost"]

    // MARK: Similarity

    /// Words that carry no meaning of their own in an action's description.
    static let stopWords: Set<String> = [
        "a", "an", "the", "to", "and", "or", "of", "for", "on", "in", "into", "at", "by", "with", "from", "be", "is",
        "are", "was", "were", "will", "would", "should", "shall", "can", "could", "may", "might", "must", "has",
        "have", "had", "it", "its", "this", "that", "these", "those", "as", "all", "any", "their", "them", "they",
        "he", "she", "his", "her", "we", "our", "us", "you", "your", "i", "me", "my", "if", "so", "such", "up",
        "out", "about", "also", "re", "per", "via", "e", "g", "eg", "ie", "etc", "how", "what", "which", "who",
        "when", "where", "there", "then", "than", "but", "not", "do", "does", "did", "been", "being", "going",
    ]
}

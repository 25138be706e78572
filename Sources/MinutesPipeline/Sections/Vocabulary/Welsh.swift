import Foundation

/// Welsh as community councils write their minutes ("Cyngor Cymuned", "PRESENNOL",
/// "ymddiheuriadau gan…", "9fed Mai 2018").
extension Vocabulary {
    static let welsh: Vocabulary = {
        var v = Vocabulary()
        // Month names with their mutated forms ("o Fehefin"), read only with a day and a year:
        // "Mawrth" is also Tuesday.
        v.monthsWithDayAndYear = [
            "ionawr": 1, "chwefror": 2, "mawrth": 3, "fawrth": 3, "ebrill": 4, "mai": 5, "fai": 5, "mehefin": 6, "fehefin": 6,
            "gorffennaf": 7, "orffennaf": 7, "awst": 8, "medi": 9, "fedi": 9, "hydref": 10, "tachwedd": 11, "dachwedd": 11,
            "rhagfyr": 12,
        ]
        v.ordinalEndings = ["af", "il", "ydd", "ed", "fed", "eg", "ain"]
        v.meetingNouns = ["cyfarfod", "y cyfarfod"]
        v.organisationWords = ["cyngor"]
        // (yn) bresennol / presennol, ymddiheuriadau (am absenoldeb), absennol.
        v.attendanceLabels = ["presennol", "yn bresennol"]
        v.absenceLabels = ["ymddiheuriadau", "ymddiheuriadau am absenoldeb", "absennol"]
        v.peopleLabelStems = ["resennol", "ymddiheur", "absennol"]
        v.apologyNouns = ["ymddiheuriadau", "ymddiheuriadau am absenoldeb"]
        v.apologyFrom = ["gan", "oddi wrth", "gan y", "oddi wrth y"]
        // "Owen Williams a'r Cynghorydd Sir Joseph Davies": "a" or "a'r" for "and".
        v.nameJoiners = ["a", "a'r", "a’r"]
        // (The) councillor(s), county councillor, "Cyng."
        v.honorifics = ["y cynghorwyr", "y cynghorydd", "cynghorwyr sir", "cynghorydd sir", "cynghorwyr", "cynghorydd", "cyng.", "cyng"]
        v.abbreviations = ["Cyng"]
        return v
    }()
}

import Foundation

/// Headings that introduce lists of people.
enum PeopleLabel {
    enum Kind: Sendable { case attendees, apologies }

    static let peopleStems = ["apolog", "absen", "present", "excused", "attend", "member", "official", "officer",
                              "guest", "invite", "roll call", "public", "speaker",
                              // Welsh: (yn) bresennol / presennol, ymddiheuriadau, absennol.
                              "resennol", "ymddiheur", "absennol"]

    static func kind(of raw: String) -> Kind? {
        // A label is a few words; asked of every line, most are sentences.
        guard FieldLabels.isShort(raw, words: 7) else { return nil }
        let l = raw.trimming(FieldLabels.labelEdge).lowercased()
        guard !l.isEmpty, l.split(separator: " ").count <= 5 else { return nil }
        // Every people label holds one of these stems; most lines hold none, and the
        // check spares them the patterns below.
        guard peopleStems.contains(where: { l.includes($0) }) else { return nil }
        if l.range(ofRegex: #"^(apologies|apology|absent|absences|not present|excused|apologies for absence|apologies received|apologies were received from|absent with apologies|absent without apologies|apologies for absence received|ymddiheuriadau|ymddiheuriadau am absenoldeb|absennol)$"#) != nil
            || l.range(ofRegex: #"^apolog(ies|y) (and|&|for|received)\b"#) != nil {
            return .apologies
        }
        if l.range(ofRegex: #"\b(in attendance|attendance|attendees|attending)\b|(^|\s)present$|^present\b"#) != nil,
           !l.contains("not present"), !l.contains("sheet") {
            return .attendees
        }
        if l.range(ofRegex: #"^(present|attendees|attendance|in attendance|also present|also in attendance|attending|members present|officers present|others present|other attendees|core attendees|commissioners present|councillors present|governors present|trustees present|board members present|members|officials|officers|guests|invited|invitees|roll call|members of the public|attendance record|presenters|presenting|speakers|presennol|yn bresennol)$"#) != nil {
            return .attendees
        }
        if l.hasSuffix(" present") || l.hasSuffix(" attendees") || l.hasSuffix(" in attendance") || l.hasSuffix(" members") { return .attendees }
        if l.hasSuffix(" absent") || l.hasSuffix(" apologies") || l.hasSuffix(" excused") { return .apologies }
        return nil
    }
}

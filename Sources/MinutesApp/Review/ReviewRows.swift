import Foundation
import MinutesModel
import MinutesPipeline

/// One thing the review panel lists and the page may draw: a record, or a meeting field.
struct ReviewRow {
    var id: String
    /// CSS kind: meeting, person, item, action, motion, decision, next.
    var kind: String
    var kindLabel: String
    var short: String
    var page: Int?
    var box: Box?
    var confidence: Double?
    var reasons: [String]
    var corrected: Bool
    /// Place in document order, to keep ties in order.
    var order: Int

    /// Listed under "Check first": a doubt about how it was found, or a low confidence.
    var needsCheck: Bool { !corrected && (!reasons.isEmpty || (confidence ?? 1) < FieldConfidence.checkBelow) }
}

enum ReviewRows {
    static let meetingLabels = ["title": "Title", "organisation": "Organisation", "date": "Date", "startTime": "Starts",
                                "endTime": "Ends", "venue": "Venue", "chair": "Chair"]

    static func build(_ m: Minutes, doubts: [FieldDoubt]) -> [ReviewRow] {
        var reasons: [String: [String]] = [:]
        var corrected = Set<String>()
        for d in doubts {
            if d.corrected { corrected.insert(d.record) } else { reasons[d.record, default: []].append(d.reason) }
        }
        var rows: [ReviewRow] = []
        func add(_ id: String, _ kind: String, _ label: String, _ short: String, _ page: Int?, _ box: Box?, _ conf: Double?) {
            rows.append(ReviewRow(id: id, kind: kind, kindLabel: label, short: clip(short), page: page, box: box, confidence: conf,
                                  reasons: reasons[id] ?? [], corrected: corrected.contains(id), order: rows.count))
        }
        for field in RecordKind.meeting.editableFields.map(\.name) {
            let p = m.meeting.provenance[field]
            let value = m.value(of: field, at: RecordPath(.meeting))?.display
            add("meeting." + field, "meeting", "Meeting " + (meetingLabels[field] ?? field).lowercased(), value ?? "not found",
                p?.page, p?.box, value == nil ? nil : p?.confidence)
        }
        for (i, p) in m.attendees.enumerated() {
            add(RecordPath.list(.attendees, i).description, "person", "Attendee", p.name, p.page, p.box, p.confidence)
        }
        for (i, p) in m.apologies.enumerated() {
            add(RecordPath.list(.apologies, i).description, "person", "Apology", p.name, p.page, p.box, p.confidence)
        }
        func items(_ its: [Item], _ list: RecordPath.List, _ prefix: [Int]) {
            for (i, it) in its.enumerated() {
                let label = (list == .agenda ? "Agenda item " : "Item ") + (it.number ?? "")
                add(RecordPath(.list(list, prefix + [i])).description, "item", label, it.title ?? it.text, it.page, it.box, it.confidence)
                items(it.children, list, prefix + [i])
            }
        }
        items(m.agenda, .agenda, [])
        items(m.items, .items, [])
        for (i, a) in m.actions.enumerated() {
            add(RecordPath.list(.actions, i).description, "action", "Action \(a.ref ?? String(i + 1))", a.description, a.page, a.box, a.confidence)
        }
        for (i, x) in m.motions.enumerated() {
            add(RecordPath.list(.motions, i).description, "motion", "Motion \(i + 1)", x.text, x.page, x.box, x.confidence)
        }
        for (i, d) in m.decisions.enumerated() {
            add(RecordPath.list(.decisions, i).description, "decision", "Decision \(i + 1)", d.text, d.page, d.box, d.confidence)
        }
        if let n = m.nextMeeting {
            add("nextMeeting", "next", "Next meeting", [n.date, n.startTime, n.venue].compactMap { $0 }.joined(separator: ", "), nil, nil, nil)
        }
        return rows
    }

    /// The panel's sections, one per kind of record, each row with every value read.
    static func sections(_ m: Minutes, rows: [ReviewRow]) -> String {
        let byID = Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func row(_ id: String, _ title: String, _ fields: [(String, String, String?)], body: String = "", titleField: String? = nil,
                 inline: Bool = false) -> String {
            guard let r = byID[id] else { return "" }
            let cls = "f k-\(r.kind)" + (r.needsCheck ? " doubt" : "") + (r.corrected ? " fixed" : "") + (r.box == nil ? " nobox" : "")
            var s = "<div class=\"\(cls)\" data-f=\"\(esc(id))\" tabindex=\"-1\"\(r.page.map { " data-page=\"\($0)\"" } ?? "")>"
            s += "<div class=\"fh\">\(ReviewPage.confBadge(r.confidence)) <span class=\"lbl\"\(titleField.map { " data-field=\"\($0)\"" } ?? "")>\(esc(title))</span>"
            if let p = r.page { s += " <span class=\"pg\">p\(p)</span>" }
            if r.corrected { s += " <span class=\"tick\" title=\"corrected by hand\">✓ corrected</span>" }
            s += "<button class=\"edit\" type=\"button\" title=\"Correct this (e)\">✎</button></div>"
            if inline {
                // One line: role · initials · group, each still a field the editor can set.
                let parts = fields.filter { $0.2 != nil }
                if !parts.isEmpty {
                    s += "<div class=\"line\">" + parts.map { "<span\($0.0.isEmpty ? "" : " data-field=\"\(esc($0.0))\"") title=\"\(esc($0.1))\">\(esc($0.2 ?? ""))</span>" }
                        .joined(separator: " · ") + "</div>"
                }
            } else if !fields.isEmpty {
                s += "<dl>"
                // Fields not found are left out (the editor still offers them), the first always shown.
                for (k, (name, label, value)) in fields.enumerated() where k == 0 || value != nil {
                    s += "<dt>\(esc(label))</dt><dd data-field=\"\(esc(name))\"\(value == nil ? " class=\"none\"" : "")>\(esc(value ?? "—"))</dd>"
                }
                s += "</dl>"
            }
            s += body
            if !r.reasons.isEmpty { s += "<ul class=\"why\">" + r.reasons.map { "<li>\(esc($0))</li>" }.joined() + "</ul>" }
            return s + "</div>\n"
        }
        func section(_ id: String, _ title: String, _ count: Int, _ body: String) -> String {
            "<section id=\"s-\(id)\"><h2>\(esc(title)) <span class=\"n\">\(count)</span></h2>\n" + (count == 0 ? "<p class=\"none\">none found</p>\n" : body) + "</section>\n"
        }

        var meeting = ""
        for field in RecordKind.meeting.editableFields.map(\.name) {
            let v = m.value(of: field, at: RecordPath(.meeting))?.display
            meeting += row("meeting." + field, meetingLabels[field] ?? field, [(field, "", v ?? "—")], inline: true)
        }
        var s = "<section id=\"s-meeting\"><h2>Meeting</h2>\n" + meeting + "</section>\n"

        func person(_ p: Person, _ id: String) -> String {
            row(id, p.name, [("role", "role", p.role), ("initials", "initials", p.initials), ("", "group", p.group),
                             ("", "status", p.status?.rawValue), ("", "arrived", p.arrived.map { "arrived " + $0 }),
                             ("", "left", p.left.map { "left " + $0 }), ("", "substitute for", p.substituteFor.map { "for " + $0 })],
                titleField: "name", inline: true)
        }
        s += section("attendees", "Attendees", m.attendees.count,
                     m.attendees.enumerated().map { person($1, RecordPath.list(.attendees, $0).description) }.joined())
        s += section("apologies", "Apologies", m.apologies.count,
                     m.apologies.enumerated().map { person($1, RecordPath.list(.apologies, $0).description) }.joined())

        func items(_ its: [Item], _ list: RecordPath.List, _ prefix: [Int]) -> String {
            its.enumerated().map { i, it in
                let id = RecordPath(.list(list, prefix + [i])).description
                var body = ""
                if !it.text.isEmpty { body += "<p class=\"text\">\(esc(clip(it.text, 400)))</p>" }
                if !it.decisions.isEmpty { body += "<ul class=\"dec\">" + it.decisions.map { "<li>\(esc($0))</li>" }.joined() + "</ul>" }
                let children = it.children.isEmpty ? "" : "<div class=\"children\">" + items(it.children, list, prefix + [i]) + "</div>"
                return row(id, [it.number, it.title].compactMap { $0 }.joined(separator: " ").nilIfEmpty ?? "Item",
                           [("number", "number", it.number), ("title", "title", it.title)], body: body) + children
            }.joined()
        }
        if !m.agenda.isEmpty { s += section("agenda", "Agenda", m.agenda.count, items(m.agenda, .agenda, [])) }
        s += section("items", "Items", ReviewPage.countItems(m.items), items(m.items, .items, []))

        s += section("actions", "Actions", m.actions.count, m.actions.enumerated().map { i, a in
            let owners = zip(a.owners, a.ownerNames + Array(repeating: nil, count: max(0, a.owners.count - a.ownerNames.count)))
                .map { o, n in n.map { $0 == o ? o : "\(o) → \($0)" } ?? "\(o) → ?" }.joined(separator: "; ")
            let due = a.due.map { d in a.dueText.map { $0 == d ? d : "\(d) (‘\($0)’)" } ?? d } ?? a.dueText.map { "‘\($0)’ (not a date)" }
            return row(RecordPath.list(.actions, i).description, "Action \(a.ref ?? String(i + 1))",
                       [("description", "action", a.description), ("owners", "owners", owners.nilIfEmpty), ("due", "due", due),
                        ("status", "status", a.status), ("ref", "ref", a.ref), ("item", "item", a.item)])
        }.joined())

        s += section("motions", "Motions", m.motions.count, m.motions.enumerated().map { i, x in
            let votes = [x.votesFor.map { "for \($0)" }, x.votesAgainst.map { "against \($0)" }, x.abstentions.map { "abstain \($0)" },
                         x.unanimous == true ? "unanimous" : nil].compactMap { $0 }.joined(separator: ", ")
            return row(RecordPath.list(.motions, i).description, "Motion \(i + 1)",
                       [("text", "motion", x.text), ("mover", "mover", x.mover.map { o in x.moverName.map { $0 == o ? o : "\(o) → \($0)" } ?? o }),
                        ("seconder", "seconder", x.seconder), ("result", "result", x.result?.rawValue), ("", "votes", votes.nilIfEmpty),
                        ("item", "item", x.item)])
        }.joined())

        s += section("decisions", "Decisions", m.decisions.count, m.decisions.enumerated().map { i, d in
            row(RecordPath.list(.decisions, i).description, "Decision \(i + 1)",
                [("text", "decision", d.text), ("item", "item", d.item), ("", "motion", d.motion.map { "Motion \($0 + 1)" })])
        }.joined())

        if let n = m.nextMeeting {
            s += "<section id=\"s-next\"><h2>Next meeting</h2>\n" + row("nextMeeting", "Next meeting",
                [("date", "date", n.date), ("startTime", "starts", n.startTime), ("venue", "venue", n.venue), ("", "as printed", n.text)]) + "</section>\n"
        }
        return s
    }

    static func clip(_ s: String, _ n: Int = 90) -> String {
        let one = s.split(whereSeparator: \.isNewline).joined(separator: " ")
        return one.count > n ? String(one.prefix(n - 1)) + "…" : one
    }

    static func esc(_ s: String) -> String { ReviewPage.esc(s) }
}

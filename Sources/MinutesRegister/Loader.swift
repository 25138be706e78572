import Foundation
import GRDB
import MinutesModel

typealias SQLValue = (any DatabaseValueConvertible)?

extension Database {
    /// Runs a cached statement and returns the row id it inserted.
    @discardableResult
    func run(_ sql: String, _ values: [SQLValue] = []) throws -> Int64 {
        try cachedStatement(sql: sql).execute(arguments: StatementArguments(values))
        return lastInsertedRowID
    }
}

/// Writes the rows one document gives: its file, meeting, people as printed, items, actions,
/// motions, votes, decisions and search text. Who each person is and which thread each
/// action belongs to are worked out afterwards, per body (`BodyRebuild`).
enum Loader {
    /// How an incoming document relates to what the register holds (docs/register.md,
    /// "Loading"): the same JSON bytes are already loaded; or it is a new conversion of a
    /// document already loaded (the same source PDF by its SHA-256; the same JSON path
    /// converted from the same PDF name; or the same PDF name, body and date), whose rows it
    /// replaces; or it is new. A second file of a loaded document whose own file is still
    /// there as loaded (two copies of one PDF converted side by side) is a duplicate: kept
    /// out, so loading a folder twice gives the same register whatever it holds.
    enum Match {
        case unchanged(meetingID: Int64)
        case replaces(sourceFileID: Int64, why: String)
        case duplicate(of: String)
        case new
    }

    static func match(_ db: Database, minutes: Minutes, path: String, sha256: String, bodyKey: String) throws -> Match {
        if let row = try Row.fetchOne(db, sql: """
            SELECT m.id FROM source_files f JOIN meetings m ON m.source_file_id = f.id WHERE f.sha256 = ?
            """, arguments: [sha256]) {
            return .unchanged(meetingID: row[0])
        }
        var candidates: [(Row?, String)] = []
        candidates.append((try Row.fetchOne(db, sql: "SELECT id, path, sha256 FROM source_files WHERE source_sha256 = ? ORDER BY id LIMIT 1",
                                            arguments: [minutes.source.sha256]),
                           "the same source document (SHA-256 \(minutes.source.sha256.prefix(12))…) converted again"))
        candidates.append((try Row.fetchOne(db, sql: "SELECT id, path, sha256 FROM source_files WHERE path = ? AND source_file = ? ORDER BY id LIMIT 1",
                                            arguments: [path, minutes.source.file]),
                           "\(path) converted again from \(minutes.source.file)"))
        if let date = minutes.meeting.date {
            candidates.append((try Row.fetchOne(db, sql: """
                SELECT f.id, f.path, f.sha256 FROM source_files f JOIN meetings m ON m.source_file_id = f.id
                WHERE f.source_file = ? AND m.own_body_key = ? AND m.date = ? ORDER BY f.id LIMIT 1
                """, arguments: [minutes.source.file, bodyKey, date]),
                "\(minutes.source.file) of the same body and date, published again"))
        }
        for case let (row?, why) in candidates {
            let oldPath: String = row[1]
            if oldPath != path, let data = FileManager.default.contents(atPath: oldPath), SHA256.hex(data) == row[2] as String {
                return .duplicate(of: oldPath)
            }
            return .replaces(sourceFileID: row[0], why: why)
        }
        return .new
    }

    /// Inserts the document's rows; returns the meeting's id.
    static func insert(_ db: Database, minutes m: Minutes, path: String, sha256: String, body: BodyName) throws -> Int64 {
        let s = m.source
        let fileID = try db.run("""
            INSERT INTO source_files (path, sha256, source_file, source_sha256, pages, method, ocr_confidence, producer, diagnostics)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [path, sha256, s.file, s.sha256, s.pages, s.method.rawValue, s.ocrConfidence, s.producer, m.diagnostics.count])
        let (sortDate, dateBasis) = sortDate(m)
        let meetingID = try db.run("""
            INSERT INTO meetings (source_file_id, own_body_key, own_body_name, own_body_basis, title, organisation, date,
              sort_date, date_basis, start_time, end_time, venue, chair, next_date, next_text, is_action_log)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [fileID, body.key, body.display, body.basis, m.meeting.title, m.meeting.organisation, m.meeting.date,
                  sortDate, dateBasis, m.meeting.startTime, m.meeting.endTime, m.meeting.venue, m.meeting.chair,
                  m.nextMeeting?.date, m.nextMeeting?.text, isActionLog(m)])

        for (list, people) in [("attendees", m.attendees), ("apologies", m.apologies)] {
            for (i, p) in people.enumerated() {
                let interests = p.interests.isEmpty ? nil : p.interests.map { i in
                    [i.item.map { "item \($0)" }, i.kind, i.text].compactMap { $0 }.joined(separator: ": ")
                }.joined(separator: "; ")
                try db.run("""
                    INSERT INTO attendance (meeting_id, ord, list, name, role, initials, grp, status, arrived, left_at,
                      substitute_for, interests, page)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, [meetingID, i, list, p.name, p.role, p.initials, p.group,
                          p.status?.rawValue ?? (list == "apologies" ? "apologies" : nil), p.arrived, p.left,
                          p.substituteFor, interests, p.page])
            }
        }

        var order = 0
        var mattersArising = Set<String>()
        func insertItems(_ items: [Item], list: String, parent: Int64?, inherited: Bool) throws {
            for item in items {
                let ma = inherited || isMattersArising(item)
                if ma, list == "minutes", let n = item.number { mattersArising.insert(n) }
                order += 1
                let id = try db.run("""
                    INSERT INTO items (meeting_id, parent_id, ord, list, number, title, text, page, matters_arising)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, [meetingID, parent, order, list, item.number, item.title, item.text, item.page, ma])
                if list == "minutes" {
                    let text = [item.title, item.text].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n")
                    if !text.isEmpty { try search(db, meetingID, "item", id, item.page, text) }
                }
                try insertItems(item.children, list: list, parent: id, inherited: ma)
            }
        }
        try insertItems(m.agenda, list: "agenda", parent: nil, inherited: false)
        try insertItems(m.items, list: "minutes", parent: nil, inherited: false)

        for (i, a) in m.actions.enumerated() {
            let ma = a.item.map { n in mattersArising.contains { n == $0 || n.hasPrefix($0 + ".") } } ?? false
            let id = try db.run("""
                INSERT INTO actions (meeting_id, ord, ref, item, description, owners, due, due_text, status, page, matters_arising)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [meetingID, i, a.ref ?? a.setOn, a.item, a.description, a.owners.joined(separator: "; "), a.due, a.dueText,
                      a.status, a.page, ma])
            for (j, owner) in a.owners.enumerated() {
                let resolved = j < a.ownerNames.count ? a.ownerNames[j] : nil
                try db.run("INSERT INTO action_owners (action_id, ord, owner, owner_name) VALUES (?, ?, ?, ?)",
                           [id, j, owner, resolved])
            }
            let text = ([a.description] + a.owners).joined(separator: " — ")
            try search(db, meetingID, "action", id, a.page, text)
        }

        var motionIDs: [Int64] = []
        for (i, mo) in m.motions.enumerated() {
            let id = try db.run("""
                INSERT INTO motions (meeting_id, ord, item, text, mover, seconder, mover_name, seconder_name, result,
                  votes_for, votes_against, abstentions, unanimous, page)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [meetingID, i, mo.item, mo.text, mo.mover, mo.seconder, mo.moverName, mo.seconderName,
                      mo.result?.rawValue, mo.votesFor, mo.votesAgainst, mo.abstentions, mo.unanimous, mo.page])
            motionIDs.append(id)
            for (j, v) in mo.votes.enumerated() {
                try db.run("INSERT INTO votes (motion_id, ord, name, vote) VALUES (?, ?, ?, ?)", [id, j, v.name, v.vote.rawValue])
            }
        }

        // Decisions: the document's own list (linked to motions), then any an item gives
        // that the list does not already have.
        var seen = Set<String>()
        var ord = 0
        for d in m.decisions {
            let motion = d.motion.flatMap { $0 >= 0 && $0 < motionIDs.count ? motionIDs[$0] : nil }
            try insertDecision(db, meetingID, &ord, d.item, d.text, motion, d.page, "decisions")
            seen.insert(Text.words(d.text).joined(separator: " "))
        }
        func itemDecisions(_ items: [Item]) throws {
            for item in items {
                for text in item.decisions where seen.insert(Text.words(text).joined(separator: " ")).inserted {
                    try insertDecision(db, meetingID, &ord, item.number, text, nil, item.page, "item")
                }
                try itemDecisions(item.children)
            }
        }
        try itemDecisions(m.items)
        return meetingID
    }

    private static func insertDecision(_ db: Database, _ meetingID: Int64, _ ord: inout Int, _ item: String?, _ text: String,
                                       _ motion: Int64?, _ page: Int?, _ origin: String) throws {
        let id = try db.run("INSERT INTO decisions (meeting_id, ord, item, text, motion_id, page, origin) VALUES (?, ?, ?, ?, ?, ?, ?)",
                            [meetingID, ord, item, text, motion, page, origin])
        ord += 1
        try search(db, meetingID, "decision", id, page, text)
    }

    private static func search(_ db: Database, _ meetingID: Int64, _ kind: String, _ target: Int64, _ page: Int?,
                               _ text: String) throws {
        try db.run("INSERT INTO search_docs (meeting_id, kind, target_id, page, text) VALUES (?, ?, ?, ?, ?)",
                   [meetingID, kind, target, page, text])
    }

    static func isMattersArising(_ item: Item) -> Bool {
        let heading = Text.words(item.title ?? String(item.text.prefix(80))).joined(separator: " ")
        return Vocabulary.mattersArisingTitles.contains { heading.hasPrefix($0) || (heading.contains(" " + $0) && heading.count < 60) }
    }

    /// An action log: its title says so, or it has actions but no items and most actions'
    /// refs are dates (the "meeting date" column of a log).
    static func isActionLog(_ m: Minutes) -> Bool {
        let title = Text.words(m.meeting.title ?? "").joined(separator: " ")
        if ["action log", "action tracker", "action list", "actions log", "action register"].contains(where: title.contains) { return true }
        let dated = m.actions.filter { Dates.parseNumeric($0.setOn ?? $0.ref ?? "") != nil }.count
        return m.items.isEmpty && !m.actions.isEmpty && dated * 2 > m.actions.count
    }

    /// The date a meeting sorts by within its body, and where it came from: the meeting's
    /// date; for an undated action log, the latest date its open rows cite as the meeting
    /// that set them (the log was drawn up after it; completed rows are left out because
    /// logs keep them with the dates they were copied with); a date in the file name.
    static func sortDate(_ m: Minutes) -> (String?, String) {
        if let d = m.meeting.date, d.count == 10 { return (d, "meeting date") }
        if isActionLog(m) {
            let open = m.actions.filter { ThreadStatus.closing(in: $0.status) == nil }
            let cited = (open.isEmpty ? m.actions : open).compactMap { Dates.parseNumeric($0.setOn ?? $0.ref ?? "") }
            if let latest = cited.max() { return (latest, "latest date its open rows cite") }
        }
        if let d = Dates.inFileName(m.source.file) { return (d, "file name") }
        return (nil, "none")
    }
}

import Foundation
import GRDB

/// What is worked out across meetings, rebuilt for a body from its rows whenever one of its
/// meetings is added or replaced: which body each meeting belongs to, who each printed name
/// is, and the action threads. Rebuilding from the rows (rather than patching) makes the
/// result the same whatever order the files were loaded in.
enum BodyRebuild {
    /// Puts every meeting in its body (its own key, or the key that key is an alias of);
    /// returns the bodies whose meetings changed.
    static func assignBodies(_ db: Database) throws -> Set<Int64> {
        var names: [String: BodyName] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT own_body_key, own_body_name, own_body_basis FROM meetings
            ORDER BY own_body_key, sort_date IS NULL, sort_date, own_body_name
            """) {
            let key: String = row[0]
            guard names[key] == nil else { continue }
            let parts = key.components(separatedBy: " | ")
            func words(_ i: Int) -> [String] { i < parts.count ? parts[i].split(separator: " ").map(String.init) : [] }
            names[key] = BodyName(organisation: words(0), title: words(1), basis: row[2], display: row[1])
        }
        let (aliases, ambiguous) = BodyAliases.resolve(names)
        var notes: [String: [String]] = [:]
        for (key, alias) in aliases.sorted(by: { $0.key < $1.key }) {
            notes[alias.target, default: []].append("also '\(names[key]?.display ?? key)': \(alias.reason)")
        }
        var touched = Set<Int64>()
        var idByKey: [String: Int64] = [:]
        for key in names.keys.sorted() {
            let target = aliases[key]?.target ?? key
            guard let name = names[target] else { continue }
            if idByKey[target] == nil {
                try db.run("""
                    INSERT INTO bodies (key, name, basis, note) VALUES (?, ?, ?, ?)
                    ON CONFLICT(key) DO UPDATE SET name = excluded.name, basis = excluded.basis, note = excluded.note
                    """, [target, name.display, name.basis, notes[target]?.joined(separator: "; ")])
                idByKey[target] = try Int64.fetchOne(db, sql: "SELECT id FROM bodies WHERE key = ?", arguments: [target])
            }
            guard let bodyID = idByKey[target] else { continue }
            let moving = try Int64?.fetchAll(db, sql: """
                SELECT DISTINCT body_id FROM meetings WHERE own_body_key = ? AND (body_id IS NULL OR body_id <> ?)
                """, arguments: [key, bodyID])
            if !moving.isEmpty {
                touched.insert(bodyID)
                for old in moving { if let old { touched.insert(old) } }
                try db.run("UPDATE meetings SET body_id = ? WHERE own_body_key = ? AND (body_id IS NULL OR body_id <> ?)",
                           [bodyID, key, bodyID])
            }
        }
        try db.run("DELETE FROM bodies WHERE id NOT IN (SELECT body_id FROM meetings WHERE body_id IS NOT NULL)")
        try db.run("DELETE FROM ambiguities WHERE kind = 'body'")
        for (key, candidates) in ambiguous.sorted(by: { $0.key < $1.key }) {
            let shown = candidates.map { names[$0]?.display ?? $0 }
            try db.run("""
                INSERT INTO ambiguities (body_id, meeting_id, kind, mention, candidates, context)
                VALUES ((SELECT id FROM bodies WHERE key = ?), NULL, 'body', ?, ?, ?)
                """, [key, names[key]?.display ?? key, shown.joined(separator: "; "),
                      "meetings named '\(names[key]?.display ?? key)' could belong to any of these bodies; kept apart"])
        }
        return touched
    }

    /// Who the people of a body are, and its action threads.
    static func rebuild(_ db: Database, bodyID: Int64) throws {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM bodies WHERE id = ?)", arguments: [bodyID]) == true else { return }
        let ownerKeys = try resolvePeople(db, bodyID: bodyID)
        try buildThreads(db, bodyID: bodyID, ownerKeys: ownerKeys)
    }

    /// People, then no one left without a mention.
    static func collectGarbage(_ db: Database) throws {
        try db.run("""
            DELETE FROM people WHERE id NOT IN (
              SELECT person_id FROM attendance WHERE person_id IS NOT NULL
              UNION SELECT person_id FROM action_owners WHERE person_id IS NOT NULL
              UNION SELECT mover_id FROM motions WHERE mover_id IS NOT NULL
              UNION SELECT seconder_id FROM motions WHERE seconder_id IS NOT NULL
              UNION SELECT person_id FROM votes WHERE person_id IS NOT NULL)
            """)
    }

    // MARK: People

    private struct Mention {
        var table: String
        var column: String
        var matchColumn: String
        var id: Int64
        var meetingID: Int64
        var printed: String
        /// The name the pipeline resolved the printed text to on the page (an owner's initials).
        var resolved: String?
    }

    /// Links every printed name of the body to a person where the rule allows; returns each
    /// action owner's key for thread matching (person key, else the printed text folded).
    private static func resolvePeople(_ db: Database, bodyID: Int64) throws -> [Int64: [String]] {
        var mentions: [Mention] = []
        var people = BodyPeople()
        // The same few names are printed at every meeting: read each once.
        var parsed: [String: PersonName] = [:]
        func parse(_ s: String) -> PersonName {
            if let p = parsed[s] { return p }
            let p = PersonName.parse(s)
            parsed[s] = p
            return p
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT a.id, a.meeting_id, a.name, a.initials FROM attendance a JOIN meetings m ON m.id = a.meeting_id
            WHERE m.body_id = ? ORDER BY m.sort_date IS NULL, m.sort_date, a.meeting_id, a.ord
            """, arguments: [bodyID]) {
            let name: String = row[2]
            people.add(parse(name), printedInitials: row[3])
            mentions.append(Mention(table: "attendance", column: "person_id", matchColumn: "match", id: row[0], meetingID: row[1], printed: name))
        }
        var ownersByAction: [Int64: [(Int64, String)]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT o.id, a.meeting_id, o.owner, o.owner_name, o.action_id FROM action_owners o
            JOIN actions a ON a.id = o.action_id JOIN meetings m ON m.id = a.meeting_id
            WHERE m.body_id = ? ORDER BY a.id, o.ord
            """, arguments: [bodyID]) {
            let resolved: String? = row[3]
            if let resolved { people.add(parse(resolved), printedInitials: nil) }
            people.add(parse(row[2]), printedInitials: nil)
            mentions.append(Mention(table: "action_owners", column: "person_id", matchColumn: "match", id: row[0], meetingID: row[1],
                                    printed: row[2], resolved: resolved))
            ownersByAction[row[4], default: []].append((row[0], row[2]))
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT mo.id, mo.meeting_id, mo.mover, mo.mover_name, mo.seconder, mo.seconder_name FROM motions mo
            JOIN meetings m ON m.id = mo.meeting_id WHERE m.body_id = ? ORDER BY mo.id
            """, arguments: [bodyID]) {
            for (col, printedAt, resolvedAt) in [("mover", 2, 3), ("seconder", 4, 5)] {
                guard let printed: String = row[printedAt] else { continue }
                let resolved: String? = row[resolvedAt]
                if let resolved { people.add(parse(resolved), printedInitials: nil) }
                people.add(parse(printed), printedInitials: nil)
                mentions.append(Mention(table: "motions", column: col + "_id", matchColumn: col + "_match", id: row[0],
                                        meetingID: row[1], printed: printed, resolved: resolved))
            }
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT v.id, mo.meeting_id, v.name FROM votes v JOIN motions mo ON mo.id = v.motion_id
            JOIN meetings m ON m.id = mo.meeting_id WHERE m.body_id = ? ORDER BY v.id
            """, arguments: [bodyID]) {
            people.add(parse(row[2]), printedInitials: nil)
            mentions.append(Mention(table: "votes", column: "person_id", matchColumn: "match", id: row[0], meetingID: row[1], printed: row[2]))
        }

        try db.run("DELETE FROM ambiguities WHERE body_id = ? AND kind = 'person'", [bodyID])
        var idByKey: [String: Int64] = [:]
        var keyByOwnerRow: [Int64: String] = [:]
        for mention in mentions {
            let printed = parse(mention.printed)
            var resolution = people.resolve(printed, bodyID: bodyID)
            if let r = mention.resolved, case .person(let key, let display, _) = people.resolve(parse(r), bodyID: bodyID),
               parse(r).globalKey != nil, BodyPeople.fits(printed, parse(r)) {
                resolution = .person(key: key, display: display, reason: "resolved on the page to the attendee \(r)")
            }
            var personID: Int64?
            var why: String?
            switch resolution {
            case .person(let key, let display, let reason):
                if idByKey[key] == nil {
                    let scoped: Int64? = key.hasPrefix("body ") ? bodyID : nil
                    try db.run("INSERT INTO people (key, name, body_id) VALUES (?, ?, ?) ON CONFLICT(key) DO NOTHING",
                               [key, display, scoped])
                    idByKey[key] = try Int64.fetchOne(db, sql: "SELECT id FROM people WHERE key = ?", arguments: [key])
                }
                personID = idByKey[key]
                why = reason
                if mention.table == "action_owners" { keyByOwnerRow[mention.id] = key }
            case .ambiguous(let candidates):
                why = "ambiguous: could be \(candidates.joined(separator: " or "))"
                try db.run("""
                    INSERT INTO ambiguities (body_id, meeting_id, kind, mention, candidates, context) VALUES (?, ?, 'person', ?, ?, ?)
                    """, [bodyID, mention.meetingID, mention.printed, candidates.joined(separator: "; "),
                          "\(mention.table == "attendance" ? "attendee" : mention.table == "action_owners" ? "action owner" : mention.column == "mover_id" ? "mover" : mention.column == "seconder_id" ? "seconder" : "vote") '\(mention.printed)'"])
            case .none:
                break
            }
            try db.run("UPDATE \(mention.table) SET \(mention.column) = ?, \(mention.matchColumn) = ? WHERE id = ?",
                       [personID, why, mention.id])
        }
        var out: [Int64: [String]] = [:]
        for (action, owners) in ownersByAction {
            out[action] = owners.map { keyByOwnerRow[$0.0] ?? Text.words($0.1).joined(separator: " ") }
        }
        return out
    }

    // MARK: Threads

    private static func buildThreads(_ db: Database, bodyID: Int64, ownerKeys: [Int64: [String]]) throws {
        let meetingRows = try Row.fetchAll(db, sql: """
            SELECT m.id, m.sort_date FROM meetings m JOIN source_files f ON f.id = m.source_file_id
            WHERE m.body_id = ? ORDER BY m.sort_date IS NULL, m.sort_date, f.source_file, m.id
            """, arguments: [bodyID])
        var meetings: [ThreadBuilder.Meeting] = []
        var index: [Int64: Int] = [:]
        for row in meetingRows {
            index[row[0]] = meetings.count
            meetings.append(ThreadBuilder.Meeting(id: row[0], date: row[1], actions: []))
        }
        var ownerTexts: [Int64: [String]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT o.action_id, o.owner FROM action_owners o JOIN actions a ON a.id = o.action_id
            JOIN meetings m ON m.id = a.meeting_id WHERE m.body_id = ? ORDER BY o.action_id, o.ord
            """, arguments: [bodyID]) {
            ownerTexts[row[0], default: []].append(row[1])
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT a.id, a.meeting_id, a.ref, a.description, a.due, a.status, a.page, a.matters_arising
            FROM actions a JOIN meetings m ON m.id = a.meeting_id WHERE m.body_id = ? ORDER BY a.meeting_id, a.ord
            """, arguments: [bodyID]) {
            guard let i = index[row[1]] else { continue }
            let id: Int64 = row[0]
            meetings[i].actions.append(ThreadBuilder.Action(
                id: id, ref: row[2], description: row[3], owners: ownerKeys[id] ?? [], ownerTexts: ownerTexts[id] ?? [],
                due: row[4], status: row[5], page: row[6], underMattersArising: row[7]))
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT i.id, i.meeting_id, i.title, i.text, i.page, i.parent_id IS NULL FROM items i JOIN meetings m ON m.id = i.meeting_id
            WHERE m.body_id = ? AND i.matters_arising = 1 AND i.list = 'minutes' ORDER BY i.meeting_id, i.ord
            """, arguments: [bodyID]) {
            guard let i = index[row[1]] else { continue }
            let top: Bool = row[5]
            // A sub-item's title is part of what it says ("3.2 Play area fence: quotes …");
            // the top item's title is the heading "Matters arising".
            let title: String? = top ? nil : row[2]
            for text in paragraphs(title: title, text: row[3]) {
                meetings[i].points.append(ThreadBuilder.Point(itemID: row[0], text: text, page: row[4]))
            }
        }

        let result = ThreadBuilder.build(meetings)
        try db.run("DELETE FROM action_threads WHERE body_id = ?", [bodyID])
        for t in result.threads {
            try db.run("""
                INSERT INTO action_threads (id, body_id, first_meeting_id, last_meeting_id, origin_date, ref, description, owners,
                  owner_action_id, due, due_end, status, status_meeting_id, updates)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [t.id, bodyID, t.firstMeetingID, t.lastMeetingID, t.originDate, t.ref, t.description,
                      t.ownerTexts.joined(separator: "; "), t.ownerActionID, t.due, Dates.dueEnd(t.due), t.status.rawValue,
                      t.statusMeetingID, t.updates])
        }
        var seq: [Int64: Int] = [:]
        for u in result.updates {
            let n = seq[u.threadID, default: 0]
            seq[u.threadID] = n + 1
            try db.run("""
                INSERT INTO action_updates (thread_id, meeting_id, action_id, item_id, seq, kind, status, status_changed,
                  status_text, note, page, rule, score, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [u.threadID, u.meetingID, u.actionID, u.itemID, n, u.kind.rawValue, u.status.rawValue, u.statusChanged,
                      u.statusText, u.note, u.page, u.rule.rawValue, u.score.map { ($0 * 1000).rounded() / 1000 }, u.reason])
            if let a = u.actionID {
                try db.run("UPDATE actions SET thread_id = ?, role = ? WHERE id = ?",
                           [u.threadID, u.kind == .set ? "new" : "update", a])
            }
        }
    }

    /// A matters-arising text as the paragraphs that each report on one action: lines, then
    /// sentences; a sentence of one or two words ("Complete.") stays with the one before.
    static func paragraphs(title: String?, text: String) -> [String] {
        var out: [String] = []
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for (n, line) in lines.enumerated() {
            var sentences: [String] = []
            var current = ""
            let chars = Array(line)
            for (i, ch) in chars.enumerated() {
                current.append(ch)
                // A stop before a space ends a sentence; "data.gov.uk" and "e.g." do not.
                if ".;!?".contains(ch), i + 1 == chars.count || chars[i + 1] == " " {
                    sentences.append(current.trimmingCharacters(in: .whitespaces))
                    current = ""
                }
            }
            if !current.trimmingCharacters(in: .whitespaces).isEmpty { sentences.append(current.trimmingCharacters(in: .whitespaces)) }
            for s in sentences {
                if let last = out.last, Text.contentWords(s).count <= 2 {
                    out[out.count - 1] = last + " " + s
                } else {
                    out.append(n == 0 && out.isEmpty ? [title, s].compactMap { $0 }.joined(separator: ": ") : s)
                }
            }
        }
        if out.isEmpty, let title, !title.isEmpty { out.append(title) }
        return out
    }
}

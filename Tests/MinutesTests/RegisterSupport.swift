import Foundation
import GRDB
import MinutesModel
import MinutesRegister
import XCTest

/// Minutes built by hand for register tests, and ways to look inside a register.
enum RegisterFixtures {
    static func person(_ name: String, initials: String? = nil, role: String? = nil) -> Person {
        Person(name: name, role: role, initials: initials)
    }

    static func action(_ ref: String?, _ description: String, owners: [String], names: [String?]? = nil, item: String? = nil,
                       due: String? = nil, status: String? = nil, page: Int = 1) -> Action {
        Action(ref: ref, item: item, description: description, owners: owners,
               ownerNames: names ?? owners.map { _ in nil }, due: due, status: status, page: page)
    }

    static func minutes(file: String, organisation: String? = "Milford Parish Council", title: String? = "Parish Council Meeting",
                        date: String?, attendees: [Person] = [], apologies: [Person] = [], items: [Item] = [],
                        actions: [Action] = [], motions: [Motion] = [], decisions: [Decision] = []) -> Minutes {
        // The source's hash stands for the PDF's: one per file name.
        let sha = SHA256.hex(Data(file.utf8))
        return Minutes(source: Source(file: file, sha256: sha, pages: 3, method: .text),
                       meeting: Meeting(title: title, organisation: organisation, date: date),
                       attendees: attendees, apologies: apologies, items: items, actions: actions, motions: motions,
                       decisions: decisions)
    }

    static let councillors = [
        person("Cllr John Smith", initials: "JS", role: "Chair"), person("Cllr Anne Parker", initials: "AP"),
        person("Mary Brown", initials: "MB"), person("Peter Green", role: "Clerk"),
    ]

    /// One parish council over four meetings: actions set, carried forward, completed under
    /// matters arising, re-worded under the same ref, re-numbered, dropped; people by
    /// initials, surname and title; one ambiguous surname.
    static var milford: [Minutes] {
        let m1 = minutes(
            file: "milford-2024-01-10.pdf", date: "2024-01-10", attendees: councillors,
            apologies: [person("Cllr David Jones")],
            items: [Item(number: "5", title: "Budget", text: "The precept for 2024/25 was discussed at length.",
                         decisions: ["The budget for 2024/25 was approved."])],
            actions: [
                action("A1", "Write to Highways about the pothole on Mill Lane", owners: ["JS"], names: ["John Smith"], due: "2024-02-01"),
                action("A2", "Obtain three quotes for the play area fence", owners: ["Clerk"], due: "2024-03-01"),
                action("A3", "Provide a breakdown of PCSOs by district", owners: ["AP"], due: "2024-02-15"),
                action("A4", "Book the village hall for the summer fair", owners: ["MB"]),
            ],
            motions: [Motion(item: "5", text: "That the budget be approved", mover: "Cllr J Smith", seconder: "Cllr Parker",
                             result: .carried, page: 2)],
            decisions: [Decision(item: "5", text: "The budget for 2024/25 was approved.", motion: 0, page: 2)])
        let m2 = minutes(
            file: "milford-2024-02-14.pdf", date: "2024-02-14", attendees: councillors.filter { $0.name != "Mary Brown" },
            apologies: [person("Mary Brown")],
            items: [Item(number: "1", title: "Apologies", text: "Mary Brown."),
                    Item(number: "2", title: "Matters arising",
                         text: "A1 Mill Lane pothole: JS reported that the letter to Highways had been sent. Complete.")],
            actions: [
                action("A2", "Obtain three quotes for the play area fence", owners: ["Clerk"], status: "Ongoing"),
                action("A3", "Breakdown of PCSO numbers per district to be circulated", owners: ["AP"], status: "In progress"),
                action("A4", "Book the village hall for the summer fair", owners: ["MB"], status: "Complete"),
                action("A5", "Renew the council's insurance policy before April", owners: ["Clerk"], due: "2024-03-31"),
            ])
        let m3 = minutes(
            file: "milford-2024-03-13.pdf", date: "2024-03-13", attendees: councillors,
            actions: [
                action("1", "Obtain 3 quotes for play area fencing", owners: ["Clerk"], status: "Carried forward"),
                action("2", "Circulate the breakdown of PCSOs by district", owners: ["AP"], status: "Done"),
                action("3", "Renew the insurance policy before April", owners: ["Clerk"]),
                action("4", "Report the broken streetlight on Church Road", owners: ["JS"]),
            ])
        let m4 = minutes(
            file: "milford-2024-04-10.pdf", date: "2024-04-10", attendees: councillors + [person("Cllr Sarah Smith")],
            items: [Item(number: "2", title: "Matters arising", text: "",
                         children: [Item(number: "2.1", title: "Insurance",
                                         text: "The Clerk confirmed the insurance policy has been renewed; complete.")])],
            actions: [
                action("1", "Report the broken streetlight on Church Road", owners: ["JS"], status: "Complete"),
                action("2", "Play area fence quotes", owners: ["Clerk"], status: "No longer required"),
                action("3", "Arrange the annual parish meeting", owners: ["Cllr Parker"], due: "2024-04"),
            ],
            motions: [Motion(item: "4", text: "That the annual parish meeting be held on 20 May", mover: "Cllr Smith",
                             seconder: "Mary Brown", result: .carried, page: 1)])
        return [m1, m2, m3, m4]
    }

    /// A new register's path in a folder of its own, removed with the test's other folders.
    static func tempDB(_ name: String = #function) throws -> URL {
        let dir = try CLI.tempDir(name)
        TempFolders.shared.add(dir)
        return dir.appendingPathComponent("register.sqlite")
    }

    /// Every row of every table (FTS index tables included), in row order: two registers
    /// with the same snapshot hold the same content.
    static func snapshot(_ path: URL) throws -> [String: [[String]]] {
        let q = try queue(path)
        return try q.read { db in
            var out: [String: [[String]]] = [:]
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'
                """)
            for t in tables {
                // Some FTS tables have no rowid: rows sorted as text instead.
                out[t] = try Row.fetchAll(db, sql: "SELECT * FROM \"\(t)\"").map { row in
                    (0..<row.count).map { (row[$0] as DatabaseValue).description }
                }.sorted { $0.joined(separator: "\u{1}") < $1.joined(separator: "\u{1}") }
            }
            return out
        }
    }

    /// A connection that waits for a writer (`watch --db`) rather than failing.
    static func queue(_ path: URL) throws -> DatabaseQueue {
        var config = Configuration()
        config.busyMode = .timeout(10)
        return try DatabaseQueue(path: path.path, configuration: config)
    }

    static func rows(_ path: URL, _ sql: String, _ args: StatementArguments = []) throws -> [Row] {
        try queue(path).read { try Row.fetchAll($0, sql: sql, arguments: args) }
    }

    /// A thread's history: (meeting date, status, whether it changed there, rule), in order.
    static func history(_ path: URL, threadOf description: String) throws -> [(String, String, Bool, String)] {
        try rows(path, """
            SELECT m.date, u.status, u.status_changed, u.rule FROM action_updates u JOIN meetings m ON m.id = u.meeting_id
            WHERE u.thread_id = (SELECT thread_id FROM actions WHERE description = ? LIMIT 1) ORDER BY u.seq
            """, [description]).map { ($0[0], $0[1], $0[2], $0[3]) }
    }
}

/// Folders tests made, removed in their tearDown.
final class TempFolders: @unchecked Sendable {
    static let shared = TempFolders()
    private let lock = NSLock()
    private var folders: [URL] = []

    func add(_ url: URL) {
        lock.lock()
        folders.append(url)
        lock.unlock()
    }

    func removeAll() {
        lock.lock()
        let all = folders
        folders = []
        lock.unlock()
        for f in all { try? FileManager.default.removeItem(at: f) }
    }
}

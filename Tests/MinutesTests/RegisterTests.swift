import Foundation
import GRDB
import MinutesModel
@testable import MinutesRegister
import XCTest

/// The register built from minutes made by hand: every thread and status of one body over
/// four meetings, people across meetings, queries, loading again and replacing.
final class RegisterTests: XCTestCase {
    typealias F = RegisterFixtures

    override func tearDown() { TempFolders.shared.removeAll() }

    func load(_ minutes: [Minutes], into db: URL) throws -> Register {
        let register = try Register(path: db.path)
        for m in minutes { try register.load(m, path: "/out/" + m.source.file.replacingOccurrences(of: ".pdf", with: ".json")) }
        return register
    }

    func testFourMeetingsThreadEveryActionWithItsStatusOverTime() throws {
        let db = try F.tempDB()
        _ = try load(F.milford, into: db)

        XCTAssertEqual(try F.rows(db, "SELECT COUNT(*) FROM bodies").first?[0], 1)
        XCTAssertEqual(try F.rows(db, "SELECT COUNT(*) FROM meetings").first?[0], 4)
        // A1–A5, the streetlight and the parish meeting: seven actions, however often printed.
        XCTAssertEqual(try F.rows(db, "SELECT COUNT(*) FROM action_threads").first?[0], 7)
        XCTAssertEqual(try F.rows(db, "SELECT COUNT(*) FROM actions WHERE role = 'new'").first?[0], 7)
        XCTAssertEqual(try F.rows(db, "SELECT COUNT(*) FROM actions WHERE role = 'update'").first?[0], 8)

        func expect(_ description: String, _ expected: [(String, String, Bool, String)], file: StaticString = #filePath, line: UInt = #line) throws {
            let got = try F.history(db, threadOf: description)
            XCTAssertEqual(got.map { "\($0.0) \($0.1) \($0.2 ? "changed" : "same") \($0.3)" },
                           expected.map { "\($0.0) \($0.1) \($0.2 ? "changed" : "same") \($0.3)" }, description, file: file, line: line)
        }
        // Completed under matters arising, named by its ref.
        try expect("Write to Highways about the pothole on Mill Lane", [
            ("2024-01-10", "open", true, "first"), ("2024-02-14", "done", true, "ref")])
        // Carried forward, then re-numbered ("1") and re-worded, then dropped.
        try expect("Obtain three quotes for the play area fence", [
            ("2024-01-10", "open", true, "first"), ("2024-02-14", "carried forward", true, "ref"),
            ("2024-03-13", "carried forward", false, "owner-description"), ("2024-04-10", "dropped", true, "owner-description")])
        // Re-worded under the same ref, then re-numbered and done.
        try expect("Provide a breakdown of PCSOs by district", [
            ("2024-01-10", "open", true, "first"), ("2024-02-14", "carried forward", true, "ref"),
            ("2024-03-13", "done", true, "owner-description")])
        try expect("Book the village hall for the summer fair", [
            ("2024-01-10", "open", true, "first"), ("2024-02-14", "done", true, "ref")])
        // Set at the second meeting, carried, completed in a matters-arising paragraph.
        try expect("Renew the council's insurance policy before April", [
            ("2024-02-14", "open", true, "first"), ("2024-03-13", "carried forward", true, "owner-description"),
            ("2024-04-10", "done", true, "matters-arising")])
        // Re-numbered from "4" to "1": "1" was the fence's number, but nothing else agrees.
        try expect("Report the broken streetlight on Church Road", [
            ("2024-03-13", "open", true, "first"), ("2024-04-10", "done", true, "owner-description")])
        try expect("Arrange the annual parish meeting", [("2024-04-10", "open", true, "first")])

        // The thread's status now, and the meeting where it was recorded.
        let now = try F.rows(db, """
            SELECT t.status, sm.date, lm.date, t.due FROM action_threads t JOIN meetings sm ON sm.id = t.status_meeting_id
            JOIN meetings lm ON lm.id = t.last_meeting_id WHERE t.id = (SELECT thread_id FROM actions WHERE description = ?)
            """, ["Obtain three quotes for the play area fence"])
        XCTAssertEqual(now.first?[0], "dropped")
        XCTAssertEqual(now.first?[1], "2024-04-10")
        XCTAssertEqual(now.first?[2], "2024-04-10")
        XCTAssertEqual(now.first?[3], "2024-03-01", "the due date the thread was last given")

        // Matters arising recorded as updates with the paragraph as their note.
        let notes = try F.rows(db, "SELECT note FROM action_updates WHERE kind = 'matters-arising' ORDER BY id").map { $0[0] as String? }
        XCTAssertEqual(notes.count, 2)
        XCTAssertTrue(notes.contains { $0?.contains("letter to Highways had been sent. Complete.") == true }, "\(notes)")
        XCTAssertTrue(notes.contains { $0?.hasPrefix("Insurance: The Clerk confirmed") == true }, "\(notes)")
    }

    func testThreadsDoNotDependOnTheOrderFilesAreLoaded() throws {
        let a = try F.tempDB(), b = try F.tempDB()
        _ = try load(F.milford, into: a)
        _ = try load(F.milford.reversed(), into: b)
        let sql = """
            SELECT a.description, t.status, (SELECT date FROM meetings WHERE id = t.status_meeting_id),
              (SELECT group_concat(m.date || ' ' || u.status || ' ' || u.rule, '; ') FROM action_updates u
               JOIN meetings m ON m.id = u.meeting_id WHERE u.thread_id = t.id ORDER BY u.seq)
            FROM action_threads t JOIN actions a ON a.id = t.id ORDER BY a.description
            """
        let inOrder = try F.rows(a, sql).map { $0.description }
        let reversed = try F.rows(b, sql).map { $0.description }
        XCTAssertEqual(inOrder.count, 7)
        XCTAssertEqual(inOrder, reversed)
    }

    func testPeopleAcrossMeetingsByNameInitialsAndSurnameWithAmbiguityReported() throws {
        let db = try F.tempDB()
        let register = try load(F.milford, into: db)

        // "Cllr John Smith" attended all four; "JS" owned two actions; "Cllr J Smith" moved the budget.
        let smith = try register.person("John Smith")
        XCTAssertEqual(smith.count, 1)
        let sections = Dictionary(uniqueKeysWithValues: smith[0].sections.map { ($0.0, $0.1) })
        XCTAssertEqual(sections["Meetings attended"]?.rows.count, 4)
        XCTAssertEqual(sections["Actions owned"]?.column("description").map(\.description).sorted(),
                       ["Report the broken streetlight on Church Road", "Write to Highways about the pothole on Mill Lane"])
        XCTAssertEqual(sections["Motions moved or seconded"]?.column("as").map(\.description), ["moved"])
        // "Cllr Smith" at the fourth meeting could be John or Sarah: reported, linked to neither.
        XCTAssertEqual(sections["Mentions that could be this person or another"]?.rows.count, 1)
        let ambiguous = try F.rows(db, "SELECT mention, candidates FROM ambiguities WHERE kind = 'person'")
        XCTAssertEqual(ambiguous.map { "\($0[0] as String): \($0[1] as String)" }, ["Cllr Smith: John Smith; Sarah Smith"])
        XCTAssertEqual(try F.rows(db, "SELECT mover_id IS NULL FROM motions WHERE mover = 'Cllr Smith'").first?[0], true)

        // "AP", "Cllr Parker" and "Cllr Anne Parker" are one person: actions owned now, and the seconding.
        let parker = try register.person("Parker")
        XCTAssertEqual(parker.map(\.name), ["Anne Parker"])
        let p = Dictionary(uniqueKeysWithValues: parker[0].sections.map { ($0.0, $0.1) })
        XCTAssertEqual(p["Actions owned"]?.column("description").map(\.description).sorted(),
                       ["Arrange the annual parish meeting", "Circulate the breakdown of PCSOs by district"])
        XCTAssertEqual(p["Motions moved or seconded"]?.column("as").map(\.description), ["seconded"])

        // Apologies: David Jones once; Mary Brown at the second meeting, and she attended three.
        let brown = try register.person("Mary Brown")
        let b = Dictionary(uniqueKeysWithValues: brown[0].sections.map { ($0.0, $0.1) })
        XCTAssertEqual(b["Apologies and absences"]?.column("date").map(\.description), ["2024-02-14"])
        XCTAssertEqual(b["Meetings attended"]?.rows.count, 3)
        XCTAssertEqual(try register.person("David Jones").first?.sections[1].1.rows.count, 1)
        // Initials as printed find whom they were linked to.
        XCTAssertEqual(try register.person("AP").map(\.name), ["Anne Parker"])
        XCTAssertEqual(try F.rows(db, "SELECT seconder_match FROM motions WHERE seconder = 'Cllr Parker'").first?[0],
                       "the only parker of this body")
        // The Clerk is a role, not a person.
        XCTAssertTrue(try register.person("Clerk").isEmpty)
        XCTAssertEqual(try F.rows(db, "SELECT COUNT(*) FROM people").first?[0], 6, "Smith, Parker, Brown, Green, Jones, Sarah Smith")
    }

    func testQueriesFilterByOpenOwnerBodyAndOverdue() throws {
        let db = try F.tempDB()
        let register = try load(F.milford, into: db)

        XCTAssertEqual(try register.actions().rows.count, 7)
        XCTAssertEqual(try register.actions(.init(openOnly: true)).column("description").map(\.description),
                       ["Arrange the annual parish meeting"])
        XCTAssertEqual(try register.actions(.init(owner: "Clerk")).column("status").map(\.description).sorted(),
                       ["done", "dropped"])
        XCTAssertEqual(try register.actions(.init(owner: "JS")).rows.count, 2, "initials as printed find the person")
        XCTAssertEqual(try register.actions(.init(body: "milford")).rows.count, 7)
        XCTAssertEqual(try register.actions(.init(body: "Kent")).rows.count, 0)
        // Due in April 2024: not overdue on the 30th, overdue from 1 May.
        XCTAssertEqual(try register.actions(.init(overdueAsOf: "2024-04-30")).rows.count, 0)
        XCTAssertEqual(try register.actions(.init(overdueAsOf: "2024-05-01")).column("description").map(\.description),
                       ["Arrange the annual parish meeting"])

        let hits = try register.search("PCSOs")
        XCTAssertEqual(hits.column("kind").map(\.description), ["action", "action", "action"])
        XCTAssertTrue(hits.column("snippet").allSatisfy { $0.description.lowercased().contains("[pcso") }, "\(hits.rows)")
        XCTAssertEqual(try register.search("budget approved").column("kind").map(\.description), ["decision"],
                       "the decision the item and the list both give is stored once")
        XCTAssertEqual(try register.search("insurance renewed").column("kind").first?.description, "item")
        XCTAssertEqual(try register.search("\"play area\"").rows.count, 4)
    }

    func testLoadingAgainChangesNothingAndAConversionAgainReplacesItsRows() throws {
        let db = try F.tempDB()
        let register = try load(F.milford, into: db)
        let before = try F.snapshot(db)
        for m in F.milford {
            let r = try register.load(m, path: "/out/" + m.source.file.replacingOccurrences(of: ".pdf", with: ".json"))
            XCTAssertEqual(r.outcome, .unchanged)
        }
        XCTAssertEqual(try F.snapshot(db), before)

        // The third meeting converted again (same PDF, better reading): its rows are replaced.
        var m3 = F.milford[2]
        m3.actions[2].description = "Renew the council insurance policy before 1 April"
        let r = try register.load(m3, path: "/out/milford-2024-03-13.json")
        XCTAssertEqual(r.outcome, .replaced)
        XCTAssertEqual(try F.rows(db, "SELECT COUNT(*) FROM meetings").first?[0], 4)
        XCTAssertEqual(try F.rows(db, "SELECT COUNT(*) FROM action_threads").first?[0], 7)
        XCTAssertEqual(try F.rows(db, "SELECT COUNT(*) FROM actions WHERE description = 'Renew the insurance policy before April'").first?[0], 0)
        XCTAssertEqual(try F.history(db, threadOf: "Renew the council's insurance policy before April").map(\.1),
                       ["open", "carried forward", "done"])
        XCTAssertEqual(try register.search("insurance").rows.count, 3, "search rows of the old reading are gone")
    }

    func testAFailureMidwayLeavesThePreviousState() throws {
        let dir = try CLI.tempDir()
        TempFolders.shared.add(dir)
        let db = dir.appendingPathComponent("r.sqlite")
        var files: [URL] = []
        for m in F.milford {
            let url = dir.appendingPathComponent(m.source.file.replacingOccurrences(of: ".pdf", with: ".json"))
            try m.jsonData().write(to: url)
            files.append(url)
        }
        let register = try Register(path: db.path)
        _ = try register.load(files: Array(files.prefix(2)))
        let before = try F.snapshot(db)
        struct Stop: Error {}
        XCTAssertThrowsError(try register.load(files: files) { _, i in if i == 2 { throw Stop() } })
        XCTAssertEqual(try F.snapshot(db), before)
        XCTAssertEqual(try register.load(files: files).map { $0.loaded?.outcome }, [.unchanged, .unchanged, .added, .added])
    }

    func testMigrationsAreRecordedAndANewerRegisterIsRefused() throws {
        let db = try F.tempDB()
        _ = try Register(path: db.path)
        XCTAssertEqual(try F.rows(db, "SELECT identifier FROM grdb_migrations").map { $0[0] as String },
                       ["v1: meetings, people, actions, threads, search"])
        _ = try Register(path: db.path)  // opening again applies nothing twice
        try F.queue(db).write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99: from the future')") }
        XCTAssertThrowsError(try Register(path: db.path)) { e in
            XCTAssertTrue("\(e)".contains("made by a newer minutes"), "\(e)")
        }
        let notSQLite = db.deletingLastPathComponent().appendingPathComponent("notes.txt")
        try Data("not a database, just notes\n".utf8).write(to: notSQLite)
        XCTAssertThrowsError(try Register(path: notSQLite.path)) { e in
            XCTAssertTrue("\(e)".hasPrefix("\(notSQLite.path): cannot open the register"), "\(e)")
        }
    }

    func testBodiesFromOrganisationTitleAcronymAndFileName() {
        func key(_ org: String?, _ title: String?, _ file: String = "x.pdf") -> String {
            BodyName.of(Meeting(title: title, organisation: org), sourceFile: file).key
        }
        // The organisation's own meetings, whatever the title calls them.
        XCTAssertEqual(key("Milford Parish Council", "Parish Council Meeting"), key("Milford Parish Council", nil))
        XCTAssertEqual(key("Milford Parish Council", "Minutes of the Ordinary Meeting"), key("MILFORD PARISH COUNCIL", "Annual Meeting"))
        // A committee of the organisation is its own body.
        XCTAssertNotEqual(key("Kent County Council", "Cabinet"), key("Kent County Council", "Corporate Parenting Panel"))
        // Without an organisation: the title, without what names the document.
        XCTAssertEqual(key(nil, "Transparency Board"), key(nil, "Transparency Board Action Log"))
        XCTAssertEqual(key(nil, "Local Public Data Panel – Twenty-second Meeting"), key(nil, "Local Public Data Panel"))
        // Welsh and English names of one council, in either word order.
        XCTAssertEqual(key(nil, "CYNGOR CYMUNED MANORDEILO A SALEM"), key(nil, "MANORDEILO & SALEM COMMUNITY COUNCIL"))
        // A generic title takes the file name's words, so two boards stay apart…
        XCTAssertNotEqual(key(nil, "BOARD MEETING", "slips-board-minutes-2012-09-11.pdf"),
                          key(nil, "Board Meeting", "harbour-trust-minutes-2012-09-11.pdf"))
        // …and one board's open and ordinary meetings stay together.
        XCTAssertEqual(key(nil, "BOARD MEETING", "slips-board-minutes-2012-09-11.pdf"),
                       key(nil, "OPEN BOARD MEETING", "slips-open-board-minutes-2016-01-28.pdf"))
        XCTAssertEqual(BodyName.of(Meeting(), sourceFile: "minutes-2020-01-01.pdf").basis, "none")

        let names = ["odug": BodyName.of(Meeting(title: "ODUG Action Log"), sourceFile: "a.pdf"),
                     "full": BodyName.of(Meeting(title: "Open Data User Group"), sourceFile: "b.pdf"),
                     "tb": BodyName.of(Meeting(title: "Transparency Board"), sourceFile: "c.pdf"),
                     "tb-co": BodyName.of(Meeting(title: "Transparency Board", organisation: "Cabinet Office"), sourceFile: "d.pdf"),
                     "tb-x": BodyName.of(Meeting(title: "Transparency Board", organisation: "Home Office"), sourceFile: "e.pdf")]
        let byKey = Dictionary(uniqueKeysWithValues: names.values.map { ($0.key, $0) })
        let (aliases, ambiguous) = BodyAliases.resolve(byKey)
        XCTAssertEqual(aliases[names["odug"]!.key]?.target, names["full"]!.key, "an acronym joins the name it abbreviates")
        // "Transparency Board" with no organisation fits two organisations' boards: kept apart, reported.
        XCTAssertNil(aliases[names["tb"]!.key])
        XCTAssertEqual(ambiguous[names["tb"]!.key]?.count, 2)
    }

    func testNamesStatusesAndSimilarityRules() {
        XCTAssertEqual(PersonName.parse("Cllr John A. Smith OBE"), .full(first: "john", last: "smith", display: "John A. Smith"))
        XCTAssertEqual(PersonName.parse("Smith, John").globalKey, "john smith")
        XCTAssertEqual(PersonName.parse("J. Smith"), .surname(initial: "j", last: "smith", display: "J. Smith"))
        XCTAssertEqual(PersonName.parse("AHol"), .initials("AHol"))
        for team in ["Cabinet Office Transparency Team", "Companies House", "the Clerk", "Transparency Director", "MoJ", "David Evans/ICO"] {
            XCTAssertEqual(PersonName.parse(team), .notPerson, team)
        }
        XCTAssertEqual(ThreadStatus.closing(in: "Completed – letter sent"), .done)
        XCTAssertEqual(ThreadStatus.closing(in: "Compete"), .done, "a log's typo")
        XCTAssertEqual(ThreadStatus.closing(in: "Not yet complete"), nil)
        XCTAssertEqual(ThreadStatus.closing(in: "No longer required"), .dropped)
        XCTAssertEqual(ThreadStatus.closing(in: "On track"), nil)

        let sim = Similarity()
        let a = Similarity.words("AP to provide breakdown of PCSOs by district", owners: ["AP"])
        let b = Similarity.words("Breakdown of PCSO numbers per district to be circulated")
        XCTAssertEqual(a, ["provid", "breakdown", "pcso", "district"])
        XCTAssertGreaterThan(sim.compare(a, b).score, ThreadBuilder.ownerSimilarity)
        XCTAssertLessThan(sim.compare(a, Similarity.words("Book the village hall")).score, ThreadBuilder.refSimilarity)
        XCTAssertEqual(Dates.parseNumeric("19/05/2011"), "2011-05-19")
        XCTAssertEqual(Dates.parseNumeric("TB7/3"), nil)
        XCTAssertEqual(Dates.dueEnd("2024-02"), "2024-02-29")
        XCTAssertFalse(ActionRef.isDistinctive("2", actionsInMeeting: 4))
        XCTAssertTrue(ActionRef.isDistinctive("A2", actionsInMeeting: 4))
        XCTAssertTrue(ActionRef.isDistinctive("71", actionsInMeeting: 6), "a running number")
    }
}

import Foundation
import MinutesApp
import MinutesModel
import MinutesPipeline
import XCTest

/// The Open Civic Data and Popolo exports, validated against the published schemas
/// (`Fixtures/standards`, draft 3 and 4 semantics), not against files the code wrote.
final class ExportTests: XCTestCase {
    func schemaText(_ name: String, _ dir: String) throws -> String {
        try String(contentsOf: Fixtures.url(name, "json", subdirectory: dir), encoding: .utf8)
    }

    static let popoloNames = ["area", "contact_detail", "count", "event", "group_result", "identifier", "link", "membership",
                              "motion", "organization", "other_name", "person", "post", "speech", "vote", "vote_event"]

    func popolo(_ name: String) throws -> SchemaValidator {
        let others = try Self.popoloNames.map { try schemaText($0, "standards/popolo") }
        return try SchemaValidator(schemaText: schemaText(name, "standards/popolo"), others: others)
    }

    /// A dev document's minutes, with a motion and its decision added as the reader writes them.
    func devMinutes() throws -> Minutes {
        var m = try Minutes.decode(Data(contentsOf: Fixtures.url("essex-pcc-performance-resources-2017-04", "expected.json")))
        m.motions.append(Motion(item: m.items.first?.number, text: "to approve the minutes of the last meeting",
                                mover: "Roger Hirst", seconder: "Jane Gardner", moverName: m.attendees.first?.name,
                                result: .carried, votesFor: 4, votesAgainst: 1, abstentions: 0,
                                votes: [Vote(name: m.attendees.first?.name ?? "Roger Hirst", vote: .yes), Vote(name: "A Member", vote: .no)],
                                unanimous: false, page: 1))
        m.decisions.append(Decision(item: m.items.first?.number, text: "The minutes were approved.", motion: 0, page: 1))
        return m
    }

    func testOCDEventOfADevDocumentValidates() throws {
        let m = try devMinutes()
        let data = try OCDEventExport.data(m)
        let validator = try SchemaValidator(schemaText: schemaText("ocd-event.schema", "standards"))
        XCTAssertEqual(try validator.validate(jsonData: data), [])
        let event = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(event["start_date"] as? String, m.meeting.date)
        XCTAssertEqual((event["agenda"] as? [Any])?.count, m.items.count)
        let extras = try XCTUnwrap(event["extras"] as? [String: Any])
        XCTAssertEqual((extras["actions"] as? [Any])?.count, m.actions.count)
        XCTAssertEqual((extras["motions"] as? [Any])?.count, 1)
    }

    /// The validator catches what OCD forbids: the test can fail.
    func testOCDSchemaRejectsABadEvent() throws {
        let validator = try SchemaValidator(schemaText: schemaText("ocd-event.schema", "standards"))
        var event = OCDEventExport.event(try devMinutes())
        event["status"] = "held"
        event["start_date"] = "2017-04-27T09:30"
        let problems = try validator.validate(jsonData: JSONSerialization.data(withJSONObject: event))
        XCTAssertEqual(problems.count, 2, "\(problems)")
    }

    func testPopoloOfADevDocumentValidates() throws {
        let m = try devMinutes()
        let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: PopoloExport.data(m)) as? [String: Any])
        let kinds = [("persons", "person"), ("organizations", "organization"), ("memberships", "membership"),
                     ("events", "event"), ("motions", "motion"), ("vote_events", "vote_event")]
        for (key, schema) in kinds {
            let validator = try popolo(schema)
            let objects = try XCTUnwrap(doc[key] as? [[String: Any]], key)
            XCTAssertFalse(objects.isEmpty, key)
            for o in objects {
                XCTAssertEqual(try validator.validate(jsonData: JSONSerialization.data(withJSONObject: o)), [], key)
            }
        }
        XCTAssertEqual((doc["persons"] as? [Any])?.count, m.attendees.count + m.apologies.count)
        let vote = try XCTUnwrap((doc["vote_events"] as? [[String: Any]])?.first)
        XCTAssertEqual(vote["result"] as? String, "pass")
        XCTAssertEqual((vote["counts"] as? [[String: Any]])?.compactMap { $0["value"] as? Int }, [4, 1, 0])
        let motion = try XCTUnwrap((doc["motions"] as? [[String: Any]])?.first)
        XCTAssertNotNil(motion["creator_id"] as? String, "the mover resolved to an attendee is the motion's creator")
    }

    /// Draft-3 `required` and cross-schema `$ref`s are checked: a count without its value fails.
    func testPopoloSchemaRejectsACountWithoutValue() throws {
        let validator = try popolo("vote_event")
        let bad: [String: Any] = ["id": "vote-event/1", "counts": [["option": "yes"]], "votes": [["option": 3]]]
        let problems = try validator.validate(jsonData: JSONSerialization.data(withJSONObject: bad))
        XCTAssertEqual(problems.count, 2, "\(problems)")
    }

    /// `--format ocd,popolo`: the batch's output writing puts both files beside the JSON.
    func testBatchWritesBothExports() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("exports-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        XCTAssertEqual(OutputFormat.parseList("json,ocd,popolo"), [.json, .ocd, .popolo])
        let written = try BatchRunner.writeOutputs(try devMinutes(), base: "doc", outDir: dir, formats: [.json, .ocd, .popolo])
        XCTAssertEqual(Set(written), ["doc.json", "doc.ocd.json", "doc.popolo.json"])
        let validator = try SchemaValidator(schemaText: schemaText("ocd-event.schema", "standards"))
        XCTAssertEqual(try validator.validate(jsonData: Data(contentsOf: dir.appendingPathComponent("doc.ocd.json"))), [])
        XCTAssertEqual(try SchemaValidator.minutes1().validate(jsonData: Data(contentsOf: dir.appendingPathComponent("doc.json"))), [])
    }
}

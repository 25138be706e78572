import Foundation
import MinutesApp
import MinutesModel
import MinutesPipeline
import XCTest

final class ModelAndInputTests: XCTestCase {
    func testSHA256KnownVectors() {
        XCTAssertEqual(SHA256.hex(Data()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Data("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(Data(repeating: 0x61, count: 1000)), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }

    func testSchemaFileInRepoIsTheEmbeddedOne() throws {
        let repoSchema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("schema/minutes-1.schema.json")
        XCTAssertEqual(try String(contentsOf: repoSchema, encoding: .utf8).trimmingCharacters(in: .newlines), SchemaValidator.minutes1Text)
    }

    func testValidatorRejectsBrokenDocuments() throws {
        let v = try SchemaValidator.minutes1()
        var m = Minutes(source: Source(file: "a.pdf", sha256: String(repeating: "0", count: 64), pages: 1, method: .text))
        XCTAssertEqual(try v.validate(jsonData: m.jsonData()), [])
        m.meeting.date = "27/04/2017"
        m.actions = [Action(description: "x", owners: ["AB"], ownerNames: [nil], due: "2017-13")]
        let problems = try v.validate(jsonData: m.jsonData())
        XCTAssertTrue(problems.contains { $0.hasPrefix("$.meeting.date") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.hasPrefix("$.actions[0].due") }, "\(problems)")
        let missing = try v.validate(jsonData: Data(#"{"schema":"minutes/1"}"#.utf8))
        XCTAssertTrue(missing.contains("$: missing \"source\""))
    }

    /// Files written before motions, decisions, attendance status and confidence were added
    /// still decode and validate; a file using every new field validates too.
    func testOlderFilesStayValidAndNewFieldsValidate() throws {
        let v = try SchemaValidator.minutes1()
        let old = #"""
        {"schema":"minutes/1","source":{"file":"a.pdf","sha256":"\#(String(repeating: "0", count: 64))","pages":1,"method":"text","ocrConfidence":null,"producer":null},
         "meeting":{"title":null,"organisation":null,"date":"2017-04-27","startTime":null,"endTime":null,"venue":null,"chair":null},
         "attendees":[{"name":"Jo Park","role":null,"initials":"JP","group":null,"page":1,"box":[1,2,3,4]}],
         "apologies":[],"agenda":[],"items":[{"number":"1","title":"Apologies","text":"","decisions":[],"children":[],"page":1,"box":null}],
         "actions":[{"ref":null,"item":"1","description":"JP to write","owners":["JP"],"ownerNames":["Jo Park"],"due":null,"dueText":null,"status":null,"page":1,"box":null}],
         "nextMeeting":null,"diagnostics":[]}
        """#
        XCTAssertEqual(try v.validate(jsonData: Data(old.utf8)), [])
        let decoded = try Minutes.decode(Data(old.utf8))
        XCTAssertEqual(decoded.motions, [])
        XCTAssertEqual(decoded.attendees.first?.interests, [])
        XCTAssertNil(decoded.attendees.first?.status)

        var m = decoded
        m.attendees[0].status = .late
        m.attendees[0].arrived = "19:40"
        m.attendees[0].interests = [DeclaredInterest(item: "9", kind: "pecuniary", text: "declared a pecuniary interest in item 9")]
        m.motions = [Motion(item: "1", text: "to approve the agenda", mover: "Patel", seconder: "Brooks", result: .carried,
                            votesFor: 5, votesAgainst: 0, abstentions: 0, votes: [Vote(name: "Patel", vote: .yes)], unanimous: true)]
        m.decisions = [Decision(item: "1", text: "The agenda was approved", motion: 0)]
        m.meeting.provenance["date"] = Provenance(page: 1, box: [1, 2, 3, 4], confidence: 0.9)
        let data = try m.jsonData()
        XCTAssertEqual(try v.validate(jsonData: data), [])
        XCTAssertEqual(try Minutes.decode(data), m)
        let json = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(json.contains("\"for\" : 5"), "counts are written under the truth format's names")

        m.motions[0].result = nil
        m.attendees[0].status = nil
        XCTAssertEqual(try v.validate(jsonData: m.jsonData()), [], "null is allowed where the page says nothing")
        let broken = json.replacingOccurrences(of: "\"carried\"", with: "\"passed\"")
        XCTAssertTrue(try v.validate(jsonData: Data(broken.utf8)).contains { $0.hasPrefix("$.motions[0].result") })
    }

    func testDecodingChecksTheSchemaName() throws {
        let m = Minutes(source: Source(file: "a.pdf", sha256: "", pages: 1, method: .text))
        var json = String(decoding: try m.jsonData(), as: UTF8.self)
        XCTAssertEqual(try Minutes.decode(Data(json.utf8)), m)
        json = json.replacingOccurrences(of: "\"minutes/1\"", with: "\"minutes/2\"")
        XCTAssertThrowsError(try Minutes.decode(Data(json.utf8)))
    }

    func testSameInputGivesTheSameBytes() throws {
        let a = try Fixtures.convert("kent-performance-delivery-board-2017-06").jsonData()
        let b = try Fixtures.convert("kent-performance-delivery-board-2017-06").jsonData()
        XCTAssertEqual(a, b)
    }

    func testEveryFieldIsWrittenEvenWhenUnknown() throws {
        let m = Minutes(source: Source(file: "a.pdf", sha256: "", pages: 1, method: .text),
                        actions: [Action(description: "x")])
        let obj = try XCTUnwrap(JSONSerialization.jsonObject(with: m.jsonData()) as? [String: Any])
        XCTAssertTrue(obj["nextMeeting"] is NSNull)
        let action = try XCTUnwrap((obj["actions"] as? [[String: Any]])?.first)
        XCTAssertEqual(Set(action.keys), ["ref", "item", "description", "owners", "ownerNames", "due", "dueText", "status", "page", "box", "confidence"])
        XCTAssertTrue(obj["motions"] is [Any] && obj["decisions"] is [Any])
    }

    func convertBad(_ name: String, password: String? = nil) throws -> Result<Minutes, Error> {
        var options = PipelineOptions()
        options.password = password
        let url = try Fixtures.url(name, "pdf", subdirectory: "bad")
        return Result { try DocumentConverter(pipeline: .standard(options: options)).convert(fileAt: url) }
    }

    func message(_ r: Result<Minutes, Error>) -> String? {
        if case .failure(let e) = r { return e.oneLine }
        return nil
    }

    func testBadInputsGetOneLineErrorsNamingTheFile() throws {
        let empty = message(try convertBad("empty"))
        XCTAssertEqual(empty, "empty.pdf: empty file (0 bytes)")
        let text = message(try convertBad("plain-text-named"))
        XCTAssertEqual(text, "plain-text-named.pdf: not a PDF or image (it is plain text)")
        let locked = message(try convertBad("encrypted-user-password"))
        XCTAssertEqual(locked, "encrypted-user-password.pdf: encrypted: needs a password (--password)")
        for m in [empty, text, locked].compactMap({ $0 }) { XCTAssertFalse(m.contains("\n")) }
    }

    func testEncryptedWithPasswordAndOwnerOnlyConvert() throws {
        let unlocked = try convertBad("encrypted-user-password", password: "secret").get()
        XCTAssertEqual(unlocked.meeting.date, "2016-05-31", "the West Mercia minutes, locked")
        XCTAssertEqual(message(try convertBad("encrypted-user-password", password: "wrong")),
                       "encrypted-user-password.pdf: encrypted: the password given does not open it")
        let ownerOnly = try convertBad("encrypted-owner-only").get()
        XCTAssertEqual(ownerOnly.meeting.date, "2016-05-31", "the West Mercia minutes, owner password only")
        XCTAssertEqual(ownerOnly.actions.count, 6)
    }

    func testDamagedPDFsConvertWhatIsReadableOrFailCleanly() throws {
        let repaired = try convertBad("bad-xref").get()
        XCTAssertEqual(repaired.actions.count, 6, "poppler repairs a wrong startxref")
        XCTAssertEqual(repaired.meeting.date, "2014-09-29")
        for name in ["truncated", "corrupted-middle"] {
            switch try convertBad(name) {
            case .success(let m): XCTAssertGreaterThan(m.source.pages, 0, name)
            case .failure(let e): XCTAssertTrue(e.oneLine.hasPrefix("\(name).pdf: "), e.oneLine)
            }
        }
    }
}

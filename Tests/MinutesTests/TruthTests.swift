import Foundation
import MinutesModel
import XCTest

/// Each fixture against the corpus's hand-checked truth: the facts a careful reader would
/// write down, not just what the pipeline happened to print last time.
final class TruthTests: XCTestCase {
    struct Truth: Decodable {
        struct M: Decodable { var title: String?; var date: String?; var startTime: String?; var endTime: String?; var venue: String? }
        struct P: Decodable { var name: String; var role: String?; var initials: String? }
        struct I: Decodable { var number: String?; var title: String? }
        struct A: Decodable { var ref: String?; var item: String?; var description: String; var owners: [String]; var due: String? }
        struct N: Decodable { var date: String? }
        var meeting: M
        var attendees: [P]
        var apologies: [P]
        var items: [I]
        var actions: [A]
        var nextMeeting: N?
    }

    static func norm(_ s: String?) -> String {
        (s ?? "").lowercased().replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "–", with: "-")
            .components(separatedBy: CharacterSet.alphanumerics.inverted).filter { !$0.isEmpty }.joined(separator: " ")
    }

    static func personKey(_ s: String) -> String {
        norm(s).replacingOccurrences(of: #"^((mr|mrs|ms|dr|cllr|supt|chief supt|det ch insp|ch insp) )+"#, with: "", options: .regularExpression)
    }

    func check(_ name: String) throws {
        let truth = try JSONDecoder().decode(Truth.self, from: Data(contentsOf: Fixtures.url(name, "truth.json")))
        let out = try Fixtures.convert(name)
        XCTAssertEqual(out.meeting.date, truth.meeting.date, "\(name): meeting date")
        XCTAssertEqual(out.meeting.startTime, truth.meeting.startTime, "\(name): start time")
        XCTAssertEqual(out.meeting.endTime, truth.meeting.endTime, "\(name): end time")
        XCTAssertEqual(Self.norm(out.meeting.title), Self.norm(truth.meeting.title), "\(name): title")
        XCTAssertEqual(Self.norm(out.meeting.venue), Self.norm(truth.meeting.venue), "\(name): venue")
        XCTAssertEqual(out.nextMeeting?.date, truth.nextMeeting?.date, "\(name): next meeting")

        XCTAssertEqual(Set(out.attendees.map { Self.personKey($0.name) }), Set(truth.attendees.map { Self.personKey($0.name) }), "\(name): attendees")
        XCTAssertEqual(Set(out.apologies.map { Self.personKey($0.name) }), Set(truth.apologies.map { Self.personKey($0.name) }), "\(name): apologies")
        for t in truth.attendees {
            guard let o = out.attendees.first(where: { Self.personKey($0.name) == Self.personKey(t.name) }) else { continue }
            XCTAssertEqual(o.initials, t.initials, "\(name): initials of \(t.name)")
            XCTAssertEqual(Self.norm(o.role), Self.norm(t.role), "\(name): role of \(t.name)")
        }

        XCTAssertEqual(out.items.map { $0.number ?? "" }, truth.items.map { $0.number ?? "" }, "\(name): item numbers")
        for (o, t) in zip(out.items, truth.items) {
            XCTAssertEqual(Self.norm(o.title), Self.norm(t.title), "\(name): title of item \(t.number ?? "")")
        }

        XCTAssertEqual(out.actions.count, truth.actions.count, "\(name): number of actions")
        for t in truth.actions {
            // The output may hold the whole sentence around the truth's wording.
            let want = Set(Self.norm(t.description).split(separator: " "))
            guard let o = out.actions.max(by: { a, b in
                want.intersection(Self.norm(a.description).split(separator: " ")).count < want.intersection(Self.norm(b.description).split(separator: " ")).count
            }) else { XCTFail("\(name): no action for \(t.description)"); continue }
            let held = Double(want.intersection(Self.norm(o.description).split(separator: " ")).count) / Double(max(1, want.count))
            XCTAssertGreaterThan(held, 0.8, "\(name): action \"\(t.description)\" vs \"\(o.description)\"")
            XCTAssertEqual(o.owners.map { Self.norm($0) }.sorted(), t.owners.map { Self.norm($0) }.sorted(), "\(name): owners of \(t.description)")
            XCTAssertEqual(o.due, t.due, "\(name): due of \(t.description)")
            XCTAssertEqual(o.ref, t.ref, "\(name): ref of \(t.description)")
            XCTAssertEqual(o.item, t.item, "\(name): item of \(t.description)")
        }
    }

    func testAvonAgendaBeforeMinutesAndApologiesItem() throws { try check("avon-somerset-police-crime-board-2019-06") }
    func testEssexForcePresentTableAndRefActions() throws { try check("essex-force-performance-scrutiny-2014-09") }
    func testEssexPCCFiveColumnTableAcrossPages() throws { try check("essex-pcc-performance-resources-2017-04") }
    func testKentFieldBlockAndClosingActionTable() throws { try check("kent-performance-delivery-board-2017-06") }
    func testWestMerciaMarginActionColumn() throws { try check("west-mercia-monthly-assurance-2016-05") }

    /// Every action carries where it is on the page, and every output validates.
    func testProvenanceAndSchema() throws {
        let validator = try SchemaValidator.minutes1()
        for name in Fixtures.documents {
            let out = try Fixtures.convert(name)
            XCTAssertEqual(try validator.validate(jsonData: out.jsonData()), [], name)
            for a in out.actions {
                XCTAssertNotNil(a.page, "\(name): page of \(a.description)")
                XCTAssertEqual(a.box?.count, 4, "\(name): box of \(a.description)")
                if let b = a.box, b.count == 4 {
                    // One page's box: top above bottom, within an A4/Letter page.
                    XCTAssertLessThan(b[1], b[3], "\(name): box of \(a.description)")
                    XCTAssertLessThan(b[3] - b[1], 400, "\(name): box of \(a.description) spans too much")
                }
                XCTAssertEqual(a.owners.count, a.ownerNames.count)
            }
            for p in out.attendees { XCTAssertNotNil(p.page, "\(name): page of \(p.name)") }
            XCTAssertEqual(out.source.method, .text)
            XCTAssertEqual(out.source.sha256.count, 64)
        }
    }

    /// Owners resolve to attendee names through initials.
    func testOwnerNamesResolveThroughInitials() throws {
        let out = try Fixtures.convert("essex-pcc-performance-resources-2017-04")
        let split = try XCTUnwrap(out.actions.first { $0.ref == "1/17" })
        XCTAssertEqual(split.owners, ["SH", "VH"])
        XCTAssertEqual(split.ownerNames, ["Susannah Hancock", "Vicki Harrington"])
        let unknown = try XCTUnwrap(out.actions.first { $0.ref == "9/17" })
        XCTAssertEqual(unknown.ownerNames, [nil], "AP is not in this meeting's attendee list")
        XCTAssertTrue(out.diagnostics.contains { $0.message.contains("'AP'") }, "an unresolved owner is reported")
    }
}

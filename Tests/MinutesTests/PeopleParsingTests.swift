import MinutesModel
@testable import MinutesPipeline
import XCTest

final class PeopleParsingTests: XCTestCase {
    func p(_ s: String) -> PeopleParsing.Parsed? { PeopleParsing.parse(text: s) }

    func testNameRoleInitials() {
        XCTAssertEqual(p("• Roger Hirst, Police and Crime Commissioner (RH)"),
                       .init(name: "Roger Hirst", role: "Police and Crime Commissioner", initials: "RH"))
        XCTAssertEqual(p("Supt Dean Chapple, Head of PIU, (DC)"), .init(name: "Dean Chapple", role: "Head of PIU", initials: "DC"))
    }

    func testInitialsInTheirOwnColumn() {
        XCTAssertEqual(PeopleParsing.parse(segments: ["Susannah Hancock, Executive Director, OPCC", "SH"]),
                       .init(name: "Susannah Hancock", role: "Executive Director, OPCC", initials: "SH"))
        XCTAssertEqual(PeopleParsing.parse(segments: ["Chief Supt. Andy Prophet", "AP"]),
                       .init(name: "Andy Prophet", role: "Chief Supt.", initials: "AP"))
        XCTAssertEqual(PeopleParsing.parse(segments: ["John Campion", "Police and Crime Commissioner (PCC)"]),
                       .init(name: "John Campion", role: "Police and Crime Commissioner", initials: "PCC"))
    }

    func testRoleBeforeNameAndNotes() {
        XCTAssertEqual(p("Assistant Chief Constable Jo Shiner"), .init(name: "Jo Shiner", role: "Assistant Chief Constable", initials: nil))
        XCTAssertEqual(p("Matthew Scott (Police and Crime Commissioner)"), .init(name: "Matthew Scott", role: "Police and Crime Commissioner", initials: nil))
        XCTAssertEqual(p("Mark Simmonds, OPCC CFO (part of the meeting)"), .init(name: "Mark Simmonds", role: "OPCC CFO", initials: nil))
        XCTAssertEqual(p("Sue Mountstevens, Police and Crime Commissioner. As part of her National role the PCC was"),
                       .init(name: "Sue Mountstevens", role: "Police and Crime Commissioner", initials: nil))
    }

    func testRoleOnly() {
        XCTAssertTrue(PeopleParsing.isRoleOnly("OPCC Head of Commissioning and Partnerships"))
        XCTAssertFalse(PeopleParsing.isRoleOnly("Andy Marsh"))
    }

    func testOwnersSplitAndResolve() {
        XCTAssertEqual(ResolveOwners.splitOwners("SH / VH"), ["SH", "VH"])
        XCTAssertEqual(ResolveOwners.splitOwners("CC and DCC"), ["CC", "DCC"])
        XCTAssertEqual(ResolveOwners.splitOwners("Chief Constable"), ["Chief Constable"])
        let people = [Person(name: "David Shaw", role: "Chief Constable", initials: "CC"),
                      Person(name: "Jane Gardner", role: "Deputy PCC", initials: "JG")]
        XCTAssertEqual(ResolveOwners.resolve("CC", in: people), "David Shaw")
        XCTAssertEqual(ResolveOwners.resolve("Chief Constable", in: people), "David Shaw")
        XCTAssertEqual(ResolveOwners.resolve("Gardner", in: people), "Jane Gardner")
        XCTAssertNil(ResolveOwners.resolve("AP", in: people))
    }

    func testRunningListsOfPeople() {
        let entries = SectionClassifier.splitList("Office of the Kent Police and Crime Commissioner: Matthew Scott (Police and Crime Commissioner), Adrian Harper (Chief of Staff) Kent Police: Chief Constable Alan Pughsley, Assistant Chief Constable Jo Shiner")
        XCTAssertEqual(entries.map(\.1), ["Matthew Scott (Police and Crime Commissioner)", "Adrian Harper (Chief of Staff)",
                                         "Chief Constable Alan Pughsley", "Assistant Chief Constable Jo Shiner"])
        XCTAssertEqual(entries.last?.0, "Kent Police")
    }
}

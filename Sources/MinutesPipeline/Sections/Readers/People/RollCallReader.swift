import Foundation
import MinutesModel
import PageLayout

/// A roll-call table: "Attendee Name | Title | Status | Arrived" over rows of "Andrei Garcia |
/// Commissioner | Late | 7:08 p.m.". Present and late members attend; absent and excused
/// ones are apologies.
struct RollCallReader: SectionReader {
    static let vocabulary = Vocabulary.shared

    func read(_ context: SectionContext) -> SectionFindings {
        var out = SectionFindings()
        var i = 0
        while i < context.lines.count {
            if let roll = Self.table(at: i, in: context.lines) {
                out.attendees += roll.present
                out.apologies += roll.absent
                out.consumed.formUnion(roll.lines)
                i = (roll.lines.max() ?? i) + 1
            } else {
                i += 1
            }
        }
        return out
    }

    static func table(at i: Int, in lines: [Line]) -> (present: [Person], absent: [Person], lines: [Int])? {
        let header = lines[i]
        let cells = header.segments.map { $0.text.lowercased() }
        let v = vocabulary
        // The name column's header says "name" ("Attendee Name") or who is named ("Member").
        guard cells.count >= 2, let statusIndex = cells.firstIndex(where: v.rollCallStatusHeaders.contains),
              cells.contains(where: { cell in v.rollCallNameHeaders.contains(where: cell.contains) }) else { return nil }
        let statusX = header.segments[statusIndex].box.x0
        // Headers are often centred over their column: match cells by centre.
        let titleX = cells.firstIndex(where: v.rollCallRoleHeaders.contains).map { header.segments[$0].box.midX }
        var present: [Person] = [], absent: [Person] = [], used = [i]
        var k = i + 1
        while k < lines.count, k < i + 80 {
            let row = lines[k]
            let reach = Layout.statusColumn * Layout.em(row)
            guard row.segments.count >= 2, let status = row.segments.first(where: { abs($0.box.x0 - statusX) < reach })?.text.lowercased() else { break }
            let nameSeg = row.segments[0].text
            let role = titleX.flatMap { tx in
                row.segments.dropFirst().filter { abs($0.box.x0 - statusX) >= reach }.min(by: { abs($0.box.midX - tx) < abs($1.box.midX - tx) })?.text
            }
            let person = Person(name: nameSeg, role: role, group: "Roll call: \(row.segments.first(where: { abs($0.box.x0 - statusX) < reach })?.text ?? "")",
                                page: row.page, box: row.box.array)
            if v.absentStatuses.contains(where: status.hasPrefix) {
                absent.append(person)
            } else if v.presentStatuses.contains(where: status.hasPrefix) {
                present.append(person)
            } else { break }
            used.append(k)
            k += 1
        }
        return present.isEmpty && absent.isEmpty ? nil : (present, absent, used)
    }
}

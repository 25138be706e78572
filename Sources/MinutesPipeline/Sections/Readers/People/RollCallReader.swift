import Foundation
import MinutesModel
import PageLayout

/// A roll-call table: "Attendee Name | Title | Status | Arrived" over rows of "Andrei Garcia |
/// Commissioner | Late | 7:08 p.m.". Present and late members attend; absent and excused
/// ones are apologies.
struct RollCallReader: SectionReader {
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
        guard cells.count >= 2, let statusIndex = cells.firstIndex(where: { $0 == "status" || $0 == "attendance" || $0 == "present/absent" }),
              cells.contains(where: { $0.contains("name") || $0 == "member" || $0 == "councillor" || $0 == "commissioner" }) else { return nil }
        let statusX = header.segments[statusIndex].box.x0
        // Headers are often centred over their column: match cells by centre.
        let titleX = cells.firstIndex(where: { $0 == "title" || $0 == "role" || $0 == "position" || $0 == "capacity" }).map { header.segments[$0].box.midX }
        var present: [Person] = [], absent: [Person] = [], used = [i]
        var k = i + 1
        while k < lines.count, k < i + 80 {
            let row = lines[k]
            guard row.segments.count >= 2, let status = row.segments.first(where: { abs($0.box.x0 - statusX) < 25 })?.text.lowercased() else { break }
            let nameSeg = row.segments[0].text
            let role = titleX.flatMap { tx in
                row.segments.dropFirst().filter { abs($0.box.x0 - statusX) >= 25 }.min(by: { abs($0.box.midX - tx) < abs($1.box.midX - tx) })?.text
            }
            let person = Person(name: nameSeg, role: role, group: "Roll call: \(row.segments.first(where: { abs($0.box.x0 - statusX) < 25 })?.text ?? "")",
                                page: row.page, box: row.box.array)
            if status.hasPrefix("absent") || status.hasPrefix("excused") || status.hasPrefix("apolog") || status == "not present" {
                absent.append(person)
            } else if status.hasPrefix("present") || status.hasPrefix("late") || status.hasPrefix("arrived") || status.hasPrefix("remote") || status.hasPrefix("virtual") {
                present.append(person)
            } else { break }
            used.append(k)
            k += 1
        }
        return present.isEmpty && absent.isEmpty ? nil : (present, absent, used)
    }
}

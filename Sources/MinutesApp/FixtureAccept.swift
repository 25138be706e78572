import Foundation
import MinutesModel
import MinutesScoring

/// `minutes test --accept NAME`: the current output becomes the document's expected file.
public struct AcceptOutcome: Sendable, Equatable {
    public var name: String
    /// The expected file written (or that would have been).
    public var path: String?
    /// The file there before, nil when there was none.
    public var previous: ExpectedComparison.Result?
    public var error: String?
}

extension FixtureRunner {
    /// Converts each named document, compares the output with its expected file (if it has
    /// one) and writes the output there. A document is named by its fixture name or its file
    /// name without extension. The expected file goes where it was, else beside a truth
    /// file kept apart from the document, else beside the document.
    public func accept(_ names: [String], in set: FixtureSet) -> [AcceptOutcome] {
        names.map { name in
            var outcome = AcceptOutcome(name: name, path: nil, previous: nil, error: nil)
            func named(_ n: String, _ url: URL?) -> Bool {
                n == name || url?.deletingPathExtension().lastPathComponent == name || url?.path == name
            }
            let cases = set.cases.filter { named($0.name, $0.document) }
            let loose = set.unchecked.filter { named($0.name, $0.url) }
            let candidates = Set(cases.map(\.name) + loose.map(\.name))
            guard let target = candidates.sorted().first else {
                outcome.error = "\(name): no document of that name among the inputs"
                return outcome
            }
            guard candidates.count == 1 else {
                outcome.error = "\(name): names \(candidates.count) documents (\(candidates.sorted().joined(separator: ", "))); give the fixture name"
                return outcome
            }
            let mine = cases.filter { $0.name == target }
            let document = mine.compactMap(\.document).first ?? loose.first { $0.name == target }?.url
            let stem = URL(fileURLWithPath: target).lastPathComponent
            let path: URL
            if let existing = mine.first(where: { $0.kind == .expected }) {
                path = existing.fixture
            } else if let truth = mine.first(where: { $0.kind == .truth }),
                      truth.fixture.deletingLastPathComponent().path != document?.deletingLastPathComponent().path {
                path = truth.fixture.deletingLastPathComponent().appendingPathComponent(stem + FixtureKind.expected.suffix)
            } else if let document {
                path = document.deletingLastPathComponent()
                    .appendingPathComponent(document.deletingPathExtension().lastPathComponent + FixtureKind.expected.suffix)
            } else {
                outcome.error = "\(name): no document to convert"
                return outcome
            }
            outcome.path = path.path
            let output = produce([target: document])[target] ?? .failure("not converted")
            guard case .minutes(let found, let minutes, _) = output else {
                if case .failure(let reason) = output { outcome.error = "\(target): \(reason)" }
                return outcome
            }
            if let old = try? JSONValue.decode(Data(contentsOf: path)) {
                outcome.previous = ExpectedComparison.compare(expected: old, found: found, options: options.comparison)
            }
            do {
                guard let minutes else { throw ExpectedFileError.notMinutes(target) }
                try AtomicFile.write(try minutes.jsonData(), to: path)
            } catch {
                outcome.error = "\(path.path): \(error.oneLine)"
            }
            return outcome
        }
    }
}

enum ExpectedFileError: Error, CustomStringConvertible {
    case notMinutes(String)

    var description: String { "\(self.name): the output is not minutes/1 JSON" }
    private var name: String {
        switch self { case .notMinutes(let n): return n }
    }
}

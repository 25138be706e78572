import Foundation
import MinutesModel
import MinutesPipeline
import MinutesScoring

public struct FixtureRunOptions: Sendable {
    /// The score a document checked against truth must reach (an expected file must agree).
    public var minScore: Double
    /// Whether motions count where a truth file lists them (score.py's default).
    public var motions: Bool
    public var comparison: ExpectedComparison.Options
    /// Documents converted at once.
    public var jobs: Int
    /// Where to write each conversion as NAME.json.
    public var saveDir: URL?
    /// Score NAME.json from here (an earlier `minutes convert --out`) instead of converting.
    public var convertedDir: URL?

    public init(minScore: Double = 1.0, motions: Bool = true, comparison: ExpectedComparison.Options = .init(),
                jobs: Int = 1, saveDir: URL? = nil, convertedDir: URL? = nil) {
        self.minScore = minScore
        self.motions = motions
        self.comparison = comparison
        self.jobs = max(1, jobs)
        self.saveDir = saveDir
        self.convertedDir = convertedDir
    }
}

/// One fixture's outcome: one row of the report.
public struct FixtureResult: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        /// Meets its threshold.
        case passed
        /// Converted and compared, below its threshold.
        case failed
        /// Nothing to compare: the document or fixture is missing or unreadable, or the
        /// conversion failed.
        case error
    }

    public var name: String
    public var kind: FixtureKind
    public var status: Status
    /// Truth: score.py's document score. Expected: the share of compared values that agree.
    public var score: Double
    public var document: String?
    public var fixture: String
    public var error: String?
    public var differences: [String]
    /// score.py's components, for a truth fixture.
    public var truth: TruthScore?
    /// Values compared, for an expected file.
    public var checked: Int?
    /// Conversion time.
    public var seconds: Double
}

public struct FixtureReport: Codable, Sendable, Equatable {
    public var minScore: Double
    public var motions: Bool
    public var passed: Int
    public var failed: Int
    public var errors: Int
    /// The mean truth score (score.py's "mean document score"), where truth was scored.
    public var meanTruthScore: Double?
    public var documents: [FixtureResult]
    /// Documents found with no fixture.
    public var unchecked: [String]

    public var allPassed: Bool { failed == 0 && errors == 0 }
}

/// Converts each document that has a fixture once, and checks it against each fixture.
public struct FixtureRunner: Sendable {
    public var converter: DocumentConverter
    public var options: FixtureRunOptions
    /// Told of each document converted: how many are done, of how many, and its name.
    public var progress: (@Sendable (_ done: Int, _ total: Int, _ name: String) -> Void)?

    public init(converter: DocumentConverter, options: FixtureRunOptions,
                progress: (@Sendable (_ done: Int, _ total: Int, _ name: String) -> Void)? = nil) {
        self.converter = converter
        self.options = options
        self.progress = progress
    }

    /// The output for one document: converted, or read from `convertedDir`.
    public enum Output: Sendable {
        case minutes(JSONValue, Minutes?, seconds: Double)
        case failure(String)
    }

    public func run(_ set: FixtureSet) -> FixtureReport {
        let outputs = produce(Dictionary(set.cases.map { ($0.name, $0.document) }, uniquingKeysWith: { a, _ in a }))
        let results = set.cases.map { check($0, outputs[$0.name] ?? .failure("not converted")) }
        let truthScores = results.filter { $0.kind == .truth }.map(\.score)
        return FixtureReport(minScore: options.minScore, motions: options.motions,
                             passed: results.filter { $0.status == .passed }.count,
                             failed: results.filter { $0.status == .failed }.count,
                             errors: results.filter { $0.status == .error }.count,
                             meanTruthScore: truthScores.isEmpty ? nil : truthScores.reduce(0, +) / Double(truthScores.count),
                             documents: results, unchecked: set.unchecked.map(\.name))
    }

    /// Outputs by name, converting `jobs` documents at once.
    public func produce(_ documents: [String: URL?]) -> [String: Output] {
        let names = documents.keys.sorted()
        if let dir = options.convertedDir {
            return Dictionary(uniqueKeysWithValues: names.map { ($0, Self.read(dir, $0)) })
        }
        let work = Outputs(names)
        let group = DispatchGroup()
        for _ in 0..<min(options.jobs, max(1, names.count)) {
            group.enter()
            let worker = Thread {
                defer { group.leave() }
                while let name = work.take() {
                    let done = work.put(name, convert(name: name, document: documents[name] ?? nil))
                    progress?(done, names.count, name)
                }
            }
            // Stages recurse over layout trees; the default secondary-thread stack is small.
            worker.stackSize = 16 << 20
            worker.start()
        }
        group.wait()
        return work.results
    }

    static func read(_ dir: URL, _ name: String) -> Output {
        let url = dir.appendingPathComponent(name + ".json")
        do {
            let value = try JSONValue.decode(Data(contentsOf: url))
            return .minutes(value, try? Minutes.decode(Data(contentsOf: url)), seconds: 0)
        } catch {
            return .failure("no usable output \(url.path): \(Self.reason(error))")
        }
    }

    private func convert(name: String, document: URL?) -> Output {
        guard let document else { return .failure("no document") }
        let start = Date()
        do {
            let minutes = try converter.convert(fileAt: document)
            let seconds = Date().timeIntervalSince(start)
            if let dir = options.saveDir {
                let url = dir.appendingPathComponent(name + ".json")
                do {
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try AtomicFile.write(try minutes.jsonData(), to: url)
                } catch {
                    return .failure("cannot save \(url.path): \(Self.reason(error))")
                }
            }
            return .minutes(try JSONValue(minutes), minutes, seconds: seconds)
        } catch {
            return .failure(error.oneLine)
        }
    }

    static func reason(_ error: Error) -> String {
        if error is DecodingError { return "not valid JSON of the expected shape" }
        return DocumentConverter.describe(error)
    }

    /// One fixture against its output.
    public func check(_ c: FixtureCase, _ output: Output) -> FixtureResult {
        var r = FixtureResult(name: c.name, kind: c.kind, status: .error, score: 0, document: c.document?.path,
                              fixture: c.fixture.path, error: nil, differences: [], truth: nil, checked: nil, seconds: 0)
        let fixture: JSONValue
        do {
            fixture = try JSONValue.decode(Data(contentsOf: c.fixture))
        } catch {
            r.error = "\(c.fixture.lastPathComponent): cannot read the fixture (\(Self.reason(error)))"
            return r
        }
        let found: JSONValue
        switch output {
        case .failure(let reason):
            if c.document == nil && options.convertedDir == nil {
                r.error = "document missing: no \(c.name).pdf (or image) for \(c.fixture.lastPathComponent)"
            } else {
                r.error = reason
            }
            return r
        case .minutes(let value, _, let seconds):
            found = value
            r.seconds = seconds
        }
        switch c.kind {
        case .truth:
            let scored = TruthScorer.score(truth: fixture, output: found, motions: options.motions)
            r.truth = scored.score
            r.score = scored.score.score
            r.differences = scored.differences
            // A score printed as the threshold meets it: sums of shares are not exact.
            r.status = r.score + 1e-9 >= options.minScore ? .passed : .failed
        case .expected:
            let compared = ExpectedComparison.compare(expected: fixture, found: found, options: options.comparison)
            r.score = compared.score
            r.checked = compared.checked
            r.differences = compared.differences
            r.status = compared.differences.isEmpty ? .passed : .failed
        }
        return r
    }
}

/// The names still to convert and the outputs so far, shared by the workers.
private final class Outputs: @unchecked Sendable {
    private let lock = NSLock()
    private let names: [String]
    private var next = 0
    private var done: [String: FixtureRunner.Output] = [:]

    init(_ names: [String]) { self.names = names }

    func take() -> String? {
        lock.lock(); defer { lock.unlock() }
        guard next < names.count else { return nil }
        defer { next += 1 }
        return names[next]
    }

    /// Returns how many are done.
    func put(_ name: String, _ output: FixtureRunner.Output) -> Int {
        lock.lock(); defer { lock.unlock() }
        done[name] = output
        return done.count
    }

    var results: [String: FixtureRunner.Output] {
        lock.lock(); defer { lock.unlock() }
        return done
    }
}

import Foundation
import GRDB
import MinutesModel

public enum RegisterError: Error, CustomStringConvertible {
    case open(path: String, reason: String)
    case file(path: String, reason: String)

    public var description: String {
        switch self {
        case .open(let p, let r): return "\(p): cannot open the register (\(r))"
        case .file(let p, let r): return "\(p): \(r)"
        }
    }
}

/// The register: converted minutes of many meetings in one SQLite database, with people and
/// action threads followed across each body's meetings. Safe to share between threads (GRDB
/// serialises access); every load is one transaction.
public final class Register: Sendable {
    public let path: String
    let queue: DatabaseQueue

    /// Opens (or creates) the database and brings its tables up to date.
    public init(path: String) throws {
        self.path = path
        var config = Configuration()
        config.foreignKeysEnabled = true
        // A reader (`minutes actions`) while `watch --db` writes: wait rather than fail.
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            // A register of a few thousand meetings fits in memory while a run writes it:
            // no spilling pages to disk halfway through the transaction.
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        do {
            let dir = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            queue = try DatabaseQueue(path: path, configuration: config)
            if try queue.read({ try Schema.migrator.hasBeenSuperseded($0) }) {
                throw RegisterError.open(path: path, reason: "made by a newer minutes: its tables have changes this one does not know")
            }
            try Schema.migrator.migrate(queue)
        } catch let e as RegisterError {
            throw e
        } catch {
            throw RegisterError.open(path: path, reason: Self.describe(error))
        }
    }

    public enum Outcome: String, Sendable {
        /// `duplicate`: another file of the same document is loaded and still there.
        case added, replaced, unchanged, duplicate
    }

    public struct Loaded: Sendable {
        public var outcome: Outcome
        public var meetingID: Int64
        /// Why an existing meeting was replaced, or which file a duplicate duplicates.
        public var note: String?
    }

    /// Loads one document (as `convert --db` and `watch --db` do for each result), with its
    /// body's people and threads brought up to date, in one transaction.
    @discardableResult
    public func load(_ minutes: Minutes, path: String, sha256: String? = nil, body: String? = nil) throws -> Loaded {
        let sha = try sha256 ?? SHA256.hex(minutes.jsonData())
        return try queue.write { db in
            let loaded = try Self.insert(db, minutes, path: path, sha256: sha, body: body)
            try Self.refresh(db, touched: loaded.touched)
            return loaded.result
        }
    }

    public struct FileResult: Sendable {
        public var url: URL
        public var loaded: Loaded?
        public var error: String?
    }

    /// Loads minutes/1 files in one transaction: a run stopped midway (killed, or a disk
    /// error) leaves the database as it was. A file that cannot be read or is not minutes/1
    /// is reported and skipped; it does not stop the others. `afterEach` sees each file as
    /// it is written (for progress, and for tests that stop a run midway by throwing).
    public func load(files: [URL], body: String? = nil,
                     afterEach: ((FileResult, Int) throws -> Void)? = nil) throws -> [FileResult] {
        // Reading, hashing and decoding are most of the work and need no database: both cores.
        // A file whose bytes are already loaded is not decoded at all.
        let read = Decoded<(Data, String)>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            read.set(i, Result {
                let data = try Data(contentsOf: files[i])
                return (data, SHA256.hex(data))
            })
        }
        let known = try queue.read { db in Set(try String.fetchAll(db, sql: "SELECT sha256 FROM source_files")) }
        let decoded = Decoded<(Minutes?, String)>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            guard let r = read.results[i] else { return }
            decoded.set(i, Result {
                let (data, sha) = try r.get()
                return (known.contains(sha) ? nil : try Minutes.decode(data), sha)
            })
        }
        return try queue.write { db in
            var results: [FileResult] = []
            var touched = Set<String>()
            for (i, url) in files.enumerated() {
                var r = FileResult(url: url)
                switch decoded.results[i] {
                case .success(let (minutes?, sha)):
                    let loaded = try Self.insert(db, minutes, path: url.path, sha256: sha, body: body)
                    r.loaded = loaded.result
                    touched.formUnion(loaded.touched)
                case .success(let (nil, sha)):
                    let meeting = try Int64.fetchOne(db, sql: """
                        SELECT m.id FROM source_files f JOIN meetings m ON m.source_file_id = f.id WHERE f.sha256 = ?
                        """, arguments: [sha])
                    r.loaded = Loaded(outcome: .unchanged, meetingID: meeting ?? 0)
                case .failure(let e):
                    r.error = "not minutes/1 JSON (\(Self.describe(e)))"
                case nil:
                    r.error = "not read"
                }
                results.append(r)
                try afterEach?(r, i)
            }
            try Self.refresh(db, touched: touched)
            return results
        }
    }

    /// Inserts (or replaces) one document's rows; returns the body keys whose meetings changed.
    private static func insert(_ db: Database, _ minutes: Minutes, path: String, sha256: String,
                               body: String?) throws -> (result: Loaded, touched: Set<String>) {
        let name = body.map { BodyName.of(Meeting(title: $0), sourceFile: "") }.map {
            BodyName(organisation: $0.organisation, title: $0.title, basis: "given with --body", display: $0.display)
        } ?? BodyName.of(minutes.meeting, sourceFile: minutes.source.file)
        var outcome = Outcome.added
        var note: String?
        var touched: Set<String> = [name.key]
        switch try Loader.match(db, minutes: minutes, path: path, sha256: sha256, bodyKey: name.key) {
        case .unchanged(let meetingID):
            return (Loaded(outcome: .unchanged, meetingID: meetingID), [])
        case .replaces(let fileID, let why):
            if let old = try String.fetchOne(db, sql: """
                SELECT m.own_body_key FROM meetings m WHERE m.source_file_id = ?
                """, arguments: [fileID]) { touched.insert(old) }
            try db.run("DELETE FROM source_files WHERE id = ?", [fileID])
            outcome = .replaced
            note = why
        case .duplicate(let other):
            return (Loaded(outcome: .duplicate, meetingID: 0, note: "the same document as \(other), which is loaded"), [])
        case .new:
            break
        }
        let meetingID = try Loader.insert(db, minutes: minutes, path: path, sha256: sha256, body: name)
        return (Loaded(outcome: outcome, meetingID: meetingID, note: note), touched)
    }

    /// Bodies, people and threads for what changed.
    private static func refresh(_ db: Database, touched keys: Set<String>) throws {
        guard !keys.isEmpty else { return }
        var bodies = try BodyRebuild.assignBodies(db)
        for key in keys {
            if let id = try Int64.fetchOne(db, sql: "SELECT body_id FROM meetings WHERE own_body_key = ? LIMIT 1", arguments: [key]) {
                bodies.insert(id)
            }
        }
        for id in bodies.sorted() { try BodyRebuild.rebuild(db, bodyID: id) }
        try BodyRebuild.collectGarbage(db)
    }

    /// Files decoded by several threads at once.
    private final class Decoded<T>: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var results: [Result<T, Error>?]
        init(count: Int) { results = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ r: Result<T, Error>) {
            lock.lock()
            results[i] = r
            lock.unlock()
        }
    }

    /// Runs read-only SQL for the queries.
    func read<T>(_ block: (Database) throws -> T) throws -> T {
        try queue.read(block)
    }

    static func describe(_ error: Error) -> String {
        if let e = error as? DatabaseError { return e.message ?? "\(e)" }
        if let e = error as? DecodingError {
            switch e {
            case .dataCorrupted(let c): return c.debugDescription
            case .keyNotFound(let k, _): return "missing \"\(k.stringValue)\""
            case .typeMismatch(_, let c), .valueNotFound(_, let c):
                return "\(c.codingPath.map(\.stringValue).joined(separator: ".")): \(c.debugDescription)"
            @unknown default: return "\(e)"
            }
        }
        if let e = error as? CocoaError, let path = e.filePath { return "cannot read \(path)" }
        return "\(error)"
    }
}

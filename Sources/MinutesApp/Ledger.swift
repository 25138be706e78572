import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What became of one input: the durable memory that makes batches resumable and stops
/// the watcher converting a file twice.
public struct LedgerRecord: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable { case converted, failed }

    public var sha256: String
    /// `PipelineFile.version` plus any option given on the command line.
    public var pipeline: String
    /// The input path as it was when converted.
    public var input: String
    public var status: Status
    /// Output path without extension, relative to the output folder (`NAME` of `NAME.json`).
    public var base: String?
    /// Output paths relative to the output folder.
    public var outputs: [String]
    public var reason: String?
    public var pages: Int?
    public var time: String
    /// The action-register rows of this document, so `actions.csv` can be rebuilt for a
    /// resumed batch without converting the skipped files again.
    public var actions: [[String]]?
    /// For a failure: whether it may pass (a limit, a full disk) and whether it was a
    /// crash, which is not tried again on the same bytes. Absent in older ledgers.
    public var failure: FailureKind?

    public init(sha256: String, pipeline: String, input: String, status: Status, base: String? = nil,
                outputs: [String] = [], reason: String? = nil, pages: Int? = nil, actions: [[String]]? = nil,
                failure: FailureKind? = nil) {
        self.sha256 = sha256
        self.pipeline = pipeline
        self.input = input
        self.status = status
        self.base = base
        self.outputs = outputs
        self.reason = reason
        self.pages = pages
        self.actions = actions
        self.failure = failure
        time = ISO8601DateFormatter().string(from: Date())
    }
}

public enum LedgerError: Error, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let p, let r): return "\(p): cannot open the ledger (\(r))"
        case .cannotWrite(let p, let r): return "\(p): cannot write the ledger (\(r))"
        }
    }
}

/// An append-only file of JSON lines. Each record is written with one `write(2)` on an
/// `O_APPEND` descriptor, so a process killed at any moment leaves at worst a torn last
/// line, which loading skips.
public final class Ledger: @unchecked Sendable {
    public static let fileName = ".minutes-ledger.jsonl"

    public let url: URL
    private let fd: Int32
    private let lock = NSLock()
    private var bySHA: [String: [LedgerRecord]] = [:]
    private var ordered: [LedgerRecord] = []

    /// Opens (or creates) the ledger at `url`; records in `alsoReading` (a shard's view of
    /// the merged ledger) count as known too, but nothing is written to them.
    public init(url: URL, alsoReading: [URL] = []) throws {
        self.url = url
        for file in alsoReading + [url] {
            for r in Self.load(file) {
                bySHA[r.sha256, default: []].append(r)
                ordered.append(r)
            }
        }
        fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        if fd < 0 { throw LedgerError.cannotOpen(path: url.path, reason: String(cString: strerror(errno))) }
        // A torn last line from a killed run must not glue onto the next record.
        if let size = try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int, size > 0,
           let h = FileHandle(forReadingAtPath: url.path) {
            try? h.seek(toOffset: UInt64(size - 1))
            if h.readData(ofLength: 1) != Data([0x0A]) { _ = "\n".withCString { Glibc.write(fd, $0, 1) } }
            try? h.close()
        }
    }

    deinit { close(fd) }

    /// The records of a ledger file, skipping a torn or foreign line.
    public static func load(_ url: URL) -> [LedgerRecord] {
        guard let data = try? Data(contentsOf: url) else { return [] }
        let decoder = JSONDecoder()
        return data.split(separator: 0x0A).compactMap { try? decoder.decode(LedgerRecord.self, from: Data($0)) }
    }

    public func append(_ record: LedgerRecord) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(record)
        data.append(0x0A)
        lock.lock(); defer { lock.unlock() }
        let written = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        if written != data.count {
            throw LedgerError.cannotWrite(path: url.path, reason: written < 0 ? String(cString: strerror(errno)) : "short write")
        }
        bySHA[record.sha256, default: []].append(record)
        ordered.append(record)
    }

    /// Appends a line as it was written elsewhere (a shard's ledger), byte for byte.
    func appendLine(_ line: Data, _ record: LedgerRecord) throws {
        var data = line
        data.append(0x0A)
        lock.lock(); defer { lock.unlock() }
        let written = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        if written != data.count {
            throw LedgerError.cannotWrite(path: url.path, reason: written < 0 ? String(cString: strerror(errno)) : "short write")
        }
        bySHA[record.sha256, default: []].append(record)
        ordered.append(record)
    }

    public func records(sha256: String) -> [LedgerRecord] {
        lock.lock(); defer { lock.unlock() }
        return bySHA[sha256] ?? []
    }

    /// The latest conversion of this content with this pipeline, optionally under output name `base`.
    public func converted(sha256: String, pipeline: String, base: String? = nil) -> LedgerRecord? {
        records(sha256: sha256).last { r in
            r.status == .converted && r.pipeline == pipeline && (base == nil || r.base == base)
        }
    }

    /// The latest record of this content with this pipeline, when it is a failure.
    public func lastFailure(sha256: String, pipeline: String) -> LedgerRecord? {
        guard let last = records(sha256: sha256).last(where: { $0.pipeline == pipeline }), last.status == .failed else { return nil }
        return last
    }

    /// The content hash whose conversion last wrote output name `base`.
    public func owner(ofBase base: String) -> String? {
        lock.lock(); defer { lock.unlock() }
        return ordered.last { r in r.status == .converted && r.base == base }?.sha256
    }

    /// Every record, in file order.
    public var all: [LedgerRecord] {
        lock.lock(); defer { lock.unlock() }
        return ordered
    }
}

public enum OutputFileError: Error, CustomStringConvertible {
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .cannotWrite(let p, let r): return "\(p): cannot write output (\(r))"
        }
    }
}

/// Writes through a hidden temporary name in the same folder and renames it into place,
/// so a reader (or a resumed batch) never sees half a file.
public enum AtomicFile {
    static let marker = ".minutes-tmp-"

    public static func write(_ data: Data, to url: URL) throws {
        let dir = url.deletingLastPathComponent()
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent)\(marker)\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try data.write(to: tmp)
        } catch {
            try? FileManager.default.removeItem(at: tmp)
            throw OutputFileError.cannotWrite(path: url.path, reason: DocumentConverter.describe(error))
        }
        if rename(tmp.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: tmp)
            throw OutputFileError.cannotWrite(path: url.path, reason: reason)
        }
    }

    /// Removes temporaries left by killed runs (their process is gone) under `dir`.
    public static func sweep(_ dir: URL) {
        let fm = FileManager.default
        guard let e = fm.enumerator(at: dir, includingPropertiesForKeys: nil) else { return }
        for case let url as URL in e {
            let name = url.lastPathComponent
            guard let r = name.range(of: marker) else { continue }
            let pidText = name[r.upperBound...].prefix { $0.isNumber }
            // A live owner (this process or another run) is still writing it.
            if let pid = Int32(pidText), pid == getpid() || kill(pid, 0) == 0 { continue }
            try? fm.removeItem(at: url)
        }
    }
}

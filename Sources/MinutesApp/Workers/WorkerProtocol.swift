import Foundation
import MinutesPipeline
#if canImport(Glibc)
import Glibc
#endif

/// One document for a worker: where it is, what the parent already knows of it, and
/// where its outputs go.
public struct ConversionJob: Codable, Sendable {
    public var path: String
    /// The name errors and `source.file` use.
    public var fileName: String
    /// How the actions register names the source (a batch: the path as given).
    public var sourceFile: String
    public var sha256: String
    /// Size and modification time when the parent hashed it: a worker that finds the file
    /// changed since fails it as transient rather than convert other bytes than were hashed.
    public var size: Int64
    public var mtime: Double
    /// Output path without extension, relative to `outDir`.
    public var base: String
    public var outDir: String
    public var formats: [String]
    /// Send the minutes/1 JSON back as well as writing it (for a caller that needs it).
    public var returnDocument = false

    public init(path: String, fileName: String, sourceFile: String, sha256: String, size: Int64, mtime: Double,
                base: String, outDir: String, formats: [String]) {
        self.path = path
        self.fileName = fileName
        self.sourceFile = sourceFile
        self.sha256 = sha256
        self.size = size
        self.mtime = mtime
        self.base = base
        self.outDir = outDir
        self.formats = formats
    }
}

/// Why a conversion failed, as far as retrying it goes.
public enum FailureKind: String, Codable, Sendable {
    /// The input itself: not a PDF, encrypted, damaged, over a limit. The same bytes fail
    /// the same way, but a failure costs little, so a later run tries again.
    case document
    /// A worker died of a signal (or exited) on these bytes: never retried on the same
    /// bytes with the same pipeline (`--force` does).
    case crash
    /// Over `--timeout`: a busy machine may do it next time.
    case timeout
    /// Over `--max-memory`.
    case memory
    /// SIGKILL from outside (the kernel's out-of-memory killer, an operator).
    case killed
    /// Reading the input or writing outputs failed (full disk, permissions, a file that
    /// changed under us), or a worker could not be started.
    case io

    /// A later run may succeed: the batch exits 75 (EX_TEMPFAIL) rather than 1.
    public var isTransient: Bool { self == .timeout || self == .memory || self == .killed || self == .io }
}

public struct ConversionFailure: Error, Sendable, Equatable {
    public var reason: String
    public var kind: FailureKind
    /// A file still being written could fail this way (damaged, not a PDF, no pages, a
    /// crash), where an encrypted file or one over a limit could not: a watcher holds such
    /// a file while it is fresh rather than quarantine half a document.
    public var mayBeIncomplete: Bool

    public init(_ reason: String, kind: FailureKind, mayBeIncomplete: Bool? = nil) {
        self.reason = reason
        self.kind = kind
        self.mayBeIncomplete = mayBeIncomplete ?? (kind == .crash)
    }

    /// Whether a conversion error could come of reading a file only partly written.
    public static func couldBeIncomplete(_ error: Error) -> Bool {
        guard let e = error as? ConversionError else { return true }
        switch e {
        case .overLimit, .invalidPipeline: return false
        // Encryption is declared in the trailer, at the end: half a file cannot claim it.
        case .unreadable(_, let reason): return !reason.hasPrefix("encrypted")
        case .empty, .unsupported, .noText: return true
        }
    }
}

public struct ConvertedDocument: Sendable {
    public var pages: Int
    /// Output paths relative to the output folder.
    public var outputs: [String]
    /// The document's rows of the actions register.
    public var actions: [[String]]
    /// The minutes/1 JSON, when the job asked for it.
    public var document: Data?
}

public enum ConversionOutcome: Sendable {
    case converted(ConvertedDocument)
    case failed(ConversionFailure)
}

/// What a worker says about the document in hand, as it goes.
public enum ConversionProgress: Sendable {
    case stageDone(String, seconds: Double)
    case page(Int)
}

/// Where documents are converted: in this process, or in worker processes.
public protocol ConversionBackend: AnyObject, Sendable {
    /// Converts one document on `lane` (0..<lanes: one caller thread per lane at a time)
    /// and writes its outputs. Never throws: a failure is an outcome.
    func convert(_ job: ConversionJob, lane: Int, progress: (ConversionProgress) -> Void) -> ConversionOutcome
    /// Workers idle for `seconds` are let go (a watcher between files).
    func retireIdle(after seconds: Double)
    /// `lane` has no more work: its worker (and the memory it holds) can go now, while
    /// other lanes finish the last long documents of a batch.
    func laneDone(_ lane: Int)
    /// Lets every worker go; waits for them to exit.
    func shutdown()
}

/// How a worker is set up, sent once as its first message.
public struct WorkerConfig: Codable, Sendable {
    /// The command-line words that choose and adjust the pipeline (`--pipeline`, `--lang`…),
    /// resolved by the worker exactly as the command resolved them.
    public var pipelineArguments: [String]
    /// Pages of one document OCR'd at once (the pool of page slots is shared by all workers).
    public var pageThreads: Int
    public var limits: InputLimits
    /// `--max-memory` in MiB: the worker's RLIMIT_DATA.
    public var maxMemoryMB: Int?
    /// A worker whose own memory (anonymous resident pages: heap, engines, caches) is
    /// above this many MiB once a document is done exits after it, and the next document
    /// gets a fresh one (nil: never). Workers live on only to spare their start-up (a few
    /// tens of milliseconds), and a worker that read a scan or a long document keeps tens
    /// of megabytes the next, often small, document does not need: an OCR engine, the
    /// allocator's freed-but-kept pages.
    public var retireAboveMB: Int?
    /// A file the workers of one pool `flock` while they draw a page for OCR, so that one
    /// draws at a time (`PipelineProbe.renderGate`): the pool's own unlinked file, as
    /// /proc/PID/fd/N.
    public var renderLockPath: String?

    /// A worker starts with about 7 MiB of anonymous memory and stays near 10 over short
    /// text documents; after a scan it keeps about 35 (an engine, the allocator's kept
    /// pages), which the document after it, most often a text one, has no use for.
    public static let defaultRetireAboveMB = 24

    public init(pipelineArguments: [String], pageThreads: Int, limits: InputLimits, maxMemoryMB: Int?,
                retireAboveMB: Int? = WorkerConfig.defaultRetireAboveMB) {
        self.pipelineArguments = pipelineArguments
        self.pageThreads = pageThreads
        self.limits = limits
        self.maxMemoryMB = maxMemoryMB
        self.retireAboveMB = retireAboveMB
    }
}

/// The worker's answer to one job.
struct WorkerResult: Codable {
    var pages: Int?
    var outputs: [String]?
    var actions: [[String]]?
    var failure: String?
    var kind: FailureKind?
    var mayBeIncomplete: Bool?
    /// The worker exits after this answer (`WorkerConfig.retireAboveMB`): the parent
    /// reaps it and starts another for the next document.
    var retiring: Bool?
}

/// Messages over the pipes: a 4-byte little-endian length (of kind and payload), a kind
/// byte, then the payload (JSON for structures, a 4-byte page number, or UTF-8 text).
enum FrameKind: UInt8 {
    // parent → worker
    case configure = 1, convert = 2, grant = 3
    // worker → parent
    case ready = 10, stageBegun = 11, stageDone = 12, page = 13, acquire = 14, release = 15
    case document = 16, result = 17, startFailed = 18
}

struct Frame {
    var kind: FrameKind
    var payload: [UInt8]

    static let maxLength = 1 << 30

    var bytes: [UInt8] {
        let n = UInt32(payload.count + 1)
        return [UInt8(n & 0xFF), UInt8(n >> 8 & 0xFF), UInt8(n >> 16 & 0xFF), UInt8(n >> 24), kind.rawValue] + payload
    }

    static func number(_ kind: FrameKind, _ n: Int) -> Frame {
        let v = UInt32(truncatingIfNeeded: n)
        return Frame(kind: kind, payload: [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)])
    }

    static func text(_ kind: FrameKind, _ s: String) -> Frame { Frame(kind: kind, payload: Array(s.utf8)) }

    static func json<T: Encodable>(_ kind: FrameKind, _ value: T) throws -> Frame {
        Frame(kind: kind, payload: Array(try JSONEncoder().encode(value)))
    }

    var number: Int {
        guard payload.count >= 4 else { return 0 }
        return Int(Int32(bitPattern: UInt32(payload[0]) | UInt32(payload[1]) << 8 | UInt32(payload[2]) << 16 | UInt32(payload[3]) << 24))
    }

    var text: String { String(decoding: payload, as: UTF8.self) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try JSONDecoder().decode(type, from: Data(payload)) }

    /// Takes one whole frame off the front of `buffer` (from `start`), if there is one.
    static func take(from buffer: [UInt8], at start: inout Int) throws -> Frame? {
        guard buffer.count - start >= 5 else { return nil }
        let n = Int(UInt32(buffer[start]) | UInt32(buffer[start + 1]) << 8 | UInt32(buffer[start + 2]) << 16
                    | UInt32(buffer[start + 3]) << 24)
        guard n >= 1, n <= maxLength else { throw FrameError.malformed }
        guard buffer.count - start - 4 >= n else { return nil }
        guard let kind = FrameKind(rawValue: buffer[start + 4]) else { throw FrameError.malformed }
        let payload = Array(buffer[(start + 5)..<(start + 4 + n)])
        start += 4 + n
        return Frame(kind: kind, payload: payload)
    }
}

enum FrameError: Error { case malformed }

/// Writes whole frames to a descriptor; frames from several threads never interleave.
final class FrameWriter: @unchecked Sendable {
    private var fd: Int32
    private let lock = NSLock()

    init(fd: Int32) { self.fd = fd }

    /// False once the other end is gone (or this end closed).
    @discardableResult
    func send(_ frame: Frame) -> Bool {
        let bytes = frame.bytes
        lock.lock()
        defer { lock.unlock() }
        return fd >= 0 && FD.writeAll(fd, bytes)
    }

    /// Closes the descriptor; later sends fail rather than write to a reused number.
    func close() {
        lock.lock()
        defer { lock.unlock() }
        if fd >= 0 { _ = Glibc.close(fd) }
        fd = -1
    }
}

enum FD {
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN {
                    var p = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&p, 1, 1000)
                    continue
                }
                return false
            }
            done += n
        }
        return true
    }

    static func setNonBlocking(_ fd: Int32) {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }
}

import Dispatch
import Foundation
import MinutesModel
import MinutesPipeline

/// One share of a batch spread over several machines (`--shard I/N`, I from 0): the inputs
/// whose content hash falls in it. Content, not path, decides, so a retried shard takes
/// the same files wherever the volume is mounted, and a file renamed between runs stays put.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, i >= 0, i < n else { return nil }
        index = i
        count = n
    }

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    public var description: String { "\(index)/\(count)" }
    /// `shard-I-of-N`, in the names of the shard's own files.
    public var tag: String { "shard-\(index)-of-\(count)" }

    /// The shard a content hash (hex SHA-256) belongs to: its first 64 bits modulo N.
    public static func of(sha256: String, count: Int) -> Int {
        Int(UInt64(sha256.prefix(16), radix: 16).map { $0 % UInt64(max(1, count)) } ?? 0)
    }

    public func contains(sha256: String) -> Bool { Self.of(sha256: sha256, count: count) == index }
}

/// What one shard did, written beside its ledger as `_shard-I-of-N.json`: every input it
/// took by its place in the whole list, so a merge can prove each was converted once.
public struct ShardSummary: Codable, Sendable {
    public struct Entry: Codable, Sendable {
        public var seq: Int
        public var file: String
        public var base: String
        public var sha256: String?
        /// converted, skipped, failed or not-run.
        public var status: String
        public var reason: String?
        public var retryable: Bool?
        public var actions: [[String]]?
    }

    public var shard: String
    /// Inputs in the whole batch, across every shard.
    public var total: Int
    public var pipeline: String
    public var formats: [String]
    /// Inputs that do not exist (reported by shard 0 alone).
    public var missing: [String]
    public var inputs: [Entry]

    public static func fileName(_ shard: Shard) -> String { "_\(shard.tag).json" }
}

extension BatchRunner {
    /// The main ledger, or for a shard its own ledger, which also knows the merged one.
    func openLedger() throws -> Ledger {
        let main = options.outDir.appendingPathComponent(Ledger.fileName)
        guard let shard = options.shard else { return try Ledger(url: main) }
        return try Ledger(url: options.outDir.appendingPathComponent(Ledger.shardFileName(shard)), alsoReading: [main])
    }

    /// `_failures.json` or, for a shard, `_failures.shard-I-of-N.json`.
    func reportName(_ name: String) -> String {
        guard let shard = options.shard else { return name }
        let url = URL(fileURLWithPath: name)
        return BatchInputs.stem(name) + "." + shard.tag + "." + url.pathExtension
    }

    /// The inputs this run converts, each with its place in the whole list, and the
    /// missing inputs it reports. Every input is hashed to find its shard (the hash is
    /// kept: the conversion needs it too); one that cannot be read goes by its path.
    func selectShare(_ inputs: [BatchInput], missing: [String]) -> ([BatchInput], [Int], [String]) {
        guard let shard = options.shard else { return (inputs, Array(inputs.indices), missing) }
        let hashes = ShaTable(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: max(1, min(options.jobs, inputs.count))) { worker in
            var i = worker
            while i < inputs.count {
                let data = try? Data(contentsOf: inputs[i].url, options: .mappedIfSafe)
                hashes.set(i, data.map { SHA256.hex($0) })
                i += max(1, min(options.jobs, inputs.count))
            }
        }
        var chosen: [BatchInput] = [], seqs: [Int] = []
        for (i, input) in inputs.enumerated() {
            let sha = hashes.get(i)
            let key = sha ?? SHA256.hex(Data(input.url.path.utf8))
            guard shard.contains(sha256: key) else { continue }
            if let sha { knownSHA[input.url.path] = sha }
            chosen.append(input)
            seqs.append(i)
        }
        return (chosen, seqs, shard.index == 0 ? missing : [])
    }

    func writeShardSummary(inputs: [BatchInput], seqs: [Int], total: Int, missing: [String], failures: [BatchFailure]) {
        guard let shard = options.shard else { return }
        let byFile = Dictionary(failures.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a })
        let entries = inputs.indices.map { i -> ShardSummary.Entry in
            let record = recordAndOutcome(i)
            var status = "not-run"
            switch record.outcome {
            case .converted: status = "converted"
            case .skipped: status = "skipped"
            case .failed: status = "failed"
            case .notRun: status = "not-run"
            }
            let failure = byFile[inputs[i].display]
            return ShardSummary.Entry(seq: seqs[i], file: inputs[i].display, base: inputs[i].base, sha256: record.record?.sha256,
                                      status: status, reason: status == "failed" ? failure?.reason : nil,
                                      retryable: status == "failed" ? failure?.retryable : nil,
                                      actions: status == "converted" || status == "skipped" ? record.record?.actions : nil)
        }
        let summary = ShardSummary(shard: shard.description, total: total, pipeline: options.pipelineVersion,
                                   formats: options.formats.map(\.rawValue).sorted(), missing: missing, inputs: entries)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try AtomicFile.write(try encoder.encode(summary), to: options.outDir.appendingPathComponent(ShardSummary.fileName(shard)))
        } catch {
            logger.error("\(error.oneLine)")
        }
    }

    final class ShaTable: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [String?]
        init(count: Int) { values = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ v: String?) { lock.lock(); values[i] = v; lock.unlock() }
        func get(_ i: Int) -> String? { lock.lock(); defer { lock.unlock() }; return values[i] }
    }
}

extension Ledger {
    /// `.minutes-ledger.shard-I-of-N.jsonl`
    public static func shardFileName(_ shard: Shard) -> String { ".minutes-ledger.\(shard.tag).jsonl" }
}

import Foundation

/// `minutes ledger merge OUT`: after N shards have each converted their share into one
/// output folder, combines their ledgers into the folder's own and writes `_failures.json`
/// and `actions.csv` as one run over every input would have, once it has checked that
/// every input was taken by exactly one shard.
public enum LedgerMerge {
    public struct Report: Sendable {
        public var shards: Int = 0
        public var total: Int = 0
        public var converted = 0
        public var skipped = 0
        public var failed = 0
        public var retryable = 0
        public var notRun = 0
        public var recordsAdded = 0
        /// What keeps the merge from being the whole batch: missing shards, inputs taken
        /// twice or by no one. Empty when complete.
        public var problems: [String] = []

        public var complete: Bool { problems.isEmpty && notRun == 0 }
        public var line: String {
            var parts = ["\(shards) shard\(shards == 1 ? "" : "s"), \(total) inputs: \(converted) converted"]
            if skipped > 0 { parts.append("\(skipped) skipped (already converted)") }
            parts.append("\(failed) failed")
            if notRun > 0 { parts.append("\(notRun) not started (a shard was interrupted)") }
            return parts.joined(separator: ", ") + "; \(recordsAdded) ledger records added"
        }
    }

    public enum MergeError: Error, CustomStringConvertible {
        case noShards(path: String)
        case unreadable(path: String, reason: String)

        public var description: String {
            switch self {
            case .noShards(let p): return "\(p): no shard summaries (_shard-I-of-N.json) to merge"
            case .unreadable(let p, let r): return "\(p): cannot read (\(r))"
            }
        }
    }

    public static func merge(outDir: URL) throws -> Report {
        let fm = FileManager.default
        let names = (try? fm.contentsOfDirectory(atPath: outDir.path)) ?? []
        var summaries: [(Shard, ShardSummary)] = []
        for name in names.sorted() where name.hasPrefix("_shard-") && name.hasSuffix(".json") {
            let tag = String(name.dropFirst(1).dropLast(5))
            let parts = tag.split(separator: "-")
            guard parts.count == 4, let i = Int(parts[1]), let n = Int(parts[3]), i < n else { continue }
            let url = outDir.appendingPathComponent(name)
            do {
                summaries.append((Shard(index: i, count: n), try JSONDecoder().decode(ShardSummary.self, from: Data(contentsOf: url))))
            } catch {
                throw MergeError.unreadable(path: url.path, reason: String(describing: error))
            }
        }
        guard !summaries.isEmpty else { throw MergeError.noShards(path: outDir.path) }
        var report = Report()
        // The shard count most summaries name; stray ones from another split are reported.
        let counts = Dictionary(grouping: summaries, by: { $0.0.count })
        let n = counts.max { $0.value.count < $1.value.count }?.key ?? 1
        for other in counts.keys where other != n {
            report.problems.append("summaries from a split into \(other) shards are ignored (this merge is of \(n))")
        }
        let chosen = summaries.filter { $0.0.count == n }.sorted { $0.0.index < $1.0.index }
        report.shards = chosen.count
        let present = Set(chosen.map(\.0.index))
        for i in 0..<n where !present.contains(i) { report.problems.append("shard \(i)/\(n) has not run (no _shard-\(i)-of-\(n).json)") }
        let total = chosen.map(\.1.total).max() ?? 0
        report.total = total
        if Set(chosen.map(\.1.total)).count > 1 { report.problems.append("the shards saw different input lists (\(Set(chosen.map(\.1.total)).sorted()) inputs)") }

        var bySeq: [Int: (Shard, ShardSummary.Entry)] = [:]
        for (shard, summary) in chosen {
            for e in summary.inputs {
                if let (first, _) = bySeq[e.seq] {
                    report.problems.append("input \(e.file) was taken by shard \(first) and shard \(shard)")
                    continue
                }
                bySeq[e.seq] = (shard, e)
            }
        }
        for seq in 0..<total where bySeq[seq] == nil && present.count == n {
            report.problems.append("input #\(seq + 1) was taken by no shard")
        }
        let ordered = bySeq.keys.sorted().compactMap { bySeq[$0]?.1 }
        for e in ordered {
            switch e.status {
            case "converted": report.converted += 1
            case "skipped": report.skipped += 1
            case "failed":
                report.failed += 1
                if e.retryable == true { report.retryable += 1 }
            default: report.notRun += 1
            }
        }
        report.recordsAdded = try mergeLedgers(outDir: outDir, shards: chosen.map(\.0))
        guard report.problems.isEmpty else { return report }

        let missing = chosen.flatMap(\.1.missing)
        var failures = missing.map { BatchFailure(file: $0, reason: "no such file or folder", sha256: nil, retryable: false) }
        failures += ordered.filter { $0.status == "failed" }.map {
            BatchFailure(file: $0.file, reason: $0.reason ?? "failed", sha256: $0.sha256, retryable: $0.retryable)
        }
        report.failed += missing.count
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(try encoder.encode(failures), to: outDir.appendingPathComponent(BatchRunner.failuresFile))
        if chosen.contains(where: { $0.1.formats.contains(OutputFormat.csv.rawValue) }) {
            let rows = ordered.filter { $0.status == "converted" || $0.status == "skipped" }.flatMap { $0.actions ?? [] }
            try AtomicFile.write(Data(ActionRegister.csv(rows).utf8), to: outDir.appendingPathComponent(BatchRunner.actionsFile))
        }
        return report
    }

    /// Appends each shard ledger's records the folder's ledger does not hold yet (so a
    /// second merge, after a shard was run again, adds only what is new).
    static func mergeLedgers(outDir: URL, shards: [Shard]) throws -> Int {
        let mainURL = outDir.appendingPathComponent(Ledger.fileName)
        let known = Set(((try? Data(contentsOf: mainURL)) ?? Data()).split(separator: 0x0A).map { Data($0) })
        let ledger = try Ledger(url: mainURL)
        var added = 0
        for shard in shards {
            let url = outDir.appendingPathComponent(Ledger.shardFileName(shard))
            guard let data = try? Data(contentsOf: url) else { continue }
            let decoder = JSONDecoder()
            for line in data.split(separator: 0x0A) where !known.contains(Data(line)) {
                guard let record = try? decoder.decode(LedgerRecord.self, from: Data(line)) else { continue }
                try ledger.appendLine(Data(line), record)
                added += 1
            }
        }
        return added
    }
}

import Foundation
import XCTest
import MinutesApp
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `minutes` binary and manages the files batch and watch tests work on.
enum CLI {
    struct MissingBinary: Error, CustomStringConvertible {
        var description: String { "minutes binary not built at \(CLI.binary.path) (run swift build first)" }
    }

    /// Fails the test (not skips it: a silent skip would hide a broken build) without the binary.
    static func requireBinary() throws {
        guard FileManager.default.isExecutableFile(atPath: binary.path) else { throw MissingBinary() }
    }

    /// `minutes` sits beside the test bundle in the build folder (`.build*/debug/`).
    static var binary: URL {
        // On Linux the "bundle" is the build folder itself; elsewhere the .xctest sits in it.
        let bundle = Bundle(for: BundleMarker.self).bundleURL
        var dir = bundle
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("minutes")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return bundle.deletingLastPathComponent().appendingPathComponent("minutes")
    }

    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/batch")
    }

    static func fixture(_ name: String) -> URL { fixtures.appendingPathComponent(name) }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// A started process whose output goes to files (no pipe to fill up and block it).
    final class Running {
        let process: Process
        let outURL: URL
        let errURL: URL

        /// `environment` adds to (or overrides) this process's own.
        init(_ args: [String], in dir: URL, environment: [String: String] = [:]) throws {
            process = Process()
            process.executableURL = CLI.binary
            process.arguments = args
            if !environment.isEmpty {
                process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
            }
            outURL = dir.appendingPathComponent("stdout-\(UUID().uuidString).txt")
            errURL = dir.appendingPathComponent("stderr-\(UUID().uuidString).txt")
            _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
            _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: outURL)
            process.standardError = try FileHandle(forWritingTo: errURL)
            process.standardInput = FileHandle.nullDevice
            try process.run()
        }

        var pid: Int32 { process.processIdentifier }
        var stderr: String { (try? String(contentsOf: errURL, encoding: .utf8)) ?? "" }

        func signal(_ sig: Int32) { kill(process.processIdentifier, sig) }

        /// Waits at most `timeout` seconds; a process still running then is killed and the test fails.
        @discardableResult
        func wait(timeout: Double, file: StaticString = #filePath, line: UInt = #line) -> Result {
            let deadline = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                XCTFail("minutes \(process.arguments ?? []) still running after \(timeout) s; killed", file: file, line: line)
            }
            process.waitUntilExit()
            return Result(status: process.terminationStatus,
                          stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
                          stderr: stderr)
        }
    }

    static func run(_ args: [String], in dir: URL, timeout: Double = 120, environment: [String: String] = [:],
                    file: StaticString = #filePath, line: UInt = #line) throws -> Result {
        try Running(args, in: dir, environment: environment).wait(timeout: timeout, file: file, line: line)
    }

    /// `_failures.json` of an output folder, by file name.
    static func failures(in out: URL, file: String = BatchRunner.failuresFile) throws -> [String: BatchFailure] {
        let list = try JSONDecoder().decode([BatchFailure].self, from: Data(contentsOf: out.appendingPathComponent(file)))
        return Dictionary(list.map { (URL(fileURLWithPath: $0.file).lastPathComponent, $0) }, uniquingKeysWith: { a, _ in a })
    }

    static func tempDir(_ name: String = #function) throws -> URL {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("minutes-\(safe)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// `count` copies of a fixture, each with a different trailing comment (PDF readers
    /// ignore bytes after %%EOF), so every copy has its own content hash.
    @discardableResult
    static func uniqueCopies(of fixture: String, count: Int, into dir: URL, prefix: String = "copy") throws -> [URL] {
        let data = try Data(contentsOf: CLI.fixture(fixture))
        return try (0..<count).map { i in
            var d = data
            d.append(Data("\n%minutes-test copy \(i)\n".utf8))
            let url = dir.appendingPathComponent(String(format: "\(prefix)-%03d.pdf", i))
            try d.write(to: url)
            return url
        }
    }

    /// Polls `condition` every 50 ms for at most `timeout` seconds.
    @discardableResult
    static func waitUntil(timeout: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }

    /// Visible file names in a folder; with `ext`, the per-document outputs (not the
    /// batch's own `_failures.json`).
    static func files(in dir: URL, ext: String? = nil) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { name in
            guard !name.hasPrefix(".") else { return false }
            guard let ext else { return true }
            return name.hasSuffix("." + ext) && !name.hasPrefix("_")
        }.sorted()
    }

    static func ledger(in out: URL) throws -> [LedgerRecord] {
        let data = (try? Data(contentsOf: out.appendingPathComponent(Ledger.fileName))) ?? Data()
        return data.split(separator: 0x0A).compactMap { try? JSONDecoder().decode(LedgerRecord.self, from: Data($0)) }
    }

    /// Temporaries a killed run could have left (they are hidden).
    static func temporaries(in dir: URL) -> [String] {
        let e = FileManager.default.enumerator(atPath: dir.path)
        var out: [String] = []
        while let p = e?.nextObject() as? String { if p.contains(".minutes-tmp-") { out.append(p) } }
        return out
    }
}

private final class BundleMarker {}

import ArgumentParser
import Foundation
import MinutesModel
import MinutesRegister

/// `--db`, shared by the register's commands.
struct RegisterDatabase: ParsableArguments {
    @Option(name: .long, help: "The register: an SQLite database (created by `minutes register` if missing).")
    var db: String

    /// The register, which must exist for a query (a mistyped path is not a new empty register).
    func open(mustExist: Bool) throws -> Register {
        if mustExist && !FileManager.default.fileExists(atPath: db) {
            FileHandle.standardError.write(Data("minutes: \(db): no such register (make one with `minutes register OUT_DIR --db \(db)`)\n".utf8))
            throw ExitCode(1)
        }
        do {
            return try Register(path: db)
        } catch {
            FileHandle.standardError.write(Data("minutes: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

struct FormatOption: ParsableArguments {
    @Option(name: .long, help: "table, csv or json.")
    var format: String = "table"

    @Flag(name: .long, help: "Print on standard error how long the query and its output took (start-up aside).")
    var timing = false

    /// Runs the query and prints its output, timed with --timing.
    func print(_ query: () throws -> [(String, ResultTable)]) rethrows {
        let start = Date()
        let sections = try query()
        let text = ResultFormatter.render(sections, as: value)
        FileHandle.standardOutput.write(Data(text.utf8))
        if timing {
            let ms = Date().timeIntervalSince(start) * 1000
            FileHandle.standardError.write(Data(String(format: "query and output: %.1f ms\n", ms).utf8))
        }
    }

    func validate() throws {
        if QueryFormat(rawValue: format) == nil { throw ValidationError("--format must be table, csv or json") }
    }

    var value: QueryFormat { QueryFormat(rawValue: format) ?? .table }
}

struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Load minutes/1 files into the register (SQLite) and follow actions and people across meetings.",
        discussion: """
        Folders are searched recursively for *.json minutes/1 files. A file already loaded (the same \
        bytes) changes nothing; a new conversion of a loaded document replaces its rows. The whole \
        run is one transaction: stopped midway, the register is as it was. --explain prints why \
        threads and people were matched (after loading, or alone). Tables: docs/register.md.
        Exit status: 0 every file loaded (or unchanged), 1 some were not minutes/1, 2 bad usage.
        """)

    @Argument(help: "Folders of minutes/1 JSON (convert's --out folders), or JSON files.")
    var inputs: [String] = []

    @OptionGroup var database: RegisterDatabase

    @Option(name: .long, help: "The body these files belong to, instead of the one read from each meeting.")
    var body: String?

    @Flag(name: .long, help: "Print, body by body, why actions were threaded and people matched.")
    var explain = false

    @Flag(name: .shortAndLong, help: "Print errors only.")
    var quiet = false

    func validate() throws {
        if inputs.isEmpty && !explain { throw ValidationError("give folders or files to load, or --explain") }
    }

    func run() throws {
        let register = try database.open(mustExist: inputs.isEmpty)
        var failed = 0
        if !inputs.isEmpty {
            let (files, missing) = Self.jsonFiles(inputs)
            for m in missing { FileHandle.standardError.write(Data("minutes: \(m): no such file or folder\n".utf8)) }
            failed += missing.count
            let pauseAfter = ProcessInfo.processInfo.environment["MINUTES_REGISTER_TEST_PAUSE_AFTER"].flatMap(Int.init)
            let start = Date()
            let results: [Register.FileResult]
            do {
                results = try register.load(files: files, body: body) { r, i in
                    if let e = r.error { FileHandle.standardError.write(Data("minutes: \(r.url.path): \(e)\n".utf8)) }
                    if !quiet, let l = r.loaded, l.outcome == .duplicate || l.outcome == .replaced, let note = l.note {
                        FileHandle.standardError.write(Data("\(r.url.path): \(l.outcome.rawValue): \(note)\n".utf8))
                    }
                    // Test hook: stop inside the transaction so a test can kill the process there.
                    if let n = pauseAfter, i + 1 == n {
                        FileHandle.standardError.write(Data("paused after \(n) files\n".utf8))
                        while true { sleep(60) }
                    }
                }
            } catch {
                FileHandle.standardError.write(Data("minutes: \(database.db): \(error); nothing was changed\n".utf8))
                throw ExitCode(1)
            }
            failed += results.filter { $0.error != nil }.count
            if !quiet {
                func n(_ o: Register.Outcome) -> Int { results.filter { $0.loaded?.outcome == o }.count }
                let c = try register.counts()
                let secs = String(format: "%.2f", Date().timeIntervalSince(start))
                FileHandle.standardError.write(Data("""
                    \(files.count) files: \(n(.added)) added, \(n(.replaced)) replaced, \(n(.unchanged)) unchanged, \
                    \(n(.duplicate) > 0 ? "\(n(.duplicate)) duplicates, " : "")\
                    \(results.filter { $0.error != nil }.count) not minutes/1 in \(secs) s; register \(database.db): \
                    \(c.bodies) bodies, \(c.meetings) meetings, \(c.people) people, \(c.threads) action threads \
                    (\(c.open) open), \(c.ambiguous) ambiguities\n
                    """.utf8))
            }
        }
        if explain { print(try register.explain(body: body), terminator: "") }
        if failed > 0 { throw ExitCode(1) }
    }

    /// JSON files under the inputs, in path order, skipping hidden files and the batch's own
    /// `_failures.json`; and the inputs that do not exist.
    static func jsonFiles(_ inputs: [String]) -> ([URL], [String]) {
        var files: [URL] = []
        var missing: [String] = []
        let fm = FileManager.default
        for input in inputs {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: input, isDirectory: &isDir) else { missing.append(input); continue }
            if !isDir.boolValue { files.append(URL(fileURLWithPath: input)); continue }
            let root = URL(fileURLWithPath: input)
            guard let e = fm.enumerator(at: root, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in e where url.pathExtension.lowercased() == "json" && !url.lastPathComponent.hasPrefix("_") {
                files.append(url)
            }
        }
        var seen = Set<String>()
        return (files.map(\.standardizedFileURL).filter { seen.insert($0.path).inserted }.sorted { $0.path < $1.path }, missing)
    }
}

struct ActionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions",
        abstract: "List action threads from the register: each action followed across meetings, with its status now.")

    @OptionGroup var database: RegisterDatabase

    @Flag(name: .long, help: "Only threads still open or carried forward.")
    var open = false

    @Option(name: .long, help: "Only threads this person, team or role owns now (a name, surname or the owner as printed).")
    var owner: String?

    @Option(name: .long, help: "Only this body's threads (every word given must be in its name).")
    var body: String?

    @Flag(name: .long, help: "Only open threads whose due date has passed (see --as-of).")
    var overdue = false

    @Option(name: .long, help: "The day --overdue counts from, YYYY-MM-DD (default: today).")
    var asOf: String?

    @OptionGroup var format: FormatOption

    func validate() throws {
        if let d = asOf, !(d.count == 10 && d.range(of: #"^\d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil) {
            throw ValidationError("--as-of takes a date as YYYY-MM-DD")
        }
        if asOf != nil && !overdue { throw ValidationError("--as-of goes with --overdue") }
    }

    func run() throws {
        let register = try database.open(mustExist: true)
        var filter = Register.ActionFilter(openOnly: open, owner: owner, body: body)
        if overdue {
            let f = DateFormatter()
            f.dateFormat = "yyyy-MM-dd"
            f.locale = Locale(identifier: "en_US_POSIX")
            filter.overdueAsOf = asOf ?? f.string(from: Date())
        }
        try format.print { [("", try register.actions(filter))] }
    }
}

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search over the register's items, decisions and actions (SQLite FTS5).",
        discussion: "Plain words must all occur, in any form the stemmer joins; FTS5 syntax (\"a phrase\", OR, NEAR, prefix*) is passed through.")

    @OptionGroup var database: RegisterDatabase

    @Argument(help: "Words to find.")
    var text: String

    @Option(name: .long, help: "Only this body's meetings.")
    var body: String?

    @Option(name: .long, help: "Most results to print.")
    var limit: Int = 50

    @OptionGroup var format: FormatOption

    func run() throws {
        let register = try database.open(mustExist: true)
        do {
            try format.print { [("", try register.search(text, body: body, limit: limit))] }
        } catch {
            throw ValidationError("cannot search for '\(text)': \(error)")
        }
    }
}

struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: "One person's record in the register: meetings attended, apologies, actions owned, motions moved.",
        discussion: "A full name finds that person; a surname or part of a name finds everyone it fits. Exit status 1 when no one fits.")

    @OptionGroup var database: RegisterDatabase

    @Argument(help: "The person's name.")
    var name: String

    @OptionGroup var format: FormatOption

    func run() throws {
        let register = try database.open(mustExist: true)
        try format.print {
            let records = try register.person(name)
            guard !records.isEmpty else {
                FileHandle.standardError.write(Data("minutes: no one named '\(name)' in \(database.db)\n".utf8))
                throw ExitCode(1)
            }
            if format.value == .table { Swift.print(records.map(\.name).joined(separator: "; ") + "\n") }
            // Several people fit: each section names whom it is about.
            return records.flatMap { r in
                r.sections.map { (records.count > 1 ? "\(r.name): \($0.0)" : $0.0, $0.1) }
            }
        }
    }
}

/// `convert --db` and `watch --db`: each result loaded into the register as it is written.
enum RegisterHook {
    static func loader(_ path: String) throws -> @Sendable (Minutes, URL) throws -> Void {
        let register = try RegisterDatabase.parse(["--db", path]).open(mustExist: false)
        return { minutes, url in try register.load(minutes, path: url.path) }
    }
}

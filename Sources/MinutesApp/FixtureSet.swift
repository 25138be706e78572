import Foundation
import MinutesScoring

/// The two kinds of fixture `minutes test` reads beside a document.
public enum FixtureKind: String, Codable, Sendable, CaseIterable {
    /// `NAME.truth.json`: the partial, hand-checked truth, scored as score.py scores it.
    case truth
    /// `NAME.expected.json`: a whole minutes/1 file the output must agree with.
    case expected

    public var suffix: String { ".\(rawValue).json" }

    static func of(_ fileName: String) -> (stem: String, kind: FixtureKind)? {
        for kind in allCases where fileName.hasSuffix(kind.suffix) && fileName.count > kind.suffix.count {
            return (String(fileName.dropLast(kind.suffix.count)), kind)
        }
        return nil
    }
}

/// One fixture and the document it checks.
public struct FixtureCase: Sendable, Equatable {
    /// The document's path without extension, relative to the folder it was found in (the
    /// name `minutes convert` gives its output there).
    public var name: String
    public var kind: FixtureKind
    public var fixture: URL
    public var document: URL?
}

/// Documents and fixtures found in the arguments of `minutes test`, paired by name.
public struct FixtureSet: Sendable {
    public var cases: [FixtureCase]
    /// Documents with no fixture: not checked (`--accept NAME` gives them one).
    public var unchecked: [(name: String, url: URL)]
    /// Arguments that named nothing.
    public var missing: [String]
    /// Choices the pairing had to make (two documents for one fixture…).
    public var notes: [String]

    /// Image and PDF types, in the order one is chosen when several share a name.
    static let documentExtensions = ["pdf", "png", "jpg", "jpeg", "tif", "tiff"]

    private struct Entry {
        var name: String
        var document: URL?
        var fixtures: [FixtureKind: URL] = [:]
    }

    /// Files and folders (searched recursively) hold documents and the fixtures beside them;
    /// each of `truthDirs` holds fixtures kept apart from their documents, paired with the
    /// documents found by name (the relative path without extension, else the file name).
    public static func find(_ args: [String], truthDirs: [String] = []) -> FixtureSet {
        let fm = FileManager.default
        var entries: [String: Entry] = [:]   // by absolute path without extension
        var order: [String] = []
        var missing: [String] = []
        var notes: [String] = []

        func entry(_ stemPath: String, name: String) -> String {
            if entries[stemPath] == nil {
                entries[stemPath] = Entry(name: name)
                order.append(stemPath)
            }
            return stemPath
        }
        func addDocument(_ url: URL, name: String) {
            let stemPath = url.deletingPathExtension().path
            let key = entry(stemPath, name: name)
            if let have = entries[key]?.document {
                // NAME.pdf and NAME.png: the first type in documentExtensions is taken.
                let rank = { (u: URL) in documentExtensions.firstIndex(of: u.pathExtension.lowercased()) ?? 99 }
                if rank(url) < rank(have) { entries[key]?.document = url }
                notes.append("\(name): several documents share the name; checking \(entries[key]?.document?.lastPathComponent ?? "")")
            } else {
                entries[key]?.document = url
            }
        }
        func addFixture(_ url: URL, stem: String, kind: FixtureKind, name: String) {
            let key = entry(url.deletingLastPathComponent().appendingPathComponent(stem).path, name: name)
            entries[key]?.fixtures[kind] = url
        }
        func isDocument(_ url: URL) -> Bool { documentExtensions.contains(url.pathExtension.lowercased()) }

        func addPath(_ path: String) -> Bool {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else { return false }
            let url = URL(fileURLWithPath: path).standardizedFileURL
            if isDir.boolValue {
                for (file, rel) in files(under: url) {
                    if let (stem, kind) = FixtureKind.of(file.lastPathComponent) {
                        let relStem = String(rel.dropLast(file.lastPathComponent.count)) + stem
                        addFixture(file, stem: stem, kind: kind, name: relStem)
                    } else if isDocument(file) {
                        addDocument(file, name: BatchInputs.stem(rel))
                    }
                }
                return true
            }
            let dir = url.deletingLastPathComponent()
            if let (stem, kind) = FixtureKind.of(url.lastPathComponent) {
                addFixture(url, stem: stem, kind: kind, name: stem)
                for ext in documentExtensions {
                    let doc = dir.appendingPathComponent(stem + "." + ext)
                    if fm.fileExists(atPath: doc.path) { addDocument(doc, name: stem); break }
                }
            } else {
                let stem = url.deletingPathExtension().lastPathComponent
                addDocument(url, name: stem)
                for kind in FixtureKind.allCases {
                    let f = dir.appendingPathComponent(stem + kind.suffix)
                    if fm.fileExists(atPath: f.path) { addFixture(f, stem: stem, kind: kind, name: stem) }
                }
            }
            return true
        }

        for arg in args {
            if addPath(arg) { continue }
            if arg.contains(where: { "*?[".contains($0) }) {
                let matches = BatchInputs.glob(arg)
                if matches.isEmpty { missing.append(arg) }
                for m in matches { _ = addPath(m) }
                continue
            }
            missing.append(arg)
        }

        // Fixtures kept apart: paired with a document found above, by name.
        var claimed = Set<String>()
        for dir in truthDirs {
            let root = URL(fileURLWithPath: dir).standardizedFileURL
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: root.path, isDirectory: &isDir), isDir.boolValue else {
                missing.append(dir)
                continue
            }
            for (file, rel) in files(under: root) {
                guard let (stem, kind) = FixtureKind.of(file.lastPathComponent) else { continue }
                let relStem = String(rel.dropLast(file.lastPathComponent.count)) + stem
                let documents = order.filter { entries[$0]?.document != nil }
                let byName = documents.filter { entries[$0]?.name == relStem }
                let byFile = documents.filter { URL(fileURLWithPath: $0).lastPathComponent == stem }
                let candidates = byName.isEmpty ? byFile : byName
                if let key = candidates.first {
                    if candidates.count > 1 {
                        notes.append("\(relStem): \(candidates.count) documents of that name; checking \(entries[key]?.document?.path ?? "")")
                    }
                    entries[key]?.fixtures[kind] = file
                    claimed.insert(file.path)
                    // The fixture's name is the one outputs are looked up and saved under.
                    entries[key]?.name = relStem
                } else {
                    let key = entry(root.appendingPathComponent(relStem).path, name: relStem)
                    entries[key]?.fixtures[kind] = file
                }
            }
        }

        var cases: [FixtureCase] = []
        var unchecked: [(name: String, url: URL)] = []
        for key in order {
            guard let e = entries[key] else { continue }
            if e.fixtures.isEmpty {
                if let d = e.document { unchecked.append((e.name, d)) }
                continue
            }
            for kind in FixtureKind.allCases {
                // A folder given both ways: its fixtures are paired by name, not orphans.
                if let f = e.fixtures[kind], e.document != nil || !claimed.contains(f.path) { cases.append(FixtureCase(name: e.name, kind: kind, fixture: f, document: e.document)) }
            }
        }
        cases.sort { ($0.name, $0.kind.rawValue) < ($1.name, $1.kind.rawValue) }
        return FixtureSet(cases: cases, unchecked: unchecked.sorted { $0.name < $1.name }, missing: missing, notes: notes)
    }

    /// Regular files under a folder (hidden ones skipped) with their paths relative to it.
    static func files(under root: URL) -> [(URL, String)] {
        var out: [(URL, String)] = []
        let e = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                               options: [.skipsHiddenFiles])
        while let url = e?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.path
            out.append((URL(fileURLWithPath: path), String(path.dropFirst(root.path.count).drop { $0 == "/" })))
        }
        return out.sorted { $0.1 < $1.1 }
    }
}

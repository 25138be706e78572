import Foundation
import XCTest

/// The Dockerfile's runtime stage names the Debian packages the image installs. These tests keep
/// that list in step with what the binary links and with what `scripts/check-container.sh` (the
/// proof of the image where no container engine runs) installs, without building an image.
final class ContainerRecipeTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The packages the last stage's `apt-get install` commands name, read here on their own
    /// (continuation lines joined, comment lines dropped, options left out).
    static func runtimePackages(dockerfile: String) -> [String] {
        var instructions: [String] = []
        var current = ""
        for raw in dockerfile.components(separatedBy: "\n") {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line.hasSuffix("\\") {
                current += String(line.dropLast()) + " "
            } else {
                instructions.append(current + line)
                current = ""
            }
        }
        guard let lastFrom = instructions.lastIndex(where: { $0.uppercased().hasPrefix("FROM ") }) else { return [] }
        var packages: [String] = []
        for instruction in instructions[lastFrom...] where instruction.uppercased().hasPrefix("RUN ") {
            let words = instruction.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            var i = 0
            while i + 1 < words.count {
                defer { i += 1 }
                guard words[i] == "apt-get", let install = words[(i + 1)...].firstIndex(where: { !$0.hasPrefix("-") }),
                      words[install] == "install" else { continue }
                for word in words[(install + 1)...] {
                    if ["&&", "||", ";", "|"].contains(word) { break }
                    if !word.hasPrefix("-") { packages.append(word) }
                }
            }
        }
        return packages
    }

    static func dockerfilePackages() throws -> [String] {
        let text = try String(contentsOf: repo.appendingPathComponent("Dockerfile"), encoding: .utf8)
        let packages = runtimePackages(dockerfile: text)
        XCTAssertFalse(packages.isEmpty, "the Dockerfile's runtime stage installs no package")
        return packages
    }

    func testReadsTheRuntimeStageOnly() {
        let text = """
        FROM swift:6.3-bookworm AS build
        RUN apt-get install -y libfoo-dev
        # a comment
        FROM debian:bookworm-slim
        RUN apt-get update \\
         && apt-get install -q -y --no-install-recommends \\
        # comment lines inside a continuation are dropped, as Docker drops them
              liba1 libb2 \\
              data-c \\
         && useradd someone
        """
        XCTAssertEqual(Self.runtimePackages(dockerfile: text), ["liba1", "libb2", "data-c"])
    }

    /// The script installs in its Debian root the list it reads from the Dockerfile: the same one.
    func testCheckScriptReadsTheSamePackagesAsTheDockerfile() throws {
        let script = Self.repo.appendingPathComponent("scripts/check-container.sh")
        guard FileManager.default.fileExists(atPath: "/bin/bash") else { throw XCTSkip("no bash") }
        let (status, out) = try Self.run("/bin/bash", [script.path, "--print-packages"])
        XCTAssertEqual(status, 0, out)
        let fromScript = out.split(separator: "\n").map(String.init)
        XCTAssertEqual(fromScript, try Self.dockerfilePackages(),
                       "scripts/check-container.sh --print-packages and the Dockerfile's runtime stage disagree")
    }

    /// The default language and orientation detection need their traineddata in the image.
    func testImageHasTheTessdataTheProgramLoads() throws {
        let packages = try Self.dockerfilePackages()
        XCTAssertTrue(packages.contains("tesseract-ocr-eng"), "the default --lang eng needs tesseract-ocr-eng in the image")
        XCTAssertTrue(packages.contains("tesseract-ocr-osd"), "page orientation needs tesseract-ocr-osd in the image")
    }

    /// Every shared library this build links (the test executable's DT_NEEDED, found with ldd: it
    /// links every target of the product) comes from a Debian package the runtime stage installs,
    /// or from one of their dependencies. The Swift runtime is left out: the image's binary links it
    /// statically (--static-swift-stdlib).
    func testEveryLinkedSystemLibraryComesFromARuntimePackage() throws {
        guard ["/usr/bin/dpkg-query", "/usr/bin/ldd", "/usr/bin/readelf"].allSatisfy(FileManager.default.isExecutableFile) else {
            throw XCTSkip("needs dpkg, ldd and readelf (Debian)")
        }
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let (status, ldd) = try Self.run("/usr/bin/ldd", [executable])
        XCTAssertEqual(status, 0, ldd)
        // "\tlibtesseract.so.5 => /lib/x86_64-linux-gnu/libtesseract.so.5 (0x…)"
        var libraries: [(name: String, path: String)] = []
        for line in ldd.split(separator: "\n") {
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard parts.count >= 3, parts[1] == "=>" else { continue }
            XCTAssertNotEqual(parts[2], "not", "ldd: \(parts[0]) not found on this machine")
            libraries.append((parts[0], parts[2]))
        }
        // The libraries the executable names itself (its DT_NEEDED); theirs are their packages' business.
        let (readStatus, dynamic) = try Self.run("/usr/bin/readelf", ["-d", executable])
        XCTAssertEqual(readStatus, 0, dynamic)
        let needed = Set(dynamic.split(separator: "\n").compactMap { line -> String? in
            guard line.contains("(NEEDED)"), let open = line.firstIndex(of: "["), let close = line.lastIndex(of: "]") else { return nil }
            return String(line[line.index(after: open)..<close])
        })
        let system = libraries.filter {
            needed.contains($0.name) && !$0.path.contains("/usr/lib/swift/") && !$0.path.contains("/.build")
        }
        XCTAssertTrue(system.contains { $0.name.hasPrefix("libpoppler-glib.so") }, "ldd lists no poppler-glib:\n\(ldd)")
        XCTAssertTrue(system.contains { $0.name.hasPrefix("libtesseract.so") }, "ldd lists no tesseract:\n\(ldd)")

        // With /lib a link to /usr/lib, dpkg knows a file under one of its names only.
        var names: [String: String] = [:]  // a name dpkg may know → the library's soname
        for library in system {
            let real = URL(fileURLWithPath: library.path).resolvingSymlinksInPath().path
            for path in [library.path, real] {
                names[path] = library.name
                names[path.hasPrefix("/usr/") ? String(path.dropFirst(4)) : "/usr" + path] = library.name
            }
        }
        let owners = try Self.owners(of: Array(names.keys))
        let packages = try Self.installedPackages()
        let inImage = Self.dependencyClosure(of: try Self.dockerfilePackages(), in: packages)
        for library in system {
            let owner = names.filter { $0.value == library.name }.keys.compactMap { owners[$0] }.first
            guard let package = owner else {
                XCTFail("\(library.name) (\(library.path)) belongs to no Debian package: the image cannot install it")
                continue
            }
            // Packages of priority required are in every Debian root, debian:*-slim too.
            XCTAssertTrue(inImage.contains(package) || packages[package]?.required == true,
                          "\(library.name) comes from Debian package '\(package)', which the Dockerfile's runtime stage neither installs nor pulls in: add it to the runtime stage's apt-get install, or stop linking the library")
        }
    }

    // MARK: - dpkg on this machine

    /// The package owning each of the paths dpkg knows (one dpkg -S for all of them).
    static func owners(of paths: [String]) throws -> [String: String] {
        let (_, out) = try run("/usr/bin/dpkg", ["-S"] + paths)
        var owners: [String: String] = [:]
        // "libtesseract5:amd64: /usr/lib/x86_64-linux-gnu/libtesseract.so.5"
        for line in out.split(separator: "\n") where !line.hasPrefix("diversion") {
            guard let separator = line.range(of: ": /") else { continue }
            let package = line[..<separator.lowerBound].split(separator: ":").first.map(String.init) ?? ""
            owners[String(line[line.index(before: separator.upperBound)...])] = package
        }
        return owners
    }

    struct InstalledPackage {
        var depends: [String]
        var required: Bool
    }

    /// Every package dpkg knows on this machine, with the names its Depends and Pre-Depends list
    /// (each alternative of an "a | b" clause).
    static func installedPackages() throws -> [String: InstalledPackage] {
        let (status, out) = try run("/usr/bin/dpkg-query", ["-W", "-f=${Package}\t${Priority}\t${Essential}\t${Depends}, ${Pre-Depends}\n"])
        XCTAssertEqual(status, 0, out)
        var packages: [String: InstalledPackage] = [:]
        for line in out.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4 else { continue }
            let depends = fields[3].split(whereSeparator: { $0 == "," || $0 == "|" }).compactMap { clause in
                clause.split(separator: " ").first.map { String($0.split(separator: ":")[0]) }
            }
            packages[fields[0]] = InstalledPackage(depends: depends, required: fields[1] == "required" || fields[2] == "yes")
        }
        return packages
    }

    static func dependencyClosure(of roots: [String], in packages: [String: InstalledPackage]) -> Set<String> {
        var seen = Set<String>()
        var queue = roots
        while let package = queue.popLast() {
            guard seen.insert(package).inserted else { continue }
            queue += packages[package]?.depends ?? []
        }
        return seen
    }

    static func run(_ tool: String, _ args: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = args
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

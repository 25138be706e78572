import Foundation

/// `--manifest FILE`: the inputs of a batch, one a line, for a list too long for a command
/// line or kept beside the archive (a cluster job reads it from the shared volume).
public enum Manifest {
    /// Exit status of a batch some of whose failures may pass on a later run (EX_TEMPFAIL):
    /// a time or memory limit, a worker killed from outside, a full disk. 1 means every
    /// failure would fail again, so a job scheduler should not retry it.
    public static let retryableExit: Int32 = 75

    public enum ManifestError: Error, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        public var description: String {
            switch self {
            case .unreadable(let p, let r): return "\(p): cannot read the manifest (\(r))"
            }
        }
    }

    /// The manifest's entries: blank lines and `#` comments skipped, surrounding spaces
    /// trimmed, relative paths taken from the manifest's own folder (so the list works
    /// wherever the volume holding it is mounted). Files, folders and globs, as on the
    /// command line. No manifest: no entries.
    public static func read(_ path: String?) throws -> [String] {
        guard let path else { return [] }
        let url = URL(fileURLWithPath: path)
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ManifestError.unreadable(path: path, reason: DocumentConverter.describe(error))
        }
        let base = url.deletingLastPathComponent()
        return text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).compactMap { raw in
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
            return line.hasPrefix("/") ? line : base.appendingPathComponent(line).path
        }
    }
}

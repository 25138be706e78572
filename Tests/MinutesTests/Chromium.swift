import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`:
/// JSON messages ending in a NUL byte, commands on the browser's fd 3, replies and events
/// on its fd 4). One browser per test; `close()` ends it and removes its profile.
final class Chromium {
    enum Failure: Error, CustomStringConvertible {
        case notInstalled, spawn(Int32), timeout(String), protocolError(String), closed

        var description: String {
            switch self {
            case .notInstalled: return "chromium is not installed (Debian: apt-get install chromium; scripts/test.sh does)"
            case .spawn(let e): return "chromium could not be started (errno \(e))"
            case .timeout(let what): return "timed out waiting for \(what)"
            case .protocolError(let m): return "DevTools: \(m)"
            case .closed: return "chromium closed the pipe"
            }
        }
    }

    /// The browser on PATH, or a reason to skip (outside CI) or fail (in CI, where
    /// scripts/test.sh installs it).
    static func executable() throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for dir in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser", "google-chrome"] {
                let p = "\(dir)/\(name)"
                if access(p, X_OK) == 0 { return p }
            }
        }
        if ProcessInfo.processInfo.environment["CI"] != nil { throw Failure.notInstalled }
        throw XCTSkip(Failure.notInstalled.description)
    }

    let pid: pid_t
    private let toBrowser: Int32
    private let fromBrowser: Int32
    private let profile: URL
    private var nextID = 0
    private var buffer = Data()
    private var pending: [[String: Any]] = []
    /// Every event received, in order (also those already waited for).
    private(set) var events: [[String: Any]] = []

    init(width: Int = 1400, height: Int = 900) throws {
        let exe = try Self.executable()
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("minutes-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        var down: [Int32] = [0, 0], up: [Int32] = [0, 0]
        guard pipe(&down) == 0, pipe(&up) == 0 else { throw Failure.spawn(errno) }
        for fd in down + up { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        // Copies above 10, so that moving them onto 3 and 4 in the child never lands on itself.
        let childIn = fcntl(down[0], F_DUPFD_CLOEXEC, 10), childOut = fcntl(up[1], F_DUPFD_CLOEXEC, 10)
        Glibc.close(down[0]); Glibc.close(up[1])
        toBrowser = down[1]
        fromBrowser = up[0]

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, childIn, 3)
        posix_spawn_file_actions_adddup2(&actions, childOut, 4)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let args = [exe, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
                    "--user-data-dir=\(profile.path)", "--no-first-run", "--no-default-browser-check",
                    "--disable-extensions", "--disable-background-networking", "--disable-sync",
                    "--disable-component-update", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
                    "--window-size=\(width),\(height)", "about:blank"]
        var argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, exe, &actions, nil, &argv, environ)
        Glibc.close(childIn); Glibc.close(childOut)
        guard rc == 0 else {
            Glibc.close(toBrowser); Glibc.close(fromBrowser)
            throw Failure.spawn(rc)
        }
        pid = child
    }

    deinit { close() }

    private var closed = false

    /// Asks the browser to quit, then ends it by its pid if it has not within 5 s.
    func close() {
        guard !closed else { return }
        closed = true
        nextID += 1
        if let d = try? JSONSerialization.data(withJSONObject: ["id": nextID, "method": "Browser.close"]) {
            _ = (d + Data([0])).withUnsafeBytes { write(toBrowser, $0.baseAddress, $0.count) }
        }
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(5)
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                break
            }
            usleep(50_000)
        }
        Glibc.close(toBrowser)
        Glibc.close(fromBrowser)
        try? FileManager.default.removeItem(at: profile)
    }

    /// Sends a command and waits for its result; events that arrive meanwhile are kept.
    @discardableResult
    func send(_ method: String, _ params: [String: Any] = [:], session: String? = nil, timeout: TimeInterval = 30) throws -> [String: Any] {
        nextID += 1
        let id = nextID
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        let data = try JSONSerialization.data(withJSONObject: message) + Data([0])
        try data.withUnsafeBytes { raw in
            var off = 0
            while off < raw.count {
                let n = write(toBrowser, raw.baseAddress! + off, raw.count - off)
                if n <= 0 { throw Failure.closed }
                off += n
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let m = try receive(until: deadline, what: method)
            if m["id"] as? Int == id {
                if let e = m["error"] as? [String: Any] { throw Failure.protocolError("\(method): \(e["message"] ?? e)") }
                return m["result"] as? [String: Any] ?? [:]
            }
            if m["method"] != nil { pending.append(m); events.append(m) }
        }
    }

    /// The next event named `method` (for `session`), waiting up to `timeout`.
    @discardableResult
    func wait(for method: String, session: String? = nil, timeout: TimeInterval = 30) throws -> [String: Any] {
        let matches: ([String: Any]) -> Bool = { $0["method"] as? String == method && (session == nil || $0["sessionId"] as? String == session) }
        if let i = pending.firstIndex(where: matches) { return pending.remove(at: i) }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let m = try receive(until: deadline, what: method)
            guard m["method"] != nil else { continue }
            events.append(m)
            if matches(m) { return m }
            pending.append(m)
        }
    }

    /// Reads whatever has arrived for `seconds`, keeping the events.
    func drain(_ seconds: TimeInterval) {
        let deadline = Date().addingTimeInterval(seconds)
        while let m = try? receive(until: deadline, what: "events") {
            if m["method"] != nil { pending.append(m); events.append(m) }
        }
    }

    private func receive(until deadline: Date, what: String) throws -> [String: Any] {
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let body = buffer[buffer.startIndex..<end]
                buffer = Data(buffer[(end + 1)...])
                guard let m = try JSONSerialization.jsonObject(with: body) as? [String: Any] else { continue }
                return m
            }
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { throw Failure.timeout(what) }
            var fds = pollfd(fd: fromBrowser, events: Int16(POLLIN), revents: 0)
            let ready = poll(&fds, 1, Int32(min(left, 1) * 1000))
            if ready <= 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let n = read(fromBrowser, &chunk, chunk.count)
            if n <= 0 { throw Failure.closed }
            buffer.append(contentsOf: chunk[0..<n])
        }
    }

    /// A new tab, attached, with the Page, Runtime and Network domains on.
    func newTab(width: Int = 1400, height: Int = 900) throws -> Tab {
        let target = try send("Target.createTarget", ["url": "about:blank"])["targetId"] as? String ?? ""
        let session = try send("Target.attachToTarget", ["targetId": target, "flatten": true])["sessionId"] as? String ?? ""
        let tab = Tab(browser: self, session: session)
        try tab.call("Page.enable")
        try tab.call("Runtime.enable")
        try tab.call("Network.enable")
        try tab.call("Emulation.setDeviceMetricsOverride", ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": false])
        return tab
    }

    struct Tab {
        let browser: Chromium
        let session: String

        @discardableResult
        func call(_ method: String, _ params: [String: Any] = [:]) throws -> [String: Any] {
            try browser.send(method, params, session: session)
        }

        func open(_ url: URL) throws {
            try call("Page.navigate", ["url": url.absoluteString])
            try browser.wait(for: "Page.loadEventFired", session: session)
        }

        /// The value of a JavaScript expression (awaited if it is a promise).
        func evaluate(_ js: String) throws -> Any? {
            let r = try call("Runtime.evaluate", ["expression": js, "returnByValue": true, "awaitPromise": true])
            if let e = r["exceptionDetails"] as? [String: Any] {
                throw Failure.protocolError("script failed: \((e["exception"] as? [String: Any])?["description"] ?? e["text"] ?? e)")
            }
            return (r["result"] as? [String: Any])?["value"]
        }

        /// Polls a JavaScript condition until it holds.
        func waitUntil(_ js: String, timeout: TimeInterval = 5) throws {
            let deadline = Date().addingTimeInterval(timeout)
            while try evaluate(js) as? Bool != true {
                if Date() > deadline { throw Failure.timeout(js) }
                usleep(50_000)
            }
        }

        /// Moves the real pointer (as a mouse would) to a point of the viewport.
        func movePointer(x: Double, y: Double) throws {
            try call("Input.dispatchMouseEvent", ["type": "mouseMoved", "x": x, "y": y, "button": "none"])
        }

        func press(_ key: String) throws {
            // Named keys (Escape, ArrowDown) type no text; Enter types a return, which submits a form.
            let down: [String: Any] = key == "Enter" ? ["type": "keyDown", "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13, "text": "\r"]
                : key.count == 1 ? ["type": "keyDown", "key": key, "text": key] : ["type": "rawKeyDown", "key": key]
            try call("Input.dispatchKeyEvent", down)
            try call("Input.dispatchKeyEvent", ["type": "keyUp", "key": key])
        }

        func screenshot() throws -> Data {
            let r = try call("Page.captureScreenshot", ["format": "png"])
            guard let b64 = r["data"] as? String, let d = Data(base64Encoded: b64) else { throw Failure.protocolError("no screenshot data") }
            return d
        }

        /// URLs of every request the page has started so far.
        var requestedURLs: [String] {
            browser.events.filter { $0["method"] as? String == "Network.requestWillBeSent" && $0["sessionId"] as? String == session }
                .compactMap { (($0["params"] as? [String: Any])?["request"] as? [String: Any])?["url"] as? String }
        }
    }
}

import Foundation
import XCTest
import MinutesApp
import MinutesModel
import MinutesPipeline
import TesseractOCR

/// Decompression bombs are refused from their headers, before a pixel is decoded.
final class InputLimitTests: XCTestCase {
    static let limits = ImageLimits(maxPixels: 150_000_000, maxFrames: 2000)

    func testHeadersOfRealScansGiveTheirSizeAndPages() throws {
        let tif = try Data(contentsOf: Fixtures.url("west-mercia-scan-p2-p3-200dpi", "tif", subdirectory: "ocr"))
        let header = try XCTUnwrap(ImageHeader.read(tif, maxFrames: 100))
        XCTAssertEqual(header.format, .tiff)
        XCTAssertEqual(header.frames.count, 2)
        let pages = try ImageFile.pages(from: tif, limits: Self.limits)
        XCTAssertEqual(header.frames.map(\.width), pages.map(\.width))
        XCTAssertEqual(header.frames.map(\.height), pages.map(\.height))

        let png = try Data(contentsOf: Fixtures.url("essex-pcc-scan-p1-top-150dpi", "png", subdirectory: "ocr"))
        let pngHeader = try XCTUnwrap(ImageHeader.read(png, maxFrames: 100))
        let decoded = try ImageFile.pages(from: png, limits: Self.limits)
        XCTAssertEqual(pngHeader.frames, [ImageHeader.Frame(width: decoded[0].width, height: decoded[0].height)])
        XCTAssertEqual(ImageHeader.read(BombImages.jpeg(width: 640, height: 480), maxFrames: 1)?.frames,
                       [ImageHeader.Frame(width: 640, height: 480)])
    }

    func testBombsAreRefusedBeforeDecoding() {
        let cases: [(String, Data, String)] = [
            ("png", BombImages.png(width: 100_000, height: 100_000), "100000 × 100000 pixels, over the limit of 150 megapixels"),
            ("jpeg", BombImages.jpeg(width: 65_000, height: 65_000), "65000 × 65000 pixels, over the limit of 150 megapixels"),
            ("tiff", BombImages.tiff(frames: 10_000), "the TIFF has more than 2000 pages"),
        ]
        for (name, data, why) in cases {
            XCTAssertThrowsError(try ImageSource(data: data, limits: Self.limits), name) { error in
                guard case ImageFileError.tooLarge(let reason) = error else { return XCTFail("\(name): \(error)") }
                XCTAssertTrue(reason.hasPrefix(why), "\(name): \(reason)")
            }
        }
        // A TIFF directory chain that loops back is a few frames, not an endless list.
        XCTAssertEqual(ImageHeader.read(BombImages.tiff(frames: 3, loop: true), maxFrames: 100)?.frames.count, 3)
    }

    func testBombsFailWithAClearErrorInABatchThatGoesOn() throws {
        try CLI.requireBinary()
        let root = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: root) }
        let input = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try BombImages.png(width: 100_000, height: 100_000).write(to: input.appendingPathComponent("huge.png"))
        try BombImages.tiff(frames: 10_000).write(to: input.appendingPathComponent("frames.tif"))
        try FileManager.default.copyItem(at: CLI.fixture("good.pdf"), to: input.appendingPathComponent("good.pdf"))
        let out = root.appendingPathComponent("out")
        // A small memory limit: decoding either bomb would fail on it, not be refused.
        let started = Date()
        let r = try CLI.run(["convert", input.path, "--out", out.path, "--max-memory", "300"], in: root)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertLessThan(Date().timeIntervalSince(started), 30)
        let failures = try CLI.failures(in: out)
        XCTAssertEqual(failures["huge.png"]?.reason,
                       "refused: 100000 × 100000 pixels, over the limit of 150 megapixels (--max-megapixels raises it)")
        XCTAssertEqual(failures["frames.tif"]?.reason,
                       "refused: the TIFF has more than 2000 pages (the limit; --max-pages raises it)")
        XCTAssertEqual(CLI.files(in: out, ext: "json"), ["good.json"])
        // The limit is the user's to raise, and the message names the one in force.
        let raised = try CLI.run(["convert", input.appendingPathComponent("huge.png").path, "--out", out.path,
                                  "--max-megapixels", "200"], in: root)
        XCTAssertTrue(raised.stderr.contains("over the limit of 200 megapixels"), raised.stderr)
    }

    func testShardOfAHashIsStableAndSpread() {
        var counts = [0, 0, 0, 0]
        for i in 0..<400 {
            let sha = SHA256Hex.of("input \(i)")
            counts[Shard.of(sha256: sha, count: 4)] += 1
            XCTAssertEqual(Shard.of(sha256: sha, count: 4), Shard.of(sha256: sha, count: 4))
        }
        XCTAssertTrue(counts.allSatisfy { $0 > 60 }, "\(counts)")
        XCTAssertEqual(Shard.of(sha256: "0000000000000007ffff", count: 4), 3)
        XCTAssertNil(Shard("4/4"))
        XCTAssertNil(Shard("-1/4"))
        XCTAssertEqual(Shard("3/4")?.tag, "shard-3-of-4")
    }
}

enum SHA256Hex {
    static func of(_ s: String) -> String { SHA256.hex(Data(s.utf8)) }
}

/// Image files whose headers claim what a decompression bomb would: made here rather than
/// kept as fixtures, each a few bytes (or, for the TIFF, a megabyte of directories).
enum BombImages {
    static func png(width: UInt32, height: UInt32) -> Data {
        var d = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var ihdr = Data()
        ihdr.append(be32(width))
        ihdr.append(be32(height))
        ihdr.append(contentsOf: [1, 0, 0, 0, 0])  // 1-bit grey: 1.25 GB of pixels for 100,000²
        d.append(chunk("IHDR", ihdr))
        // A zlib stream of a few zero bytes: a real bomb's would just be longer.
        d.append(chunk("IDAT", Data([0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01])))
        d.append(chunk("IEND", Data()))
        return d
    }

    static func jpeg(width: UInt16, height: UInt16) -> Data {
        var d = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10])
        d.append(contentsOf: Array("JFIF".utf8) + [0, 1, 1, 0, 0, 1, 0, 1, 0, 0])
        d.append(contentsOf: [0xFF, 0xC0, 0x00, 0x0B, 0x08])
        d.append(contentsOf: [UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF)])
        d.append(contentsOf: [0x01, 0x01, 0x11, 0x00, 0xFF, 0xD9])
        return d
    }

    /// A little-endian TIFF of `frames` 1 × 1 grey pages sharing one pixel; with `loop`, the
    /// last directory points back to the first.
    static func tiff(frames: Int, loop: Bool = false) -> Data {
        var d = Data([0x49, 0x49, 0x2A, 0x00])
        let pixelAt: UInt32 = 8
        d.append(le32(9))  // first directory just after the pixel
        d.append(0x80)
        let entries: [(UInt16, UInt16, UInt32)] = [(256, 3, 1), (257, 3, 1), (258, 3, 8), (259, 3, 1), (262, 3, 1),
                                                   (273, 4, pixelAt), (277, 3, 1), (278, 3, 1), (279, 4, 1)]
        let ifdSize = 2 + entries.count * 12 + 4
        for f in 0..<frames {
            let start = d.count
            d.append(le16(UInt16(entries.count)))
            for (tag, type, value) in entries {
                d.append(le16(tag))
                d.append(le16(type))
                d.append(le32(1))
                d.append(le32(value))
            }
            let next = f + 1 < frames ? UInt32(start + ifdSize) : (loop ? 9 : 0)
            d.append(le32(next))
        }
        return d
    }

    static func chunk(_ type: String, _ body: Data) -> Data {
        var d = be32(UInt32(body.count))
        let typed = Data(type.utf8) + body
        d.append(typed)
        d.append(be32(crc32(typed)))
        return d
    }

    static func crc32(_ data: Data) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in data {
            c ^= UInt32(b)
            for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        }
        return c ^ 0xFFFF_FFFF
    }

    static func be32(_ v: UInt32) -> Data { Data([UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]) }
    static func le32(_ v: UInt32) -> Data { Data([UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)]) }
    static func le16(_ v: UInt16) -> Data { Data([UInt8(v & 0xFF), UInt8(v >> 8)]) }
}

/// What a conversion failure means for a retry, and for a watcher holding a fresh file.
final class FailureKindTests: XCTestCase {
    func testWhichFailuresMayPassAndWhichMayBeHalfAFile() {
        XCTAssertTrue(FailureKind.timeout.isTransient && FailureKind.memory.isTransient && FailureKind.killed.isTransient)
        XCTAssertFalse(FailureKind.crash.isTransient || FailureKind.document.isTransient)
        XCTAssertTrue(ConversionFailure.couldBeIncomplete(ConversionError.unreadable(file: "a.pdf", reason: "damaged PDF: x")))
        XCTAssertTrue(ConversionFailure.couldBeIncomplete(ConversionError.empty(file: "a.pdf")))
        XCTAssertFalse(ConversionFailure.couldBeIncomplete(
            ConversionError.unreadable(file: "a.pdf", reason: "encrypted: needs a password (--password)")))
        XCTAssertFalse(ConversionFailure.couldBeIncomplete(ConversionError.overLimit(file: "a.png", reason: "too big")))
        XCTAssertTrue(ConversionFailure("crashed (SIGSEGV) in page 3", kind: .crash).mayBeIncomplete)
        XCTAssertFalse(ConversionFailure("timed out after 5 s (--timeout)", kind: .timeout).mayBeIncomplete)
    }
}

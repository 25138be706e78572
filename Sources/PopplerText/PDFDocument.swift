import CPoppler
import Foundation
import PageLayout

/// Why a PDF could not be opened or read. Carries the file (and page) it concerns.
public enum PDFError: Error, Equatable, CustomStringConvertible {
    case encrypted(file: String)
    case wrongPassword(file: String)
    case damaged(file: String, reason: String)
    case noPages(file: String)
    case pageUnreadable(file: String, page: Int)

    public var file: String {
        switch self {
        case .encrypted(let f), .wrongPassword(let f), .damaged(let f, _), .noPages(let f), .pageUnreadable(let f, _): return f
        }
    }

    /// What is wrong, without the file name.
    public var reason: String {
        switch self {
        case .encrypted: return "encrypted: needs a password (--password)"
        case .wrongPassword: return "encrypted: the password given does not open it"
        case .damaged(_, let reason): return "damaged PDF: \(reason)"
        case .noPages: return "the PDF has no pages"
        case .pageUnreadable(_, let p): return "page \(p) could not be read"
        }
    }

    public var description: String { "\(file): \(reason)" }
}

/// One open poppler document. Owns its `PopplerDocument` and frees it in `deinit`.
/// Not safe to share across threads: open one per worker.
public final class PDFDocument {
    private let handle: OpaquePointer
    public let fileName: String
    public let pageCount: Int

    public init(data: Data, fileName: String, password: String? = nil) throws {
        self.fileName = fileName
        guard let bytes = Self.bytes(of: data) else {
            throw PDFError.damaged(file: fileName, reason: "could not hold the file in memory")
        }
        defer { g_bytes_unref(bytes) }
        var error: UnsafeMutablePointer<GError>?
        // poppler_document_new_from_bytes crashes (poppler 22.12) when a wrong password is
        // given: its retry reuses a freed stream. The stream constructor has no such retry.
        guard let stream = g_memory_input_stream_new_from_bytes(bytes) else {
            throw PDFError.damaged(file: fileName, reason: "could not hold the file in memory")
        }
        defer { g_object_unref(UnsafeMutableRawPointer(stream)) }
        let doc = poppler_document_new_from_stream(stream, goffset(data.count), password, nil, &error)
        guard let doc else {
            var message = "poppler could not open it"
            var code: Int32 = -1
            if let error {
                code = error.pointee.code
                if let m = error.pointee.message { message = String(cString: m) }
                g_error_free(error)
            }
            if code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
                throw password == nil ? PDFError.encrypted(file: fileName) : PDFError.wrongPassword(file: fileName)
            }
            throw PDFError.damaged(file: fileName, reason: message)
        }
        let pages = Int(poppler_document_get_n_pages(doc))
        // Checked before `handle` is set: once every stored property is set, a throw runs
        // `deinit`, which would unref the document a second time.
        if pages <= 0 {
            g_object_unref(UnsafeMutableRawPointer(doc))
            throw PDFError.noPages(file: fileName)
        }
        handle = doc
        pageCount = pages
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(handle))
    }

    /// The file's bytes for poppler without copying them: the `GBytes` points into `data`'s
    /// own storage and keeps it alive until poppler lets the bytes go. (`g_bytes_new`
    /// copied the file once per document: a 5 MB scan was held twice, and three times
    /// more while its pages were drawn.) A tiny `Data` keeps its bytes inline, not in
    /// storage of its own, so it is copied.
    static func bytes(of data: Data) -> OpaquePointer? {
        guard data.count >= 64 else {
            return data.withUnsafeBytes { raw in g_bytes_new(raw.baseAddress, gsize(raw.count)) }
        }
        let owner = Unmanaged.passRetained(DataOwner(data))
        let base = owner.takeUnretainedValue().data.withUnsafeBytes { $0.baseAddress }
        guard let base else {
            owner.release()
            return nil
        }
        return g_bytes_new_with_free_func(base, gsize(data.count), { raw in
            if let raw { Unmanaged<DataOwner>.fromOpaque(raw).release() }
        }, owner.toOpaque())
    }

    /// Holds a `Data` (immutable, so its storage never moves) for as long as poppler reads it.
    final class DataOwner {
        let data: Data
        init(_ data: Data) { self.data = data }
    }

    public var producer: String? { Self.take(poppler_document_get_producer(handle)) }
    public var creator: String? { Self.take(poppler_document_get_creator(handle)) }
    public var title: String? { Self.take(poppler_document_get_title(handle)) }
    /// When the document info says the file was made, or nil where it does not say
    /// (poppler gives -1 then). A `Date`, so no C type leaves the wrapper.
    public var creationDate: Date? {
        let t = poppler_document_get_creation_date(handle)
        return t > 0 ? Date(timeIntervalSince1970: TimeInterval(t)) : nil
    }

    /// Copies a glib-allocated string and frees the original.
    static func take(_ s: UnsafeMutablePointer<gchar>?) -> String? {
        guard let s else { return nil }
        defer { g_free(s) }
        let value = String(cString: s).trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    /// The page's words with boxes and font attributes, from poppler's text layout.
    /// `number` is 1-based.
    public func page(_ number: Int) throws -> PDFPage {
        guard number >= 1, number <= pageCount, let p = poppler_document_get_page(handle, Int32(number - 1)) else {
            throw PDFError.pageUnreadable(file: fileName, page: number)
        }
        return PDFPage(handle: p, number: number)
    }
}

/// One poppler page, freed in `deinit`.
public final class PDFPage {
    let handle: OpaquePointer
    public let number: Int

    init(handle: OpaquePointer, number: Int) {
        self.handle = handle
        self.number = number
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(handle))
    }

    public var size: (width: Double, height: Double) {
        var w: Double = 0
        var h: Double = 0
        poppler_page_get_size(handle, &w, &h)
        return (w, h)
    }

    /// Words of the text layer: characters from `poppler_page_get_text` with one rectangle
    /// each from `poppler_page_get_text_layout`, fonts from `poppler_page_get_text_attributes`.
    public func layout() -> Page {
        let (width, height) = size
        guard let cText = poppler_page_get_text(handle) else {
            return Page(number: number, width: width, height: height, words: [])
        }
        let text = String(cString: cText)
        g_free(cText)

        var rects: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        guard poppler_page_get_text_layout(handle, &rects, &count) != 0, let rects else {
            return Page(number: number, width: width, height: height, words: [])
        }
        defer { g_free(rects) }

        let fonts = fontRuns()
        let scalars = Array(text.unicodeScalars)
        let n = min(scalars.count, Int(count))
        var chars: [CharBox] = []
        chars.reserveCapacity(n)
        var fontIndex = 0
        for i in 0..<n {
            let r = rects[i]
            while fontIndex < fonts.count, fonts[fontIndex].end < i { fontIndex += 1 }
            let font = fontIndex < fonts.count && fonts[fontIndex].start <= i ? fonts[fontIndex] : nil
            chars.append(CharBox(scalar: scalars[i],
                                 rect: Rect(x0: r.x1, y0: r.y1, x1: r.x2, y1: r.y2),
                                 size: font?.size ?? max(1, r.y2 - r.y1),
                                 bold: font?.bold ?? false, italic: font?.italic ?? false))
        }
        return Page(number: number, width: width, height: height, words: WordBuilder.words(from: chars))
    }

    struct FontRun {
        var start: Int
        var end: Int
        var size: Double
        var bold: Bool
        var italic: Bool
    }

    private func fontRuns() -> [FontRun] {
        guard let list = poppler_page_get_text_attributes(handle) else { return [] }
        defer { poppler_page_free_text_attributes(list) }
        var runs: [FontRun] = []
        var node: UnsafeMutablePointer<GList>? = list
        while let n = node {
            if let raw = n.pointee.data {
                let attr = raw.assumingMemoryBound(to: PopplerTextAttributes.self).pointee
                let name = attr.font_name.map { String(cString: $0) } ?? ""
                runs.append(FontRun(start: Int(attr.start_index), end: Int(attr.end_index),
                                    size: attr.font_size,
                                    bold: FontName.isBold(name), italic: FontName.isItalic(name)))
            }
            node = n.pointee.next
        }
        return runs.sorted { $0.start < $1.start }
    }
}

enum FontName {
    static func isBold(_ name: String) -> Bool {
        let n = name.lowercased()
        return ["bold", "black", "heavy", "semibold", "demi"].contains { n.contains($0) }
    }

    static func isItalic(_ name: String) -> Bool {
        let n = name.lowercased()
        return n.contains("italic") || n.contains("oblique")
    }
}

struct CharBox {
    var scalar: Unicode.Scalar
    var rect: Rect
    var size: Double
    var bold: Bool
    var italic: Bool
}

enum WordBuilder {
    /// Splits characters into words at white space, at a jump to another line, and at a
    /// horizontal gap wider than a third of the font size (columns poppler ran together).
    static func words(from chars: [CharBox]) -> [Word] {
        var words: [Word] = []
        var current: [CharBox] = []

        // One pass per word: this runs for every character of every page.
        func flush() {
            guard let first = current.first else { return }
            var scalars = String.UnicodeScalarView()
            var box = first.rect
            var bold = 0
            var italic = false
            var uniformSize = true
            for c in current {
                scalars.append(c.scalar)
                box = box.union(c.rect)
                if c.bold { bold += 1 }
                if c.italic { italic = true }
                if c.size != first.size { uniformSize = false }
            }
            let size = uniformSize ? first.size : current.map(\.size).sorted()[current.count / 2]
            words.append(Word(text: String(scalars), box: box, fontSize: size,
                              bold: 2 * bold > current.count, italic: italic))
            current.removeAll(keepingCapacity: true)
        }

        for c in chars {
            let v = c.scalar.value
            let isSpace = v < 0x80 ? (v == 0x20 || (0x09...0x0D).contains(v) || v == 0) : c.scalar.properties.isWhitespace
            if isSpace {
                flush()
                continue
            }
            if let last = current.last {
                let sameLine = last.rect.verticalOverlap(c.rect) > 0.5
                let gap = c.rect.x0 - last.rect.x1
                if !sameLine || gap > max(2.0, c.size * 0.33) || gap < -c.size {
                    flush()
                }
            }
            current.append(c)
        }
        flush()
        return words
    }
}

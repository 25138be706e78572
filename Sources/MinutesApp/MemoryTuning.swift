#if canImport(Glibc)
import Glibc
#endif

/// glibc's allocator settings for a long batch of page images.
public enum MemoryTuning {
    /// glibc serves a large block from the heap once one of that size has been freed (its
    /// mmap threshold rises as far as 32 MiB), and a freed page image then stays in the heap
    /// of the thread that used it, under the next page's peak. A fixed threshold keeps page
    /// images (8 MB and more at 300 dpi) in mappings of their own, handed back the moment
    /// they are freed. 4 MiB rather than glibc's starting 128 KiB: tesseract's
    /// megabyte-sized working buffers, mapped and unmapped page after page, cost more
    /// system time than they saved (measured on the dev scans: peak 220 MB either way).
    /// `mallopt` is looked up at run time: Swift's Glibc module leaves out <malloc.h>.
    public static func forPageImages() {
        #if canImport(Glibc)
        guard let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(sym, to: (@convention(c) (Int32, Int32) -> Int32).self)
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD
        _ = mallopt(mmapThreshold, 4 << 20)
        #endif
    }
}

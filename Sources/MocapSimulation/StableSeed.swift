/// Seeds from names (FNV-1a, 64 bit): the same run gets the same noise in every process, which Swift's `Hasher`
/// (randomly seeded per process) would not give.
public enum StableSeed {
    public static func of(_ parts: String...) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in parts.joined(separator: "|").utf8 {
            h ^= UInt64(byte)
            h = h &* 0x100_0000_01b3
        }
        return h
    }
}

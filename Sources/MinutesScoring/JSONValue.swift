import Foundation
import MinutesModel

/// Any JSON value, read the way `score.py` reads its files: a truth file holds only what a
/// person checked, so whether a key is there matters as much as its value.
public enum JSONValue: Equatable, Sendable, Codable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .int(let i): try c.encode(i)
        case .double(let d): try c.encode(d)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }

    public static func decode(_ data: Data) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: data)
    }

    /// The minutes as their JSON file holds them.
    public init(_ minutes: Minutes) throws {
        self = try JSONValue.decode(minutes.jsonData())
    }

    /// Python's `dict.get`: nil for an absent key, and for anything that is not an object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    public var object: [String: JSONValue]? {
        if case .object(let o) = self { return o }
        return nil
    }

    /// Python's `x or []` for a list.
    public var list: [JSONValue] {
        if case .array(let a) = self { return a }
        return []
    }

    public var isNull: Bool { self == .null }

    /// Python's truth value.
    public var truthy: Bool {
        switch self {
        case .null: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .double(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .array(let a): return !a.isEmpty
        case .object(let o): return !o.isEmpty
        }
    }

    public var number: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// Python's `str(x)` for what JSON can hold (numbers as Python prints them).
    public var pythonString: String {
        switch self {
        case .null: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .double(let d): return d.isFinite && d == d.rounded() && abs(d) < 1e16 ? String(format: "%.1f", d) : "\(d)"
        case .string(let s): return s
        case .array(let a): return "[" + a.map(\.pythonRepr).joined(separator: ", ") + "]"
        case .object(let o): return "{" + o.keys.sorted().map { "'\($0)': \(o[$0]?.pythonRepr ?? "None")" }.joined(separator: ", ") + "}"
        }
    }

    private var pythonRepr: String {
        if case .string(let s) = self { return "'\(s)'" }
        return pythonString
    }

    /// The text of a string value, nil for null and absent values.
    public var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// Compact JSON with sorted keys, for messages.
    public var compactText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(self), as: UTF8.self)) ?? pythonString
    }
}

/// Python-style equality for `t.get(k) == o.get(k)`: numbers compare by value (5 == 5.0),
/// None equals only None.
func pythonEqual(_ a: JSONValue?, _ b: JSONValue?) -> Bool {
    let x = a ?? .null, y = b ?? .null
    if let m = x.number, let n = y.number { return m == n }
    return x == y
}

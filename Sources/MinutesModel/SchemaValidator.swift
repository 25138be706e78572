import Foundation

/// Checks JSON against the subset of JSON Schema that `minutes/1` and the civic standards
/// (Open Civic Data, Popolo) use: type, const, enum (strings and null), required (a draft-4
/// list, or draft-3 `"required": true` on a property), properties, additionalProperties (false
/// or a schema for every other key), items, minItems/maxItems, minLength, pattern,
/// minimum/maximum, local `$ref`s and `$ref`s to the `id` of another schema given with it.
public struct SchemaValidator {
    private let root: [String: Any]
    /// Other schemas by their `id` (without the closing "#"): Popolo's refer to each other.
    private var others: [String: [String: Any]] = [:]

    public init(schemaText: String, others otherTexts: [String] = []) throws {
        guard let obj = try JSONSerialization.jsonObject(with: Data(schemaText.utf8)) as? [String: Any] else {
            throw SchemaError.notAnObject
        }
        root = obj
        for text in [schemaText] + otherTexts {
            guard let o = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { throw SchemaError.notAnObject }
            if let id = (o["id"] as? String) ?? (o["$id"] as? String) { others[Self.idKey(id)] = o }
        }
    }

    private static func idKey(_ id: String) -> String { id.hasSuffix("#") ? String(id.dropLast()) : id }

    public static func minutes1() throws -> SchemaValidator { try SchemaValidator(schemaText: minutes1Text) }

    public enum SchemaError: Error, CustomStringConvertible {
        case notAnObject
        case notJSON(String)
        public var description: String {
            switch self {
            case .notAnObject: return "schema is not a JSON object"
            case .notJSON(let why): return "not JSON: \(why)"
            }
        }
    }

    /// Every place the document breaks the schema, as "path: problem"; empty when valid.
    public func validate(jsonData: Data) throws -> [String] {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: jsonData, options: [.fragmentsAllowed])
        } catch {
            throw SchemaError.notJSON("\(error.localizedDescription)")
        }
        var problems: [String] = []
        check(value, against: root, at: "$", into: &problems)
        return problems
    }

    private func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String else { return schema }
        if !ref.hasPrefix("#") { return others[Self.idKey(ref)] ?? [:] }
        guard ref.hasPrefix("#/") else { return schema }
        var node: Any = root
        for part in ref.dropFirst(2).split(separator: "/") {
            guard let dict = node as? [String: Any], let next = dict[String(part)] else { return [:] }
            node = next
        }
        return (node as? [String: Any]) ?? [:]
    }

    private static func typeName(_ v: Any) -> String {
        if v is NSNull { return "null" }
        if let n = v as? NSNumber {
            if String(cString: n.objCType) == "c" { return "boolean" }
            return n.doubleValue.rounded() == n.doubleValue ? "integer" : "number"
        }
        if v is String { return "string" }
        if v is [Any] { return "array" }
        if v is [String: Any] { return "object" }
        return "unknown"
    }

    private func check(_ value: Any, against raw: [String: Any], at path: String, into problems: inout [String]) {
        let schema = resolve(raw)
        let actual = Self.typeName(value)
        if let t = schema["type"] {
            let allowed = (t as? [String]) ?? [(t as? String) ?? ""]
            let ok = allowed.contains(actual) || (actual == "integer" && allowed.contains("number"))
            if !ok {
                problems.append("\(path): is \(actual), expected \(allowed.joined(separator: " or "))")
                return
            }
        }
        if let c = schema["const"] as? String, (value as? String) != c {
            problems.append("\(path): must be \"\(c)\"")
        }
        if let e = schema["enum"] as? [Any] {
            let ok = e.contains { ($0 is NSNull && value is NSNull) || (value is String && ($0 as? String) == (value as? String)) }
            if !ok { problems.append("\(path): must be one of \(e.map { ($0 as? String) ?? "null" }.joined(separator: ", "))") }
        }
        if let s = value as? String {
            if let min = schema["minLength"] as? Int, s.count < min { problems.append("\(path): shorter than \(min)") }
            if let p = schema["pattern"] as? String, s.range(of: p, options: .regularExpression) == nil {
                problems.append("\(path): \"\(s)\" does not match \(p)")
            }
        }
        if let n = value as? NSNumber, actual != "boolean" {
            if let min = schema["minimum"] as? NSNumber, n.doubleValue < min.doubleValue {
                problems.append("\(path): below \(min)")
            }
            if let max = schema["maximum"] as? NSNumber, n.doubleValue > max.doubleValue {
                problems.append("\(path): above \(max)")
            }
        }
        if let a = value as? [Any] {
            if let min = schema["minItems"] as? Int, a.count < min { problems.append("\(path): fewer than \(min) items") }
            if let max = schema["maxItems"] as? Int, a.count > max { problems.append("\(path): more than \(max) items") }
            if let itemSchema = schema["items"] as? [String: Any] {
                for (i, v) in a.enumerated() { check(v, against: itemSchema, at: "\(path)[\(i)]", into: &problems) }
            }
        }
        if let o = value as? [String: Any] {
            for key in (schema["required"] as? [String]) ?? [] where o[key] == nil {
                problems.append("\(path): missing \"\(key)\"")
            }
            let props = (schema["properties"] as? [String: Any]) ?? [:]
            // Draft 3 marks a required property on the property itself.
            for (key, sub) in props.sorted(by: { $0.key < $1.key }) where o[key] == nil {
                if let d = sub as? [String: Any], (d["required"] as? Bool) == true { problems.append("\(path): missing \"\(key)\"") }
            }
            for (key, v) in o.sorted(by: { $0.key < $1.key }) {
                if let sub = props[key] as? [String: Any] {
                    check(v, against: sub, at: "\(path).\(key)", into: &problems)
                } else if let extra = schema["additionalProperties"] as? [String: Any] {
                    // A map ("provenance": field name → where it was read): every value has one shape.
                    check(v, against: extra, at: "\(path).\(key)", into: &problems)
                } else if (schema["additionalProperties"] as? Bool) == false {
                    problems.append("\(path): unexpected field \"\(key)\"")
                }
            }
        }
    }
}

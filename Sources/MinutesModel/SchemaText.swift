// Generated from schema/minutes-1.schema.json (a test keeps the two identical).
// swiftlint:disable all
extension SchemaValidator {
    public static let minutes1Text = #"""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "minutes/1",
  "title": "Canonical meeting minutes, minutes/1",
  "type": "object",
  "required": ["schema", "source", "meeting", "attendees", "apologies", "agenda", "items", "actions", "nextMeeting", "diagnostics"],
  "additionalProperties": false,
  "properties": {
    "schema": {"const": "minutes/1"},
    "source": {
      "type": "object",
      "required": ["file", "sha256", "pages", "method", "ocrConfidence", "producer"],
      "additionalProperties": false,
      "properties": {
        "file": {"type": "string"},
        "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
        "pages": {"type": "integer", "minimum": 0},
        "method": {"enum": ["text", "ocr", "mixed"]},
        "ocrConfidence": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
        "producer": {"type": ["string", "null"]}
      }
    },
    "meeting": {
      "type": "object",
      "required": ["title", "organisation", "date", "startTime", "endTime", "venue", "chair"],
      "additionalProperties": false,
      "properties": {
        "title": {"type": ["string", "null"]},
        "organisation": {"type": ["string", "null"]},
        "date": {"$ref": "#/$defs/dateOrNull"},
        "startTime": {"$ref": "#/$defs/timeOrNull"},
        "endTime": {"$ref": "#/$defs/timeOrNull"},
        "venue": {"type": ["string", "null"]},
        "chair": {"type": ["string", "null"]}
      }
    },
    "attendees": {"type": "array", "items": {"$ref": "#/$defs/person"}},
    "apologies": {"type": "array", "items": {"$ref": "#/$defs/person"}},
    "agenda": {"type": "array", "items": {"$ref": "#/$defs/item"}},
    "items": {"type": "array", "items": {"$ref": "#/$defs/item"}},
    "actions": {"type": "array", "items": {"$ref": "#/$defs/action"}},
    "nextMeeting": {
      "type": ["object", "null"],
      "required": ["date", "startTime", "endTime", "venue", "text"],
      "additionalProperties": false,
      "properties": {
        "date": {"$ref": "#/$defs/dateOrNull"},
        "startTime": {"$ref": "#/$defs/timeOrNull"},
        "endTime": {"$ref": "#/$defs/timeOrNull"},
        "venue": {"type": ["string", "null"]},
        "text": {"type": ["string", "null"]}
      }
    },
    "diagnostics": {
      "type": "array",
      "items": {
        "type": "object",
        "required": ["stage", "severity", "page", "message"],
        "additionalProperties": false,
        "properties": {
          "stage": {"type": "string"},
          "severity": {"enum": ["info", "warning", "error"]},
          "page": {"type": ["integer", "null"], "minimum": 1},
          "message": {"type": "string"}
        }
      }
    }
  },
  "$defs": {
    "dateOrNull": {"type": ["string", "null"], "pattern": "^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$"},
    "timeOrNull": {"type": ["string", "null"], "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"},
    "box": {"type": ["array", "null"], "items": {"type": "number"}, "minItems": 4, "maxItems": 4},
    "page": {"type": ["integer", "null"], "minimum": 1},
    "person": {
      "type": "object",
      "required": ["name", "role", "initials", "group", "page", "box"],
      "additionalProperties": false,
      "properties": {
        "name": {"type": "string", "minLength": 1},
        "role": {"type": ["string", "null"]},
        "initials": {"type": ["string", "null"]},
        "group": {"type": ["string", "null"]},
        "page": {"$ref": "#/$defs/page"},
        "box": {"$ref": "#/$defs/box"}
      }
    },
    "item": {
      "type": "object",
      "required": ["number", "title", "text", "decisions", "children", "page", "box"],
      "additionalProperties": false,
      "properties": {
        "number": {"type": ["string", "null"]},
        "title": {"type": ["string", "null"]},
        "text": {"type": "string"},
        "decisions": {"type": "array", "items": {"type": "string"}},
        "children": {"type": "array", "items": {"$ref": "#/$defs/item"}},
        "page": {"$ref": "#/$defs/page"},
        "box": {"$ref": "#/$defs/box"}
      }
    },
    "action": {
      "type": "object",
      "required": ["ref", "item", "description", "owners", "ownerNames", "due", "dueText", "status", "page", "box"],
      "additionalProperties": false,
      "properties": {
        "ref": {"type": ["string", "null"]},
        "item": {"type": ["string", "null"]},
        "description": {"type": "string", "minLength": 1},
        "owners": {"type": "array", "items": {"type": "string"}},
        "ownerNames": {"type": "array", "items": {"type": ["string", "null"]}},
        "due": {"$ref": "#/$defs/dateOrNull"},
        "dueText": {"type": ["string", "null"]},
        "status": {"type": ["string", "null"]},
        "page": {"$ref": "#/$defs/page"},
        "box": {"$ref": "#/$defs/box"}
      }
    }
  }
}
"""#
}

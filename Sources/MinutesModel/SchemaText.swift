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
        "chair": {"type": ["string", "null"]},
        "provenance": {"type": "object", "additionalProperties": {"$ref": "#/$defs/provenance"}}
      }
    },
    "attendees": {"type": "array", "items": {"$ref": "#/$defs/person"}},
    "apologies": {"type": "array", "items": {"$ref": "#/$defs/person"}},
    "agenda": {"type": "array", "items": {"$ref": "#/$defs/item"}},
    "items": {"type": "array", "items": {"$ref": "#/$defs/item"}},
    "actions": {"type": "array", "items": {"$ref": "#/$defs/action"}},
    "motions": {"type": "array", "items": {"$ref": "#/$defs/motion"}},
    "decisions": {"type": "array", "items": {"$ref": "#/$defs/decision"}},
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
    "confidence": {"type": ["number", "null"], "minimum": 0, "maximum": 1},
    "count": {"type": ["integer", "null"], "minimum": 0},
    "provenance": {
      "type": "object",
      "required": ["page", "box", "confidence"],
      "additionalProperties": false,
      "properties": {
        "page": {"$ref": "#/$defs/page"},
        "box": {"$ref": "#/$defs/box"},
        "confidence": {"$ref": "#/$defs/confidence"}
      }
    },
    "person": {
      "type": "object",
      "required": ["name", "role", "initials", "group", "page", "box"],
      "additionalProperties": false,
      "properties": {
        "name": {"type": "string", "minLength": 1},
        "role": {"type": ["string", "null"]},
        "initials": {"type": ["string", "null"]},
        "group": {"type": ["string", "null"]},
        "status": {"enum": ["present", "absent", "excused", "late", "left-early", "remote", "substitute", "in-attendance", null]},
        "arrived": {"$ref": "#/$defs/timeOrNull"},
        "left": {"$ref": "#/$defs/timeOrNull"},
        "substituteFor": {"type": ["string", "null"]},
        "interests": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["item", "kind", "text"],
            "additionalProperties": false,
            "properties": {
              "item": {"type": ["string", "null"]},
              "kind": {"type": ["string", "null"]},
              "text": {"type": "string"}
            }
          }
        },
        "page": {"$ref": "#/$defs/page"},
        "box": {"$ref": "#/$defs/box"},
        "confidence": {"$ref": "#/$defs/confidence"}
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
        "box": {"$ref": "#/$defs/box"},
        "confidence": {"$ref": "#/$defs/confidence"}
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
        "setOn": {"type": ["string", "null"]},
        "page": {"$ref": "#/$defs/page"},
        "box": {"$ref": "#/$defs/box"},
        "confidence": {"$ref": "#/$defs/confidence"}
      }
    },
    "motion": {
      "type": "object",
      "required": ["item", "text", "mover", "seconder", "moverName", "seconderName", "result", "for", "against", "abstain", "votes", "unanimous", "page", "box"],
      "additionalProperties": false,
      "properties": {
        "item": {"type": ["string", "null"]},
        "text": {"type": "string", "minLength": 1},
        "mover": {"type": ["string", "null"]},
        "seconder": {"type": ["string", "null"]},
        "moverName": {"type": ["string", "null"]},
        "seconderName": {"type": ["string", "null"]},
        "result": {"enum": ["carried", "failed", "withdrawn", "deferred", null]},
        "for": {"$ref": "#/$defs/count"},
        "against": {"$ref": "#/$defs/count"},
        "abstain": {"$ref": "#/$defs/count"},
        "votes": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["name", "vote"],
            "additionalProperties": false,
            "properties": {
              "name": {"type": "string", "minLength": 1},
              "vote": {"enum": ["yes", "no", "abstain", "absent", "recused"]}
            }
          }
        },
        "unanimous": {"type": ["boolean", "null"]},
        "page": {"$ref": "#/$defs/page"},
        "box": {"$ref": "#/$defs/box"},
        "confidence": {"$ref": "#/$defs/confidence"}
      }
    },
    "decision": {
      "type": "object",
      "required": ["item", "text", "motion", "page", "box"],
      "additionalProperties": false,
      "properties": {
        "item": {"type": ["string", "null"]},
        "text": {"type": "string", "minLength": 1},
        "motion": {"type": ["integer", "null"], "minimum": 0},
        "page": {"$ref": "#/$defs/page"},
        "box": {"$ref": "#/$defs/box"},
        "confidence": {"$ref": "#/$defs/confidence"}
      }
    }
  }
}
"""#
}

//! The JSON Schema printed by `zfxxgk schema` accepts every report we ship and rejects what
//! `Report::from_json` rejects.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::path::Path;

use serde_json::Value;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&zfxxgk::report_schema()).expect("the report schema is a valid JSON Schema")
}

#[test]
fn schema_accepts_every_shipped_example() {
    let v = validator();
    let mut seen = 0;
    for entry in std::fs::read_dir(root().join("examples/reports")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let report: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let errors: Vec<String> = v.iter_errors(&report).map(|e| format!("{} at {}", e, e.instance_path)).collect();
            assert!(errors.is_empty(), "{}: {errors:?}", path.display());
            seen += 1;
        }
    }
    assert!(seen >= 2);
}

/// Every vector: valid inputs validate; inputs the decoder rejects for their shape are rejected by
/// the schema too (syntax errors and limits are not the schema's business).
#[test]
fn schema_agrees_with_the_decoder_on_the_vectors() {
    let v = validator();
    let dir = root().join("tests/vectors/check_report");
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let case: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let text = match &case["input"]["report_json"] {
            Value::String(s) => s.clone(),
            _ => case["input"]["report"].to_string(),
        };
        let Ok(instance) = serde_json::from_str::<Value>(&text) else { continue };
        let decoded = zfxxgk::Report::from_json(&text);
        // Duplicate keys collapse in a JSON value, so the schema cannot see them; and the date
        // pattern cannot tell 30 February.
        let code = decoded.as_ref().err().map(zfxxgk::Error::code);
        if matches!(code, Some("json.duplicate_key")) || path.to_string_lossy().contains("invalid_date") {
            continue;
        }
        assert_eq!(
            v.is_valid(&instance),
            decoded.is_ok(),
            "{}: schema and decoder disagree ({decoded:?})",
            path.display()
        );
    }
}

#[test]
fn parsed_reports_round_trip_through_json() {
    for name in ["demo-2021.json", "demo-2019.json"] {
        let text = std::fs::read_to_string(root().join("examples/reports").join(name)).unwrap();
        let report = zfxxgk::Report::from_json(&text).unwrap();
        let again = zfxxgk::Report::from_json(&report.to_json()).unwrap();
        assert_eq!(report, again, "{name}");
        let a: Value = serde_json::from_str(&text).unwrap();
        let b: Value = serde_json::from_str(&report.to_json()).unwrap();
        assert_eq!(a, b, "{name}: the JSON written is the JSON read");
    }
}

/// The findings schema accepts the findings of every report and every application vector: one
/// Finding contract for both.
#[test]
fn findings_schema_accepts_report_and_application_findings() {
    let v = jsonschema::validator_for(&zfxxgk::schema::findings_schema()).expect("a valid JSON Schema");
    let mut seen = 0;
    for entry in std::fs::read_dir(root().join("tests/vectors/replay_application")).unwrap() {
        let path = entry.unwrap().path();
        let case: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let cases = match case {
            Value::Array(list) => list,
            one => vec![one],
        };
        for case in cases {
            let Some(findings) = case["expected"].get("findings") else { continue };
            let errors: Vec<String> =
                v.iter_errors(findings).map(|e| format!("{} at {}", e, e.instance_path)).collect();
            assert!(errors.is_empty(), "{}: {errors:?}", path.display());
            seen += findings.as_array().map_or(0, Vec::len);
        }
    }
    assert!(seen >= 5, "only {seen} application findings in the vectors");
    let report: Value = serde_json::json!({"format": "2021", "year": 2022,
        "requests": {"received": {"natural_person": 5, "commercial": 0, "research": 0,
        "social_welfare": 0, "legal_service": 0, "other": 0, "total": 6}}});
    let findings = zfxxgk::check_report(&zfxxgk::Report::from_json(&report.to_string()).unwrap(), None).unwrap();
    assert!(!findings.is_empty());
    assert!(v.is_valid(&serde_json::to_value(&findings).unwrap()));
    // An unknown location key is refused, as the decoder refuses it.
    let bad = serde_json::json!([{"code": "app.reply_overdue", "severity": "error", "message": "",
        "message_en": "", "location": {"event": 1, "kind": "replied"}}]);
    assert!(!v.is_valid(&bad));
}

/// The schema shipped as text (what WebAssembly returns, and a file portals can use) is exactly
/// the generated one. After changing the types: `zfxxgk schema > core/src/report.schema.json`.
#[test]
fn shipped_schema_text_is_the_generated_schema() {
    let generated = serde_json::to_string_pretty(&zfxxgk::report_schema()).expect("a schema serializes") + "\n";
    assert!(
        generated == zfxxgk::schema::REPORT_SCHEMA_JSON,
        "core/src/report.schema.json is out of date: regenerate it with `zfxxgk schema > core/src/report.schema.json`"
    );
}

//! The JSON Schema of the Report contract, generated from the types themselves so that it cannot
//! drift from what `Report::from_json` accepts.

/// The JSON Schema (draft 2020-12) of the Report JSON contract.
///
/// ```
/// let schema = zfxxgk::report_schema();
/// assert_eq!(schema["type"], "object");
/// assert_eq!(schema["additionalProperties"], false);
/// ```
#[cfg(not(target_family = "wasm"))]
pub fn report_schema() -> serde_json::Value {
    schemars::schema_for!(crate::Report).to_value()
}

/// The JSON Schema (draft 2020-12) of the Report JSON contract.
///
/// WebAssembly ships the schema as text ([`REPORT_SCHEMA_JSON`], which a native test keeps equal
/// to the generated one): schemars' code and doc strings would cost the browser download more
/// than the text does.
#[cfg(target_family = "wasm")]
pub fn report_schema() -> serde_json::Value {
    serde_json::from_str(REPORT_SCHEMA_JSON).unwrap_or_default()
}

/// The JSON Schema of the Report JSON as text, exactly as `zfxxgk schema` prints it: the file
/// `core/src/report.schema.json`, for portals that validate reports without this library.
pub const REPORT_SCHEMA_JSON: &str = include_str!("report.schema.json");

/// The JSON Schema of a list of findings (the Finding JSON contract): report findings and the
/// `app.*` findings of an application, whose location names an event.
///
/// ```
/// let schema = zfxxgk::schema::findings_schema();
/// assert_eq!(schema["type"], "array");
/// let location = &schema["$defs"]["Location"]["properties"];
/// assert!(location["row"].is_object() && location["event"].is_object() && location["type"].is_object());
/// ```
pub fn findings_schema() -> serde_json::Value {
    schemars::schema_for!(Vec<crate::Finding>).to_value()
}

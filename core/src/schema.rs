//! The JSON Schema of the Report contract, generated from the types themselves so that it cannot
//! drift from what `Report::from_json` accepts.

/// The JSON Schema (draft 2020-12) of the Report JSON contract.
///
/// ```
/// let schema = zfxxgk::report_schema();
/// assert_eq!(schema["type"], "object");
/// assert_eq!(schema["additionalProperties"], false);
/// ```
pub fn report_schema() -> serde_json::Value {
    schemars::schema_for!(crate::Report).to_value()
}

/// The JSON Schema of a list of findings (the Finding JSON contract).
pub fn findings_schema() -> serde_json::Value {
    schemars::schema_for!(Vec<crate::Finding>).to_value()
}

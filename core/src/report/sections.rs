//! The six sections of the report (R2019 第五十条), kept in the order the document prints them.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::Format;
use super::keyed::{Key, KeySeed, keys};

keys!(
    /// The six sections, in the order the law prescribes.
    SectionKey, table: "Headings", write_nulls: false, {
        Overview = "overview": "一、总体情况",
        Proactive = "proactive": "二、主动公开政府信息情况",
        Requests = "requests": "三、收到和处理政府信息公开申请情况",
        ReviewLitigation = "review_litigation": "四、政府信息公开行政复议、行政诉讼情况",
        Problems = "problems": "五、存在的主要问题及改进情况",
        OtherMatters = "other_matters": "六、其他需要报告的事项",
    }
);

impl SectionKey {
    /// The official heading in the given format (F2019 reports title 五 more fully).
    pub fn heading(self, format: Format) -> &'static str {
        match (self, format) {
            (SectionKey::Problems, Format::F2019) => "五、政府信息公开工作存在的主要问题及改进情况",
            _ => self.label(),
        }
    }

    /// The Chinese numeral the section is numbered with (一 … 六).
    pub fn numeral(self) -> char {
        ['一', '二', '三', '四', '五', '六'].get(self.index()).copied().unwrap_or('一')
    }
}

/// The sections present in the document, in printed order, each with its text (without the
/// heading). Section 二 三 四 may carry the text printed around their table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Sections {
    entries: Vec<(SectionKey, String)>,
}

impl Sections {
    /// No section.
    pub fn new() -> Sections {
        Sections::default()
    }
    /// Adds a section (replacing the text if it is already there, keeping its position).
    pub fn insert(&mut self, key: SectionKey, text: impl Into<String>) {
        let text = text.into();
        match self.entries.iter_mut().find(|(k, _)| *k == key) {
            Some(entry) => entry.1 = text,
            None => self.entries.push((key, text)),
        }
    }
    /// The text of a section, if present.
    pub fn get(&self, key: SectionKey) -> Option<&str> {
        self.entries.iter().find(|(k, _)| *k == key).map(|(_, t)| t.as_str())
    }
    /// Whether the section is present.
    pub fn contains(&self, key: SectionKey) -> bool {
        self.entries.iter().any(|(k, _)| *k == key)
    }
    /// Cuts the last section's text back to its first `len` bytes (a character boundary).
    pub(crate) fn truncate_last(&mut self, len: usize) {
        if let Some((_, text)) = self.entries.last_mut() {
            if text.is_char_boundary(len) {
                text.truncate(len);
            }
        }
    }
    /// Sections in printed order.
    pub fn iter(&self) -> impl Iterator<Item = (SectionKey, &str)> + '_ {
        self.entries.iter().map(|(k, t)| (*k, t.as_str()))
    }
    /// How many sections are present.
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    /// Whether no section is present.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

impl Serialize for Sections {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.entries.len()))?;
        for (k, t) in &self.entries {
            map.serialize_entry(k.key(), t)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Sections {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Sections, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Sections;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object mapping section keys to their text, in printed order")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Sections, A::Error> {
                let mut out = Sections::new();
                while let Some(key) = map.next_key_seed(KeySeed::<SectionKey>::new())? {
                    if out.contains(key) {
                        return Err(de::Error::custom(format_args!("duplicate key `{}`", key.key())));
                    }
                    let text: String = map.next_value()?;
                    out.entries.push((key, text));
                }
                Ok(out)
            }
        }
        d.deserialize_map(V)
    }
}

impl schemars::JsonSchema for Sections {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Sections".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut properties = serde_json::Map::new();
        for k in SectionKey::ALL {
            properties.insert(k.key().to_owned(), serde_json::json!({"type": "string", "description": k.label()}));
        }
        schemars::json_schema!({
            "type": "object",
            "description": "正文各部分（按印刷顺序）/ the sections' text, in printed order",
            "properties": properties,
            "additionalProperties": false
        })
    }
}

/// Printed section headings, when known (a parser records them), used to tell misnumbering.
pub type Headings = super::keyed::Keyed<SectionKey, String, 6>;

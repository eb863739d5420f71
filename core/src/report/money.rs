//! Money as an exact decimal: kept as printed, never a binary float.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::Error;

/// An exact decimal amount such as `"5949.09"` (万元 or 元 as the row states), kept exactly as
/// written so that it round-trips.
///
/// ```
/// use zfxxgk::report::Money;
/// let m: Money = "-12.50".parse().unwrap();
/// assert!(m.is_negative());
/// assert_eq!(m.to_string(), "-12.50");
/// assert_eq!(m.parts(), (-1250, 2));
/// assert!("1e5".parse::<Money>().is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Money {
    text: String,
}

/// Longest accepted amount (digits, sign and point); beyond this an i128 mantissa could overflow.
const MAX_LEN: usize = 36;

impl Money {
    /// The amount as written.
    pub fn as_str(&self) -> &str {
        &self.text
    }
    /// Whether the amount is below zero (`-0.00` is not).
    pub fn is_negative(&self) -> bool {
        self.text.starts_with('-') && self.text.bytes().any(|b| (b'1'..=b'9').contains(&b))
    }
    /// (mantissa, scale): the value is mantissa × 10^-scale.
    pub fn parts(&self) -> (i128, u32) {
        let (neg, body) = match self.text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, self.text.as_str()),
        };
        let mut mantissa: i128 = 0;
        let mut scale = 0u32;
        let mut after_point = false;
        for b in body.bytes() {
            if b == b'.' {
                after_point = true;
                continue;
            }
            // Validated at construction: only digits remain, and MAX_LEN keeps this in range.
            mantissa = mantissa.saturating_mul(10).saturating_add(i128::from(b - b'0'));
            if after_point {
                scale += 1;
            }
        }
        (if neg { -mantissa } else { mantissa }, scale)
    }
}

impl FromStr for Money {
    type Err = Error;
    fn from_str(s: &str) -> Result<Money, Error> {
        let invalid = || Error::InvalidAmount { text: s.chars().take(40).collect() };
        let body = s.strip_prefix('-').unwrap_or(s);
        let (int, frac) = match body.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (body, None),
        };
        let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        if s.len() > MAX_LEN || !digits(int) || frac.is_some_and(|f| !digits(f)) {
            return Err(invalid());
        }
        Ok(Money { text: s.to_owned() })
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Money({})", self.text)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Money, D::Error> {
        crate::from_str_serde::deserialize(d, "an exact decimal string such as \"5949.09\"")
    }
}

impl schemars::JsonSchema for Money {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Money".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^-?[0-9]+(\\.[0-9]+)?$",
            "maxLength": MAX_LEN,
            "description": "精确十进制金额 / an exact decimal amount, e.g. \"5949.09\""
        })
    }
}

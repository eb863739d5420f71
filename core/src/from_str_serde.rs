//! Decoding of the contract's string-encoded values (dates, amounts) through their `FromStr`, so
//! that each type states only its text format and the error it gives.

use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

use serde::Deserializer;

use crate::error::Error;

/// Decodes a JSON string into `T` with `T::from_str`; `expecting` describes the text for messages.
pub(crate) fn deserialize<'de, D, T>(d: D, expecting: &'static str) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: FromStr<Err = Error>,
{
    struct Visitor<T>(&'static str, PhantomData<T>);
    impl<T: FromStr<Err = Error>> serde::de::Visitor<'_> for Visitor<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.0)
        }
        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<T, E> {
            v.parse().map_err(|e: Error| E::custom(e.to_string()))
        }
    }
    d.deserialize_str(Visitor(expecting, PhantomData))
}

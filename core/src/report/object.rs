//! Strict decoding of the contract's objects. serde's derived decoding of a struct also accepts a
//! JSON array (by position), which would let `["2021", 2022]` pass for a report; these objects
//! accept only a JSON object with known, unrepeated keys.

use std::fmt;

use serde::de::{self, DeserializeSeed, Visitor};

/// Decodes a key into its index among `fields`; an unknown key is an error naming the accepted ones.
pub(crate) struct FieldSeed(pub &'static [&'static str]);

impl<'de> DeserializeSeed<'de> for FieldSeed {
    type Value = usize;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for FieldSeed {
    type Value = usize;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "one of {}", list(self.0))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<usize, E> {
        self.0.iter().position(|f| *f == v).ok_or_else(|| {
            E::custom(format_args!("unknown field `{}`, expected one of {}", super::keyed::clip(v), list(self.0)))
        })
    }
}

fn list(fields: &[&str]) -> String {
    fields.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ")
}

/// Implements `Deserialize` for a struct whose fields are all `Option`s named as their JSON keys.
macro_rules! strict_object {
    ($ty:ident { $($field:ident),+ $(,)? }) => {
        impl<'de> ::serde::Deserialize<'de> for $ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                const FIELDS: &[&str] = &[$(stringify!($field)),+];
                struct V;
                impl<'de> ::serde::de::Visitor<'de> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        write!(f, "an object ({})", stringify!($ty))
                    }
                    fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> Result<$ty, A::Error> {
                        let mut out = $ty::default();
                        let mut seen = [false; FIELDS.len()];
                        while let Some(i) = map.next_key_seed($crate::report::object::FieldSeed(FIELDS))? {
                            match seen.get_mut(i) {
                                Some(s) if !*s => *s = true,
                                _ => return Err(::serde::de::Error::custom(format_args!(
                                    "duplicate field `{}`", FIELDS.get(i).copied().unwrap_or("?")))),
                            }
                            let mut _index = 0usize;
                            $(
                                if i == _index {
                                    out.$field = map.next_value()?;
                                    continue;
                                }
                                _index += 1;
                            )+
                        }
                        Ok(out)
                    }
                }
                d.deserialize_map(V)
            }
        }
    };
}
pub(crate) use strict_object;

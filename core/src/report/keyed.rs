//! Tables keyed by the domain's fixed keys (rows, columns), stored as arrays so that checks are
//! index arithmetic, serialized as JSON objects with exactly those keys. One mechanism serves
//! table 三 and table 四, so unknown keys, duplicates and nulls are handled in one place.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A closed set of keys (a table's rows or columns), in printed order.
pub trait Key: Copy + Eq + fmt::Debug + 'static {
    /// Every key, in printed order; `ALL[k.index()] == k`.
    const ALL: &'static [Self];
    /// Whether serialization writes every key (nulls included) or only the present ones.
    const WRITE_NULLS: bool;
    /// Name of the key set in the JSON Schema.
    const SCHEMA_NAME: &'static str;
    /// Name, in the JSON Schema, of a table keyed by this set.
    const TABLE_NAME: &'static str;
    /// The JSON key (DOMAIN.md).
    fn key(self) -> &'static str;
    /// The printed Chinese label.
    fn label(self) -> &'static str;
    /// Position in `ALL`.
    fn index(self) -> usize;
    /// The key for a JSON key string.
    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|k| k.key() == key)
    }
}

/// Declares a `Key` enum with its JSON keys and printed labels in one list a reader can check
/// against DOMAIN.md.
macro_rules! keys {
    ($(#[$m:meta])* $name:ident, table: $table:literal, write_nulls: $nulls:expr, { $($(#[$vm:meta])* $variant:ident = $key:literal : $label:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
        pub enum $name { $($(#[$vm])* #[doc = $label] $variant),+ }

        impl $crate::report::keyed::Key for $name {
            const ALL: &'static [Self] = &[$($name::$variant),+];
            const WRITE_NULLS: bool = $nulls;
            const SCHEMA_NAME: &'static str = stringify!($name);
            const TABLE_NAME: &'static str = $table;
            fn key(self) -> &'static str { match self { $($name::$variant => $key),+ } }
            fn label(self) -> &'static str { match self { $($name::$variant => $label),+ } }
            fn index(self) -> usize { self as usize }
            // A `match` on the text (length first, then bytes) instead of a scan of `ALL`:
            // decoding a table looks up every row and cell key.
            fn from_key(key: &str) -> Option<Self> {
                match key { $($key => Some($name::$variant),)+ _ => None }
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str($crate::report::keyed::Key::key(*self))
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                ::serde::de::DeserializeSeed::deserialize($crate::report::keyed::KeySeed::<$name>::new(), d)
            }
        }

        impl ::schemars::JsonSchema for $name {
            fn schema_name() -> ::std::borrow::Cow<'static, str> { stringify!($name).into() }
            fn json_schema(_: &mut ::schemars::SchemaGenerator) -> ::schemars::Schema {
                let keys: Vec<&str> = <$name as $crate::report::keyed::Key>::ALL.iter()
                    .map(|k| $crate::report::keyed::Key::key(*k)).collect();
                ::schemars::json_schema!({"type": "string", "enum": keys})
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str($crate::report::keyed::Key::key(*self))
            }
        }
    };
}
pub(crate) use keys;

/// Deserializes one key of `K` from a string without allocating; unknown keys are an error that
/// lists the accepted ones.
pub struct KeySeed<K>(PhantomData<K>);

impl<K> KeySeed<K> {
    /// A seed for one key of `K`.
    pub fn new() -> Self {
        KeySeed(PhantomData)
    }
}

impl<K> Default for KeySeed<K> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'de, K: Key> DeserializeSeed<'de> for KeySeed<K> {
    type Value = K;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<K, D::Error> {
        d.deserialize_str(self)
    }
}

impl<K: Key> Visitor<'_> for KeySeed<K> {
    type Value = K;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "one of {}", expected_keys::<K>())
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<K, E> {
        K::from_key(v).ok_or_else(|| {
            E::custom(format_args!("unknown key `{}`, expected one of {}", clip(v), expected_keys::<K>()))
        })
    }
}

fn expected_keys<K: Key>() -> String {
    K::ALL.iter().map(|k| format!("`{}`", k.key())).collect::<Vec<_>>().join(", ")
}

/// Shortens untrusted text quoted in a message.
pub(crate) fn clip(v: &str) -> String {
    let mut s: String = v.chars().take(40).collect();
    if s.len() < v.len() {
        s.push('…');
    }
    s
}

/// Values of type `V` under the keys `K` (`N == K::ALL.len()`); `None` = absent or null.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Keyed<K: Key, V, const N: usize> {
    cells: [Option<V>; N],
    _keys: PhantomData<K>,
}

impl<K: Key, V, const N: usize> Keyed<K, V, N> {
    /// All absent.
    pub fn new() -> Self {
        Keyed { cells: std::array::from_fn(|_| None), _keys: PhantomData }
    }
    /// The value under `key`, if present.
    pub fn get(&self, key: K) -> Option<&V> {
        self.cells.get(key.index()).and_then(Option::as_ref)
    }
    /// The value under `key` for changing, if present.
    pub fn get_mut(&mut self, key: K) -> Option<&mut V> {
        self.cells.get_mut(key.index()).and_then(Option::as_mut)
    }
    /// Sets (or, with `None`, removes) the value under `key`.
    pub fn set(&mut self, key: K, value: Option<V>) {
        if let Some(slot) = self.cells.get_mut(key.index()) {
            *slot = value;
        }
    }
    /// Present entries in key order.
    pub fn iter(&self) -> impl Iterator<Item = (K, &V)> + '_ {
        K::ALL.iter().zip(self.cells.iter()).filter_map(|(k, v)| v.as_ref().map(|v| (*k, v)))
    }
    /// Whether no key has a value.
    pub fn is_empty(&self) -> bool {
        self.cells.iter().all(Option::is_none)
    }
}

impl<K: Key, V: Copy, const N: usize> Keyed<K, V, N> {
    /// The value (copied), `None` if absent.
    pub fn value(&self, key: K) -> Option<V> {
        self.cells.get(key.index()).copied().flatten()
    }
}

impl<K: Key, V, const N: usize> Default for Keyed<K, V, N> {
    fn default() -> Self {
        Self::new()
    }
}

impl<K: Key, V: fmt::Debug, const N: usize> fmt::Debug for Keyed<K, V, N> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter().map(|(k, v)| (k.key(), v))).finish()
    }
}

impl<K: Key, V: Serialize, const N: usize> Serialize for Keyed<K, V, N> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(None)?;
        for (k, v) in K::ALL.iter().zip(self.cells.iter()) {
            if v.is_some() || K::WRITE_NULLS {
                map.serialize_entry(k.key(), v)?;
            }
        }
        map.end()
    }
}

impl<'de, K: Key, V: Deserialize<'de>, const N: usize> Deserialize<'de> for Keyed<K, V, N> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct MapVisitor<K, V, const N: usize>(PhantomData<(K, V)>);
        impl<'de, K: Key, V: Deserialize<'de>, const N: usize> Visitor<'de> for MapVisitor<K, V, N> {
            type Value = Keyed<K, V, N>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "an object with keys among {}", expected_keys::<K>())
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Keyed::<K, V, N>::new();
                let mut seen = [false; N];
                while let Some(key) = map.next_key_seed(KeySeed::<K>::new())? {
                    let i = key.index();
                    match seen.get_mut(i) {
                        Some(s) if !*s => *s = true,
                        _ => return Err(de::Error::custom(format_args!("duplicate key `{}`", key.key()))),
                    }
                    let value: Option<V> = map.next_value()?;
                    out.set(key, value);
                }
                Ok(out)
            }
        }
        d.deserialize_map(MapVisitor::<K, V, N>(PhantomData))
    }
}

impl<K: Key, V: schemars::JsonSchema, const N: usize> schemars::JsonSchema for Keyed<K, V, N> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        K::TABLE_NAME.into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let value = generator.subschema_for::<Option<V>>();
        let mut properties = serde_json::Map::new();
        for k in K::ALL {
            properties.insert(k.key().to_owned(), value.clone().to_value());
        }
        schemars::json_schema!({
            "type": "object",
            "properties": properties,
            "additionalProperties": false
        })
    }
}

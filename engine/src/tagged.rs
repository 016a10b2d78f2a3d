//! Pieces for reading an internally tagged enum (`{"type": "ratio", ...}`) without serde's
//! derive, which buffers the whole object first (serde's `Content`: ~13 kB of wasm per
//! enum and per deserializer). The hand-written visitors (`framework::Method`,
//! `sheet::Answer`) read each known field as it comes and let the tag pick the variant;
//! the JSON and the messages are the derive's (tests/serde_compat.rs).

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, VariantAccess, Visitor};

/// A map key: its index in `names`, `None` for a key no variant knows (ignored, as the
/// derive ignores it).
pub(crate) struct Key(pub &'static [&'static str]);

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Option<usize>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl Visitor<'_> for Key {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("field identifier")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(self.0.iter().position(|n| *n == v))
    }
}

/// The tag's value: the variant's index in `variants`, or serde's "unknown variant" error.
pub(crate) struct Tag(pub &'static [&'static str]);

impl<'de> DeserializeSeed<'de> for Tag {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl Visitor<'_> for Tag {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("variant identifier")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<usize, E> {
        self.0.iter().position(|n| *n == v).ok_or_else(|| E::unknown_variant(v, self.0))
    }
}

/// A required field of the chosen variant.
pub(crate) fn need<T, E: de::Error>(slot: Option<T>, name: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| E::missing_field(name))
}

/// A unit-only enum (`"reference"`): the index of its variant. What the derive does, once
/// for all such enums instead of a visitor each (~1 kB of wasm apiece); same messages.
pub(crate) fn unit_variant<'de, D: Deserializer<'de>>(d: D, name: &'static str, variants: &'static [&'static str]) -> Result<usize, D::Error> {
    struct Unit(&'static str, &'static [&'static str]);
    impl<'de> Visitor<'de> for Unit {
        type Value = usize;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            write!(f, "enum {}", self.0)
        }

        fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<usize, A::Error> {
            let (i, variant) = data.variant_seed(Tag(self.1))?;
            variant.unit_variant()?;
            Ok(i)
        }
    }
    d.deserialize_enum(name, variants, Unit(name, variants))
}

/// `Deserialize` for a unit-only enum through [`unit_variant`]: the JSON names in order.
macro_rules! unit_enum {
    ($ty:ident { $($variant:ident = $json:literal),+ $(,)? }) => {
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                const ALL: &[$ty] = &[$($ty::$variant),+];
                let i = crate::tagged::unit_variant(d, stringify!($ty), &[$($json),+])?;
                Ok(ALL[i])
            }
        }
    };
}
pub(crate) use unit_enum;

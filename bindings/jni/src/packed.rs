//! Results cross to Java as one string of UTF-16 code units, decoded by `cn.mbasu.PackedReader`.
//!
//! Building a result object field by field would cost one JNI up-call per field; one
//! `NewString` per result keeps the crossing to a single allocation. The layout is private to
//! the binding: an `int` is two units (high 16 bits first), a `bool` one unit (0 or 1), a
//! string an `int` length in UTF-16 units followed by the units, and a missing string the
//! length -1. Reader and writer must list the items in the same order.

use jni::objects::JString;
use jni::Env;

use crate::boundary::GlueResult;
use crate::strings::new_java_string_from_units;

/// Writes items in the order the Java reader expects them.
#[derive(Default)]
pub(crate) struct Packer {
    units: Vec<u16>,
}

impl Packer {
    pub(crate) fn new() -> Packer {
        Packer {
            units: Vec::with_capacity(128),
        }
    }

    pub(crate) fn int(&mut self, value: i32) -> &mut Self {
        let bits = value as u32;
        self.units.push((bits >> 16) as u16);
        self.units.push(bits as u16);
        self
    }

    /// Writes a count or index; every count here is far below `i32::MAX`.
    pub(crate) fn count(&mut self, value: usize) -> &mut Self {
        self.int(i32::try_from(value).unwrap_or(i32::MAX))
    }

    pub(crate) fn bool(&mut self, value: bool) -> &mut Self {
        self.units.push(u16::from(value));
        self
    }

    pub(crate) fn str(&mut self, text: &str) -> &mut Self {
        let start = self.units.len();
        self.int(0);
        self.units.extend(text.encode_utf16());
        let length = self.units.len() - start - 2;
        let bits = u32::try_from(length).unwrap_or(u32::MAX);
        self.units[start] = (bits >> 16) as u16;
        self.units[start + 1] = bits as u16;
        self
    }

    pub(crate) fn opt_str(&mut self, text: Option<&str>) -> &mut Self {
        match text {
            Some(text) => self.str(text),
            None => self.int(-1),
        }
    }

    /// Creates the Java string holding everything written.
    pub(crate) fn finish<'local>(&self, env: &Env<'local>) -> GlueResult<JString<'local>> {
        new_java_string_from_units(env, &self.units)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn int_is_two_units_high_first() {
        let mut packer = Packer::new();
        packer.int(0x0001_0002).int(-1);
        assert_eq!(packer.units, [1, 2, 0xFFFF, 0xFFFF]);
    }

    #[test]
    fn string_is_length_then_utf16_units() {
        let mut packer = Packer::new();
        packer.str("𠮷田").opt_str(None).bool(true);
        assert_eq!(
            packer.units,
            [0, 3, 0xD842, 0xDFB7, 0x7530, 0xFFFF, 0xFFFF, 1]
        );
    }
}

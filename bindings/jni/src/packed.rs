//! Results cross to Java as one string of UTF-16 code units, decoded by `cn.mbasu.PackedReader`,
//! or, on the request and response paths, as UTF-8 bytes ([`BytePacker`]) in one `byte[]` or in
//! a `cn.mbasu.ResponseScratch` buffer, decoded by `cn.mbasu.PackedBytes`.
//!
//! Building a result object field by field would cost one JNI up-call per field; one
//! `NewString` per result keeps the crossing to a single allocation. The layout is private to
//! the binding: an `int` is two units (high 16 bits first), a `bool` one unit (0 or 1), a
//! string an `int` length in UTF-16 units followed by the units, and a missing string the
//! length -1. Reader and writer must list the items in the same order.

use jni::objects::JString;
use jni::Env;

use crate::boundary::{GlueResult, LocalRef, RawEnv};
use crate::strings::{new_byte_array, new_java_string_from_units};

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

/// The size of the stack buffer that the byte-array methods lend their [`BytePacker`]. A reading
/// of the spec's sample response takes under 100 bytes.
pub(crate) const INLINE_PACKED: usize = 256;

/// Writes items as UTF-8 bytes for `cn.mbasu.PackedBytes`: a byte is one byte, an `int` four
/// bytes (big-endian), a string an `int` length in bytes followed by its UTF-8, and a missing
/// string the length -1.
///
/// Java decodes each string only when its getter is first called, so a result that is read for
/// one field costs one `byte[]` and no `String` for the others. The packer writes into a buffer
/// that the caller lends it (a stack array, or the free part of a `ResponseScratch` buffer), so
/// the common result needs no allocation and is never moved. A result that outgrows the buffer
/// continues in a `Vec`.
pub(crate) struct BytePacker<'target> {
    target: &'target mut [u8],
    length: usize,
    /// Everything written once it no longer fits in `target`, and `None` before that.
    spilled: Option<Vec<u8>>,
}

impl<'target> BytePacker<'target> {
    pub(crate) fn new(target: &'target mut [u8]) -> BytePacker<'target> {
        BytePacker {
            target,
            length: 0,
            spilled: None,
        }
    }

    // Inlined so that the fixed-size writes of `byte` and `int` compile to plain stores
    // instead of a call and a `memcpy` each.
    #[inline(always)]
    fn push(&mut self, bytes: &[u8]) {
        if self.spilled.is_none() {
            let end = self.length + bytes.len();
            if let Some(target) = self.target.get_mut(self.length..end) {
                target.copy_from_slice(bytes);
                self.length = end;
                return;
            }
            let mut spilled = Vec::with_capacity(2 * end);
            spilled.extend_from_slice(&self.target[..self.length]);
            self.spilled = Some(spilled);
        }
        if let Some(spilled) = &mut self.spilled {
            spilled.extend_from_slice(bytes);
        }
    }

    fn as_bytes(&self) -> &[u8] {
        match &self.spilled {
            Some(spilled) => spilled,
            None => &self.target[..self.length],
        }
    }

    /// Returns the length of the result when all of it is in the lent buffer, or `None` after it
    /// spilled.
    pub(crate) fn length_in_target(&self) -> Option<usize> {
        match self.spilled {
            Some(_) => None,
            None => Some(self.length),
        }
    }

    pub(crate) fn byte(&mut self, value: u8) -> &mut Self {
        self.push(&[value]);
        self
    }

    pub(crate) fn int(&mut self, value: i32) -> &mut Self {
        self.push(&value.to_be_bytes());
        self
    }

    /// Writes a count or index; every count here is far below `i32::MAX`.
    pub(crate) fn count(&mut self, value: usize) -> &mut Self {
        self.int(i32::try_from(value).unwrap_or(i32::MAX))
    }

    pub(crate) fn str(&mut self, text: &str) -> &mut Self {
        self.count(text.len());
        self.push(text.as_bytes());
        self
    }

    pub(crate) fn opt_str(&mut self, text: Option<&str>) -> &mut Self {
        match text {
            Some(text) => self.str(text),
            None => self.int(-1),
        }
    }

    /// Creates the Java `byte[]` holding everything written.
    pub(crate) fn finish<'local>(&self, env: RawEnv<'local>) -> GlueResult<LocalRef<'local>> {
        new_byte_array(env, self.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_packer_writes_big_endian_and_utf8() {
        let mut target = [0; INLINE_PACKED];
        let mut packer = BytePacker::new(&mut target);
        packer.byte(7).int(0x0102_0304).str("田a").opt_str(None);
        assert_eq!(
            packer.as_bytes(),
            [7, 1, 2, 3, 4, 0, 0, 0, 4, 0xE7, 0x94, 0xB0, b'a', 0xFF, 0xFF, 0xFF, 0xFF]
        );
    }

    #[test]
    fn byte_packer_spills_past_target() {
        let long = "田".repeat(INLINE_PACKED);
        let mut target = [0; INLINE_PACKED];
        let mut packer = BytePacker::new(&mut target);
        packer.byte(1).str("ab").str(&long).int(-1);

        let mut expected = vec![1, 0, 0, 0, 2, b'a', b'b'];
        expected.extend_from_slice(&(long.len() as i32).to_be_bytes());
        expected.extend_from_slice(long.as_bytes());
        expected.extend_from_slice(&[0xFF; 4]);
        assert_eq!(packer.length_in_target(), None);
        assert_eq!(packer.as_bytes(), expected.as_slice());
    }

    #[test]
    fn byte_packer_fills_target_exactly() {
        let mut target = [0; INLINE_PACKED];
        let mut packer = BytePacker::new(&mut target);
        packer.str(&"a".repeat(INLINE_PACKED - 4));
        assert_eq!(packer.length_in_target(), Some(INLINE_PACKED));
        packer.byte(2);
        assert_eq!(packer.length_in_target(), None);
        assert_eq!(packer.as_bytes().len(), INLINE_PACKED + 1);
        assert_eq!(packer.as_bytes()[INLINE_PACKED], 2);
    }

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

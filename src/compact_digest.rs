//! Loop-based SM3 (GB/T 32905-2016), MD5 (RFC 1321), SHA-1 (FIPS 180-4) and HMAC-SHA1
//! (RFC 2104), for builds where code size matters more than speed.
//!
//! The `compact-digests` feature selects them instead of the `sm3`, `md-5`, `sha1` and `hmac`
//! crates, whose fully unrolled compression functions are about 13 KB of WebAssembly before
//! gzip. SM3 is unrolled by 16 rounds, not 64: the first 16 rounds, then a loop of three over
//! the next 16. That keeps the message schedule in local variables, so hashing fields is as
//! fast as with the `sm3` crate in the WebAssembly build (wasm/bench/bench.mjs), where a loop
//! of single rounds was about 50% slower a field. MD5 and SHA-1 are written for size only,
//! because they hash short fields and one HMAC message per request.

use zeroize::{Zeroize, Zeroizing};

/// A hash function of the Merkle–Damgård family with 64-byte blocks and a 64-bit message
/// length in bits, which SM3, MD5 and SHA-1 all are.
struct Algorithm {
    initial_state: [u32; 8],
    /// Byte order of the message words, the length field and the output words.
    big_endian: bool,
    compress: fn(&mut [u32; 8], &[u8; 64]),
}

const SM3: Algorithm = Algorithm {
    initial_state: [
        0x7380_166f,
        0x4914_b2b9,
        0x1724_42d7,
        0xda8a_0600,
        0xa96f_30bc,
        0x1631_38aa,
        0xe38d_ee4d,
        0xb0fb_0e4e,
    ],
    big_endian: true,
    compress: compress_sm3,
};

const MD5: Algorithm = Algorithm {
    initial_state: [
        0x6745_2301,
        0xefcd_ab89,
        0x98ba_dcfe,
        0x1032_5476,
        0,
        0,
        0,
        0,
    ],
    big_endian: false,
    compress: compress_md5,
};

const SHA1: Algorithm = Algorithm {
    initial_state: [
        0x6745_2301,
        0xefcd_ab89,
        0x98ba_dcfe,
        0x1032_5476,
        0xc3d2_e1f0,
        0,
        0,
        0,
    ],
    big_endian: true,
    compress: compress_sha1,
};

impl Algorithm {
    fn to_bytes<T: ToBytes>(&self, value: T) -> T::Bytes {
        if self.big_endian {
            value.to_be()
        } else {
            value.to_le()
        }
    }

    /// Compresses each whole 64-byte block of `data` into `state` and returns the rest.
    #[inline(always)]
    fn compress_blocks<'a>(&self, state: &mut [u32; 8], data: &'a [u8]) -> &'a [u8] {
        let mut blocks = data.chunks_exact(64);
        for block in &mut blocks {
            if let Ok(block) = block.try_into() {
                (self.compress)(state, block);
            }
        }
        blocks.remainder()
    }

    /// Pads a message of `length` bytes, whose last `filled` bytes (fewer than 64) start
    /// `buffer`, compresses the one or two blocks this makes and returns the final state as
    /// bytes. Only the first 16 (MD5), 20 (SHA-1) or 32 (SM3) bytes are the digest.
    ///
    /// The rest of `buffer` must be zeros.
    #[inline(never)]
    fn finish(
        &self,
        state: &mut [u32; 8],
        buffer: &mut [u8; 128],
        filled: usize,
        length: u64,
    ) -> [u8; 32] {
        self.finish_inline(state, buffer, filled, length)
    }

    /// Does what [`Algorithm::finish`] does, inlined, so that SM3 gets a copy with its byte
    /// order and compression function as constants.
    #[inline(always)]
    fn finish_inline(
        &self,
        state: &mut [u32; 8],
        buffer: &mut [u8; 128],
        filled: usize,
        length: u64,
    ) -> [u8; 32] {
        // The padding is the byte 0x80, zeros up to 8 bytes before a block's end, and the
        // length in bits. When fewer than 9 bytes of the block are free, it takes one more.
        let end = if filled < 56 { 64 } else { 128 };
        buffer[filled] = 0x80;
        buffer[end - 8..end].copy_from_slice(&self.to_bytes(length.wrapping_mul(8)));
        self.compress_blocks(state, &buffer[..end]);

        let mut output = [0; 32];
        for (bytes, word) in output.chunks_exact_mut(4).zip(*state) {
            bytes.copy_from_slice(&self.to_bytes(word));
        }
        output
    }
}

/// The streaming state of one digest, for HMAC, which hashes the key block and the message
/// parts in turn.
#[derive(Zeroize)]
struct Hasher {
    #[zeroize(skip)]
    algorithm: &'static Algorithm,
    state: [u32; 8],
    /// The bytes of the current block so far, and room for a second block of padding.
    buffer: [u8; 128],
    /// The number of bytes of `buffer` in use, always below 64 between calls.
    filled: usize,
    /// The message length in bytes so far, modulo 2^64.
    length: u64,
}

impl Hasher {
    fn new(algorithm: &'static Algorithm) -> Hasher {
        Hasher {
            algorithm,
            state: algorithm.initial_state,
            buffer: [0; 128],
            filled: 0,
            length: 0,
        }
    }

    fn update(&mut self, mut data: &[u8]) {
        self.length = self.length.wrapping_add(data.len() as u64);
        while !data.is_empty() {
            let free = &mut self.buffer[self.filled..64];
            let take = free.len().min(data.len());
            free[..take].copy_from_slice(&data[..take]);
            self.filled += take;
            data = &data[take..];
            if self.filled == 64 {
                self.algorithm
                    .compress_blocks(&mut self.state, &self.buffer[..64]);
                self.filled = 0;
            }
        }
    }

    fn finish(&mut self) -> [u8; 32] {
        self.buffer[self.filled..].fill(0);
        self.algorithm
            .finish(&mut self.state, &mut self.buffer, self.filled, self.length)
    }
}

/// The byte order conversions [`Algorithm::finish`] needs, for `u32` words and the `u64` length.
trait ToBytes {
    type Bytes;
    fn to_be(self) -> Self::Bytes;
    fn to_le(self) -> Self::Bytes;
}

impl ToBytes for u32 {
    type Bytes = [u8; 4];
    fn to_be(self) -> [u8; 4] {
        self.to_be_bytes()
    }
    fn to_le(self) -> [u8; 4] {
        self.to_le_bytes()
    }
}

impl ToBytes for u64 {
    type Bytes = [u8; 8];
    fn to_be(self) -> [u8; 8] {
        self.to_be_bytes()
    }
    fn to_le(self) -> [u8; 8] {
        self.to_le_bytes()
    }
}

fn digest(algorithm: &'static Algorithm, data: &[u8]) -> [u8; 32] {
    let mut state = algorithm.initial_state;
    let rest = algorithm.compress_blocks(&mut state, data);
    let mut buffer = [0; 128];
    buffer[..rest.len()].copy_from_slice(rest);
    algorithm.finish(&mut state, &mut buffer, rest.len(), data.len() as u64)
}

fn truncate<const N: usize>(output: &[u8; 32]) -> [u8; N] {
    let mut digest = [0; N];
    digest.copy_from_slice(&output[..N]);
    digest
}

/// Computes the SM3 digest of `data`.
///
/// This is [`digest`] with the padding inlined: SM3 hashes every field of a request, and the
/// generic code's byte order checks and indirect calls made it about 4% slower a field in the
/// WebAssembly build.
pub(crate) fn sm3(data: &[u8]) -> [u8; 32] {
    let mut state = SM3.initial_state;
    let rest = SM3.compress_blocks(&mut state, data);
    let mut buffer = [0; 128];
    buffer[..rest.len()].copy_from_slice(rest);
    SM3.finish_inline(&mut state, &mut buffer, rest.len(), data.len() as u64)
}

/// Computes the MD5 digest of `data`.
pub(crate) fn md5(data: &[u8]) -> [u8; 16] {
    truncate(&digest(&MD5, data))
}

/// Computes the SHA-1 digest of `data`. Outside the tests, only [`hmac_sha1`] uses SHA-1.
#[cfg(test)]
pub(crate) fn sha1(data: &[u8]) -> [u8; 20] {
    truncate(&digest(&SHA1, data))
}

/// Computes HMAC-SHA1 (RFC 2104) of the concatenation of `message_parts` under `key`.
///
/// The padded key, a hashed long key and the hash states after the key block, each enough to
/// compute MACs, are held in `Zeroizing` and wiped on return.
// NOTE: copies that the compiler makes in registers and on the stack, such as the compression
// functions' working variables and the hashed key before it is wrapped, are not wiped.
pub(crate) fn hmac_sha1(key: &[u8], message_parts: &[&[u8]]) -> [u8; 20] {
    const BLOCK_SIZE: usize = 64;

    // Keys longer than a block are hashed first, and shorter ones padded with zeros.
    let mut padded_key = Zeroizing::new([0u8; BLOCK_SIZE]);
    if key.len() > BLOCK_SIZE {
        let mut key_hasher = Zeroizing::new(Hasher::new(&SHA1));
        key_hasher.update(key);
        let hashed_key = Zeroizing::new(key_hasher.finish());
        padded_key[..20].copy_from_slice(&hashed_key[..20]);
    } else {
        padded_key[..key.len()].copy_from_slice(key);
    }

    let mut inner = Zeroizing::new(Hasher::new(&SHA1));
    padded_key.iter_mut().for_each(|byte| *byte ^= 0x36);
    inner.update(&*padded_key);
    for part in message_parts {
        inner.update(part);
    }
    let inner_digest = inner.finish();

    let mut outer = Zeroizing::new(Hasher::new(&SHA1));
    // 0x36 ^ 0x6a is 0x5c, the outer padding byte.
    padded_key.iter_mut().for_each(|byte| *byte ^= 0x6a);
    outer.update(&*padded_key);
    outer.update(&inner_digest[..20]);
    truncate(&outer.finish())
}

fn load_words(block: &[u8; 64], big_endian: bool) -> [u32; 16] {
    let mut words = [0; 16];
    for (word, bytes) in words.iter_mut().zip(block.chunks_exact(4)) {
        let bytes = [bytes[0], bytes[1], bytes[2], bytes[3]];
        *word = if big_endian {
            u32::from_be_bytes(bytes)
        } else {
            u32::from_le_bytes(bytes)
        };
    }
    words
}

fn sm3_p0(x: u32) -> u32 {
    x ^ x.rotate_left(9) ^ x.rotate_left(17)
}

fn sm3_p1(x: u32) -> u32 {
    x ^ x.rotate_left(15) ^ x.rotate_left(23)
}

/// Round j of SM3, where `k` is j mod 16 and `w` contains W_(j-12) to W_(j+3), each at its index
/// mod 16. The round first replaces W_(j-12) with W_(j+4), except in rounds 0 to 11, which
/// find W_4 to W_15 in the block.
///
/// The caller renames the variables instead of moving them. The new A goes into `d` and the new
/// E into `h`, so the next round takes (d, a, b, c, h, e, f, g) as its (a, b, c, d, e, f, g, h).
/// After four rounds the names are back in place.
#[inline(always)]
fn sm3_round<const FIRST_16: bool>(
    [a, b, c, d]: [&mut u32; 4],
    [e, f, g, h]: [&mut u32; 4],
    w: &mut [u32; 16],
    k: usize,
    constant: u32,
) {
    if !FIRST_16 || k >= 12 {
        w[(k + 4) % 16] =
            sm3_p1(w[(k + 4) % 16] ^ w[(k + 11) % 16] ^ w[(k + 1) % 16].rotate_left(15))
                ^ w[(k + 7) % 16].rotate_left(7)
                ^ w[(k + 14) % 16];
    }
    let w_j = w[k % 16];
    let w_prime = w_j ^ w[(k + 4) % 16];

    let a12 = a.rotate_left(12);
    let ss1 = a12.wrapping_add(*e).wrapping_add(constant).rotate_left(7);
    let ss2 = ss1 ^ a12;
    let (ff, gg) = if FIRST_16 {
        (*a ^ *b ^ *c, *e ^ *f ^ *g)
    } else {
        // The majority of a, b, c and the choice by e between f and g, in fewer operations
        // than the standard's (a & b) | (a & c) | (b & c) and (e & f) | (!e & g).
        ((*a & *b) | (*c & (*a | *b)), ((*f ^ *g) & *e) ^ *g)
    };
    *d = ff.wrapping_add(*d).wrapping_add(ss2).wrapping_add(w_prime);
    *h = sm3_p0(gg.wrapping_add(*h).wrapping_add(ss1).wrapping_add(w_j));
    *b = b.rotate_left(9);
    *f = f.rotate_left(19);
}

/// Rounds 16n + k to 16n + k + 3 of SM3. `t` is T_j rotated left by 16n mod 32, so round j
/// uses `t` rotated left by k.
#[inline(always)]
fn sm3_four_rounds<const FIRST_16: bool>(v: &mut [u32; 8], w: &mut [u32; 16], k: usize, t: u32) {
    let [a, b, c, d, e, f, g, h] = v;
    let constant = |round: usize| t.rotate_left(round as u32);
    sm3_round::<FIRST_16>([a, b, c, d], [e, f, g, h], w, k, constant(k));
    sm3_round::<FIRST_16>([d, a, b, c], [h, e, f, g], w, k + 1, constant(k + 1));
    sm3_round::<FIRST_16>([c, d, a, b], [g, h, e, f], w, k + 2, constant(k + 2));
    sm3_round::<FIRST_16>([b, c, d, a], [f, g, h, e], w, k + 3, constant(k + 3));
}

/// Rounds 16n to 16n + 15 of SM3. Every index into `w` is a constant once this is inlined, so
/// `w` stays in local variables.
#[inline(always)]
fn sm3_sixteen_rounds<const FIRST_16: bool>(v: &mut [u32; 8], w: &mut [u32; 16], t: u32) {
    sm3_four_rounds::<FIRST_16>(v, w, 0, t);
    sm3_four_rounds::<FIRST_16>(v, w, 4, t);
    sm3_four_rounds::<FIRST_16>(v, w, 8, t);
    sm3_four_rounds::<FIRST_16>(v, w, 12, t);
}

fn compress_sm3(state: &mut [u32; 8], block: &[u8; 64]) {
    // Sixteen separate loads rather than `load_words`, which would go through memory and, in
    // WebAssembly, through `memory.fill` and `memory.copy` calls.
    let word = |i: usize| {
        u32::from_be_bytes([
            block[4 * i],
            block[4 * i + 1],
            block[4 * i + 2],
            block[4 * i + 3],
        ])
    };
    let mut w = [
        word(0),
        word(1),
        word(2),
        word(3),
        word(4),
        word(5),
        word(6),
        word(7),
        word(8),
        word(9),
        word(10),
        word(11),
        word(12),
        word(13),
        word(14),
        word(15),
    ];
    let mut v = *state;
    // T_j is 0x79cc4519 in rounds 0 to 15 and 0x7a879d8a after, rotated left by j mod 32.
    sm3_sixteen_rounds::<true>(&mut v, &mut w, 0x79cc_4519);
    let mut t: u32 = 0x7a87_9d8a_u32.rotate_left(16);
    for _ in 1..4 {
        sm3_sixteen_rounds::<false>(&mut v, &mut w, t);
        t = t.rotate_left(16);
    }
    for (word, value) in state.iter_mut().zip(v) {
        *word ^= value;
    }
}

/// MD5's additive constants, floor(|sin(i + 1)| × 2^32), as RFC 1321 lists them.
const MD5_CONSTANTS: [u32; 64] = [
    0xd76a_a478,
    0xe8c7_b756,
    0x2420_70db,
    0xc1bd_ceee,
    0xf57c_0faf,
    0x4787_c62a,
    0xa830_4613,
    0xfd46_9501,
    0x6980_98d8,
    0x8b44_f7af,
    0xffff_5bb1,
    0x895c_d7be,
    0x6b90_1122,
    0xfd98_7193,
    0xa679_438e,
    0x49b4_0821,
    0xf61e_2562,
    0xc040_b340,
    0x265e_5a51,
    0xe9b6_c7aa,
    0xd62f_105d,
    0x0244_1453,
    0xd8a1_e681,
    0xe7d3_fbc8,
    0x21e1_cde6,
    0xc337_07d6,
    0xf4d5_0d87,
    0x455a_14ed,
    0xa9e3_e905,
    0xfcef_a3f8,
    0x676f_02d9,
    0x8d2a_4c8a,
    0xfffa_3942,
    0x8771_f681,
    0x6d9d_6122,
    0xfde5_380c,
    0xa4be_ea44,
    0x4bde_cfa9,
    0xf6bb_4b60,
    0xbebf_bc70,
    0x289b_7ec6,
    0xeaa1_27fa,
    0xd4ef_3085,
    0x0488_1d05,
    0xd9d4_d039,
    0xe6db_99e5,
    0x1fa2_7cf8,
    0xc4ac_5665,
    0xf429_2244,
    0x432a_ff97,
    0xab94_23a7,
    0xfc93_a039,
    0x655b_59c3,
    0x8f0c_cc92,
    0xffef_f47d,
    0x8584_5dd1,
    0x6fa8_7e4f,
    0xfe2c_e6e0,
    0xa301_4314,
    0x4e08_11a1,
    0xf753_7e82,
    0xbd3a_f235,
    0x2ad7_d2bb,
    0xeb86_d391,
];

/// MD5's left rotations: four per round of 16 steps, repeated.
const MD5_ROTATIONS: [u8; 16] = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

fn compress_md5(state: &mut [u32; 8], block: &[u8; 64]) {
    let words = load_words(block, false);
    let [mut a, mut b, mut c, mut d, ..] = *state;
    for i in 0..64 {
        // Each round of 16 steps has its own function and order of message words.
        let (f, word) = match i / 16 {
            0 => ((b & c) | (!b & d), i),
            1 => ((b & d) | (c & !d), 5 * i + 1),
            2 => (b ^ c ^ d, 3 * i + 5),
            _ => (c ^ (b | !d), 7 * i),
        };
        let sum = a
            .wrapping_add(f)
            .wrapping_add(MD5_CONSTANTS[i])
            .wrapping_add(words[word % 16]);
        let rotation = MD5_ROTATIONS[i / 16 * 4 + i % 4];
        a = d;
        d = c;
        c = b;
        b = b.wrapping_add(sum.rotate_left(u32::from(rotation)));
    }
    for (word, value) in state.iter_mut().zip([a, b, c, d]) {
        *word = word.wrapping_add(value);
    }
}

fn compress_sha1(state: &mut [u32; 8], block: &[u8; 64]) {
    // The message schedule, W_t for t = 0 to 79, kept as the last 16 words.
    let mut w = load_words(block, true);
    let [mut a, mut b, mut c, mut d, mut e, ..] = *state;
    for t in 0..80 {
        if t >= 16 {
            w[t % 16] =
                (w[(t - 3) % 16] ^ w[(t - 8) % 16] ^ w[(t - 14) % 16] ^ w[t % 16]).rotate_left(1);
        }
        let (f, k) = match t / 20 {
            0 => ((b & c) | (!b & d), 0x5a82_7999),
            1 => (b ^ c ^ d, 0x6ed9_eba1),
            2 => ((b & c) | (b & d) | (c & d), 0x8f1b_bcdc),
            _ => (b ^ c ^ d, 0xca62_c1d6),
        };
        let temp = a
            .rotate_left(5)
            .wrapping_add(f)
            .wrapping_add(e)
            .wrapping_add(k)
            .wrapping_add(w[t % 16]);
        e = d;
        d = c;
        c = b.rotate_left(30);
        b = a;
        a = temp;
    }
    for (word, value) in state.iter_mut().zip([a, b, c, d, e]) {
        *word = word.wrapping_add(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hmac::{KeyInit, Mac};
    use proptest::prelude::*;
    use sha2::Digest;

    /// The message lengths where the padding changes shape: the last that fits in one block
    /// (55), the first that needs a second (56), full blocks and the same in the second block.
    const PADDING_BOUNDARIES: [usize; 10] = [0, 1, 55, 56, 63, 64, 65, 119, 120, 128];

    fn hex(bytes: &[u8]) -> String {
        hex::encode(bytes)
    }

    fn hmac_crate(key: &[u8], message: &[u8]) -> Vec<u8> {
        let mut mac = hmac::Hmac::<sha1::Sha1>::new_from_slice(key).unwrap();
        mac.update(message);
        mac.finalize().into_bytes().to_vec()
    }

    fn patterned_bytes(length: usize) -> Vec<u8> {
        (0..length).map(|i| (i * 31 + 7) as u8).collect()
    }

    #[test]
    fn sm3_gbt_32905_vectors() {
        // GB/T 32905-2016, appendix A: "abc" and "abcd" repeated 16 times (one full block).
        assert_eq!(
            hex(&sm3(b"abc")),
            "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"
        );
        assert_eq!(
            hex(&sm3(&b"abcd".repeat(16))),
            "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732"
        );
    }

    #[test]
    fn md5_rfc_1321_vectors() {
        // RFC 1321, appendix A.5.
        let cases: [(&[u8], &str); 7] = [
            (b"", "d41d8cd98f00b204e9800998ecf8427e"),
            (b"a", "0cc175b9c0f1b6a831c399e269772661"),
            (b"abc", "900150983cd24fb0d6963f7d28e17f72"),
            (b"message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
            (
                b"abcdefghijklmnopqrstuvwxyz",
                "c3fcd3d76192e4007dfb496cca67e13b",
            ),
            (
                b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
                "d174ab98d277d9f5a5611c2c9f419d9f",
            ),
            (
                b"12345678901234567890123456789012345678901234567890123456789012345678901234567890",
                "57edf4a22be3c955ac49da2e2107b67a",
            ),
        ];
        for (message, expected) in cases {
            assert_eq!(hex(&md5(message)), expected, "{message:?}");
        }
    }

    #[test]
    fn sha1_rfc_3174_vectors() {
        // RFC 3174, section 7.3 (FIPS 180 test cases), and the digest of the empty message.
        let cases: [(Vec<u8>, &str); 5] = [
            (b"".to_vec(), "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
            (b"abc".to_vec(), "a9993e364706816aba3e25717850c26c9cd0d89d"),
            (
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".to_vec(),
                "84983e441c3bd26ebaae4aa1f95129e5e54670f1",
            ),
            (
                b"a".repeat(1_000_000),
                "34aa973cd4c4daa4f61eeb2bdbad27316534016f",
            ),
            (
                b"0123456701234567012345670123456701234567012345670123456701234567".repeat(10),
                "dea356a2cddd90c7a7ecedc5ebb563934f460452",
            ),
        ];
        for (message, expected) in cases {
            assert_eq!(hex(&sha1(&message)), expected, "{} bytes", message.len());
        }
    }

    #[test]
    fn hmac_sha1_rfc_2202_vectors() {
        // RFC 2202, section 3: test cases 1 to 7. Cases 6 and 7 have 80-byte keys, which are
        // hashed first.
        let key_4: Vec<u8> = (1..=25).collect();
        let cases: [(&[u8], &[u8], &str); 7] = [
            (
                &[0x0b; 20],
                b"Hi There",
                "b617318655057264e28bc0b6fb378c8ef146be00",
            ),
            (
                b"Jefe",
                b"what do ya want for nothing?",
                "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
            ),
            (
                &[0xaa; 20],
                &[0xdd; 50],
                "125d7342b9ac11cd91a39af48aa17b4f63f175d3",
            ),
            (
                &key_4,
                &[0xcd; 50],
                "4c9007f4026250c6bc8414f9bf50c86c2d7235da",
            ),
            (
                &[0x0c; 20],
                b"Test With Truncation",
                "4c1a03424b55e07fe7f27be1d58bb9324a9a5a04",
            ),
            (
                &[0xaa; 80],
                b"Test Using Larger Than Block-Size Key - Hash Key First",
                "aa4ae5e15272d00e95705637ce8a3b55ed402112",
            ),
            (
                &[0xaa; 80],
                b"Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data",
                "e8e99d0f45237d786d6bbaa7965c7808bbff1a91",
            ),
        ];
        for (index, (key, message, expected)) in cases.into_iter().enumerate() {
            let case = index + 1;
            assert_eq!(hex(&hmac_sha1(key, &[message])), expected, "case {case}");
        }
    }

    #[test]
    fn digests_match_crates_at_every_length() {
        for length in 0..=300 {
            let message = patterned_bytes(length);
            assert_eq!(
                hex(&sm3(&message)),
                hex(&sm3::Sm3::digest(&message)),
                "SM3, {length} bytes"
            );
            assert_eq!(
                hex(&md5(&message)),
                hex(&md5::Md5::digest(&message)),
                "MD5, {length} bytes"
            );
            assert_eq!(
                hex(&sha1(&message)),
                hex(&sha1::Sha1::digest(&message)),
                "SHA-1, {length} bytes"
            );
        }
    }

    #[test]
    fn hmac_matches_crate_at_key_lengths() {
        // Keys shorter than, as long as and longer than the 64-byte block.
        let message = patterned_bytes(100);
        for key_length in [0, 1, 20, 63, 64, 65, 80, 200] {
            let key = patterned_bytes(key_length);
            assert_eq!(
                hex(&hmac_sha1(&key, &[&message])),
                hex(&hmac_crate(&key, &message)),
                "{key_length}-byte key"
            );
        }
    }

    #[test]
    fn hmac_matches_crate_at_padding_boundaries() {
        // The inner hash starts with the 64-byte key block, so message lengths 55 and 56 put
        // its padding at the same boundaries as an unkeyed digest of 119 and 120 bytes.
        let key = b"secret key";
        for length in PADDING_BOUNDARIES {
            let message = patterned_bytes(length);
            assert_eq!(
                hex(&hmac_sha1(key, &[&message])),
                hex(&hmac_crate(key, &message)),
                "{length}-byte message"
            );
        }
    }

    proptest! {
        #[test]
        fn sm3_matches_crate(message in proptest::collection::vec(any::<u8>(), 0..300)) {
            prop_assert_eq!(hex(&sm3(&message)), hex(&sm3::Sm3::digest(&message)));
        }

        #[test]
        fn md5_matches_crate(message in proptest::collection::vec(any::<u8>(), 0..300)) {
            prop_assert_eq!(hex(&md5(&message)), hex(&md5::Md5::digest(&message)));
        }

        #[test]
        fn sha1_matches_crate(message in proptest::collection::vec(any::<u8>(), 0..300)) {
            prop_assert_eq!(hex(&sha1(&message)), hex(&sha1::Sha1::digest(&message)));
        }

        #[test]
        fn digests_match_crates_at_boundaries(
            index in 0..PADDING_BOUNDARIES.len(),
            seed in any::<u8>(),
        ) {
            let length = PADDING_BOUNDARIES[index];
            let message: Vec<u8> = (0..length).map(|i| seed.wrapping_add(i as u8)).collect();
            prop_assert_eq!(hex(&sm3(&message)), hex(&sm3::Sm3::digest(&message)));
            prop_assert_eq!(hex(&md5(&message)), hex(&md5::Md5::digest(&message)));
            prop_assert_eq!(hex(&sha1(&message)), hex(&sha1::Sha1::digest(&message)));
        }

        #[test]
        fn hmac_matches_crate_on_split_messages(
            key in proptest::collection::vec(any::<u8>(), 0..200),
            message in proptest::collection::vec(any::<u8>(), 0..300),
            first_split in any::<prop::sample::Index>(),
            second_split in any::<prop::sample::Index>(),
        ) {
            // The message goes in as three parts, which exercises the buffering across calls.
            let mut splits = [first_split.index(message.len() + 1), second_split.index(message.len() + 1)];
            splits.sort_unstable();
            let parts = [
                &message[..splits[0]],
                &message[splits[0]..splits[1]],
                &message[splits[1]..],
            ];
            prop_assert_eq!(hex(&hmac_sha1(&key, &parts)), hex(&hmac_crate(&key, &message)));
        }
    }
}

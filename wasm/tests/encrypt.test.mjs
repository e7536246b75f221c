// Every case of tests/vectors/encrypt.json and interop.json (vectors, official vectors,
// pitfalls, sm-crypto's planes 4-15, lone surrogates), through the Node and the browser build.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { bytesToHex, fullBuilds, hexToBytes, loadVectors, slimBuild } from './support.mjs';

const utf8Hex = (text) => bytesToHex(new TextEncoder().encode(text));

/** Binds 3DES options to the package's stateless 3DES functions. */
function tripleDes(api, options) {
  return {
    encrypt: (plaintext) => api.tripleDesEncrypt(plaintext, options),
    decrypt: (ciphertext) => api.tripleDesDecrypt(ciphertext, options),
    encryptBytes: (plaintext) => api.tripleDesEncryptBytes(plaintext, options),
    decryptBytes: (ciphertext) => api.tripleDesDecryptBytes(ciphertext, options),
  };
}
const asciiHex = (text) => bytesToHex(Buffer.from(text, 'latin1'));

for (const [build, api] of await fullBuilds()) {
  describe(`encrypt.json (${build} build)`, () => {
    const vectors = loadVectors('encrypt.json');
    const ecbBase64 = tripleDes(api, { keyBase64: vectors.key_base64 });
    const ecbHex = tripleDes(api, { keyHex: vectors.key_hex, encoding: 'hex' });
    const cbc = tripleDes(api, { keyBase64: vectors.key_base64, mode: 'cbc', ivHex: vectors.cbc_iv_hex });

    test('digest cases', () => {
      for (const testCase of vectors.cases) {
        assert.equal(api.hash('md5', testCase.input), testCase.md5, testCase.input);
        assert.equal(api.hash('sha256', testCase.input), testCase.sha256, testCase.input);
        assert.equal(api.hash('sm3', testCase.input), testCase.sm3, testCase.input);
      }
      assert.equal(vectors.cases.length, 5);
    });

    test('3DES cases', () => {
      for (const testCase of vectors.cases) {
        assert.equal(ecbBase64.encrypt(testCase.input), testCase['3des_ecb_base64'], testCase.input);
        assert.equal(ecbHex.encrypt(testCase.input), testCase['3des_ecb_hex'], testCase.input);
        assert.equal(cbc.encrypt(testCase.input), testCase['3des_cbc_base64'], testCase.input);
        assert.equal(ecbBase64.decrypt(testCase['3des_ecb_base64']), testCase.input, testCase.input);
        assert.equal(ecbHex.decrypt(testCase['3des_ecb_hex']), testCase.input, testCase.input);
        assert.equal(cbc.decrypt(testCase['3des_cbc_base64']), testCase.input, testCase.input);
      }
    });

    test('encryptField cases', () => {
      const optionsByKey = {
        md5: { encryptType: 'md5' },
        sha256: { encryptType: 'SHA256' },
        sm3: { encryptType: 'sm3' },
        '3des_ecb_base64': { encryptType: '3des', keyBase64: vectors.key_base64 },
        '3des_ecb_hex': { encryptType: '3des', keyHex: vectors.key_hex, encoding: 'hex' },
        '3des_cbc_base64': { encryptType: '3des', keyBase64: vectors.key_base64, mode: 'cbc', ivHex: vectors.cbc_iv_hex },
      };
      for (const testCase of vectors.cases) {
        for (const [key, options] of Object.entries(optionsByKey)) {
          assert.equal(api.encryptField(testCase.input, options), testCase[key], `${key} ${testCase.input}`);
        }
        assert.equal(api.encryptField(testCase.input, { encryptType: 'plaintext' }), testCase.input);
      }
    });

    test('two-key 3DES is opt-in', () => {
      const twoKey = vectors.two_key;
      assert.throws(() => api.tripleDesEncrypt('13800138000', { keyHex: twoKey.key_hex }), { code: 502, name: 'key_length' });
      const cipher = tripleDes(api, { keyHex: twoKey.key_hex, twoKey: true });
      assert.equal(cipher.encrypt(twoKey.input), twoKey['3des_ecb_base64']);
    });

    test('decrypt ignores Base64 line breaks', () => {
      assert.equal(ecbBase64.decrypt('t2YKJQ2lKgwP3T0K\r\nVCNlx0m8DzPs XZp6\n'), '11010519491231002X');
    });

    test('hash options change case and length', () => {
      const testCase = vectors.cases[0];
      assert.equal(api.hash('md5', testCase.input, { hexCase: 'upper' }), testCase.md5.toUpperCase());
      assert.equal(api.hash('sm3', testCase.input, { hexCase: 'upper' }), testCase.sm3.toUpperCase());
      // The 16-character MD5 is hex characters 8 to 24 of the full digest.
      assert.equal(api.hash('md5', testCase.input, { md5Length: 16 }), testCase.md5.slice(8, 24));
      const short = { encryptType: 'md5', md5Length: 16, hexCase: 'upper' };
      assert.equal(api.encryptField(testCase.input, short), testCase.md5.slice(8, 24).toUpperCase());
    });
  });

  describe(`interop.json (${build} build)`, () => {
    const interop = loadVectors('interop.json');
    const params = interop.tdes_params;
    const ciphers = {
      tdes_ecb_hex: tripleDes(api, { keyHex: params.key_hex, encoding: 'hex' }),
      tdes_ecb_b64: tripleDes(api, { keyHex: params.key_hex }),
      tdes_cbc_hex: tripleDes(api, { keyHex: params.key_hex, mode: 'cbc', ivHex: params.iv_hex, encoding: 'hex' }),
      tdes_cbc_b64: tripleDes(api, { keyHex: params.key_hex, mode: 'cbc', ivHex: params.iv_hex }),
    };

    test('vectors', () => {
      const names = Object.keys(interop.vectors);
      for (const name of names) {
        const expected = interop.vectors[name];
        const input = interop.inputs[name];
        assert.equal(utf8Hex(input.text), input.utf8_hex, name);
        for (const digest of ['md5', 'sha256', 'sm3']) {
          assert.equal(api.hash(digest, input.text), expected[digest], `${digest} ${name}`);
          assert.equal(api.hashBytes(digest, hexToBytes(input.utf8_hex)), expected[digest], `${digest} ${name}`);
        }
        for (const [key, cipher] of Object.entries(ciphers)) {
          assert.equal(cipher.encrypt(input.text), expected[key], `${key} ${name}`);
          assert.equal(cipher.decrypt(expected[key]), input.text, `${key} ${name}`);
        }
      }
      assert.equal(names.length, 5);
    });

    test('key and IV given as bytes', () => {
      const cipher = tripleDes(api, {
        keyBytes: hexToBytes(params.key_hex),
        mode: 'cbc',
        ivBytes: hexToBytes(params.iv_hex),
      });
      assert.equal(cipher.encrypt(interop.inputs.mobile.text), interop.vectors.mobile.tdes_cbc_b64);
    });

    test('official digest vectors', () => {
      const official = interop.official_vectors;
      assert.equal(api.hash('sm3', 'abc'), official.sm3_gbt32905_2016.abc);
      assert.equal(api.hash('sm3', 'abcd'.repeat(16)), official.sm3_gbt32905_2016['abcd*16 (64 bytes)']);

      const md5 = Object.entries(official.md5_rfc1321_A5);
      for (const [input, expected] of md5) {
        assert.equal(api.hash('md5', input), expected, JSON.stringify(input));
      }
      assert.equal(md5.length, 7);

      const sha256 = Object.entries(official.sha256_fips180);
      for (const [input, expected] of sha256) {
        const message = input === 'a*1000000' ? 'a'.repeat(1_000_000) : input;
        assert.equal(api.hash('sha256', message), expected, JSON.stringify(input));
      }
      assert.equal(sha256.length, 4);
    });

    test('official 3DES vectors', () => {
      const official = interop.official_vectors;
      // ECB with PKCS#7 appends a whole padding block to block-aligned input, so the first
      // blocks of the output are the raw TDEA encryption the standards list.
      const appendixB = official.tdes_sp800_67_appendixB;
      const cipher = tripleDes(api, { keyHex: appendixB.key });
      const ciphertext = cipher.encryptBytes(hexToBytes(appendixB.plaintext_hex));
      assert.equal(bytesToHex(ciphertext.subarray(0, 24)), appendixB.openssl);
      assert.equal(ciphertext.length, 32);
      assert.equal(bytesToHex(cipher.decryptBytes(ciphertext)), appendixB.plaintext_hex);

      const samples = official['tdes_sp800_20_kat_samples_k1_eq_k2_eq_k3'];
      for (const sample of samples) {
        const single = sample['key_k1=k2=k3'];
        const kat = tripleDes(api, { keyHex: single.repeat(3) });
        const output = kat.encryptBytes(hexToBytes(sample.pt));
        assert.equal(bytesToHex(output.subarray(0, 8)), sample.openssl_des_ede3, single);
      }
      assert.equal(samples.length, 4);
    });

    test('pitfall byte vectors differ', () => {
      const pitfalls = interop.pitfall_vectors;
      const inputFor = {
        name_zhangsan__GBK: 'name_zhangsan',
        name_uyghur__GBK: 'name_uyghur',
        name_nonbmp__GB18030: 'name_nonbmp',
        name_nonbmp__java_GBK_replacement: 'name_nonbmp',
        name_nonbmp__CESU8_modified_utf8: 'name_nonbmp',
        id_number__lowercase_x: 'id_number',
        id_number__fullwidth_X: 'id_number',
        'name_uyghur__U+2022_bullet': 'name_uyghur',
        'name_uyghur__U+30FB_katakana_middle_dot': 'name_uyghur',
        'name_uyghur__U+FF0E_fullwidth_full_stop': 'name_uyghur',
        'name_uyghur__U+2027_hyphenation_point': 'name_uyghur',
        name_zhangsan__trailing_space: 'name_zhangsan',
      };
      for (const [name, inputName] of Object.entries(inputFor)) {
        const pitfall = pitfalls[name];
        const text = interop.inputs[inputName].text;
        for (const digest of ['md5', 'sha256', 'sm3']) {
          // The wrong bytes hash to the listed value, and the right text never does.
          assert.equal(api.hashBytes(digest, hexToBytes(pitfall.bytes_hex)), pitfall[digest], `${digest} ${name}`);
          assert.notEqual(api.hash(digest, text), pitfall[digest], `${digest} ${name}`);
        }
      }
      const zhangsan = interop.inputs.name_zhangsan.text;
      assert.notEqual(api.hash('sm3', zhangsan), pitfalls.name_zhangsan__old_js_sm3_codepoint_bits.sm3);
      const truncated = pitfalls.md5_low_byte_truncation_zhangsan;
      assert.equal(api.hashBytes('md5', hexToBytes(truncated.bytes_hex)), truncated.md5);
      assert.notEqual(api.hash('md5', zhangsan), truncated.md5);
    });

    test('upper-case hex is an option', () => {
      const upper = interop.pitfall_vectors.name_zhangsan__uppercase_hex;
      const zhangsan = interop.inputs.name_zhangsan.text;
      for (const digest of ['md5', 'sha256', 'sm3']) {
        assert.notEqual(api.hash(digest, zhangsan), upper[digest], digest);
        assert.equal(api.hash(digest, zhangsan, { hexCase: 'upper' }), upper[digest], digest);
      }
    });

    test('3DES variants', () => {
      const variants = interop.pitfall_vectors.tdes_mobile_variants;
      const mobile = interop.inputs.mobile.text;
      const ecb = ciphers.tdes_ecb_hex;
      assert.equal(ecb.encrypt(mobile), variants.ecb_pkcs5_key24);
      assert.notEqual(ecb.encrypt(mobile), variants.ecb_zero_padding_key24.hex);
      assert.notEqual(ciphers.tdes_cbc_hex.encrypt(mobile), variants.cbc_zero_iv_key24.hex);

      const key16 = asciiHex(variants.ecb_key16_2TDEA_K1K2K1.key_ascii);
      const twoKey = tripleDes(api, { keyHex: key16, twoKey: true, encoding: 'hex' });
      assert.equal(twoKey.encrypt(mobile), variants.ecb_key16_2TDEA_K1K2K1.hex);
      assert.notEqual(twoKey.encrypt(mobile), variants.ecb_key16_zero_filled_K3.hex);
      // SunJCE rejects 16- and 32-byte keys; so does mbasu unless twoKey is asked for.
      assert.throws(() => api.tripleDesEncrypt('13800138000', { keyHex: key16 }), { code: 502, name: 'key_length' });
      assert.throws(() => api.tripleDesEncrypt('13800138000', { keyHex: '00'.repeat(32) }), { code: 502, name: 'key_length' });

      const degenerate = variants.ecb_degenerate_key_k1_eq_k2_eq_k3;
      const degenerateCipher = tripleDes(api, { keyHex: asciiHex(degenerate.key_ascii), encoding: 'hex' });
      assert.equal(degenerateCipher.encrypt(mobile), degenerate.hex);
    });

    test('sm-crypto planes 4 to 15', () => {
      const cases = Object.entries(interop.pitfall_vectors.sm_crypto_0_5_8_supplementary_planes_4_to_15.cases);
      for (const [codePoint, expected] of cases) {
        const text = String.fromCodePoint(parseInt(codePoint.slice(2), 16));
        assert.equal(utf8Hex(text), expected.utf8_hex, codePoint);
        assert.equal(api.hash('sm3', text), expected.sm3_correct_openssl, codePoint);
        assert.equal(api.hash('sm3', text), expected.sm3_sm_crypto_0_5_8_byte_input, codePoint);
        assert.notEqual(api.hash('sm3', text), expected.sm3_sm_crypto_0_5_8_string_input, codePoint);
      }
      assert.equal(cases.length, 3);
    });

    test('lone surrogates are rejected', () => {
      const surrogate = interop.pitfall_vectors.lone_surrogate;
      assert.ok(surrogate.note.includes('surrogate'));
      for (const text of ['\uD842', '\uDFB7田', '张\uD800三', '\uDC00']) {
        for (const digest of ['md5', 'sha256', 'sm3']) {
          assert.throws(() => api.hash(digest, text), { code: 3, name: 'lone_surrogate' }, JSON.stringify(text));
        }
        assert.throws(() => ciphers.tdes_ecb_b64.encrypt(text), { code: 3, name: 'lone_surrogate' });
        assert.throws(() => api.validateName(text), { code: 3, name: 'lone_surrogate' });
      }
      // TextEncoder would have sent U+FFFD in its place, whose digest no provider can match.
      assert.equal(utf8Hex('\uD842'), surrogate.js_TextEncoder_bytes);
    });
  });
}

describe('slim build digests', async () => {
  const slim = await slimBuild();
  const vectors = loadVectors('encrypt.json');

  test('SM3 cases', () => {
    for (const testCase of vectors.cases) {
      assert.equal(slim.hash('sm3', testCase.input), testCase.sm3, testCase.input);
      assert.equal(slim.hash('SM3', testCase.input, { hexCase: 'upper' }), testCase.sm3.toUpperCase());
    }
    const planes = loadVectors('interop.json').pitfall_vectors.sm_crypto_0_5_8_supplementary_planes_4_to_15.cases;
    for (const [codePoint, expected] of Object.entries(planes)) {
      const text = String.fromCodePoint(parseInt(codePoint.slice(2), 16));
      assert.equal(slim.hash('sm3', text), expected.sm3_correct_openssl, codePoint);
    }
  });

  test('other digests rejected', () => {
    assert.throws(() => slim.hash('md5', '13800138000'), { code: 500, name: 'unknown_encrypt_type' });
    assert.throws(() => slim.hash('sha256', '13800138000'), { code: 500, name: 'unknown_encrypt_type' });
    assert.equal(slim.tripleDesEncrypt, undefined);
    assert.equal(slim.encryptField, undefined);
  });

  test('applicant with SM3', () => {
    const vectors = loadVectors('encrypt.json');
    const mobile = vectors.cases.find((testCase) => testCase.input === '13800138000');
    const report = slim.validateApplicant({ mobile: '13800138000' }, { encrypt: { encryptType: 'sm3' } });
    assert.equal(report.fields[0].encrypted, mobile.sm3);
    assert.throws(
      () => slim.validateApplicant({ mobile: '13800138000' }, { encrypt: { encryptType: 'md5' } }),
      { code: 500, name: 'unknown_encrypt_type' },
    );
  });
});

// The JavaScript boundary: MbasuError, argument checks, the `today` option and its China-time
// default, and recovery from a panic.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { certNoBornOn, chinaDate, fullBuilds, slimBuild } from './support.mjs';

for (const [build, api] of await fullBuilds()) {
  describe(`errors (${build} build)`, () => {
    test('thrown errors are MbasuError', () => {
      let caught;
      try {
        api.hash('crc32', 'x');
      } catch (error) {
        caught = error;
      }
      assert.ok(caught instanceof api.MbasuError);
      assert.ok(caught instanceof Error);
      assert.equal(caught.code, 500);
      assert.equal(caught.name, 'unknown_encrypt_type');
      assert.equal(caught.field, null);
      assert.match(caught.messageZh, /加密方式/);
      assert.match(caught.messageEn, /plaintext, md5, sha256, sm3, 3des/);
      assert.match(caught.message, /\[500 unknown_encrypt_type\]$/);
      assert.ok(typeof caught.stack === 'string');
    });

    test('error codes table matches messages', () => {
      const codes = api.errorCodes();
      assert.ok(codes.length >= 50);
      const numbers = codes.map((entry) => entry.code);
      assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b));
      const byCode = new Map(codes.map((entry) => [entry.code, entry]));
      assert.equal(byCode.get(3).name, 'lone_surrogate');
      assert.equal(byCode.get(6).name, 'panic');
      assert.equal(byCode.get(304).field, 'certNo');
      assert.equal(byCode.get(150).warning, true);
      assert.equal(byCode.get(1).field, null);
    });

    test('non-string values rejected', () => {
      for (const value of [undefined, null, 13800138000, {}, ['13800138000'], new String('x')]) {
        assert.throws(() => api.validateMobile(value), { code: 1, name: 'invalid_argument' }, String(value));
        assert.throws(() => api.hash('sm3', value), { code: 1, name: 'invalid_argument' }, String(value));
      }
      assert.throws(() => api.validateApplicant('13800138000'), { code: 1 });
      assert.throws(() => api.validateApplicant(null), { code: 1 });
      assert.throws(() => api.validateApplicant({ mobile: 13800138000 }), { code: 1, message: /applicant\.mobile/ });
      assert.throws(() => api.hashBytes('sm3', [1, 2, 3]), { code: 1, message: /Uint8Array/ });
    });

    test('malformed options rejected', () => {
      assert.throws(() => api.validateMobile('13800138000', 'strict'), { code: 1 });
      assert.throws(() => api.validateMobile('13800138000', { mode: 'lenient' }), { code: 1, message: /strict, normalize/ });
      assert.throws(() => api.validateCertNo('11010519491231002X', { today: '2026-02-30' }), { code: 8, name: 'invalid_date' });
      assert.throws(() => api.validateCertNo('11010519491231002X', { today: new Date(NaN) }), { code: 8 });
      assert.throws(() => api.validateCertNo('11010519491231002X', { today: 20261204 }), { code: 1 });
      assert.throws(() => api.validateCertNo('11010519491231002X', { minBirthYear: 1900.5 }), { code: 1 });
      assert.throws(() => api.hash('md5', 'x', { md5Length: 20 }), { code: 1 });
      assert.throws(() => api.hash('md5', 'x', { hexCase: 'mixed' }), { code: 1 });
    });

    test('digests reject non-digest types', () => {
      assert.throws(() => api.hash('plaintext', 'x'), { code: 1, name: 'invalid_argument' });
      assert.throws(() => api.hash('3des', 'x'), { code: 1, name: 'invalid_argument' });
    });

    test('3DES argument errors', () => {
      const key = '6d62617375207665637472206b6579203132333435363738';
      assert.throws(() => api.tripleDesEncrypt('13800138000', {}), { code: 510, name: 'key_missing' });
      assert.throws(() => api.tripleDesEncrypt('13800138000', { keyHex: key, keyBase64: 'AAAA' }), { code: 1 });
      assert.throws(() => api.tripleDesEncrypt('13800138000', { keyHex: 'zz' }), { code: 505, name: 'invalid_hex' });
      assert.throws(() => api.tripleDesEncrypt('13800138000', { keyBase64: '@@@@' }), { code: 504, name: 'invalid_base64' });
      assert.throws(() => api.tripleDesEncrypt('13800138000', { keyHex: key, mode: 'cbc' }), { code: 503, name: 'iv_length' });
      assert.throws(() => api.tripleDesEncrypt('13800138000', { keyHex: key, mode: 'cbc', ivHex: '0011' }), { code: 503 });
      assert.throws(() => api.tripleDesEncrypt('13800138000', { keyHex: key, ivHex: '0011223344556677' }), { code: 511, name: 'iv_not_allowed' });
      assert.throws(() => api.encryptField('x', { encryptType: '3des' }), { code: 510 });
      assert.throws(() => api.encryptField('x', {}), { code: 1 });
      assert.throws(() => api.encryptField('x'), { code: 1 });
      assert.throws(() => api.encryptField('x', { encryptType: 'aes' }), { code: 500 });

      assert.throws(() => api.tripleDesDecrypt('AAAA', { keyHex: key }), { code: 507, name: 'ciphertext_length' });
      const ciphertext = api.tripleDesEncrypt('13800138000', { keyHex: key });
      assert.throws(() => api.tripleDesDecrypt(ciphertext, { keyHex: 'ff'.repeat(24) }), { code: 506, name: 'bad_padding' });
    });

    test('errors never contain the key', () => {
      const key = '6d62617375207665637472206b65792031323334353637';
      try {
        api.tripleDesEncrypt('13800138000', { keyHex: key });
        assert.fail('expected a key length error');
      } catch (error) {
        assert.equal(error.code, 502);
        for (const text of [error.message, error.messageZh, error.messageEn]) {
          assert.ok(!text.includes(key), text);
        }
      }
    });
  });

  describe(`today (${build} build)`, () => {
    test('Date option uses China time', () => {
      const certNo = certNoBornOn('20261204');
      // 2026-12-03T16:00:00Z is midnight of 4 December in Beijing.
      const before = api.validateCertNo(certNo, { today: new Date('2026-12-03T15:59:59.999Z') });
      assert.equal(before.valid, false);
      assert.equal(before.problems[0].name, 'birth_date');
      const after = api.validateCertNo(certNo, { today: new Date('2026-12-03T16:00:00Z') });
      assert.equal(after.valid, true, JSON.stringify(after.problems));
    });

    test('string option is the date', () => {
      const certNo = certNoBornOn('20261204');
      assert.equal(api.validateCertNo(certNo, { today: '2026-12-03' }).valid, false);
      assert.equal(api.validateCertNo(certNo, { today: '2026-12-04' }).valid, true);
    });

    test('default is the China date of Date.now()', () => {
      const today = chinaDate(new Date());
      const tomorrow = chinaDate(new Date(Date.now() + 86_400_000));
      assert.equal(api.validateCertNo(certNoBornOn(today)).valid, true, today);
      const future = api.validateCertNo(certNoBornOn(tomorrow));
      assert.equal(future.valid, false, tomorrow);
      assert.equal(future.problems[0].name, 'birth_date');
    });

    test('minimum birth year option', () => {
      const certNo = certNoBornOn('19491231');
      assert.equal(api.validateCertNo(certNo, { today: '2026-12-04' }).valid, true);
      const report = api.validateCertNo(certNo, { today: '2026-12-04', minBirthYear: 1950 });
      assert.equal(report.problems[0].name, 'birth_date');
    });
  });

  describe(`panic (${build} build)`, () => {
    test('panic becomes MbasuError code 6', () => {
      assert.throws(() => api.testPanic(), (error) => {
        assert.ok(error instanceof api.MbasuError);
        assert.equal(error.code, 6);
        assert.equal(error.name, 'panic');
        assert.ok(!error.message.includes('testPanic was called'), 'panic message leaked');
        return true;
      });
    });

    test('module works after a panic', () => {
      assert.throws(() => api.testPanic(), { code: 6 });
      assert.equal(api.validateMobile('13800138000').valid, true);
      assert.equal(api.hash('sm3', 'abc'), '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
      for (let round = 0; round < 3; round += 1) {
        assert.throws(() => api.testPanic(), { code: 6 });
        assert.equal(api.validateName('张三').valid, true);
      }
    });

    test('3DES works after a panic', () => {
      const options = { keyHex: '6d62617375207665637472206b6579203132333435363738' };
      assert.throws(() => api.testPanic(), { code: 6 });
      assert.equal(api.tripleDesEncrypt('13800138000', options), 'NsL4TItbJV9fGNsqSf9mAQ==');
    });
  });
}

describe('panic (slim build)', async () => {
  const slim = await slimBuild();
  test('module works after a panic', () => {
    assert.throws(() => slim.testPanic(), { code: 6, name: 'panic' });
    assert.equal(slim.validateMobile('13800138000').valid, true);
  });
});

// Property names of option objects: every options object the package reads, and every object
// nested in one, rejects a property that its TypeScript type does not declare. Checked in every
// build against that build's generated .d.ts, and on both paths of validateApplicant.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';

import { fieldsBuild, fullBuilds, loadVectors, slimBuild } from './support.mjs';

const MOBILE = '13800138000';
const CERT_NO = '11010519491231002X';
const FIELDS = { mobile: MOBILE, certNo: CERT_NO };
const KEY_HEX = '6d62617375207665637472206b6579203132333435363738';
// tripleDesEncrypt(MOBILE, { keyHex: KEY_HEX }), as boundary.test.mjs checks it.
const CIPHERTEXT = 'NsL4TItbJV9fGNsqSf9mAQ==';
const CODES = { plaintext: '0', md5: '1', sha256: '2', sm3: '3', '3des': '4' };
// An MBASU001 response whose requestRefId is xwdb_250127115444103248377.
const RESPONSE_BODY = loadVectors('responses.json').cases[0].body;
const RESPONSE_REF_ID = 'xwdb_250127115444103248377';
// The value of every unknown property: it looks like personal data, so the tests can check
// that no message quotes it.
const UNKNOWN_VALUE = '13912345678';

const builds = [
  ...(await fullBuilds()),
  ['fields', await fieldsBuild()],
  ['slim', await slimBuild()],
];

// The directory under pkg/ of each build, whose .d.ts the build's messages must match.
const PACKAGE_DIRECTORIES = { node: 'node', web: 'web', fields: 'web-fields', slim: 'web-slim' };

// The number of entries optionObjects returns for each build, so that a misspelled function
// name cannot drop entries unnoticed.
const OBJECT_COUNTS = { node: 27, web: 27, fields: 17, slim: 11 };

/** Reads the generated TypeScript declarations of a build. */
function declarationsOf(build) {
  const url = new URL(`../pkg/${PACKAGE_DIRECTORIES[build]}/mbasu_wasm.d.ts`, import.meta.url);
  return readFileSync(url, 'utf8');
}

/**
 * Lists the properties of an interface in a generated .d.ts: its own in order, then those of
 * each interface it extends.
 */
function declaredProperties(declarations, name) {
  const pattern = new RegExp(`^export interface ${name}(?: extends ([\\w, ]+))? \\{\\n([\\s\\S]*?)^\\}`, 'm');
  const match = declarations.match(pattern);
  assert.ok(match, `interface ${name} not found`);
  const own = [...match[2].matchAll(/^ {4}(\w+|"[^"]+")\??:/gm)].map(([, key]) => key.replaceAll('"', ''));
  const parents = match[1] === undefined ? [] : match[1].split(', ');
  return [...own, ...parents.flatMap((parent) => declaredProperties(declarations, parent))];
}

/**
 * Lists every options object that `api` reads: the function, the object's path in messages,
 * its TypeScript type, the properties it needs (`base`) and a call that passes an object in its
 * place. Entries of functions the build lacks are left out.
 */
function optionObjects(api) {
  const entries = [
    ['validateMobile', 'options', 'ValidateOptions', {}, (object) => api.validateMobile(MOBILE, object)],
    ['validateCertNo', 'options', 'ValidateOptions', {}, (object) => api.validateCertNo(CERT_NO, object)],
    ['validateName', 'options', 'ValidateOptions', {}, (object) => api.validateName('张三', object)],
    ['certNoInfo', 'options', 'ValidateOptions', {}, (object) => api.certNoInfo(CERT_NO, object)],
    ['upgradeCertNo', 'options', 'ValidateOptions', {}, (object) => api.upgradeCertNo('430102850317123', object)],
    ['validateApplicant', 'options', 'ValidateOptions', {}, (object) => api.validateApplicant(FIELDS, object)],
    ['validateApplicant', 'applicant', 'Applicant', {}, (object) => api.validateApplicant(object)],
    [
      'validateMobile', 'options.encrypt', 'EncryptFieldOptions', { encryptType: 'sm3' },
      (object) => api.validateMobile(MOBILE, { encrypt: object }),
    ],
    [
      'validateApplicant', 'options.encrypt', 'EncryptFieldOptions', { encryptType: 'sm3' },
      (object) => api.validateApplicant(FIELDS, { encrypt: object }),
    ],
    ['hash', 'options', 'HashOptions', {}, (object) => api.hash('sm3', MOBILE, object)],
    ['hashBytes', 'options', 'HashOptions', {}, (object) => api.hashBytes('sm3', new Uint8Array([97]), object)],
    [
      'encryptField', 'options', 'EncryptFieldOptions', { encryptType: 'sm3' },
      (object) => api.encryptField(MOBILE, object),
    ],
    [
      'encryptField', 'options', 'EncryptFieldOptions', { encryptType: '3des', keyHex: KEY_HEX },
      (object) => api.encryptField(MOBILE, object),
    ],
    [
      'tripleDesEncrypt', 'options', 'TripleDesOptions', { keyHex: KEY_HEX },
      (object) => api.tripleDesEncrypt(MOBILE, object),
    ],
    [
      'tripleDesDecrypt', 'options', 'TripleDesOptions', { keyHex: KEY_HEX },
      (object) => api.tripleDesDecrypt(CIPHERTEXT, object),
    ],
    [
      'tripleDesEncryptBytes', 'options', 'TripleDesOptions', { keyHex: KEY_HEX },
      (object) => api.tripleDesEncryptBytes(new Uint8Array([97]), object),
    ],
    [
      'tripleDesDecryptBytes', 'options', 'TripleDesOptions', { keyHex: KEY_HEX },
      (object) => api.tripleDesDecryptBytes(Buffer.from(CIPHERTEXT, 'base64'), object),
    ],
    ['buildRequest', 'options', 'RequestOptions', {}, (object) => api.buildRequest('MBASU010', FIELDS, object)],
    ['buildRequest', 'fields', 'RequestFields', FIELDS, (object) => api.buildRequest('MBASU010', object)],
    [
      'buildRequest', 'options.encryptTypeCodes', 'EncryptTypeCodes', CODES,
      (object) => api.buildRequest('MBASU010', FIELDS, { encryptTypeCodes: object }),
    ],
    [
      'buildRequest', 'options.tripleDes', 'TripleDesOptions', { keyHex: KEY_HEX },
      (object) => api.buildRequest('MBASU010', FIELDS, { tripleDes: object }),
    ],
    [
      'parseResponse', 'options', 'ResponseOptions', {},
      (object) => api.parseResponse('MBASU001', RESPONSE_BODY, object),
    ],
    [
      'parseResponse', 'options.encryptTypeCodes', 'EncryptTypeCodes', CODES,
      (object) => api.parseResponse('MBASU001', RESPONSE_BODY, { encryptTypeCodes: object }),
    ],
    [
      'parseResponse', 'options.tripleDes', 'TripleDesOptions', { keyHex: KEY_HEX },
      (object) => api.parseResponse('MBASU001', RESPONSE_BODY, { tripleDes: object }),
    ],
    [
      'interpretHttp', 'options', 'ResponseOptions', {},
      (object) => api.interpretHttp('MBASU001', 200, RESPONSE_BODY, object),
    ],
    [
      'interpretHttp', 'options.encryptTypeCodes', 'EncryptTypeCodes', CODES,
      (object) => api.interpretHttp('MBASU001', 200, RESPONSE_BODY, { encryptTypeCodes: object }),
    ],
    [
      'interpretHttp', 'options.tripleDes', 'TripleDesOptions', { keyHex: KEY_HEX },
      (object) => api.interpretHttp('MBASU001', 200, RESPONSE_BODY, { tripleDes: object }),
    ],
  ];
  return entries
    .filter(([name]) => typeof api[name] === 'function')
    .map(([name, path, type, base, call]) => ({ label: `${name} ${path}`, name, path, type, base, call }));
}

/**
 * Runs `call` with String.prototype.isWellFormed removed, which sends every validateApplicant
 * call through the general path instead of js/packed.js.
 */
function onGeneralPath(call) {
  const descriptor = Object.getOwnPropertyDescriptor(String.prototype, 'isWellFormed');
  delete String.prototype.isWellFormed;
  try {
    return call();
  } finally {
    Object.defineProperty(String.prototype, 'isWellFormed', descriptor);
  }
}

/** Returns each way to run `call`: as it is and, for validateApplicant, on the general path too. */
function paths(name, call) {
  const direct = ['', call];
  if (name !== 'validateApplicant') {
    return [direct];
  }
  return [direct, [' (general path)', (...args) => onGeneralPath(() => call(...args))]];
}

/** Asserts that `call` throws the unknown-property error for `key` of the object at `path`. */
function assertUnknownProperty(api, call, path, key, valid, label) {
  assert.throws(call, (error) => {
    assert.ok(error instanceof api.MbasuError, `${label}: ${error}`);
    assert.equal(error.code, 1, label);
    assert.equal(error.name, 'invalid_argument', label);
    const detailEn = `${path} has no property ${key}. The valid properties are ${valid.join(', ')}`;
    assert.equal(error.messageEn, `invalid argument: ${detailEn}`, label);
    const detailZh = `${path} 没有 ${key} 属性，可用的属性有 ${valid.join('、')}`;
    assert.equal(error.messageZh, `参数无效：${detailZh}`, label);
    assert.equal(error.message, `invalid argument: ${detailEn} [1 invalid_argument]`, label);
    for (const text of [error.message, error.messageZh, error.messageEn]) {
      assert.ok(!text.includes(UNKNOWN_VALUE), `${label}: value quoted in ${text}`);
    }
    return true;
  }, label);
}

for (const [build, api] of builds) {
  describe(`option property names (${build} build)`, () => {
    const declarations = declarationsOf(build);
    const objects = optionObjects(api);

    test('every options object listed', () => {
      assert.equal(objects.length, OBJECT_COUNTS[build]);
    });

    test('unknown property rejected', () => {
      for (const { label, name, path, type, base, call } of objects) {
        const valid = declaredProperties(declarations, type);
        for (const [suffix, run] of paths(name, call)) {
          const object = { ...base, misspelledKey: UNKNOWN_VALUE };
          assertUnknownProperty(api, () => run(object), path, 'misspelledKey', valid, label + suffix);
        }
      }
    });

    test('declared properties accepted', () => {
      for (const { label, name, type, base, call } of objects) {
        const valid = declaredProperties(declarations, type);
        assert.ok(valid.length > 0, label);
        const all = {};
        for (const key of valid) {
          // An undefined value is an own enumerable property that every reader treats as
          // absent, so only the name is checked.
          const object = { ...base, [key]: base[key] };
          all[key] = base[key];
          for (const [suffix, run] of paths(name, call)) {
            assert.doesNotThrow(() => run(object), `${label}${suffix}: ${key}`);
          }
        }
        for (const [suffix, run] of paths(name, call)) {
          assert.doesNotThrow(() => run(all), `${label}${suffix}: every property`);
        }
      }
    });

    test('first unknown property named', () => {
      const options = { mode: 'strict', firstKey: UNKNOWN_VALUE, secondKey: UNKNOWN_VALUE };
      const valid = declaredProperties(declarations, 'ValidateOptions');
      for (const [suffix, run] of paths('validateApplicant', (object) => api.validateApplicant(FIELDS, object))) {
        assertUnknownProperty(api, () => run(options), 'options', 'firstKey', valid, `validateApplicant${suffix}`);
      }
      assertUnknownProperty(api, () => api.validateMobile(MOBILE, options), 'options', 'firstKey', valid, 'validateMobile');
    });

    test('misspelled mode rejected', () => {
      const applicant = { mobile: '+86 138 0013 8000' };
      const valid = declaredProperties(declarations, 'ValidateOptions');
      for (const [suffix, run] of paths('validateApplicant', (object) => api.validateApplicant(applicant, object))) {
        assertUnknownProperty(api, () => run({ mdoe: 'normalize' }), 'options', 'mdoe', valid, `mdoe${suffix}`);
        const report = run({ mode: 'normalize' });
        assert.equal(report.valid, true, `mode${suffix}`);
        assert.equal(report.fields[0].value, MOBILE, `mode${suffix}`);
      }
    });

    test('nested and applicant properties on both paths', () => {
      const encryptKeys = declaredProperties(declarations, 'EncryptFieldOptions');
      const applicantKeys = declaredProperties(declarations, 'Applicant');
      for (const [suffix, run] of paths('validateApplicant', (applicant, options) => api.validateApplicant(applicant, options))) {
        assertUnknownProperty(
          api,
          () => run(FIELDS, { encrypt: { encryptType: 'sm3', hexcase: 'upper' } }),
          'options.encrypt', 'hexcase', encryptKeys, `encrypt${suffix}`,
        );
        assertUnknownProperty(
          api,
          () => run({ ...FIELDS, certNO: UNKNOWN_VALUE }),
          'applicant', 'certNO', applicantKeys, `applicant${suffix}`,
        );
        const report = run(FIELDS, { encrypt: { encryptType: 'sm3', hexCase: 'upper' } });
        assert.equal(report.fields[0].encrypted, api.hash('sm3', MOBILE, { hexCase: 'upper' }), `valid${suffix}`);
      }
    });

    test('inherited, hidden and symbol properties ignored', () => {
      // Only own enumerable string names are checked, as Object.keys lists them.
      const withExtras = (object) => {
        const result = Object.create({ inheritedKey: UNKNOWN_VALUE });
        Object.assign(result, object);
        Object.defineProperty(result, 'hiddenKey', { value: UNKNOWN_VALUE, enumerable: false });
        result[Symbol('symbolKey')] = UNKNOWN_VALUE;
        return result;
      };
      const applicant = withExtras({ mobile: '138 0013 8000', name: '张三' });
      const options = withExtras({ mode: 'normalize', encrypt: withExtras({ encryptType: 'sm3' }) });
      const expected = api.validateApplicant(
        { mobile: '138 0013 8000', name: '张三' },
        { mode: 'normalize', encrypt: { encryptType: 'sm3' } },
      );
      for (const [suffix, run] of paths('validateApplicant', (a, o) => api.validateApplicant(a, o))) {
        assert.deepStrictEqual(run(applicant, options), expected, `extras${suffix}`);
      }
      assert.equal(api.hash('sm3', MOBILE, withExtras({ hexCase: 'upper' })), api.hash('sm3', MOBILE, { hexCase: 'upper' }));
    });

    test('unreadable property names rejected', () => {
      const unreadable = new Proxy({}, {
        ownKeys() {
          throw new Error('ownKeys failed');
        },
      });
      const expected = {
        code: 1,
        name: 'invalid_argument',
        messageEn: 'invalid argument: reading the property names of options failed',
        messageZh: '参数无效：无法读取 options 的属性名',
      };
      for (const [suffix, run] of paths('validateApplicant', (object) => api.validateApplicant(FIELDS, object))) {
        assert.throws(() => run(unreadable), expected, `validateApplicant${suffix}`);
      }
      assert.throws(() => api.hash('sm3', MOBILE, unreadable), expected, 'hash');
    });
  });
}

for (const [build, api] of await fullBuilds()) {
  describe(`option property names in envelopes (${build} build)`, () => {
    test('misspelled expectedRequestRefId rejected', () => {
      const declarations = declarationsOf(build);
      const valid = declaredProperties(declarations, 'ResponseOptions');
      assertUnknownProperty(
        api,
        () => api.parseResponse('MBASU001', RESPONSE_BODY, { expectedRequestRefid: 'xwdb_1' }),
        'options', 'expectedRequestRefid', valid, 'parseResponse',
      );
      assertUnknownProperty(
        api,
        () => api.interpretHttp('MBASU001', 200, RESPONSE_BODY, { expectedRequestRefid: 'xwdb_1' }),
        'options', 'expectedRequestRefid', valid, 'interpretHttp',
      );
      // Spelled right, the echo check runs.
      assert.throws(
        () => api.parseResponse('MBASU001', RESPONSE_BODY, { expectedRequestRefId: 'xwdb_1' }),
        { code: 604, name: 'request_ref_mismatch' },
      );
      const interpretation = api.parseResponse('MBASU001', RESPONSE_BODY, { expectedRequestRefId: RESPONSE_REF_ID });
      assert.equal(interpretation.requestRefId, RESPONSE_REF_ID);
    });
  });
}

describe('option property names of 3DES', async () => {
  const [, full] = (await fullBuilds())[0];
  const slim = await slimBuild();
  const withKey = { encryptType: 'sm3', keyHex: KEY_HEX };

  test('slim build rejects 3DES properties', () => {
    const valid = declaredProperties(declarationsOf('slim'), 'EncryptFieldOptions');
    assert.deepEqual(valid, ['encryptType', 'hexCase', 'md5Length']);
    for (const [suffix, run] of paths('validateApplicant', (options) => slim.validateApplicant(FIELDS, options))) {
      assertUnknownProperty(slim, () => run({ encrypt: withKey }), 'options.encrypt', 'keyHex', valid, `slim${suffix}`);
    }
  });

  test('full build accepts 3DES properties', () => {
    // The key is ignored for a digest; js/packed.js leaves the object to the general path.
    const expected = full.validateApplicant(FIELDS, { encrypt: { encryptType: 'sm3' } });
    for (const [suffix, run] of paths('validateApplicant', (options) => full.validateApplicant(FIELDS, options))) {
      assert.deepStrictEqual(run({ encrypt: withKey }), expected, `full${suffix}`);
    }
  });
});

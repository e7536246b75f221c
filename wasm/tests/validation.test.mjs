// Every case of tests/vectors/idcard.json, mobile.json and name.json, through the Node and the
// browser build of the package.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { fullBuilds, loadVectors, slimBuild } from './support.mjs';

const files = [
  ['idcard.json', 'validateCertNo', 'certNo'],
  ['mobile.json', 'validateMobile', 'mobile'],
  ['name.json', 'validateName', 'name'],
];

/**
 * Asserts every case of one vector file and returns the error code each category maps to,
 * failing when a category maps to two codes.
 */
function assertFile(api, file, functionName, field) {
  const vectors = loadVectors(file);
  const today = vectors.today ?? '2026-12-04';
  const validate = api[functionName];
  const categoryCodes = new Map();

  const recordCategory = (category, problem) => {
    const known = categoryCodes.get(category);
    if (known !== undefined) {
      assert.equal(problem.code, known, `${file}: ${category} maps to ${known} and ${problem.code}`);
    }
    categoryCodes.set(category, problem.code);
  };

  for (const testCase of vectors.cases) {
    const { input } = testCase;
    const label = `${file} ${JSON.stringify(input)}`;

    const strict = validate(input, { today });
    assert.equal(strict.field, field, label);
    assert.equal(strict.valid, testCase.valid, `${label}: ${JSON.stringify(strict.problems)}`);
    assert.deepEqual(strict.changes, [], label);

    if (testCase.error !== undefined) {
      const error = strict.problems.find((problem) => problem.severity === 'error');
      assert.ok(error, `${label}: no error`);
      assert.equal(error.name, testCase.error, `${label}: ${JSON.stringify(strict.problems)}`);
      assert.equal(error.field, field, label);
      assert.equal(typeof error.code, 'number', label);
      assert.ok(error.messageZh.length > 0, label);
      assert.ok(error.messageEn.length > 0, label);
      assert.equal(strict.value, null, label);
      recordCategory(testCase.error, error);
    } else {
      assert.equal(strict.value, input, label);
    }

    if (testCase.warning !== undefined) {
      const warning = strict.problems.find((problem) => problem.severity === 'warning');
      assert.ok(warning, `${label}: no warning`);
      assert.equal(warning.name, testCase.warning, label);
      recordCategory(testCase.warning, warning);
    }

    const normalized = validate(input, { today, mode: 'normalize' });
    if (testCase.normalized !== undefined) {
      assert.equal(normalized.value, testCase.normalized, `${label}: ${JSON.stringify(normalized.problems)}`);
      assert.ok(normalized.valid, label);
      assert.ok(normalized.changes.length > 0, `${label}: no change listed`);
      for (const change of normalized.changes) {
        assert.equal(change.field, field, label);
        assert.ok(change.kind.length > 0, label);
        assert.ok(change.messageZh.length > 0, label);
        assert.ok(change.messageEn.length > 0, label);
      }
    } else if (testCase.valid) {
      assert.equal(normalized.value, input, label);
      assert.deepEqual(normalized.changes, [], label);
    } else {
      assert.equal(normalized.valid, false, label);
    }
  }
  return categoryCodes;
}

for (const [build, api] of await fullBuilds()) {
  describe(`validation vectors (${build} build)`, () => {
    const codesByFile = new Map();

    for (const [file, functionName, field] of files) {
      test(`${file} cases`, () => {
        codesByFile.set(file, assertFile(api, file, functionName, field));
      });
    }

    test('categories map to documented codes', () => {
      const table = new Map(api.errorCodes().map((entry) => [entry.code, entry]));
      for (const [file, codes] of codesByFile) {
        for (const [category, code] of codes) {
          const entry = table.get(code);
          assert.ok(entry, `${file}: ${category} maps to unknown code ${code}`);
          assert.equal(entry.name, category, `${file}: code ${code}`);
        }
      }
      assert.equal(codesByFile.size, files.length);
    });

    test('idcard upgraded cases', () => {
      const vectors = loadVectors('idcard.json');
      const upgraded = vectors.cases.filter((testCase) => testCase.upgraded !== undefined);
      assert.ok(upgraded.length > 0);
      for (const testCase of upgraded) {
        assert.equal(api.upgradeCertNo(testCase.input, { today: vectors.today }), testCase.upgraded);
      }
    });

    test('upgrade rejects 18 characters', () => {
      assert.throws(() => api.upgradeCertNo('11010519491231002X'), { code: 301, name: 'length' });
    });

    test('mobile segment cases', () => {
      const withSegment = loadVectors('mobile.json').cases.filter((testCase) => testCase.segment);
      assert.ok(withSegment.length > 0);
      for (const testCase of withSegment) {
        const segment = api.mobileSegment(testCase.input);
        assert.equal(segment?.kind, testCase.segment, testCase.input);
        assert.ok(testCase.input.startsWith(segment.prefix), testCase.input);
        assert.ok(segment.kindZh.length > 0, testCase.input);
        assert.ok(segment.operatorZh.length > 0, testCase.input);
      }
      assert.equal(api.mobileSegment('14012345678'), null);
    });

    test('applicant reports every problem', () => {
      const report = api.validateApplicant(
        { mobile: '1380013800', certNo: '110105194912310020', name: '张3' },
        { today: '2026-12-04' },
      );
      assert.equal(report.valid, false);
      assert.deepEqual(report.fields.map((field) => field.field), ['mobile', 'certNo', 'name']);
      assert.deepEqual(
        report.problems.map((problem) => [problem.field, problem.name]),
        [['mobile', 'length'], ['certNo', 'check_digit'], ['name', 'character']],
      );
    });

    test('applicant skips absent fields', () => {
      const report = api.validateApplicant({ mobile: '13800138000', certNo: null });
      assert.equal(report.valid, true);
      assert.deepEqual(report.fields.map((field) => field.field), ['mobile']);
      assert.deepEqual(report.problems, []);
    });

    test('applicant normalises in normalize mode', () => {
      const report = api.validateApplicant(
        { mobile: '+86 138 0013 8000', certNo: '32010619800110101x', name: '阿依古丽•买买提' },
        { mode: 'normalize', today: '2026-12-04' },
      );
      assert.equal(report.valid, true);
      assert.deepEqual(
        report.fields.map((field) => field.value),
        ['13800138000', '32010619800110101X', '阿依古丽·买买提'],
      );
    });

    test('applicant packed path matches general path', () => {
      // validateApplicant packs well-formed strings into one call (js/packed.js). Without
      // String.prototype.isWellFormed every argument goes through the general path, so both
      // paths run on the same inputs here.
      const applicants = [
        { mobile: '1380013800', certNo: '110105194912310020', name: '张3' },
        { mobile: '+86 138 0013 8000', certNo: '32010619800110101x', name: '阿依古丽•买买提' },
        { mobile: '14012345678', certNo: '81000019800101100X', name: '𠮷田' },
        { certNo: '110105194912310020', name: undefined },
        {},
        // U+0000 inside a field, and a name too long for the packed path's input buffer.
        { mobile: '138\u00000013800', name: '张\u0000三' },
        { mobile: '13800138000', name: '张'.repeat(300) },
        // A getter that calls validateApplicant while the arguments are being packed.
        {
          mobile: '13800138000',
          get name() {
            api.validateApplicant({ mobile: '19212345678', name: '欧阳娜娜' });
            return '张三';
          },
        },
      ];
      const optionSets = [
        undefined,
        { today: '2026-12-04' },
        { mode: 'normalize', today: new Date(Date.UTC(2026, 11, 3, 20)), minBirthYear: 1950 },
        { mode: 'normalize', encrypt: { encryptType: 'SM3', hexCase: 'upper' } },
        { today: '2026-13-01' },
        { encrypt: { encryptType: 'rot13' } },
      ];
      const run = (applicant, options) => {
        try {
          return api.validateApplicant(applicant, options);
        } catch (error) {
          return { code: error.code, name: error.name, message: error.message };
        }
      };
      for (const applicant of applicants) {
        for (const options of optionSets) {
          const packed = run(applicant, options);
          const isWellFormed = Object.getOwnPropertyDescriptor(String.prototype, 'isWellFormed');
          delete String.prototype.isWellFormed;
          let general;
          try {
            general = run(applicant, options);
          } finally {
            Object.defineProperty(String.prototype, 'isWellFormed', isWellFormed);
          }
          assert.deepStrictEqual(packed, general, JSON.stringify([applicant, options]));
        }
      }
    });

    test('cert number info', () => {
      const info = api.certNoInfo('11010519491231002X', { today: '2026-12-04' });
      assert.deepEqual(info, {
        birthDate: '1949-12-31',
        age: 76,
        gender: 'female',
        genderZh: '女',
        provinceCode: '11',
        provinceZh: '北京市',
        provinceEn: 'Beijing',
        outsideMainland: false,
      });
      assert.throws(() => api.certNoInfo('110105194912310020'), { code: 304, name: 'check_digit' });
    });
  });
}

describe('validation vectors (slim build)', async () => {
  const slim = await slimBuild();
  for (const [file, functionName, field] of files) {
    test(`${file} cases`, () => {
      assertFile(slim, file, functionName, field);
    });
  }
});

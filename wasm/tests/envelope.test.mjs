// Every case of tests/vectors/envelope.json and responses.json, through the Node and the
// browser build, plus the request and HTTP outcome paths around them.

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { fullBuilds, loadVectors } from './support.mjs';

const SPEC_FIELDS = { mobile: '13800138000', certNo: '11010519491231002X', name: '张三' };

for (const [build, api] of await fullBuilds()) {
  describe(`envelope.json (${build} build)`, () => {
    const vectors = loadVectors('envelope.json');
    const credentials = { secretId: vectors.secretId, secretKeyBase64: vectors.secretKey_base64 };

    test('signed request matches byte for byte', () => {
      const built = api.buildRequest('MBASU001', SPEC_FIELDS, {
        ...credentials,
        requestRefId: vectors.requestRefId,
        form: 'signed',
        now: new Date('2026-12-04T02:15:30Z'),
      });
      assert.equal(built.body, vectors.standard_request);
      assert.equal(built.path, '/MBASU001');
      assert.equal(built.interface, 'MBASU001');
      assert.equal(built.requestRefId, vectors.requestRefId);
      assert.equal(JSON.parse(built.body).head.signature, vectors.signature);
    });

    test('sealed request matches the vector', () => {
      const built = api.buildRequest('MBASU001', SPEC_FIELDS, {
        ...credentials,
        requestRefId: vectors.requestRefId,
        form: 'sealed',
      });
      const body = JSON.parse(built.body);
      assert.equal(body.request, vectors.sealed_request_field);
      assert.equal(body.head.signature, vectors.signature);
      assert.equal(body.head.secretId, vectors.secretId);
      const opened = api.tripleDesDecrypt(vectors.sealed_request_field, { keyBase64: vectors.secretKey_base64 });
      assert.equal(opened, vectors.sealed_plaintext);
    });

    test('sealed response is opened', () => {
      const sealed = api.tripleDesEncrypt(vectors.sealed_response_plaintext, { keyBase64: vectors.secretKey_base64 });
      assert.equal(sealed, vectors.sealed_response_field);
      const body = JSON.stringify({
        head: { result: 'Y', responseRefId: 'TR1', requestRefId: 'xwdb_1', responseCode: '0000', responseMsg: '查询成功' },
        response: vectors.sealed_response_field,
      });
      const interpretation = api.parseResponse('MBASU001', body, { ...credentials, expectedRequestRefId: 'xwdb_1' });
      assert.equal(interpretation.value, '0');
      assert.equal(interpretation.outcome, 'pass');
      assert.throws(() => api.parseResponse('MBASU001', body), { code: 612, name: 'credentials_missing' });
    });
  });

  describe(`request building (${build} build)`, () => {
    test('SM3 request matches encrypt vectors', () => {
      const built = api.buildRequest('MBASU001', SPEC_FIELDS, { encryptType: 'sm3', requestRefId: 'xwdb_250127115444103248377' });
      const digests = new Map(loadVectors('encrypt.json').cases.map((testCase) => [testCase.input, testCase.sm3]));
      const { head, request } = JSON.parse(built.body);
      assert.deepEqual(head, { requestRefId: 'xwdb_250127115444103248377' });
      assert.deepEqual(Object.keys(request.param), ['mobile', 'certType', 'certNo', 'name', 'encryptType']);
      assert.equal(request.param.mobile, digests.get('13800138000'));
      assert.equal(request.param.certNo, digests.get('11010519491231002X'));
      assert.equal(request.param.name, digests.get('张三'));
      assert.equal(request.param.certType, '00');
      assert.equal(request.param.encryptType, '3');
    });

    test('custom code table and 3DES key', () => {
      const vectors = loadVectors('encrypt.json');
      const built = api.buildRequest('MBASU010', { mobile: '13800138000', certNo: '11010519491231002X' }, {
        encryptType: '3des',
        encryptTypeCodes: { plaintext: '00', md5: '01', sha256: '02', sm3: '03', '3des': '04' },
        tripleDes: { keyBase64: vectors.key_base64 },
      });
      const { param } = JSON.parse(built.body).request;
      assert.equal(param.encryptType, '04');
      assert.equal(param.mobile, vectors.cases[0]['3des_ecb_base64']);
      assert.equal(param.certNo, vectors.cases[1]['3des_ecb_base64']);
      assert.equal(param.name, undefined);
    });

    test('generated requestRefId uses China time', () => {
      const built = api.buildRequest('MBASU004', { mobile: '13800138000', certNo: '11010519491231002X' }, {
        requestRefPrefix: 'lend_',
        now: new Date('2026-12-03T16:00:00.007Z'),
      });
      assert.match(built.requestRefId, /^lend_261204000000007\d{6}$/);
      assert.equal(built.path, '/MBASU004');
    });

    test('fields are normalised by default', () => {
      const built = api.buildRequest('MBASU001', { mobile: '+86 138 0013 8000', certNo: '11010519491231002x', name: '张三' });
      const { param } = JSON.parse(built.body).request;
      assert.equal(param.mobile, '13800138000');
      assert.equal(param.certNo, '11010519491231002X');
      assert.throws(
        () => api.buildRequest('MBASU001', { mobile: '+86 138 0013 8000', certNo: '11010519491231002X', name: '张三' }, { mode: 'strict' }),
        { code: 102, field: 'mobile' },
      );
    });

    test('request errors', () => {
      const fields = { mobile: '13800138000', certNo: '11010519491231002X' };
      assert.throws(() => api.buildRequest('MBASU004', fields, { encryptType: 'sm3' }), { code: 501, name: 'encrypt_type_not_allowed' });
      assert.throws(() => api.buildRequest('MBASU001', fields), { code: 400, name: 'missing' });
      assert.throws(() => api.buildRequest('MBASU010', { ...fields, name: '张三' }), { code: 1 });
      assert.throws(() => api.buildRequest('MBASU001', SPEC_FIELDS, { form: 'signed' }), { code: 612, name: 'credentials_missing' });
      assert.throws(() => api.buildRequest('MBASU001', SPEC_FIELDS, { encryptType: '3des' }), { code: 510, name: 'key_missing' });
      assert.throws(() => api.buildRequest('MBASU999', fields), { code: 608, name: 'unknown_interface' });
      assert.throws(() => api.buildRequest('MBASU010', fields, { requestRefId: 'has"quote' }), { code: 609 });
      assert.throws(() => api.buildRequest('MBASU010', { ...fields, certNo: '110105194912310020' }), { code: 304, field: 'certNo' });
      assert.throws(() => api.buildRequest('MBASU010', fields, { secretId: 'ORG0001' }), { code: 1 });
      assert.throws(() => api.buildRequest('MBASU010', fields, { now: 'yesterday' }), { code: 8 });
    });
  });

  describe(`responses.json (${build} build)`, () => {
    const cases = loadVectors('responses.json').cases;

    test('every case', () => {
      cases.forEach((testCase, index) => {
        const label = `case ${index} (${testCase.interface})`;
        const options = testCase.expected_request_ref ? { expectedRequestRefId: testCase.expected_request_ref } : {};
        const expect = testCase.expect;

        if (expect.error !== undefined) {
          assert.throws(() => api.parseResponse(testCase.interface, testCase.body, options), (error) => {
            assert.ok(error instanceof api.MbasuError, label);
            assert.equal(error.name, expect.error, `${label}: ${error.message}`);
            if (expect.responseCode !== undefined) {
              assert.equal(error.responseCode, expect.responseCode, label);
              assert.equal(error.responseMsg, expect.responseMsg, label);
            }
            return true;
          }, label);
          return;
        }

        const interpretation = api.parseResponse(testCase.interface, testCase.body, options);
        assert.equal(interpretation.interface, testCase.interface, label);
        assert.equal(interpretation.value, expect.value, label);
        assert.equal(interpretation.category, expect.category, label);
        assert.equal(interpretation.retryable, expect.category === 'query_error', label);
        assert.ok(interpretation.labelZh.length > 0, label);
        assert.ok(interpretation.labelEn.length > 0, label);

        const detail = interpretation.detail;
        if (expect.name_matches !== undefined) {
          assert.deepEqual(detail, { kind: 'match', nameMatches: expect.name_matches, certNoMatches: expect.cert_no_matches }, label);
        }
        if (expect.months_above !== undefined) {
          assert.deepEqual(detail, { kind: 'in_net_period', monthsAbove: expect.months_above, monthsAtMost: expect.months_at_most }, label);
        }
        if (expect.status !== undefined) {
          assert.equal(detail.kind, 'status', label);
          assert.equal(detail.status, expect.status, label);
          assert.equal(detail.usable, expect.status === 'in_use', label);
        }
        if (expect.category !== 'answered') {
          assert.equal(detail, null, label);
        }
        if (expect.warning !== undefined) {
          assert.deepEqual(interpretation.warnings.map((warning) => warning.name), [expect.warning], label);
        } else {
          assert.deepEqual(interpretation.warnings, [], label);
        }
      });
      assert.ok(cases.length >= 29);
    });

    test('body as UTF-8 bytes', () => {
      const body = new TextEncoder().encode(cases[0].body);
      assert.equal(api.parseResponse(cases[0].interface, body).value, cases[0].expect.value);
    });

    test('body size limit', () => {
      assert.throws(() => api.parseResponse('MBASU001', cases[0].body, { maxBodyBytes: 16 }), { code: 605, name: 'body_too_large' });
    });

    test('HTTP outcomes', () => {
      const answered = api.interpretHttp('MBASU001', 200, cases[0].body);
      assert.equal(answered.kind, 'answered');
      assert.equal(answered.interpretation.value, '0');

      const providerCase = cases.find((testCase) => testCase.expect.error === 'provider_error');
      const provider = api.interpretHttp(providerCase.interface, 200, providerCase.body);
      assert.equal(provider.kind, 'provider_error');
      assert.ok(provider.error instanceof api.MbasuError);
      assert.equal(provider.error.responseCode, providerCase.expect.responseCode);

      const gateway = api.interpretHttp('MBASU004', 502, '<html>502 Bad Gateway</html>');
      assert.deepEqual({ kind: gateway.kind, status: gateway.status, retryable: gateway.retryable }, { kind: 'transport_failure', status: 502, retryable: true });
      assert.equal(gateway.error.code, 603);
      const badRequest = api.interpretHttp('MBASU004', 400, 'bad request');
      assert.equal(badRequest.retryable, false);

      const invalid = api.interpretHttp('MBASU010', 200, '{"head":{"result":"Y"');
      assert.equal(invalid.kind, 'invalid_response');
      assert.equal(invalid.error.name, 'malformed_json');
    });
  });
}

// Drives examples/web/ in headless Chromium (Debian's /usr/bin/chromium through playwright-core):
// types an invalid and a valid applicant and checks the messages and digests the page shows.
// Screenshots go to wasm/test-output/.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { loadVectors } from '../support.mjs';
import { startStaticServer } from './static-server.mjs';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const outputDirectory = fileURLToPath(new URL('../../test-output/', import.meta.url));
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const mbasu = createRequire(import.meta.url)('mbasu');

const INVALID = { mobile: '1380013800', certNo: '110105194912310020', name: '张3' };
const VALID = { mobile: '+86 138 0013 8000', certNo: '11010519491231002X', name: '张三' };

/** Looks up the error category of each invalid input in tests/vectors. */
function expectedCategories() {
  const find = (file, input) => loadVectors(file).cases.find((testCase) => testCase.input === input).error;
  return {
    mobile: find('mobile.json', INVALID.mobile),
    certNo: find('idcard.json', INVALID.certNo),
    name: find('name.json', INVALID.name),
  };
}

describe('example form in Chromium', { timeout: 120_000 }, () => {
  let server;
  let context;
  let page;
  let userDataDir;
  const pageErrors = [];

  before(async () => {
    mkdirSync(outputDirectory, { recursive: true });
    let origin;
    ({ server, origin } = await startStaticServer(repositoryRoot));
    userDataDir = mkdtempSync(join(tmpdir(), 'mbasu-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 800, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => pageErrors.push(error));
    await page.goto(`${origin}/examples/web/index.html`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  });

  after(async () => {
    await context?.close();
    server?.close();
    if (userDataDir) {
      rmSync(userDataDir, { recursive: true, force: true });
    }
  });

  const fill = async (applicant) => {
    for (const [field, value] of Object.entries(applicant)) {
      await page.fill(`#${field}`, value);
    }
  };

  const messagesOf = (field) =>
    page.$$eval(`.field[data-field="${field}"] .messages li`, (items) =>
      items.map((item) => ({
        className: item.className,
        name: item.dataset.name ?? null,
        kind: item.dataset.kind ?? null,
        text: item.textContent,
      })),
    );

  test('invalid applicant shows Chinese messages', async () => {
    await fill(INVALID);
    const categories = expectedCategories();
    for (const [field, category] of Object.entries(categories)) {
      const messages = await messagesOf(field);
      const error = messages.find((message) => message.className === 'error');
      assert.ok(error, `${field}: no error shown`);
      assert.equal(error.name, category, field);
      assert.match(error.text, /[\u4e00-\u9fff]/, `${field}: ${error.text}`);
      const report = mbasu.validateApplicant(INVALID, { mode: 'normalize' }).fields.find((f) => f.field === field);
      assert.equal(error.text, report.problems[0].messageZh, field);
      assert.equal(await page.getAttribute(`.field[data-field="${field}"]`, 'data-state'), 'invalid');
    }
    assert.equal(await page.isHidden('#summary'), true);
    assert.match(await page.textContent('#status'), /请按提示修改/);
    await page.screenshot({ path: join(outputDirectory, 'form.png'), fullPage: true });
  });

  test('language switch shows English', async () => {
    await page.click('button[data-lang="en"]');
    assert.equal(await page.textContent('label[for="certNo"]'), 'ID number');
    const report = mbasu.validateApplicant(INVALID, { mode: 'normalize' });
    for (const field of report.fields) {
      const messages = await messagesOf(field.field);
      assert.equal(messages[0].text, field.problems[0].messageEn, field.field);
    }
    await page.click('button[data-lang="zh"]');
    assert.equal(await page.textContent('label[for="certNo"]'), '身份证号');
  });

  test('valid applicant shows SM3 digests', async () => {
    await fill(VALID);
    for (const field of ['mobile', 'certNo', 'name']) {
      assert.equal(await page.getAttribute(`.field[data-field="${field}"]`, 'data-state'), 'valid', field);
    }
    const mobileMessages = await messagesOf('mobile');
    assert.ok(mobileMessages.length > 0, 'the normalised mobile lists its changes');
    assert.ok(mobileMessages.every((message) => message.className === 'change'));
    assert.ok(mobileMessages.some((message) => message.kind === 'country_code_removed'));

    assert.equal(await page.isVisible('#summary'), true);
    const vectors = new Map(loadVectors('encrypt.json').cases.map((testCase) => [testCase.input, testCase.sm3]));
    assert.equal(await page.textContent('[data-hash="mobile"]'), vectors.get('13800138000'));
    assert.equal(await page.textContent('[data-hash="certNo"]'), vectors.get('11010519491231002X'));
    assert.equal(await page.textContent('[data-hash="name"]'), vectors.get('张三'));
    assert.match(await page.textContent('#status'), /三项信息均有效/);
    await page.screenshot({ path: join(outputDirectory, 'form-valid.png'), fullPage: true });
  });

  test('non-BMP name hashes as the vectors say', async () => {
    await page.fill('#name', '𠮷田');
    const vectors = new Map(loadVectors('encrypt.json').cases.map((testCase) => [testCase.input, testCase.sm3]));
    assert.equal(await page.textContent('[data-hash="name"]'), vectors.get('𠮷田'));
  });

  test('lone surrogate reported in page', async () => {
    await page.$eval('#name', (input) => {
      input.value = '张\uD800';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    assert.match(await page.textContent('#status'), /不成对的 UTF-16 代理项/);
  });

  test('module survives a panic in page', async () => {
    const result = await page.evaluate(async () => {
      const module = await import('/wasm/pkg/web/mbasu_wasm.js');
      let error;
      try {
        module.testPanic();
      } catch (caught) {
        error = caught;
      }
      return {
        isMbasuError: error instanceof module.MbasuError,
        code: error?.code,
        name: error?.name,
        afterwards: module.validateMobile('13800138000').valid,
      };
    });
    assert.deepEqual(result, { isMbasuError: true, code: 6, name: 'panic', afterwards: true });
    assert.deepEqual(pageErrors, []);
  });
});

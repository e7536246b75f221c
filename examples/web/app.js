// Validates the applicant form as the person types, with mbasu's WebAssembly package, shows
// its Chinese or English messages, and once every field is valid shows the SM3 digests that
// would be sent (encryptType SM3), computed in the page.

import init, { MbasuError, hash, validateApplicant } from '../../wasm/pkg/web/mbasu_wasm.js';

const FIELDS = ['mobile', 'certNo', 'name'];

const LABELS = {
  zh: {
    title: '申请人信息',
    mobile: '手机号',
    certNo: '身份证号',
    name: '姓名',
    summary: 'SM3 摘要（发送前在页面内计算）',
    valid: '三项信息均有效，可以提交。',
    invalid: '请按提示修改标红的项目。',
    changed: '已自动修正：',
    failed: '校验组件加载失败：',
  },
  en: {
    title: 'Applicant',
    mobile: 'Mobile number',
    certNo: 'ID number',
    name: 'Name',
    summary: 'SM3 digests (computed in the page before sending)',
    valid: 'All three fields are valid and ready to submit.',
    invalid: 'Correct the fields marked in red.',
    changed: 'Corrected automatically: ',
    failed: 'The validation module failed to load: ',
  },
};

let language = 'zh';
const touched = new Set();

function message(item, lang) {
  return lang === 'zh' ? item.messageZh : item.messageEn;
}

function fieldElement(field) {
  return document.querySelector(`.field[data-field="${field}"]`);
}

/** Shows the problems and corrections of one field report. */
function showField(report) {
  const element = fieldElement(report.field);
  const list = element.querySelector('.messages');
  list.replaceChildren();

  if (!touched.has(report.field)) {
    element.dataset.state = '';
    return;
  }
  element.dataset.state = report.valid ? 'valid' : 'invalid';
  for (const problem of report.problems) {
    const item = document.createElement('li');
    item.className = problem.severity;
    item.dataset.code = String(problem.code);
    item.dataset.name = problem.name;
    item.textContent = message(problem, language);
    list.append(item);
  }
  for (const change of report.changes) {
    const item = document.createElement('li');
    item.className = 'change';
    item.dataset.kind = change.kind;
    item.textContent = LABELS[language].changed + message(change, language);
    list.append(item);
  }
}

/** Validates the whole form and refreshes every message and the digest summary. */
function refresh() {
  const form = document.getElementById('applicant');
  const applicant = Object.fromEntries(FIELDS.map((field) => [field, form.elements[field].value]));
  const status = document.getElementById('status');

  let report;
  try {
    report = validateApplicant(applicant, { mode: 'normalize' });
  } catch (error) {
    // A lone surrogate pasted from elsewhere, for example, arrives as MbasuError code 3.
    if (!(error instanceof MbasuError)) {
      throw error;
    }
    status.textContent = message(error, language);
    status.dataset.state = 'invalid';
    return;
  }

  report.fields.forEach(showField);

  const summary = document.getElementById('summary');
  summary.hidden = !report.valid;
  if (report.valid) {
    // Hash the canonical value of each report, never the raw input.
    for (const field of report.fields) {
      summary.querySelector(`[data-hash="${field.field}"]`).textContent = hash('sm3', field.value);
    }
  }
  // The summary line waits until every field has been touched, unless the form is valid.
  let state = '';
  if (report.valid) {
    state = 'valid';
  } else if (FIELDS.every((field) => touched.has(field))) {
    state = 'invalid';
  }
  status.dataset.state = state;
  status.textContent = state === '' ? '' : LABELS[language][state];
}

function setLanguage(next) {
  language = next;
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  for (const element of document.querySelectorAll('[data-text]')) {
    element.textContent = LABELS[next][element.dataset.text];
  }
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === next));
  }
  refresh();
}

async function main() {
  try {
    await init();
  } catch (error) {
    document.getElementById('status').textContent = LABELS[language].failed + error;
    throw error;
  }

  const form = document.getElementById('applicant');
  form.addEventListener('input', (event) => {
    touched.add(event.target.name);
    refresh();
  });
  form.addEventListener('focusout', (event) => {
    touched.add(event.target.name);
    refresh();
  });
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.addEventListener('click', () => setLanguage(button.dataset.lang));
  }

  refresh();
  document.body.dataset.ready = 'true';
}

main();

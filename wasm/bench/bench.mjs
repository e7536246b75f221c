// Compares, in one Node.js process, validating an applicant and SM3-hashing the three fields:
//   mbasu, one call:   validateApplicant(applicant, { encrypt: { encryptType: 'sm3' } })
//   mbasu, four calls: validateApplicant(applicant) + hash('sm3', value) per valid field
//   baseline:          validator.js isMobilePhone(x, 'zh-CN') + isIdentityCard(x, 'zh-CN')
//                      + sm-crypto sm3 of each valid field
// validator.js has no name check, so the baseline validates two fields and hashes three.
//
// Run from wasm/ after `sh scripts/build.sh` and `npm install`:
//   node bench/bench.mjs [--seconds 1] [--rounds 5]
// Prints applicants per second, microseconds per applicant and the ratio to the baseline.

import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const mbasu = require('mbasu');
const validator = require('validator');
const { sm3 } = require('sm-crypto');

const { values: options } = parseArgs({
  options: {
    seconds: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '5' },
  },
});
const secondsPerRound = Number(options.seconds);
const rounds = Number(options.rounds);

// Made-up applicants: valid ones, and one with a wrong check character.
const APPLICANTS = [
  { mobile: '13800138000', certNo: '11010519491231002X', name: '张三' },
  { mobile: '19212345678', certNo: '44030519900101123X', name: '欧阳娜娜' },
  { mobile: '16212345678', certNo: '650102198506157896', name: '阿依古丽·买买提' },
  { mobile: '17012345678', certNo: '110105194912310020', name: '𠮷田' },
];

const ENCRYPT_SM3 = { encrypt: { encryptType: 'sm3' } };

function runMbasuOneCall(applicant) {
  const report = mbasu.validateApplicant(applicant, ENCRYPT_SM3);
  let digests = 0;
  for (const field of report.fields) {
    if (field.valid) {
      digests += field.encrypted.length;
    }
  }
  return digests;
}

function runMbasuSeparateCalls(applicant) {
  const report = mbasu.validateApplicant(applicant);
  let digests = 0;
  for (const field of report.fields) {
    if (field.valid) {
      digests += mbasu.hash('sm3', field.value).length;
    }
  }
  return digests;
}

function runBaseline(applicant) {
  const mobileValid = validator.isMobilePhone(applicant.mobile, 'zh-CN');
  const certNoValid = validator.isIdentityCard(applicant.certNo, 'zh-CN');
  let digests = 0;
  if (mobileValid) {
    digests += sm3(applicant.mobile).length;
  }
  if (certNoValid) {
    digests += sm3(applicant.certNo).length;
  }
  digests += sm3(applicant.name).length;
  return digests;
}

/** Runs `operation` over the applicants for about `seconds`; returns operations per second. */
function measure(operation, seconds) {
  let count = 0;
  let sink = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(seconds * 1e9));
  let now = start;
  while (now < deadline) {
    for (let i = 0; i < 1000; i += 1) {
      sink += operation(APPLICANTS[i % APPLICANTS.length]);
    }
    count += 1000;
    now = process.hrtime.bigint();
  }
  if (sink === 0) {
    throw new Error('the benchmark computed nothing');
  }
  return count / (Number(now - start) / 1e9);
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// Both sides must agree on the digests before their speed means anything.
for (const applicant of APPLICANTS.slice(0, 3)) {
  const report = mbasu.validateApplicant(applicant, ENCRYPT_SM3);
  for (const field of report.fields) {
    if (field.encrypted !== sm3(applicant[field.field])) {
      throw new Error(`SM3 disagrees on ${field.field}`);
    }
  }
}

const candidates = {
  'mbasu, validateApplicant with encrypt sm3 (one call)': runMbasuOneCall,
  'mbasu, validateApplicant + hash sm3 per field': runMbasuSeparateCalls,
  'validator.js 13.15.35 + sm-crypto 0.5.8 sm3': runBaseline,
};
for (const operation of Object.values(candidates)) {
  measure(operation, 0.5);
}

// Rounds alternate between the candidates so drift on a shared machine hits all of them.
const rates = Object.fromEntries(Object.keys(candidates).map((name) => [name, []]));
for (let round = 0; round < rounds; round += 1) {
  for (const [name, operation] of Object.entries(candidates)) {
    rates[name].push(measure(operation, secondsPerRound));
  }
}

const baselineRate = median(rates['validator.js 13.15.35 + sm-crypto 0.5.8 sm3']);
console.log(`node ${process.version}, ${rounds} rounds of ${secondsPerRound} s each, median`);
for (const [name, values] of Object.entries(rates)) {
  const rate = median(values);
  const perApplicant = (1e6 / rate).toFixed(2);
  const ratio = (rate / baselineRate).toFixed(2);
  console.log(`${name.padEnd(54)} ${Math.round(rate).toLocaleString('en-US').padStart(9)}/s  ${perApplicant} µs  ${ratio}×`);
}

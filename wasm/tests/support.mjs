// Shared helpers of the Node tests: the builds under test, the vector files and an
// independent GB 11643-1999 check character for ID numbers made up in tests.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Loads the browser (ES module) build of the package into Node. */
async function loadWebBuild(specifier, wasmPath) {
  const module = await import(specifier);
  module.initSync({ module: readFileSync(new URL(wasmPath, import.meta.url)) });
  return module;
}

/** Loads the full builds, each through the package's own `exports` map. */
export async function fullBuilds() {
  return [
    ['node', require('mbasu')],
    ['web', await loadWebBuild('mbasu/web', '../pkg/web/mbasu_wasm_bg.wasm')],
  ];
}

/** Loads the slim build (validation and SM3 only). */
export async function slimBuild() {
  return loadWebBuild('mbasu/slim', '../pkg/web-slim/mbasu_wasm_bg.wasm');
}

/** Loads the fields build (validation and every encryptType, no envelopes). */
export async function fieldsBuild() {
  return loadWebBuild('mbasu/fields', '../pkg/web-fields/mbasu_wasm_bg.wasm');
}

/** Parses one file of the repository's shared test vectors (tests/vectors). */
export function loadVectors(file) {
  return JSON.parse(readFileSync(new URL(`../../tests/vectors/${file}`, import.meta.url), 'utf8'));
}

export function hexToBytes(hex) {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

export function bytesToHex(bytes) {
  return Buffer.from(bytes).toString('hex');
}

/**
 * Computes the ISO 7064 MOD 11-2 check character of 17 digits, written here from the
 * standard so tests can make up ID numbers without asking mbasu.
 */
export function checkCharacter(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const weight = 2 ** (17 - i) % 11;
    sum += Number(first17[i]) * weight;
  }
  return '10X98765432'[sum % 11];
}

/** Makes up a valid-looking Beijing ID number born on `yyyymmdd`. */
export function certNoBornOn(yyyymmdd) {
  const first17 = `110105${yyyymmdd}002`;
  return first17 + checkCharacter(first17);
}

/** Formats the China Standard Time (UTC+8) date of an instant as `YYYYMMDD`. */
export function chinaDate(instant) {
  const text = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
  return text.replaceAll('-', '');
}

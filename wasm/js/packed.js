// The packed path of validateApplicant: the applicant and the options go into WebAssembly as
// one string, and the report comes back as one string that unpackReport turns into objects.
// It replaces about twenty calls across the boundary (one per property read, string and
// result object) with two, and gives the same result as the general path.
//
// The parts of the packed applicant are separated by U+0000. A string that contains U+0000 or a lone surrogate, any value
// of an unexpected type, and a 3DES encryptType are left to the general path in Rust, which
// reads the arguments again and raises the usual errors. When a getter throws, the general
// path calls it a second time and reports the error.

const SEPARATOR = '\0';

// The bits of the first part of a packed applicant; wasm/src/packed.rs reads the same values.
const HAS_MOBILE = 1;
const HAS_CERT_NO = 2;
const HAS_NAME = 4;
const NORMALIZE = 8;
const TODAY_MILLIS = 16;
const HAS_MIN_BIRTH_YEAR = 32;
const HAS_ENCRYPT = 64;
const UPPER_CASE = 128;
const MD5_16 = 256;

// The input strings of the packed call in progress, so that a canonical value equal to its
// input comes back as the caller's string instead of a copy.
let inputMobile = null;
let inputCertNo = null;
let inputName = null;

function isAbsent(value) {
  return value === undefined || value === null;
}

function isObject(value) {
  return value instanceof Object && typeof value !== 'function';
}

function isPlainText(value) {
  return (
    typeof value === 'string' &&
    typeof value.isWellFormed === 'function' &&
    value.isWellFormed() &&
    !value.includes(SEPARATOR)
  );
}

function packOptions(options, parts) {
  let flags = 0;
  if (isAbsent(options)) {
    parts.push(String(Date.now()), '', '');
    return TODAY_MILLIS;
  }
  if (!isObject(options)) {
    return -1;
  }

  const mode = options.mode;
  if (mode === 'normalize') {
    flags |= NORMALIZE;
  } else if (!isAbsent(mode) && mode !== 'strict') {
    return -1;
  }

  const minBirthYear = options.minBirthYear;
  let minBirthYearText = '';
  if (!isAbsent(minBirthYear)) {
    if (!Number.isInteger(minBirthYear) || Math.abs(minBirthYear) > 2147483647) {
      return -1;
    }
    flags |= HAS_MIN_BIRTH_YEAR;
    minBirthYearText = String(minBirthYear);
  }

  const today = options.today;
  let todayText;
  if (isAbsent(today)) {
    flags |= TODAY_MILLIS;
    todayText = String(Date.now());
  } else if (today instanceof Date) {
    const millis = today.getTime();
    if (!Number.isFinite(millis)) {
      return -1;
    }
    flags |= TODAY_MILLIS;
    todayText = String(millis);
  } else if (isPlainText(today)) {
    todayText = today;
  } else {
    return -1;
  }

  const encrypt = options.encrypt;
  let encryptType = '';
  if (!isAbsent(encrypt)) {
    if (!isObject(encrypt)) {
      return -1;
    }
    encryptType = encrypt.encryptType;
    if (!isPlainText(encryptType) || encryptType.toLowerCase() === '3des') {
      return -1;
    }
    flags |= HAS_ENCRYPT;

    const hexCase = encrypt.hexCase;
    if (hexCase === 'upper') {
      flags |= UPPER_CASE;
    } else if (!isAbsent(hexCase) && hexCase !== 'lower') {
      return -1;
    }
    const md5Length = encrypt.md5Length;
    if (md5Length === 16) {
      flags |= MD5_16;
    } else if (!isAbsent(md5Length) && md5Length !== 32) {
      return -1;
    }
  }

  parts.push(todayText, minBirthYearText, encryptType);
  return flags;
}

// Returns `flags\0today\0minBirthYear\0encryptType\0mobile\0certNo\0name`, or undefined when
// the general path must read the arguments.
export function packApplicant(applicant, options) {
  try {
    if (!isObject(applicant)) {
      return undefined;
    }
    const mobile = applicant.mobile;
    const certNo = applicant.certNo;
    const name = applicant.name;
    let flags = 0;
    if (!isAbsent(mobile)) {
      if (!isPlainText(mobile)) return undefined;
      flags |= HAS_MOBILE;
    }
    if (!isAbsent(certNo)) {
      if (!isPlainText(certNo)) return undefined;
      flags |= HAS_CERT_NO;
    }
    if (!isAbsent(name)) {
      if (!isPlainText(name)) return undefined;
      flags |= HAS_NAME;
    }

    const parts = [];
    const optionFlags = packOptions(options, parts);
    if (optionFlags < 0) {
      return undefined;
    }
    inputMobile = mobile;
    inputCertNo = certNo;
    inputName = name;
    // The name comes last: wasm-bindgen copies ASCII one character at a time and switches to
    // TextEncoder.encodeInto at the first other character.
    return (
      (flags | optionFlags) + SEPARATOR +
      parts[0] + SEPARATOR + parts[1] + SEPARATOR + parts[2] + SEPARATOR +
      (flags & HAS_MOBILE ? mobile : '') + SEPARATOR +
      (flags & HAS_CERT_NO ? certNo : '') + SEPARATOR +
      (flags & HAS_NAME ? name : '')
    );
  } catch {
    return undefined;
  }
}

// Builds the Report of a packed call from what wasm/src/packed.rs writes. The string is read by
// position instead of being split, because splitting it took most of the call's time. A number
// is one character whose code is the number. A string is its UTF-16 length as two such
// characters (high and low part, base 0xD000 so that no code is a surrogate), then its text.
// The report is its validity and field count, then per field its name, validity, value,
// encrypted value, problems and changes. A value and an encrypted value start with a number:
// 0 for null, 1 for the input string (value) or no encryption requested (encrypted), and 2 for
// a string that follows.
export function unpackReport(packed) {
  const fieldInputs = { mobile: inputMobile, certNo: inputCertNo, name: inputName };
  inputMobile = null;
  inputCertNo = null;
  inputName = null;

  let position = 0;
  const number = () => packed.charCodeAt(position++);
  const text = () => {
    const length = packed.charCodeAt(position) * 0xd000 + packed.charCodeAt(position + 1);
    const start = position + 2;
    position = start + length;
    return packed.slice(start, position);
  };

  const valid = number() === 1;
  const fieldCount = number();
  const fields = [];
  const allProblems = [];
  for (let f = 0; f < fieldCount; f += 1) {
    const field = text();
    const fieldValid = number() === 1;
    const valueKind = number();
    let value = null;
    if (valueKind === 1) {
      value = fieldInputs[field];
    } else if (valueKind === 2) {
      value = text();
    }
    const encryptedKind = number();
    let encrypted;
    if (encryptedKind === 0) {
      encrypted = null;
    } else if (encryptedKind === 2) {
      encrypted = text();
    }

    const problems = [];
    const problemCount = number();
    for (let p = 0; p < problemCount; p += 1) {
      const problem = {
        field: text(),
        severity: text(),
        code: number(),
        name: text(),
        messageZh: text(),
        messageEn: text(),
      };
      problems.push(problem);
      // The report's list has objects of its own, as the general path builds them.
      allProblems.push({ ...problem });
    }

    const changes = [];
    const changeCount = number();
    for (let c = 0; c < changeCount; c += 1) {
      changes.push({ field: text(), kind: text(), messageZh: text(), messageEn: text() });
    }

    const report = { field, valid: fieldValid, value, problems, changes };
    if (encrypted !== undefined) {
      report.encrypted = encrypted;
    }
    fields.push(report);
  }
  return { valid, fields, problems: allProblems };
}

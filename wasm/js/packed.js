// The packed path of validateApplicant. packApplicant writes the applicant and the options as
// UTF-16 code units straight into a buffer in WebAssembly memory, and unpackReport reads the
// report back from memory as one string and turns it into objects. It replaces about twenty
// calls across the boundary (one per property read, string and result object) with two, and
// gives the same result as the general path.
//
// Some input is left to the general path in Rust, which reads the arguments again and raises
// the usual errors. That input is a value of an unexpected type, a string with a lone
// surrogate, a 3DES encryptType or property, a property the types do not declare, or input
// longer than the buffer. When a getter throws, the general path calls it a second time and
// reports the error.

// The bits of the first code unit of a packed applicant; wasm/src/packed.rs reads the same
// values.
const HAS_MOBILE = 1;
const HAS_CERT_NO = 2;
const HAS_NAME = 4;
const NORMALIZE = 8;
const TODAY_MILLIS = 16;
const HAS_MIN_BIRTH_YEAR = 32;
const HAS_ENCRYPT = 64;
const UPPER_CASE = 128;
const MD5_16 = 256;
const REPORT_UTF16 = 512;

// The code units before the strings: the flags, today in milliseconds and minBirthYear.
const HEADER_UNITS = 7;

// The WebAssembly memory of the current instance, registered by wasm/src/packed.rs, and views
// of it for packApplicant and unpackReport. A view is made again when it is empty, because
// growing the memory detaches the old buffer.
let memory = null;
let units = null;
let memoryBytes = null;

export function setMemory(value) {
  memory = value;
  units = null;
  memoryBytes = null;
}

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

// Engines without String.prototype.isWellFormed (ES2024) take the general path, which finds
// lone surrogates itself.
function isWellFormedText(value) {
  return (
    typeof value === 'string' &&
    typeof value.isWellFormed === 'function' &&
    value.isWellFormed()
  );
}

// The property name checks below send a name that the TypeScript types do not declare to the
// general path, which rejects it. They use for...in and a switch because Object.keys would
// allocate an array on every call. for...in also lists inherited enumerable properties, which
// the general path accepts, so such an object only takes the slower path.

// Returns whether every enumerable property name of `applicant` is a property of Applicant.
function hasApplicantKeysOnly(applicant) {
  for (const key in applicant) {
    switch (key) {
      case 'mobile':
      case 'certNo':
      case 'name':
        break;
      default:
        return false;
    }
  }
  return true;
}

// Returns whether every enumerable property name of `options` is a property of
// ValidateOptions.
function hasValidateKeysOnly(options) {
  for (const key in options) {
    switch (key) {
      case 'mode':
      case 'today':
      case 'minBirthYear':
      case 'encrypt':
        break;
      default:
        return false;
    }
  }
  return true;
}

// Returns whether every enumerable property name of `encrypt` is encryptType, hexCase or
// md5Length. The 3DES properties, valid only in builds with 3DES, go to the general path,
// which accepts or rejects them for its build.
function hasDigestKeysOnly(encrypt) {
  for (const key in encrypt) {
    switch (key) {
      case 'encryptType':
      case 'hexCase':
      case 'md5Length':
        break;
      default:
        return false;
    }
  }
  return true;
}

// The parts of the options that readOptions read last, to save an array per call. They are
// set after every getter has run, because a getter may call validateApplicant again.
let todayMillis = 0;
let minBirthYearValue = 0;
let todayText = '';
let encryptTypeText = '';

// Reads the options into the variables above; returns their flags, or -1 for the general path.
// Without options.today, today is the time of Date.now(), as in the general path.
function readOptions(options) {
  if (isAbsent(options)) {
    todayMillis = Date.now();
    todayText = '';
    encryptTypeText = '';
    return TODAY_MILLIS;
  }
  if (!isObject(options) || !hasValidateKeysOnly(options)) {
    return -1;
  }
  let flags = 0;

  const mode = options.mode;
  if (mode === 'normalize') {
    flags |= NORMALIZE;
  } else if (!isAbsent(mode) && mode !== 'strict') {
    return -1;
  }

  const minBirthYear = options.minBirthYear;
  let minBirthYearPart = 0;
  if (!isAbsent(minBirthYear)) {
    if (!Number.isInteger(minBirthYear) || Math.abs(minBirthYear) > 2147483647) {
      return -1;
    }
    flags |= HAS_MIN_BIRTH_YEAR;
    minBirthYearPart = minBirthYear;
  }

  const today = options.today;
  let millisPart = 0;
  let todayPart = '';
  if (isAbsent(today)) {
    flags |= TODAY_MILLIS;
    millisPart = Date.now();
  } else if (today instanceof Date) {
    millisPart = today.getTime();
    if (!Number.isFinite(millisPart)) {
      return -1;
    }
    flags |= TODAY_MILLIS;
  } else if (isWellFormedText(today)) {
    todayPart = today;
  } else {
    return -1;
  }

  const encrypt = options.encrypt;
  let encryptTypePart = '';
  if (!isAbsent(encrypt)) {
    if (!isObject(encrypt) || !hasDigestKeysOnly(encrypt)) {
      return -1;
    }
    const encryptType = encrypt.encryptType;
    if (
      !isWellFormedText(encryptType) ||
      (encryptType.length === 4 && encryptType.toLowerCase() === '3des')
    ) {
      return -1;
    }
    flags |= HAS_ENCRYPT;
    encryptTypePart = encryptType;

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
  todayMillis = millisPart;
  minBirthYearValue = minBirthYearPart;
  todayText = todayPart;
  encryptTypeText = encryptTypePart;
  return flags;
}

// Writes the length of `text` and its code units at `position`; returns the next position.
function writeText(view, position, text) {
  const length = text.length;
  view[position] = length;
  position += 1;
  for (let i = 0; i < length; i += 1) {
    view[position + i] = text.charCodeAt(i);
  }
  return position + length;
}

// Writes the applicant and the options into the `capacity` code units at `offset` (counted in
// code units) of WebAssembly memory. The layout starts with the flags, then today in
// milliseconds as a 64-bit integer in four units and minBirthYear as a 32-bit integer in two,
// least significant unit first. Then come today as text, encryptType, mobile, certNo and name,
// each as its length and its code units. Returns the number of code units written, or -1 when
// the general path must read the arguments.
export function packApplicant(applicant, options, offset, capacity) {
  try {
    if (!isObject(applicant) || !hasApplicantKeysOnly(applicant)) {
      return -1;
    }
    const mobile = applicant.mobile;
    const certNo = applicant.certNo;
    const name = applicant.name;
    let flags = 0;
    let length = HEADER_UNITS + 5;
    if (!isAbsent(mobile)) {
      if (!isWellFormedText(mobile)) return -1;
      flags |= HAS_MOBILE;
      length += mobile.length;
    }
    if (!isAbsent(certNo)) {
      if (!isWellFormedText(certNo)) return -1;
      flags |= HAS_CERT_NO;
      length += certNo.length;
    }
    if (!isAbsent(name)) {
      if (!isWellFormedText(name)) return -1;
      flags |= HAS_NAME;
      length += name.length;
    }
    const optionFlags = readOptions(options);
    if (optionFlags < 0) {
      return -1;
    }
    length += todayText.length + encryptTypeText.length;
    if (length > capacity) {
      return -1;
    }

    // Getters may have called into WebAssembly and grown its memory, so the view is checked
    // only after every property has been read.
    if (units === null || units.length === 0) {
      units = new Uint16Array(memory.buffer);
    }
    const view = units;
    view[offset] = flags | optionFlags | (NodeBuffer === null ? 0 : REPORT_UTF16);
    // Date.prototype.getTime() is an integer of at most 8.64e15 in magnitude, exact in a
    // double, so the division splits it into a signed high and an unsigned low 32-bit half.
    const high = Math.floor(todayMillis / 4294967296);
    const low = todayMillis - high * 4294967296;
    view[offset + 1] = low & 0xffff;
    view[offset + 2] = low >>> 16;
    view[offset + 3] = high & 0xffff;
    view[offset + 4] = (high >> 16) & 0xffff;
    view[offset + 5] = minBirthYearValue & 0xffff;
    view[offset + 6] = (minBirthYearValue >> 16) & 0xffff;
    let position = offset + HEADER_UNITS;
    position = writeText(view, position, todayText);
    position = writeText(view, position, encryptTypeText);
    position = writeText(view, position, flags & HAS_MOBILE ? mobile : '');
    position = writeText(view, position, flags & HAS_CERT_NO ? certNo : '');
    position = writeText(view, position, flags & HAS_NAME ? name : '');

    inputMobile = mobile;
    inputCertNo = certNo;
    inputName = name;
    return position - offset;
  } catch {
    return -1;
  }
}

// The report being read by unpackReport and the position in it. Module variables rather than
// closures, which would be allocated on every call; unpackReport runs no caller code, so no
// other call can change them meanwhile.
let packedReport = '';
let readPosition = 0;

// The report arrives in WebAssembly memory as UTF-16 code units on Node.js. There Buffer turns
// them into a string several times faster than TextDecoder decodes UTF-8 with Chinese messages
// (Node.js 20.20: 0.12 against 0.48 µs for a report of 340 bytes). Elsewhere it arrives as
// UTF-8, because Chromium's TextDecoder decodes UTF-8 faster than UTF-16.
const NodeBuffer = typeof Buffer === 'function' && typeof Buffer.from === 'function' ? Buffer : null;
const utf8Decoder = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });

// Returns the report at `location` as a string: `length` code units from the code unit index
// `location` on Node.js, `length` bytes from the address `location` elsewhere.
function readReport(location, length) {
  // Growing the memory detaches the old buffer, which leaves the view empty.
  if (memoryBytes === null || memoryBytes.length === 0) {
    memoryBytes = NodeBuffer === null ? new Uint8Array(memory.buffer) : NodeBuffer.from(memory.buffer);
  }
  if (NodeBuffer !== null) {
    return memoryBytes.toString('utf16le', 2 * location, 2 * (location + length));
  }
  return utf8Decoder.decode(memoryBytes.subarray(location, location + length));
}

// Reads a number: one character whose code is the number.
function readNumber() {
  const value = packedReport.charCodeAt(readPosition);
  readPosition += 1;
  return value;
}

// Reads a string: its UTF-16 length as two characters (high and low part, base 0xD000 so that
// no code is a surrogate), then its text.
function readText() {
  const high = packedReport.charCodeAt(readPosition);
  const low = packedReport.charCodeAt(readPosition + 1);
  const start = readPosition + 2;
  readPosition = start + high * 0xd000 + low;
  return packedReport.slice(start, readPosition);
}

// The fields of an applicant in the order of their indexes in the report; wasm/src/packed.rs
// writes the same indexes.
const FIELD_NAMES = ['mobile', 'certNo', 'name'];

// Builds the Report of a packed call from what wasm/src/packed.rs writes at `location`. The
// string is read by position instead of being split, because splitting it took most of the
// call's time. The report is its validity and field count, then each field. A field starts with
// six numbers: its index in FIELD_NAMES (or 3), validity, value kind, encrypted kind, problem
// count and change count. Its name follows when the index is 3, its value and encrypted value
// when their kind is 2, and then its problems and changes. A value kind is 0 for null, 1 for
// the input string and 2 for a string. An encrypted kind is 0 for null, 1 for no encryption
// requested and 2 for a string.
export function unpackReport(location, length) {
  const mobile = inputMobile;
  const certNo = inputCertNo;
  const name = inputName;
  inputMobile = null;
  inputCertNo = null;
  inputName = null;
  packedReport = readReport(location, length);
  readPosition = 0;

  const valid = readNumber() === 1;
  const fieldCount = readNumber();
  const fields = [];
  const allProblems = [];
  for (let f = 0; f < fieldCount; f += 1) {
    const fieldIndex = readNumber();
    const fieldValid = readNumber() === 1;
    const valueKind = readNumber();
    const encryptedKind = readNumber();
    const problemCount = readNumber();
    const changeCount = readNumber();
    const field = fieldIndex < 3 ? FIELD_NAMES[fieldIndex] : readText();
    let value = null;
    if (valueKind === 1 && fieldIndex === 0) {
      value = mobile;
    } else if (valueKind === 1 && fieldIndex === 1) {
      value = certNo;
    } else if (valueKind === 1) {
      value = name;
    } else if (valueKind === 2) {
      value = readText();
    }
    let encrypted;
    if (encryptedKind === 0) {
      encrypted = null;
    } else if (encryptedKind === 2) {
      encrypted = readText();
    }

    const problems = [];
    for (let p = 0; p < problemCount; p += 1) {
      const problem = {
        field: readText(),
        severity: readText(),
        code: readNumber(),
        name: readText(),
        messageZh: readText(),
        messageEn: readText(),
      };
      problems.push(problem);
      // The report's list has objects of its own, as the general path builds them.
      allProblems.push({ ...problem });
    }

    const changes = [];
    for (let c = 0; c < changeCount; c += 1) {
      changes.push({
        field: readText(), kind: readText(), messageZh: readText(), messageEn: readText(),
      });
    }

    if (encrypted === undefined) {
      fields.push({ field, valid: fieldValid, value, problems, changes });
    } else {
      fields.push({ field, valid: fieldValid, value, problems, changes, encrypted });
    }
  }
  packedReport = '';
  return { valid, fields, problems: allProblems };
}

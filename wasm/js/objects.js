// Factories of the plain objects the exports return; an absent optional string arrives as
// undefined and becomes null. The WebAssembly module calls one factory
// per object instead of one Reflect.set per property, which is smaller and faster. The shapes
// are declared in TypeScript in the Rust sources (typescript_custom_section).

export function makeProblem(field, severity, code, name, messageZh, messageEn) {
  return { field, severity, code, name, messageZh, messageEn };
}

export function makeChange(field, kind, messageZh, messageEn) {
  return { field, kind, messageZh, messageEn };
}

export function makeFieldReport(field, valid, value, problems, changes, encrypted) {
  const report = { field, valid, value: value ?? null, problems, changes };
  if (encrypted !== undefined) {
    report.encrypted = encrypted;
  }
  return report;
}

export function makeReport(valid, fields, problems) {
  return { valid, fields, problems };
}

export function makeCertNoInfo(
  birthDate, age, gender, genderZh, provinceCode, provinceZh, provinceEn, outsideMainland,
) {
  return { birthDate, age, gender, genderZh, provinceCode, provinceZh, provinceEn, outsideMainland };
}

export function makeMobileSegment(prefix, kind, kindZh, kindEn, operator, operatorZh, operatorEn) {
  return { prefix, kind, kindZh, kindEn, operator, operatorZh, operatorEn };
}

export function makeErrorCodeInfo(code, name, field, warning, descriptionZh, descriptionEn) {
  return { code, name, field: field ?? null, warning, descriptionZh, descriptionEn };
}

export function makeBuiltRequest(interfaceCode, path, requestRefId, body) {
  return { interface: interfaceCode, path, requestRefId, body };
}

export function makeInterpretation(
  interfaceCode, value, category, outcome, retryable, labelZh, labelEn, detail,
  requestRefId, responseRefId, responseMsg, warnings,
) {
  return {
    interface: interfaceCode,
    value,
    category,
    outcome,
    retryable,
    labelZh,
    labelEn,
    detail,
    requestRefId: requestRefId ?? null,
    responseRefId: responseRefId ?? null,
    responseMsg: responseMsg ?? null,
    warnings,
  };
}

export function makeMatchDetail(nameMatches, certNoMatches) {
  return { kind: 'match', nameMatches, certNoMatches };
}

export function makeInNetPeriodDetail(monthsAbove, monthsAtMost) {
  return { kind: 'in_net_period', monthsAbove, monthsAtMost: monthsAtMost ?? null };
}

export function makeStatusDetail(status, usable) {
  return { kind: 'status', status, usable };
}

export function makeWarning(code, name, messageZh, messageEn) {
  return { code, name, messageZh, messageEn };
}

// One of the HttpOutcome variants; properties that do not belong to `kind` are left out.
export function makeHttpOutcome(kind, interpretation, status, retryable, error) {
  if (kind === 'answered') {
    return { kind, interpretation };
  }
  if (kind === 'transport_failure') {
    return { kind, status, retryable, error };
  }
  return { kind, error };
}

// Returns the string when it contains no lone surrogate, so the module can copy it as UTF-8 in
// one call. Otherwise it returns undefined, and the module reads the UTF-16 code units one by
// one to find the surrogate. Engines without String.prototype.isWellFormed (ES2024) always
// take that path.
export function wellFormedText(value) {
  if (typeof value === 'string' && typeof value.isWellFormed === 'function' && value.isWellFormed()) {
    return value;
  }
  return undefined;
}

// Returns the first own enumerable property name of `object` that is not in the array `keys`,
// or undefined when there is none. The module rejects such a name as a misspelled option.
export function unknownKey(object, keys) {
  const names = Object.keys(object);
  for (let i = 0; i < names.length; i += 1) {
    if (!keys.includes(names[i])) {
      return names[i];
    }
  }
  return undefined;
}

/* tslint:disable */
/* eslint-disable */

/**
 * A 3DES (DESede) key and mode. Give the key in exactly one form. Every call parses the key
 * afresh, and the decoded key is wiped from WebAssembly memory when the call returns.
 *
 * The key must be 24 bytes (K1‖K2‖K3), as Java's SunJCE requires; a 16-byte key is accepted
 * only with `twoKey: true`, which expands it to K1‖K2‖K1. No key is ever padded or truncated.
 */
export interface TripleDesOptions {
    keyBase64?: string;
    keyHex?: string;
    keyBytes?: Uint8Array;
    twoKey?: boolean;
    /** `ecb` (default, Java's `DESede/ECB/PKCS5Padding`) or `cbc`, which needs an 8-byte IV. */
    mode?: "ecb" | "cbc";
    ivHex?: string;
    ivBytes?: Uint8Array;
    /** Text form of ciphertext: standard Base64 with padding (default) or lowercase hex. */
    encoding?: "base64" | "hex";
}

/** The encryptType names, as `encryptField` takes them. */
export type EncryptType = "plaintext" | "md5" | "sha256" | "sm3" | "3des";

/** Settings of `encryptField`; the 3DES settings apply to `3des` only. */
export interface EncryptFieldOptions extends HashOptions, TripleDesOptions {
    encryptType: EncryptType;
}



/**
 * The error every function of this package throws.
 *
 * `code` and `name` are mbasu's stable error code and its snake_case name (3 and
 * `lone_surrogate`, 6 and `panic`), the same numbers as in every other binding of mbasu.
 * A name repeats across fields (`format`), so it is unique together with `field`.
 */
export class MbasuError extends Error {
    readonly code: number;
    readonly name: string;
    /** The input field the error is about (`mobile`, `certNo`, `name`, ...), or null. */
    readonly field: string | null;
    readonly messageZh: string;
    readonly messageEn: string;
    /** For code 603 (`provider_error`): the provider's responseCode, otherwise null. */
    readonly responseCode: string | null;
    /** For code 603 (`provider_error`): the provider's responseMsg, otherwise null. */
    readonly responseMsg: string | null;
}



/** Output form of a digest. */
export interface HashOptions {
    /** Letter case of the hexadecimal digest; default `lower`. */
    hexCase?: "lower" | "upper";
    /** 16 selects the 16-character MD5 (hex characters 8 to 24) some Chinese specs ask for; default 32. */
    md5Length?: 32 | 16;
}



/** Settings for validation. */
export interface ValidateOptions {
    /**
     * `strict` (default): the value must already be canonical, and every difference is a problem.
     * `normalize`: spaces, full-width digits, `+86`, a lowercase `x` and look-alike dots are
     * corrected, each correction is listed in `changes`, and the corrected value is validated.
     */
    mode?: "strict" | "normalize";
    /**
     * The date birth dates are checked against: `YYYY-MM-DD`, or a `Date` whose China
     * Standard Time (UTC+8) date is taken. Default: the China date of `Date.now()`.
     */
    today?: string | Date;
    /** The earliest birth year accepted in an ID number; default 1900. */
    minBirthYear?: number;
    /**
     * Encrypts each valid canonical value into `FieldReport.encrypted`, as `encryptField`
     * would; the slim build accepts `{ encryptType: "sm3" }` only.
     */
    encrypt?: EncryptFieldOptions;
}

/** The input fields this package validates, spelled as on the wire. */
export type FieldName = "mobile" | "certNo" | "name";

/** One thing wrong with a field, with messages to show the person filling in the form. */
export interface Problem {
    field: FieldName;
    /** An error blocks the value; a warning (unknown mobile segment, Hong Kong region code) does not. */
    severity: "error" | "warning";
    /** mbasu's stable error code, e.g. 304 for a wrong ID check character. */
    code: number;
    /** The code's snake_case name, e.g. `check_digit`; unique together with `field`. */
    name: string;
    messageZh: string;
    messageEn: string;
}

/** One correction that `normalize` mode made. */
export interface Change {
    field: FieldName;
    /** `trimmed`, `full_width_converted`, `separators_removed`, `country_code_removed`,
     * `check_character_uppercased`, `dot_replaced` or `whitespace_removed`. */
    kind: string;
    messageZh: string;
    messageEn: string;
}

/** The outcome of validating one field. */
export interface FieldReport {
    field: FieldName;
    /** True when no problem is an error. */
    valid: boolean;
    /** The canonical value when `valid`, otherwise null; hash or encrypt this value. */
    value: string | null;
    problems: Problem[];
    /** Corrections made; always empty in `strict` mode. */
    changes: Change[];
    /** With `options.encrypt`: the encrypted `value`, or null when the field is invalid. */
    encrypted?: string | null;
}

/** The fields of one applicant; a field that is undefined or null is not validated. */
export interface Applicant {
    mobile?: string | null;
    certNo?: string | null;
    name?: string | null;
}

/** The outcome of validating an applicant. */
export interface Report {
    valid: boolean;
    /** One report per field given, in the order mobile, certNo, name. */
    fields: FieldReport[];
    /** Every problem of every field, in field order. */
    problems: Problem[];
}

/** Facts derived from a valid ID number. */
export interface CertNoInfo {
    /** `YYYY-MM-DD`. */
    birthDate: string;
    /** Age in whole years on `today`. */
    age: number;
    gender: "male" | "female";
    genderZh: string;
    /** The first two digits. */
    provinceCode: string;
    provinceZh: string;
    provinceEn: string;
    /** True for region codes 71, 81, 82 and 83 (Taiwan, Hong Kong, Macao). */
    outsideMainland: boolean;
}

/** The allocation of a mobile number's segment. */
export interface MobileSegment {
    /** The matched prefix, 3 to 5 digits. */
    prefix: string;
    kind: "basic" | "virtual" | "data" | "broadcast" | "satellite";
    kindZh: string;
    kindEn: string;
    operator: "china_mobile" | "china_unicom" | "china_telecom" | "china_broadnet" | "various";
    operatorZh: string;
    operatorEn: string;
}

/** One entry of mbasu's error code table. */
export interface ErrorCodeInfo {
    code: number;
    name: string;
    /** The input field the code belongs to, or null. */
    field: string | null;
    /** Whether the code, as a validation problem, is a warning. */
    warning: boolean;
    descriptionZh: string;
    descriptionEn: string;
}




declare function __wbg_reset_state(): void;

/**
 * Derives birth date, age on `today`, gender and province from a valid ID number.
 *
 * Throws `MbasuError` with the first validation error's code when the number is not valid
 * in the given mode.
 */
export function certNoInfo(cert_no: string, options?: ValidateOptions): CertNoInfo;

/**
 * Applies one encryptType to a field value, producing what goes on the wire: the value
 * unchanged for `plaintext`, a hex digest, or 3DES ciphertext.
 *
 * Pass the `value` of a valid `FieldReport`: the spec encrypts the canonical value.
 * Throws `MbasuError` code 500 for an unknown `encryptType`, the key errors of
 * `tripleDesEncrypt` for `3des`, 3 for a lone surrogate.
 */
export function encryptField(value: string, options: EncryptFieldOptions): string;

/**
 * Lists mbasu's error codes in numeric order, with their names and descriptions.
 */
export function errorCodes(): ErrorCodeInfo[];

/**
 * Computes the digest of a string's UTF-8 bytes in hexadecimal, lowercase by default.
 *
 * `encryptType` is `md5`, `sha256` or `sm3` (case-insensitive); the slim build has `sm3` only.
 * Hash the `value` of a valid `FieldReport`, never the raw input: the spec hashes the
 * canonical value (`X` upper-case, no spaces).
 * Throws `MbasuError` code 500 for an unknown type, 1 for `plaintext`/`3des` or a malformed
 * argument, 3 for a lone surrogate.
 */
export function hash(encrypt_type: "md5" | "sha256" | "sm3", value: string, options?: HashOptions): string;

/**
 * Computes the digest of raw bytes in hexadecimal; otherwise as `hash`.
 */
export function hashBytes(encrypt_type: "md5" | "sha256" | "sm3", value: Uint8Array, options?: HashOptions): string;

/**
 * Looks up the segment of a canonical 11-digit mobile number (the `value` of a valid report);
 * null when the segment is not in the table.
 */
export function mobileSegment(mobile: string): MobileSegment | null;

/**
 * Panics on purpose, so tests can check that a panic arrives as `MbasuError` code 6 and that
 * the following call still works. It has no other use.
 */
export function testPanic(): void;

/**
 * Decodes and decrypts 3DES ciphertext text back into a string; Base64 may contain
 * line breaks, as old Java encoders wrap every 76 characters.
 *
 * Throws the key errors of `tripleDesEncrypt`, and `MbasuError` code 504/505 for bad
 * ciphertext encoding, 507 for a wrong length, 506 for bad padding (usually a wrong key or
 * mode), 508 when the plaintext is not UTF-8.
 */
export function tripleDesDecrypt(ciphertext: string, options: TripleDesOptions): string;

/**
 * Decrypts raw 3DES ciphertext, checking the padding; `encoding` is ignored.
 */
export function tripleDesDecryptBytes(ciphertext: Uint8Array, options: TripleDesOptions): Uint8Array;

/**
 * Encrypts the UTF-8 bytes of `plaintext` with 3DES (PKCS#7 padding, Java's PKCS5Padding)
 * and encodes the ciphertext.
 *
 * Throws `MbasuError` code 510 without a key, 502 for a key of the wrong length, 503/511
 * for a missing, wrong or unexpected IV, 504/505 for a key in bad Base64 or hex.
 */
export function tripleDesEncrypt(plaintext: string, options: TripleDesOptions): string;

/**
 * Encrypts raw bytes into raw 3DES ciphertext; `encoding` is ignored.
 */
export function tripleDesEncryptBytes(plaintext: Uint8Array, options: TripleDesOptions): Uint8Array;

/**
 * Upgrades a 15-digit first-generation ID number to 18 characters and validates the result.
 *
 * Throws `MbasuError` code 301 (`length`) unless the input is 15 digits, or the code of the
 * upgraded number's first error.
 */
export function upgradeCertNo(cert_no: string, options?: ValidateOptions): string;

/**
 * Validates every field the applicant has and returns every problem at once.
 *
 * Throws `MbasuError` when `applicant` is not an object or a field is neither a string nor
 * undefined/null (code 1), or a field contains a lone surrogate (code 3).
 */
export function validateApplicant(applicant: Applicant, options?: ValidateOptions): Report;

/**
 * Validates a resident identity card number (certType `00`): 18 characters, region, birth
 * date not after `today`, and the GB 11643-1999 check character.
 *
 * Throws `MbasuError` as `validateMobile` does.
 */
export function validateCertNo(value: string, options?: ValidateOptions): FieldReport;

/**
 * Validates a mobile number: 11 digits, `1` then `3`–`9`. An unknown segment is only a warning.
 *
 * Throws `MbasuError` when `value` is not a string (code 1) or contains a lone surrogate
 * (code 3), or when `options` is malformed (code 1, or 8 for a bad `today`).
 */
export function validateMobile(value: string, options?: ValidateOptions): FieldReport;

/**
 * Validates a Chinese name: 2 to 40 Han characters from every plane, `〇`, and the middle dot
 * `·` (U+00B7) between parts.
 *
 * Throws `MbasuError` as `validateMobile` does.
 */
export function validateName(value: string, options?: ValidateOptions): FieldReport;

/**
 * The version of the mbasu core in this package.
 */
export function version(): string;

export type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

export interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly certNoInfo: (a: any, b: any) => [number, number, number];
    readonly encryptField: (a: any, b: any) => [number, number, number, number];
    readonly errorCodes: () => any;
    readonly hash: (a: any, b: any, c: any) => [number, number, number, number];
    readonly hashBytes: (a: any, b: any, c: any) => [number, number, number, number];
    readonly mobileSegment: (a: any) => [number, number, number];
    readonly testPanic: () => void;
    readonly tripleDesDecrypt: (a: any, b: any) => [number, number, number, number];
    readonly tripleDesDecryptBytes: (a: any, b: any) => [number, number, number, number];
    readonly tripleDesEncrypt: (a: any, b: any) => [number, number, number, number];
    readonly tripleDesEncryptBytes: (a: any, b: any) => [number, number, number, number];
    readonly upgradeCertNo: (a: any, b: any) => [number, number, number, number];
    readonly validateApplicant: (a: any, b: any) => any;
    readonly validateCertNo: (a: any, b: any) => [number, number, number];
    readonly validateMobile: (a: any, b: any) => [number, number, number];
    readonly validateName: (a: any, b: any) => [number, number, number];
    readonly version: () => [number, number];
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

export type SyncInitInput = BufferSource | WebAssembly.Module;

/**
 * Instantiates the given `module`, which can either be bytes or
 * a precompiled `WebAssembly.Module`.
 *
 * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
 *
 * @returns {InitOutput}
 */
export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
export default function __wbg_init (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;

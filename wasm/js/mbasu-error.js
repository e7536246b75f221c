// The error class every mbasu export throws. The WebAssembly module imports it to construct
// errors and re-exports it, so `error instanceof MbasuError` works for callers.
//
// `code` and `name` are the stable number and snake_case name of mbasu's ErrorCode, the same in
// every binding. Like DOMException, `name` is the specific error name, not the class name.

export class MbasuError extends Error {
  constructor(message, code, name, field, messageZh, messageEn, responseCode, responseMsg) {
    super(message);
    this.code = code;
    this.name = name;
    this.field = field ?? null;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
    // The provider's responseCode and responseMsg, for code 603 (provider_error).
    this.responseCode = responseCode ?? null;
    this.responseMsg = responseMsg ?? null;
  }
}

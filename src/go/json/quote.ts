// A JSON string literal exactly as Go's encoding/json writes it: `\b \f \n \r \t \" \\` short,
// other control characters as \u00XX, U+2028/U+2029 always escaped, `< > &` only when asked
// (json.Marshal does, an Encoder with SetEscapeHTML(false) does not), and a lone surrogate (invalid
// UTF-8 for Go) as \ufffd. A leaf: imports nothing.

const SHORT: Readonly<Record<string, string>> = { '"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t" };
const PLAIN = /["\\\u0000-\u001f\u2028\u2029\ud800-\udfff]/g;
const HTML = /["\\\u0000-\u001f\u2028\u2029\ud800-\udfff<>&]/g;

export function quoteJsonString(text: string, escapeHTML: boolean): string {
  const pattern = escapeHTML ? HTML : PLAIN;
  return (
    '"' +
    text.replace(pattern, (c, offset: number) => {
      const short = SHORT[c];
      if (short) return short;
      const code = c.charCodeAt(0);
      if (code >= 0xd800 && code <= 0xdfff) {
        // a well-formed surrogate pair stays as it is
        const isHigh = code <= 0xdbff;
        const partner = text.charCodeAt(isHigh ? offset + 1 : offset - 1);
        const paired = isHigh ? partner >= 0xdc00 && partner <= 0xdfff : partner >= 0xd800 && partner <= 0xdbff;
        return paired ? c : "\\ufffd";
      }
      return "\\u" + code.toString(16).padStart(4, "0");
    }) +
    '"'
  );
}

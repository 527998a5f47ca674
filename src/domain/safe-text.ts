/**
 * Text safe to export. Control characters are invisible on screen but break exports: U+000B
 * (a line break pasted from PowerPoint) is not allowed in XML, so the SVG behind a PNG will not
 * load; in a PDF, print view or spreadsheet they show as boxes or split cells. Every export (PNG,
 * PDF, print view, CSV) passes user text through here.
 *
 * Removed: C0 controls except tab, line feed and carriage return; DEL; C1 controls; the
 * non-characters U+FFFE and U+FFFF; and unpaired surrogates (also not allowed in XML). Vertical
 * tab, form feed and next-line (U+0085), which separate words where they were typed, become a
 * space so the words stay apart.
 */
/* eslint-disable no-control-regex -- matching control characters is the point */
const LINE_SEPARATORS = /[\u000B\u000C\u0085]/g;
// A surrogate pair is matched first and kept; anything else matched is dropped.
const UNSAFE =
  /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F\uD800-\uDFFF\uFFFE\uFFFF]/g;
/* eslint-enable no-control-regex */

export function stripControlCharacters(text: string): string {
  return text
    .replace(LINE_SEPARATORS, ' ')
    .replace(UNSAFE, (match) => (match.length === 2 ? match : ''));
}

/**
 * `stripControlCharacters` on every string inside plain objects and arrays. Copy on write: a
 * value with nothing to strip is returned as it is (the same object), so clean data costs no
 * copies and keeps its identity.
 */
export function stripControlCharactersDeep<T>(value: T): T {
  if (typeof value === 'string') return stripControlCharacters(value) as T;
  if (Array.isArray(value)) {
    let changed = false;
    const mapped = value.map((item: unknown) => {
      const next = stripControlCharactersDeep(item);
      if (next !== item) changed = true;
      return next;
    });
    return (changed ? mapped : value) as T;
  }
  if (typeof value === 'object' && value !== null) {
    const prototype = Object.getPrototypeOf(value) as unknown;
    if (prototype !== Object.prototype && prototype !== null) return value;
    let changed = false;
    const entries = Object.entries(value).map(([key, item]) => {
      const next = stripControlCharactersDeep(item);
      if (next !== item) changed = true;
      return [key, next] as const;
    });
    return (changed ? Object.fromEntries(entries) : value) as T;
  }
  return value;
}

/** Characters XML 1.0 cannot carry at all (C0 controls but tab and newlines, and U+FFFE/U+FFFF). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text without the characters XML cannot carry. */
export const xmlSafe = (text: string) => text.replace(NOT_XML, '');

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as markup, for XML and HTML alike (`&#39;` is understood by both). */
export const escapeMarkup = (text: string) => xmlSafe(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);

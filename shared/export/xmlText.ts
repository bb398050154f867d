/**
 * Text bound for XML (slide XML, SVG): characters XML 1.0 does not allow — C0 controls other than tab,
 * line feed and carriage return, U+FFFE/U+FFFF and unpaired surrogates — would make the document
 * unreadable (PowerPoint's repair prompt, resvg's parse error), so they are dropped. A column name or a
 * takeaway can carry them from a hostile or damaged export.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

/** True when `text` holds a character XML 1.0 does not allow. */
export function hasNonXmlChars(text: string): boolean {
  NOT_XML.lastIndex = 0;
  const found = NOT_XML.test(text);
  NOT_XML.lastIndex = 0;
  return found;
}

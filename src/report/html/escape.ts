// Escaping for the HTML report. Everything the report shows from a scan (URIs, matches,
// snippets, messages, evidence, errors, even rule and category ids, which a user's rule
// pack supplies) goes through one of these before it reaches the page.
import { printable } from '../printable.js';

const HTML_SPECIAL = /[&<>"']/g;
const HTML_ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text safe for element content and for quoted attribute values. Control characters and
 * bidi overrides are replaced first (see printable), so a document cannot reorder the
 * report; each replaced UTF-16 unit stays one unit, so offsets into the text remain valid.
 */
export function escapeHtml(text: string): string {
  return printable(String(text)).replace(HTML_SPECIAL, (ch) => HTML_ENTITY[ch]!);
}

const SCRIPT_UNSAFE = /[<>&\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON for a `<script type="application/json">` element. `<`, `>` and `&` become \u escapes,
 * so neither `</script>` nor `<!--` can end or change the element; line separators and bidi
 * controls are escaped too, so the page source reads as it is. JSON.parse of the element's
 * text gives back exactly `value`.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    SCRIPT_UNSAFE,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Makes untrusted text (ad copy, URIs, messages) safe to print on one terminal line:
 * line breaks and tabs become spaces, other control characters and bidi overrides become
 * U+FFFD, so a document cannot inject escape sequences or reorder the report.
 * Every replaced UTF-16 unit becomes exactly one unit, so offsets into the text stay valid.
 */
export function printable(text: string): string {
  return text.replace(UNSAFE, (ch) => (ch === '\t' || ch === '\n' || ch === '\r' ? ' ' : '\ufffd'));
}

// C0 and C1 controls, DEL, and the bidi embedding/override/isolate controls.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

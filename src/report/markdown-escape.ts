import { printable } from './printable.js';

/**
 * Untrusted text (ad copy, uris, messages) as literal Markdown on one line, safe inside a
 * GitHub-flavoured table cell: control characters neutralised, line breaks become spaces,
 * Markdown punctuation (\ ` * _ | < > [ ] ~ # &) is backslash-escaped, and '@' is followed
 * by a zero-width space so copy cannot @-mention anyone.
 */
export function markdownText(text: string): string {
  return printable(text)
    .replace(/[\\`*_|<>[\]~#&]/g, (ch) => `\\${ch}`)
    .replace(/@/g, '@\u200b');
}

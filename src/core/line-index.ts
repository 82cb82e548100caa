import type { Position } from './types.js';

/**
 * Converts UTF-16 offsets in a text into 1-based line/column positions.
 * CRLF, lone CR and LF all end a line; columns count UTF-16 code units, as SARIF's
 * `utf16CodeUnits` column kind and JavaScript string offsets do.
 */
export class LineIndex {
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    if (!text.includes('\r')) {
      // Most texts end lines with LF only: indexOf finds them far faster than a loop over every unit.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0d) {
        if (text.charCodeAt(i + 1) === 0x0a) i++;
        this.lineStarts.push(i + 1);
      } else if (c === 0x0a) {
        this.lineStarts.push(i + 1);
      }
    }
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { offset: o, line: lo + 1, column: o - this.lineStarts[lo]! + 1 };
  }

  /** The text of the line holding `offset`, without its line break. */
  lineText(offset: number): { text: string; start: number } {
    const { line } = this.position(offset);
    const start = this.lineStarts[line - 1]!;
    const next = this.lineStarts[line] ?? this.text.length;
    let end = next;
    while (end > start && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return { text: this.text.slice(start, end), start };
  }
}

import { MapWriter } from '../../core/map-writer.js';
import type { OffsetMap } from '../../core/offset-map.js';
import { unitEnd, unitStart, type MappedChars } from './mapped-chars.js';

/** The most consecutive line breaks kept: one blank line, never long blank stretches. */
const MAX_NEWLINES = 2;

/** Space, tab, LF, FF, CR, by UTF-16 code (reading `text[i]` makes a string of every CJK character). */
function isCollapsible(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

/**
 * Wide East Asian characters (CJK ideographs, kana, fullwidth forms and CJK punctuation),
 * excluding Hangul, which separates words with spaces. High surrogates D840–D87F start the
 * supplementary ideograph planes.
 */
function isWideEastAsian(c: number): boolean {
  return (
    (c >= 0x2e80 && c <= 0x303f) ||
    (c >= 0x3040 && c <= 0x31ff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0xd840 && c <= 0xd87f)
  );
}

interface PendingSpace {
  start: number;
  end: number;
  hasLineBreak: boolean;
}

/**
 * Lays text out as a browser renders it with `white-space: normal`, recording where every
 * output unit came from:
 * - a run of collapsible whitespace becomes one space mapped to the run, dropped at line
 *   starts and ends; a run holding a line break between two wide CJK characters vanishes
 *   (CSS Text 3 segment-break rule), so hard-wrapped Chinese source stays contiguous;
 * - block boundaries, `<br>` and table cells insert '\n' / '\t' lazily, only once more text
 *   follows, each mapped to the empty span at the tag that caused it;
 * - preformatted text keeps its whitespace.
 * Text from adjacent nodes is simply concatenated: inline tags never add spaces.
 */
export class TextLayout {
  private readonly out: MapWriter;
  private pendingSpace: PendingSpace | null = null;
  /** Line breaks owed before the next text: the source span for each. */
  private pendingBreaks: { start: number; end: number }[] = [];
  private pendingTab: number | null = null;
  /** '\n' already written at the end of the output. */
  private trailingNewlines = 0;
  /** Whether the current line has text yet (after a tab it counts as fresh). */
  private lineHasText = false;
  /** UTF-16 code of the last unit written, -1 before any. */
  private lastEmitted = -1;

  /** `capacity`: the expected output length; small fields (a title, an alt text) ask for little. */
  constructor(sourceLength: number, capacity = 1024) {
    this.out = new MapWriter(sourceLength, capacity);
  }

  text(chars: MappedChars, preformatted = false): void {
    const text = chars.text;
    let i = 0;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (preformatted) this.preformattedChar(text[i]!, unitStart(chars, i), unitEnd(chars, i));
      else if (isCollapsible(c)) this.collapsibleSpace(c === 0x0a, unitStart(chars, i), unitEnd(chars, i));
      else {
        // A run of visible characters goes out in one piece (most of a page's text).
        let j = i + 1;
        while (j < text.length && !isCollapsible(text.charCodeAt(j))) j++;
        this.visibleRun(chars, i, j);
        i = j;
        continue;
      }
      i++;
    }
  }

  /** The start or end of a block box at source offset `pos`. */
  blockBoundary(pos: number): void {
    this.pendingSpace = null;
    this.pendingTab = null;
    if (this.nothingWritten()) return;
    if (this.trailingNewlines + this.pendingBreaks.length === 0) this.pendingBreaks.push({ start: pos, end: pos });
  }

  /** `<br>`: a forced line break, so two in a row leave one blank line. */
  lineBreak(pos: number): void {
    this.pendingSpace = null;
    this.pendingTab = null;
    if (this.nothingWritten()) return;
    if (this.trailingNewlines + this.pendingBreaks.length < MAX_NEWLINES) {
      this.pendingBreaks.push({ start: pos, end: pos });
    }
  }

  /** A table cell begins: separate it from a previous cell on the same row. */
  cellBoundary(pos: number): void {
    this.pendingSpace = null;
    if (this.lineHasText && this.pendingBreaks.length === 0) this.pendingTab = pos;
  }

  /** Units written so far (pending breaks and spaces not included). */
  get length(): number {
    return this.out.length;
  }

  finish(): { text: string; map: OffsetMap } {
    return this.out.finish();
  }

  private nothingWritten(): boolean {
    return this.out.length === 0;
  }

  private collapsibleSpace(lineFeed: boolean, start: number, end: number): void {
    // Leading whitespace of a line (or of a cell) is not rendered.
    if (!this.lineHasText || this.pendingBreaks.length > 0 || this.pendingTab !== null) return;
    const p = this.pendingSpace;
    if (p === null) {
      this.pendingSpace = { start, end, hasLineBreak: lineFeed };
    } else {
      // Stretch over the run only while it is contiguous in the source (not across a tag).
      if (start === p.end) p.end = end;
      if (lineFeed) p.hasLineBreak = true;
    }
  }

  /** Units [from, to) of `chars`, none of them collapsible whitespace. */
  private visibleRun(chars: MappedChars, from: number, to: number): void {
    this.flushBreaks();
    const first = chars.text.charCodeAt(from);
    const p = this.pendingSpace;
    if (p !== null) {
      const cjkJoin = p.hasLineBreak && isWideEastAsian(this.lastEmitted) && isWideEastAsian(first);
      if (!cjkJoin) this.write(' ', p.start, p.end);
      this.pendingSpace = null;
    }
    if (chars.base !== undefined) this.out.copy(chars.text.slice(from, to), chars.base + from);
    else for (let i = from; i < to; i++) this.out.emit(chars.text[i]!, chars.starts[i]!, chars.ends[i]!);
    this.lastEmitted = chars.text.charCodeAt(to - 1);
    this.trailingNewlines = 0;
    this.lineHasText = true;
  }

  private preformattedChar(ch: string, start: number, end: number): void {
    if (ch === '\n') {
      this.pendingSpace = null;
      this.pendingTab = null;
      if (this.nothingWritten()) return;
      if (this.trailingNewlines + this.pendingBreaks.length < MAX_NEWLINES) this.pendingBreaks.push({ start, end });
      this.lineHasText = false;
      return;
    }
    this.flushBreaks();
    this.pendingSpace = null;
    this.write(ch, start, end);
    this.lineHasText = true;
  }

  private flushBreaks(): void {
    for (const b of this.pendingBreaks) this.write('\n', b.start, b.end);
    if (this.pendingBreaks.length > 0) {
      this.pendingBreaks = [];
      this.pendingSpace = null;
      this.lineHasText = false;
    }
    if (this.pendingTab !== null) {
      this.write('\t', this.pendingTab, this.pendingTab);
      this.pendingTab = null;
      this.pendingSpace = null;
    }
  }

  private write(ch: string, start: number, end: number): void {
    this.out.emit(ch, start, end);
    this.lastEmitted = ch.charCodeAt(0);
    this.trailingNewlines = ch === '\n' ? this.trailingNewlines + 1 : 0;
  }
}

/**
 * A set of characters tested by code point straight from UTF-16 text: a flag per BMP unit and
 * a Set for the astral ones. One pass over a page with a table lookup per unit is several
 * times cheaper than a regex whose character class lists thousands of characters.
 */
export class CharTable {
  private readonly bmp = new Uint8Array(0x10000);
  private readonly astral = new Set<number>();

  constructor(chars: Iterable<string>) {
    for (const c of chars) {
      const cp = c.codePointAt(0)!;
      if (cp > 0xffff) this.astral.add(cp);
      else this.bmp[cp] = 1;
    }
  }

  /** Offset of the first character of the set in text[from, to), or -1. */
  indexIn(text: string, from = 0, to = text.length): number {
    const { bmp, astral } = this;
    for (let i = from; i < to; i++) {
      const u = text.charCodeAt(i);
      if (bmp[u] === 1) return i;
      if (u >= 0xd800 && u <= 0xdbff && i + 1 < to && astral.size > 0) {
        const cp = text.codePointAt(i)!;
        if (cp > 0xffff) {
          if (astral.has(cp)) return i;
          i++;
        }
      }
    }
    return -1;
  }

  /** Offset of the last BMP character of the set in text[from, to), or -1 (astral ones are not looked for). */
  lastBmpIndexIn(text: string, from = 0, to = text.length): number {
    for (let i = to - 1; i >= from; i--) if (this.bmp[text.charCodeAt(i)] === 1) return i;
    return -1;
  }
}

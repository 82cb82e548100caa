import iconv from 'iconv-lite';

// "Commonly used" Chinese characters, for telling GB18030 from Big5 without a frequency
// list: GB2312 level 1 (lead bytes 0xB0–0xD7) holds the 3,755 most used simplified
// characters and Big5 level 1 (0xA440–0xC67E) the 5,401 most used traditional ones. Real
// text decoded with the right table lands almost entirely in these sets; the same bytes
// decoded with the wrong table land in rare characters, private-use code points or gaps.

let table: Uint8Array | null = null;

function addDecoded(bytes: number[], encoding: string, into: Uint8Array): void {
  const text = iconv.decode(Buffer.from(bytes), encoding);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0xfffd && (c < 0xd800 || c > 0xdfff)) into[c] = 1;
  }
}

/** Bitmap over the BMP: 1 where the code point is a common CJK character. Built on first use. */
export function commonCjkTable(): Uint8Array {
  if (table !== null) return table;
  const t = new Uint8Array(0x10000);
  const gb: number[] = [];
  for (let lead = 0xb0; lead <= 0xd7; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) gb.push(lead, trail);
  }
  addDecoded(gb, 'gb18030', t);
  const big5: number[] = [];
  for (let lead = 0xa4; lead <= 0xc6; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail > 0x7e && trail < 0xa1) continue;
      if (lead === 0xc6 && trail > 0x7e) break;
      big5.push(lead, trail);
    }
  }
  addDecoded(big5, 'big5hkscs', t);
  table = t;
  return t;
}

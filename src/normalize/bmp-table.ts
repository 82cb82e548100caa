/**
 * A per-code-point lookup for the Basic Multilingual Plane, filled lazily 256 code points at a
 * time. Unicode property regexes and `normalize()` cost far more per character than a table
 * read, and a document touches only a handful of blocks, so each block is classified on first
 * use with the slow function and read from the table after that.
 */
export function lazyBmpTable(classify: (cp: number) => number): (cp: number) => number {
  const table = new Uint8Array(0x10000);
  const filled = new Uint8Array(0x100);
  return (cp) => {
    const block = cp >> 8;
    if (filled[block] === 0) {
      for (let c = block << 8, end = c + 0x100; c < end; c++) table[c] = classify(c);
      filled[block] = 1;
    }
    return table[cp]!;
  };
}

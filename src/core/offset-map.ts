/**
 * Maps every UTF-16 code unit of a derived text back to the span of the source text that
 * produced it. Each transformation (HTML extraction, width folding, deletion of invisibles,
 * script conversion, …) builds one of these; composing them takes a finding in the fully
 * normalised text back to the exact characters of the original input.
 *
 * Representation: for target unit i, source span [start[i], end[i]). Deleted source
 * characters simply have no target unit; a target span [a, b) maps to
 * [start[a], end[b - 1]), which therefore also covers anything deleted inside it.
 */
export class OffsetMap {
  constructor(
    readonly start: Int32Array,
    readonly end: Int32Array,
    /** Length of the source text this map points into. */
    readonly sourceLength: number,
  ) {}

  static identity(length: number): OffsetMap {
    const start = new Int32Array(length);
    const end = new Int32Array(length);
    for (let i = 0; i < length; i++) {
      start[i] = i;
      end[i] = i + 1;
    }
    return new OffsetMap(start, end, length);
  }

  /** Number of target code units. */
  get length(): number {
    return this.start.length;
  }

  /** Source span of the target span [a, b). An empty span maps to a point. */
  toSource(a: number, b: number): [number, number] {
    const n = this.start.length;
    if (n === 0) return [0, 0];
    if (a >= n) return [this.sourceLength, this.sourceLength];
    const s = this.start[Math.max(0, a)]!;
    if (b <= a) return [s, s];
    const e = this.end[Math.min(b, n) - 1]!;
    return [s, Math.max(s, e)];
  }

  /**
   * `this` maps target → middle, `inner` maps middle → source; the result maps target → source.
   */
  compose(inner: OffsetMap): OffsetMap {
    const n = this.start.length;
    const start = new Int32Array(n);
    const end = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const [s, e] = inner.toSource(this.start[i]!, this.end[i]!);
      start[i] = s;
      end[i] = e;
    }
    return new OffsetMap(start, end, inner.sourceLength);
  }
}

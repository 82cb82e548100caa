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
  private startUnits: Int32Array | null;
  private endUnits: Int32Array | null;
  private identityMap = false;

  constructor(
    start: Int32Array,
    end: Int32Array,
    /** Length of the source text this map points into. */
    readonly sourceLength: number,
  ) {
    this.startUnits = start;
    this.endUnits = end;
  }

  /**
   * The map of a text to itself. Its arrays are only built if someone reads them: most
   * normalisation steps change nothing in most texts, and composition skips them.
   */
  static identity(length: number): OffsetMap {
    const map = new OffsetMap(EMPTY, EMPTY, length);
    map.startUnits = null;
    map.endUnits = null;
    map.identityMap = true;
    return map;
  }

  /** Made by `identity` (each unit maps to itself), whether or not its arrays were built since. */
  get isIdentity(): boolean {
    return this.identityMap;
  }

  /** For target unit i, where its source span starts. */
  get start(): Int32Array {
    if (this.startUnits === null) this.materialize();
    return this.startUnits!;
  }

  /** For target unit i, where its source span ends. */
  get end(): Int32Array {
    if (this.endUnits === null) this.materialize();
    return this.endUnits!;
  }

  private materialize(): void {
    const n = this.sourceLength;
    const start = new Int32Array(n);
    const end = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      start[i] = i;
      end[i] = i + 1;
    }
    this.startUnits = start;
    this.endUnits = end;
  }

  /** Number of target code units. */
  get length(): number {
    return this.startUnits === null ? this.sourceLength : this.startUnits.length;
  }

  /** Source span of the target span [a, b). An empty span maps to a point. */
  toSource(a: number, b: number): [number, number] {
    const n = this.length;
    if (n === 0) return [0, 0];
    if (a >= n) return [this.sourceLength, this.sourceLength];
    if (this.startUnits === null) {
      const s = Math.max(0, a);
      return b <= a ? [s, s] : [s, Math.max(s, Math.min(b, n))];
    }
    const s = this.startUnits[Math.max(0, a)]!;
    if (b <= a) return [s, s];
    const e = this.endUnits![Math.min(b, n) - 1]!;
    return [s, Math.max(s, e)];
  }

  /**
   * `this` maps target → middle, `inner` maps middle → source; the result maps target → source.
   */
  compose(inner: OffsetMap): OffsetMap {
    if (this.isIdentity) return inner;
    if (inner.isIdentity) return new OffsetMap(this.start, this.end, inner.sourceLength);
    const n = this.length;
    const start = new Int32Array(n);
    const end = new Int32Array(n);
    const from = this.startUnits!;
    const to = this.endUnits!;
    // inner.toSource, inlined: this loop runs once per unit per normalisation step.
    const innerStart = inner.start;
    const innerEnd = inner.end;
    const m = inner.length;
    const last = inner.sourceLength;
    for (let i = 0; i < n; i++) {
      const a = from[i]!;
      const b = to[i]!;
      let s: number;
      let e: number;
      if (m === 0) s = e = 0;
      else if (a >= m) s = e = last;
      else {
        s = innerStart[a < 0 ? 0 : a]!;
        e = b <= a ? s : Math.max(s, innerEnd[(b < m ? b : m) - 1]!);
      }
      start[i] = s;
      end[i] = e;
    }
    return new OffsetMap(start, end, inner.sourceLength);
  }
}

const EMPTY = new Int32Array(0);

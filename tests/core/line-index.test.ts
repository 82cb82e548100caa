import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LineIndex } from '../../src/core/line-index.js';

/** Line and column by walking the text unit by unit: CRLF, lone CR and LF each end a line. */
function reference(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\r' && text[i + 1] === '\n') {
      if (i + 1 >= offset) break; // an offset between CR and LF is still on the CR's line
      i++;
    }
    if (c === '\r' || c === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

describe('LineIndex', () => {
  it('counts LF-only lines', () => {
    const idx = new LineIndex('保证\n治愈\n\n第四行');
    expect(idx.position(0)).toEqual({ offset: 0, line: 1, column: 1 });
    expect(idx.position(3)).toEqual({ offset: 3, line: 2, column: 1 });
    expect(idx.position(6)).toEqual({ offset: 6, line: 3, column: 1 });
    expect(idx.position(8)).toEqual({ offset: 8, line: 4, column: 2 });
    expect(idx.lineText(4)).toEqual({ text: '治愈', start: 3 });
  });

  it('treats CRLF and lone CR as one line break each', () => {
    const idx = new LineIndex('一\r\n二\r三\n四');
    expect(idx.position(3).line).toBe(2);
    expect(idx.position(5).line).toBe(3);
    expect(idx.position(7)).toEqual({ offset: 7, line: 4, column: 1 });
  });

  it('clamps offsets to the text', () => {
    const idx = new LineIndex('ab\ncd');
    expect(idx.position(-4)).toEqual({ offset: 0, line: 1, column: 1 });
    expect(idx.position(99)).toEqual({ offset: 5, line: 2, column: 3 });
  });

  it('agrees with a unit-by-unit walk on any mix of breaks, LF-only texts included', () => {
    const unit = fc.constantFrom('a', '治', '\n', '\r', '\r\n', ' ');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 40 }).map((u) => u.join('')), fc.nat(), (text, n) => {
        const idx = new LineIndex(text);
        const offset = text.length === 0 ? 0 : n % (text.length + 1);
        const { line, column } = idx.position(offset);
        expect({ line, column }).toEqual(reference(text, offset));
      }),
      { numRuns: 500 },
    );
  });
});

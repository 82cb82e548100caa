import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hidingDeclaration, hidingReason } from '../../src/extract/html/hidden.js';

/** The straightforward reading hidingDeclaration must agree with: split, trim, last one wins. */
function reference(style: string): string | null {
  const decls = new Map<string, string>();
  for (const part of style.split(';')) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const prop = part.slice(0, colon).trim().toLowerCase();
    const value = part
      .slice(colon + 1)
      .replace(/!\s*important/iu, '')
      .trim()
      .toLowerCase();
    if (prop) decls.set(prop, value);
  }
  return hidingReason(decls);
}

describe('hidingDeclaration reads only the properties that can hide', () => {
  it.each([
    ['color:red; DISPLAY : None ', 'display:none'],
    ['display:none;display:block', null],
    ['display:block;;display:none !IMPORTANT', 'display:none'],
    ['a:b:c; visibility: collapse', 'visibility:collapse'],
    ['no colon here; font-size: 0em', 'font-size:0'],
    ['overflow:hidden;max-height:0', 'zero size'],
    ['position:fixed;top:-1200px', 'positioned off-screen'],
    [';;;', null],
    ['', null],
  ])('%j → %s', (style, reason) => {
    expect(hidingDeclaration(style)).toBe(reason);
  });

  it('agrees with splitting every declaration', () => {
    const piece = fc.constantFrom(
      'display', 'DISPLAY', 'visibility', 'font-size', 'opacity', 'color', 'overflow', 'width', 'max-height', 'text-indent',
      'position', 'left', 'top', 'margin', ':', ';', ' ', 'none', 'hidden', 'collapse', '0', '0px', '.0em', '-9999px', '-999',
      'absolute', 'transparent', '!important', '! IMPORTANT', 'red', '\n', 'x',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const style = pieces.join('');
        expect(hidingDeclaration(style)).toBe(reference(style));
      }),
      { numRuns: 3000 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hidingDeclaration } from '../../src/extract/html/hidden.js';

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
  const zero = (v: string | undefined) => v !== undefined && /^[+-]?0*\.?0+(?:px|pt|pc|em|rem|ex|ch|vw|vh|vmin|vmax|%|cm|mm|in|q)?$/u.test(v);
  const farOff = (v: string | undefined) => v !== undefined && /^-\d{3,}(?:\.\d+)?(?:px|pt|em|rem|%)?$/u.test(v) && parseFloat(v) <= -999;
  if (decls.get('display') === 'none') return 'display:none';
  const visibility = decls.get('visibility');
  if (visibility === 'hidden' || visibility === 'collapse') return `visibility:${visibility}`;
  if (zero(decls.get('font-size'))) return 'font-size:0';
  if (zero(decls.get('opacity'))) return 'opacity:0';
  if (decls.get('color') === 'transparent') return 'color:transparent';
  if (decls.get('overflow') === 'hidden' && ['width', 'height', 'max-width', 'max-height'].some((p) => zero(decls.get(p)))) return 'zero size';
  if (farOff(decls.get('text-indent'))) return 'text-indent off-screen';
  const position = decls.get('position');
  if ((position === 'absolute' || position === 'fixed') && (farOff(decls.get('left')) || farOff(decls.get('top')))) return 'positioned off-screen';
  return null;
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

import { describe, expect, it } from 'vitest';
import { binaryReasonForText } from '../../src/extract/binary.js';
import { decodingFailed } from '../../src/extract/decode-bytes.js';

describe('binaryReasonForText (a page without controls skips the count)', () => {
  it('passes text without controls, and a few stray ones', () => {
    expect(binaryReasonForText('保证治愈，无效退款。\t\n\f\r\x1b')).toBeNull();
    expect(binaryReasonForText(`保证\x07${'治愈'.repeat(20)}`)).toBeNull();
  });

  it('counts C0 and C1 controls, and NUL only within the sample', () => {
    expect(binaryReasonForText('a\x01b\x85c\x7f'.repeat(10))).toBe('binary content (50% control characters)');
    expect(binaryReasonForText('abc\0def')).toBe('binary content (NUL characters)');
    expect(binaryReasonForText(`${'a'.repeat(64 * 1024)}\0`)).toBeNull();
  });
});

describe('decodingFailed (replacement characters are counted only past two)', () => {
  it('needs more than two replacements and more than 2% of the non-ASCII text', () => {
    expect(decodingFailed('保证\ufffd治愈\ufffd')).toBe(false);
    expect(decodingFailed('保\ufffd证\ufffd治\ufffd愈')).toBe(true);
    expect(decodingFailed(`${'保证治愈'.repeat(100)}\ufffd\ufffd\ufffd`)).toBe(false);
  });
});

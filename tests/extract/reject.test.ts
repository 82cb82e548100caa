import { describe, expect, it } from 'vitest';
import { extract, ExtractError } from '../../src/extract/index.js';
import { fixtureDoc } from './helpers.js';

async function rejection(bytes: Uint8Array, uri = 'x.txt'): Promise<string> {
  try {
    await extract({ uri, bytes });
  } catch (err) {
    expect(err).toBeInstanceOf(ExtractError);
    return (err as Error).message;
  }
  throw new Error('expected an ExtractError');
}

describe('rejecting non-text input', () => {
  it('rejects a PNG by its signature', async () => {
    await expect(extract(fixtureDoc('binary.png'))).rejects.toThrow(new ExtractError('binary content (PNG image)'));
  });

  it('rejects a PDF by its signature even without NUL bytes', async () => {
    expect(await rejection(Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\n'))).toBe('binary content (PDF document)');
  });

  it('rejects text with NUL bytes', async () => {
    expect(await rejection(Buffer.from('保证治愈\0\0\0abc'))).toBe('binary content (NUL bytes)');
  });

  it('rejects data that is mostly control characters', async () => {
    const bytes = Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)));
    expect(await rejection(bytes)).toMatch(/^binary content \(\d+% control characters\)$/);
  });

  it('accepts a few stray control characters in real text', async () => {
    const r = await extract({ uri: 'x.txt', bytes: Buffer.from('保证治愈\x07，无效退款。这是一段正常的广告文字。') });
    expect(r.original).toContain('\x07');
  });

  it('rejects UTF-16 text that decodes to NULs', async () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x41, 0x00]);
    expect(await rejection(bytes)).toBe('binary content (NUL characters)');
  });

  it('rejects an empty file', async () => {
    await expect(extract(fixtureDoc('empty.txt'))).rejects.toThrow(new ExtractError('empty document'));
  });

  it('rejects whitespace only, including ideographic spaces and a lone BOM', async () => {
    expect(await rejection(Buffer.from(' \n\t\r\n\u3000 '))).toBe('empty document');
    expect(await rejection(Buffer.from([0xef, 0xbb, 0xbf]))).toBe('empty document');
    expect(await rejection(Buffer.from([0xff, 0xfe, 0x20, 0x00]))).toBe('empty document');
  });

  it('throws errors named ExtractError', async () => {
    const err = await extract(fixtureDoc('empty.txt')).catch((e: unknown) => e);
    expect((err as Error).name).toBe('ExtractError');
  });
});

import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/sources/index.js';
import { collect, summary } from './collect.js';

describe('readInputs: stdin', () => {
  it('reads "-" from the injected stream as <stdin>', async () => {
    const stdin = Readable.from([Buffer.from('保证'), Buffer.from('治愈')]);
    const items = await collect(readInputs(['-'], {}, { stdin }));
    expect(summary(items)).toEqual([['<stdin>', '保证治愈']]);
  });

  it('keeps bytes exactly (no decoding at this stage)', async () => {
    const stdin = Readable.from([Buffer.from([0xb1, 0xa3, 0xd6, 0xa4])]);
    const [doc] = await collect(readInputs(['-'], {}, { stdin }));
    expect('bytes' in doc! && Array.from(doc.bytes)).toEqual([0xb1, 0xa3, 0xd6, 0xa4]);
  });

  it('refuses stdin past maxBytes and continues with the next input', async () => {
    const stdin = Readable.from((function* () {
      for (let i = 0; i < 100; i++) yield Buffer.alloc(100, 0x61);
    })());
    const items = await collect(readInputs(['-', '/definitely/not/here.txt'], { maxBytes: 250 }, { stdin }));
    expect(summary(items)).toEqual([
      ['<stdin>', 'ERROR too large (at least 300 bytes > 250 byte limit)'],
      ['/definitely/not/here.txt', 'ERROR no such file or directory'],
    ]);
  });

  it('turns a failing stream into a failure', async () => {
    const stdin = new Readable({
      read() {
        this.destroy(new Error('stream broke'));
      },
    });
    const items = await collect(readInputs(['-'], {}, { stdin }));
    expect(summary(items)).toEqual([['<stdin>', 'ERROR stream broke']]);
  });
});

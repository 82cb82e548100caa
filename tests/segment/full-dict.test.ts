import { describe, expect, it } from 'vitest';
import { getSegmenter } from '../../src/segment/index.js';

// Loads nodejieba's full dictionaries (~2.5 s and ~250 MB here), in its own test file so the
// other segment tests keep the compact one loaded.
describe('full dictionary', () => {
  it('loads on first use and segments with the larger vocabulary', () => {
    const full = getSegmenter({ dict: 'full' });
    expect(full.loaded).toBe(false);
    const tokens = full.tokens('患者王女士说');
    expect(full.loaded).toBe(true);
    expect(full.loadMs).toBeGreaterThan(0);
    expect(tokens.map((t) => [t.word, t.tag])).toEqual([
      ['患者', 'n'],
      ['王女士', 'nr'],
      ['说', 'v'],
    ]);
  }, 60_000);

  it('switching kinds reloads the other dictionary and keeps user words', () => {
    const full = getSegmenter({ dict: 'full' });
    const compact = getSegmenter({ dict: 'compact' });
    full.addWords(['纳米靶向修复']);
    expect(full.tokens('采用纳米靶向修复技术').map((t) => t.word)).toContain('纳米靶向修复');

    const words = compact.tokens('患者王女士说').map((t) => t.word);
    expect(compact.loaded).toBe(true);
    expect(full.loaded).toBe(false);
    expect(words).not.toContain('王女士'); // the compact dictionary lacks it (frequency 3)
    expect(compact.tokens('采用纳米靶向修复技术').map((t) => t.word)).toContain('纳米靶向修复');

    expect(full.tokens('患者王女士说').map((t) => t.word)).toContain('王女士');
  }, 60_000);
});

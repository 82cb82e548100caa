import { MASK_PLACEHOLDER } from '../core/mask-placeholder.js';
import { text as readStream } from 'node:stream/consumers';
import { normalizeSteps } from '../normalize/index.js';
import { CliError, EXIT_OK } from './exit-codes.js';
import type { CliIo } from './io.js';
import { loadScanner } from './load-scanner.js';

export interface SegmentFlags {
  fullDict?: boolean;
  json?: boolean;
  rules?: string[];
  builtinRules: boolean;
}

/**
 * `adscan segment TEXT`: every normalisation stage and the jieba tokens of the result, so a
 * user can see why something matched (or did not). Rule terms are in the user dictionary,
 * exactly as during a scan.
 */
export async function runSegment(input: string | undefined, flags: SegmentFlags, io: CliIo): Promise<number> {
  const text = input === undefined || input === '-' ? (await readStream(io.stdin)).replace(/\r?\n$/, '') : input;
  if (text.trim() === '') throw new CliError('segment: empty text');
  const { tokenize } = await loadScanner({ rules: flags.rules, builtinRules: flags.builtinRules, fullDict: flags.fullDict });
  const steps = normalizeSteps(text);
  const normalized = steps.length ? steps[steps.length - 1]!.text : text;
  const tokens = tokenize(normalized).filter((t) => t.word.trim() !== '');

  if (flags.json) {
    io.stdout.write(
      JSON.stringify({ original: text, steps: steps.map((s) => ({ name: s.name, text: s.text })), normalized, tokens }, null, 2) + '\n',
    );
    return EXIT_OK;
  }
  const label = (s: string) => s.padEnd(11);
  // The wildcard for an unfillable mask is a private-use character most fonts draw as nothing.
  const shown = (s: string) => s.replaceAll(MASK_PLACEHOLDER, '⟨?⟩');
  io.stdout.write(`${label('original')}${text}\n`);
  let previous = text;
  for (const s of steps) {
    io.stdout.write(`${label(s.name)}${s.text === previous ? '(unchanged)' : shown(s.text)}\n`);
    previous = s.text;
  }
  io.stdout.write(`${label('normalized')}${shown(normalized)}\n`);
  io.stdout.write(`${label('tokens')}${tokens.map((t) => `${shown(t.word)}/${t.tag}`).join(' ')}\n`);
  return EXIT_OK;
}

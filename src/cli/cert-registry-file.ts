import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { parse as Parse } from 'csv-parse/sync';

/** csv-parse, loaded only when a registry is given. */
const parse: typeof Parse = (...args: Parameters<typeof Parse>) => (createRequire(import.meta.url)('csv-parse/sync') as { parse: typeof Parse }).parse(...args);
import { buildRegistry, type CertRegistry, type RegistryEntry } from '../engine/numbers/registry.js';
import { describeFsError } from '../sources/messages.js';
import { CliError } from './exit-codes.js';

const COLUMNS = ['number', 'holder', 'valid_from', 'valid_to'] as const;

/** Dates in registry exports: 2025-03-15, 2025/3/15, 2025.03.15 or 2025年3月15日. */
function parseDate(value: string): Date | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/u.exec(value.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date : null;
}

/**
 * Reads `--cert-registry FILE.csv` (header: number, holder, valid_from, valid_to; UTF-8, BOM
 * allowed). Any malformed row stops the run: a registry that silently lost rows would turn
 * real numbers into "fakes".
 */
export async function readCertRegistry(path: string): Promise<CertRegistry> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new CliError(`--cert-registry: cannot read ${path}: ${describeFsError(err)}`);
  }
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(text, { bom: true, columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true, info: true });
  } catch (err) {
    throw new CliError(`--cert-registry: ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const header = rows[0] ? Object.keys(rows[0].record) : [];
  const missing = COLUMNS.filter((c) => rows.length > 0 && !header.includes(c));
  if (missing.length) throw new CliError(`--cert-registry: ${path}:1: missing column(s) ${missing.join(', ')} (expected: ${COLUMNS.join(', ')})`);
  const entries: RegistryEntry[] = rows.map(({ record, info }) => {
    const where = `${path}:${info.lines}`;
    const validFrom = parseDate(record.valid_from ?? '');
    const validTo = parseDate(record.valid_to ?? '');
    if (!record.number) throw new CliError(`--cert-registry: ${where}: empty number`);
    if (!validFrom) throw new CliError(`--cert-registry: ${where}: valid_from "${record.valid_from}" is not a date (YYYY-MM-DD)`);
    if (!validTo) throw new CliError(`--cert-registry: ${where}: valid_to "${record.valid_to}" is not a date (YYYY-MM-DD)`);
    if (validTo < validFrom) throw new CliError(`--cert-registry: ${where}: valid_to is before valid_from`);
    return { number: record.number, holder: record.holder ?? '', validFrom, validTo, source: where };
  });
  return buildRegistry(entries);
}

import { AD_TYPES, SEVERITIES, type AdType, type DocumentResult, type ScanResult, type Severity } from '../core/types.js';
import { formatReport, isFormatName, summarize } from '../report/index.js';
import { DEFAULT_SOURCE_OPTIONS, isFailure, readInputs, type SourceOptions } from '../sources/index.js';
import { describeFsError } from '../sources/messages.js';
import { packageVersion } from '../sources/package-version.js';
import { writeFileAtomic } from './atomic-write.js';
import { scanSource, sourceFailure } from './document-pipeline.js';
import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { wantsColor, type CliIo } from './io.js';
import { loadScanner } from './load-scanner.js';
import { readCertRegistry } from './cert-registry-file.js';

export interface ScanFlags {
  format: string;
  output?: string;
  adType?: string;
  failOn: string;
  rules?: string[];
  builtinRules: boolean;
  ext?: string;
  timeout?: string;
  maxBytes?: string;
  maxRedirects?: string;
  color?: boolean;
  fullDict?: boolean;
  asOf?: string;
  certRegistry?: string;
}

export type FailOn = Severity | 'never';

export function parseAdTypes(value: string | undefined): AdType[] | undefined {
  if (!value) return undefined;
  const types = value.split(',').map((t) => t.trim().replace(/_/g, '-')).filter(Boolean);
  for (const t of types) {
    if (!AD_TYPES.includes(t as AdType)) throw new CliError(`--ad-type: unknown ad type "${t}" (known: ${AD_TYPES.join(', ')})`);
  }
  return types as AdType[];
}

/** `--as-of YYYY-MM-DD`: the date numbers must be valid on (default: today). */
export function parseAsOf(value: string | undefined, now = new Date()): Date {
  if (value === undefined) return now;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!d || d.getUTCMonth() !== Number(m![2]) - 1 || d.getUTCDate() !== Number(m![3])) {
    throw new CliError(`--as-of: expected a date as YYYY-MM-DD, got "${value}"`);
  }
  return d;
}

export function parseFailOn(value: string): FailOn {
  if (value === 'never' || SEVERITIES.includes(value as Severity)) return value as FailOn;
  throw new CliError(`--fail-on: expected error, warning, info or never, got "${value}"`);
}

function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new CliError(`${flag}: expected a whole number, got "${value}"`);
  return n;
}

function sourceOptions(flags: ScanFlags): Partial<SourceOptions> {
  const o: Partial<SourceOptions> = {};
  if (flags.ext) {
    o.extensions = flags.ext.split(',').map((e) => e.trim()).filter(Boolean).map((e) => (e.startsWith('.') ? e : `.${e}`).toLowerCase());
  }
  const timeout = positiveInt(flags.timeout, '--timeout');
  if (timeout !== undefined) o.timeoutMs = timeout;
  const maxBytes = positiveInt(flags.maxBytes, '--max-bytes');
  if (maxBytes !== undefined) o.maxBytes = maxBytes;
  const redirects = positiveInt(flags.maxRedirects, '--max-redirects');
  if (redirects !== undefined) o.maxRedirects = redirects;
  return { ...DEFAULT_SOURCE_OPTIONS, ...o };
}

/** Whether any finding is at or above the threshold. */
export function failsOn(documents: DocumentResult[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const rank = (s: Severity) => SEVERITIES.length - SEVERITIES.indexOf(s);
  return documents.some((d) => d.findings.some((f) => rank(f.severity) >= rank(failOn)));
}

export async function runScan(inputs: string[], flags: ScanFlags, io: CliIo): Promise<number> {
  if (!isFormatName(flags.format)) throw new CliError(`--format: unknown format "${flags.format}" (known: pretty, json)`);
  const failOn = parseFailOn(flags.failOn);
  const adTypes = parseAdTypes(flags.adType);
  const today = parseAsOf(flags.asOf);
  const registry = flags.certRegistry ? await readCertRegistry(flags.certRegistry) : undefined;
  const sources = sourceOptions(flags);
  if (inputs.length === 0) throw new CliError('nothing to scan: give files, directories, URLs or - for stdin');

  const { scanner, tokenize } = await loadScanner({ rules: flags.rules, builtinRules: flags.builtinRules, fullDict: flags.fullDict });
  const documents: DocumentResult[] = [];
  for await (const item of readInputs(inputs, sources, { stdin: io.stdin })) {
    documents.push(isFailure(item) ? sourceFailure(item) : await scanSource(item, scanner, { tokenize, adTypes, today, asOfKnown: flags.asOf !== undefined, registry }));
  }

  const result: ScanResult = { tool: { name: 'adscan', version: packageVersion() }, summary: summarize(documents), documents };
  const target = flags.output ? { isTTY: false } : io.stdout;
  const text = formatReport(flags.format, result, { color: wantsColor(target, io.env, flags.color), cwd: io.cwd });
  if (flags.output) {
    try {
      await writeFileAtomic(flags.output, text);
    } catch (err) {
      // A path the user chose, not a bug in adscan: a plain message, no stack trace.
      throw new CliError(`--output: cannot write ${flags.output}: ${describeFsError(err)}`);
    }
  } else io.stdout.write(text);

  if (documents.length > 0 && documents.every((d) => d.error !== null)) {
    io.stderr.write('adscan: no input could be read\n');
    return EXIT_USAGE;
  }
  return failsOn(documents, failOn) ? EXIT_FINDINGS : EXIT_OK;
}

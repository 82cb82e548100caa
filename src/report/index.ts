import type { ScanResult } from '../core/types.js';
import { formatJson } from './json.js';
import { formatPretty, type PrettyOptions } from './pretty.js';

export { summarize } from './summary.js';
export { formatJson } from './json.js';
export { formatPretty, type PrettyOptions } from './pretty.js';

/** What every formatter may be told; each reads only what it needs. */
export type ReportOptions = PrettyOptions;

export type Formatter = (result: ScanResult, options: ReportOptions) => string;

export type FormatName = 'pretty' | 'json';

/** The built-in formatters, by the name the CLI's --format takes. */
export const formatters: Record<FormatName, Formatter> = {
  pretty: formatPretty,
  json: (result) => formatJson(result),
};

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(formatters, name);
}

/** Formats `result` with the named formatter; an unknown name is an error that lists the known ones. */
export function formatReport(name: string, result: ScanResult, options: ReportOptions): string {
  if (!isFormatName(name)) {
    throw new Error(`unknown report format "${name}"; known formats: ${Object.keys(formatters).sort().join(', ')}`);
  }
  return formatters[name](result, options);
}

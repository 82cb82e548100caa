import type { ScanResult } from '../core/types.js';
import { formatCsv, type CsvOptions } from './csv.js';
import { formatHtml, type HtmlOptions } from './html.js';
import { formatJson } from './json.js';
import { formatJsonl } from './jsonl.js';
import { formatJunit, type JunitOptions } from './junit.js';
import { formatMarkdown, type MarkdownOptions } from './markdown.js';
import { formatPretty, type PrettyOptions } from './pretty.js';
import { formatSarif, type SarifOptions } from './sarif.js';

export { summarize, SummaryCounter } from './summary.js';
export { jsonChunks, jsonChunksOfTexts, jsonDocumentText } from './json-chunks.js';
export { formatJson } from './json.js';
export { formatPretty, type PrettyOptions } from './pretty.js';
export { formatSarif, sarifLog, defaultFingerprint, FINGERPRINT_KEY, type SarifOptions, type SarifLog } from './sarif.js';
export { formatJunit, type JunitOptions } from './junit.js';
export { formatCsv, CSV_COLUMNS, type CsvOptions } from './csv.js';
export {
  formatJsonl,
  formatJsonlDocument,
  formatJsonlSummary,
  isJsonlSummaryLine,
  type JsonlSummaryLine,
} from './jsonl.js';
export { formatMarkdown, type MarkdownOptions } from './markdown.js';
export { formatHtml, type HtmlOptions } from './html.js';
export { reportRules } from './rule-metadata.js';
export type { FailOn, FingerprintFn, ReportRule } from './report-options.js';

/**
 * What every formatter may be told; each reads only what it needs, and all but `color` are
 * optional, so `{ color }` alone gives a valid report in every format.
 *
 * | format     | reads                                                                        |
 * | ---------- | ---------------------------------------------------------------------------- |
 * | `pretty`   | `color`, `cwd`                                                               |
 * | `json`     | nothing                                                                      |
 * | `jsonl`    | nothing (one line per document, then a `{"summary", "tool"}` line)           |
 * | `sarif`    | `rules` (every rule that ran: pass `reportRules(ruleSet.rules)`; without it, |
 * |            | only rules with findings are listed, described from them), `fingerprint`,    |
 * |            | `cwd` (absolute paths under it become repository-relative), `startTime`,     |
 * |            | `endTime`. The tool version is `result.tool.version` (the CLI sets it from   |
 * |            | packageVersion()).                                                           |
 * | `junit`    | `failOn` (default `error`, as `--fail-on`), `startTime`, `endTime`           |
 * | `csv`      | `escapeFormulas`                                                             |
 * | `markdown` | `maxFindings` (default 50), `maxDocuments` (default 50), `cwd`               |
 * | `html`     | `cwd`, `startTime`, `title`                                                  |
 *
 * Formatters are pure: times come from `startTime`/`endTime` and are left out without them.
 */
export type ReportOptions = PrettyOptions & SarifOptions & JunitOptions & CsvOptions & MarkdownOptions & HtmlOptions;

export type Formatter = (result: ScanResult, options: ReportOptions) => string;

export type FormatName = 'pretty' | 'json' | 'jsonl' | 'sarif' | 'junit' | 'csv' | 'markdown' | 'html';

/** The built-in formatters, by the name the CLI's --format takes. */
export const formatters: Record<FormatName, Formatter> = {
  pretty: formatPretty,
  json: (result) => formatJson(result),
  jsonl: (result) => formatJsonl(result),
  sarif: formatSarif,
  junit: formatJunit,
  csv: formatCsv,
  markdown: formatMarkdown,
  html: formatHtml,
};

/** The names --format accepts, sorted, for help and error messages. */
export const FORMAT_NAMES: readonly FormatName[] = (Object.keys(formatters) as FormatName[]).sort();

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(formatters, name);
}

/** Formats `result` with the named formatter; an unknown name is an error that lists the known ones. */
export function formatReport(name: string, result: ScanResult, options: ReportOptions): string {
  if (!isFormatName(name)) {
    throw new Error(`unknown report format "${name}"; known formats: ${FORMAT_NAMES.join(', ')}`);
  }
  return formatters[name](result, options);
}

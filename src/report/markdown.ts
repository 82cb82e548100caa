import type { DocumentResult, Finding, ScanResult, Severity } from '../core/types.js';
import { markdownText } from './markdown-escape.js';
import { severityOrder } from './severity-rank.js';
import { displayUri } from './uri.js';

export interface MarkdownOptions {
  /** Findings listed at most (default 50), errors first; a note says how many were left out. */
  maxFindings?: number;
  /** Documents listed at most in the documents table (default 50). */
  maxDocuments?: number;
  /** Absolute file paths under this directory are shown relative to it. */
  cwd?: string;
}

export const DEFAULT_MAX_FINDINGS = 50;
export const DEFAULT_MAX_DOCUMENTS = 50;

/**
 * A compact summary for a pull/merge-request comment (GitHub-flavoured Markdown): a
 * headline with counts by severity, a table of the documents with findings or read errors,
 * then up to `maxFindings` findings, errors first. Every piece of scanned or rule text is
 * escaped (markdownText), so ad copy cannot break the tables or inject markup or mentions.
 */
export function formatMarkdown(result: ScanResult, options: MarkdownOptions = {}): string {
  const maxFindings = limit(options.maxFindings, DEFAULT_MAX_FINDINGS);
  const maxDocuments = limit(options.maxDocuments, DEFAULT_MAX_DOCUMENTS);
  const { summary } = result;
  const { error, warning, info } = summary.bySeverity;
  const uri = (doc: DocumentResult): string => markdownText(displayUri(doc.uri, options.cwd));
  const withFindings = result.documents.filter((d) => d.findings.length > 0).length;

  const out: string[] = [];
  if (summary.findings > 0) {
    out.push(
      `### adscan: ${count(summary.findings, 'finding')} (${count(error, 'error')}, ${count(warning, 'warning')}, ${info} info)` +
        ` in ${withFindings} of ${count(summary.documents, 'document')}`,
    );
  } else {
    out.push(`### adscan: no findings in ${count(summary.documents - summary.failed, 'document')}`);
  }
  const notes: string[] = [];
  if (summary.failed > 0) notes.push(`${count(summary.failed, 'document')} could not be read`);
  if (summary.suppressed > 0) notes.push(`${count(summary.suppressed, 'finding')} suppressed`);
  if (notes.length > 0) out.push('', notes.join(' · '));

  const listed = result.documents.filter((d) => d.findings.length > 0 || d.error != null);
  if (listed.length > 0) {
    out.push('', '| Document | Ad types | Errors | Warnings | Info | Read error |', '| --- | --- | ---: | ---: | ---: | --- |');
    for (const doc of listed.slice(0, maxDocuments)) {
      const n = (s: Severity): number => doc.findings.filter((f) => f.severity === s).length;
      const cells = [
        uri(doc),
        markdownText((doc.adTypes ?? []).join(', ')),
        String(n('error')),
        String(n('warning')),
        String(n('info')),
        doc.error != null ? markdownText(doc.error) : '',
      ];
      out.push(row(cells));
    }
    const clean = result.documents.length - listed.length;
    const rest: string[] = [];
    if (listed.length > maxDocuments) rest.push(`${count(listed.length - maxDocuments, 'more document')} with findings or errors`);
    if (clean > 0) rest.push(`${count(clean, 'document')} without findings`);
    if (rest.length > 0) out.push('', `_Not listed: ${rest.join('; ')}._`);
  }

  const all = result.documents.flatMap((doc) => doc.findings.map((finding) => ({ doc, finding })));
  // Array.prototype.sort is stable: within a severity, findings keep document order.
  all.sort((a, b) => severityOrder(a.finding.severity, b.finding.severity));
  const shown = all.slice(0, maxFindings);
  if (shown.length > 0) {
    out.push('', '| Location | Severity | Category | Match | Message |', '| --- | --- | --- | --- | --- |');
    for (const { doc, finding } of shown) out.push(row(findingCells(uri(doc), finding)));
  }
  if (all.length > shown.length) {
    out.push('', `_Showing ${shown.length} of ${count(all.length, 'finding')}, errors first; see the full report for the rest._`);
  }
  return `${out.join('\n')}\n`;
}

function findingCells(uri: string, f: Finding): string[] {
  const located = f.match.length > 0;
  return [
    located ? `${uri}:${f.start.line}:${f.start.column}` : uri,
    f.severity,
    markdownText(f.category),
    located ? markdownText(f.match) : '—',
    markdownText(f.message) + (f.occurrences && f.occurrences > 1 ? ` ×${f.occurrences}` : ''),
  ];
}

/** A table row; an empty cell gets a space so every column keeps its place. */
function row(cells: string[]): string {
  return `| ${cells.map((c) => (c.length > 0 ? c : ' ')).join(' | ')} |`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function limit(value: number | undefined, fallback: number): number {
  return value !== undefined && Number.isInteger(value) && value >= 0 ? value : fallback;
}

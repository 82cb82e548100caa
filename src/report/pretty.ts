import { isAbsolute, relative, sep } from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import { SEVERITIES } from '../core/types.js';
import type { DocumentResult, Finding, ScanResult, ScanSummary, Severity } from '../core/types.js';
import { snippetSpan } from './snippet-span.js';
import { printable } from './printable.js';

export interface PrettyOptions {
  color: boolean;
  /** Absolute file URIs under this directory are shown relative to it. */
  cwd?: string;
}

const SEVERITY_WIDTH = Math.max(...SEVERITIES.map((s) => s.length));

/**
 * Human output for a terminal. Each finding starts with `uri:line:col` so editors and
 * terminals can jump to it; the document header carries what the finding lines do not
 * (ad types, context, read errors). Without colour the match is still marked with [ ],
 * and the coloured text is exactly the colourless text plus escape codes.
 */
export function formatPretty(result: ScanResult, options: PrettyOptions): string {
  // A private instance: the global chalk reads the environment, this formatter must not.
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const blocks = result.documents
    .filter((doc) => doc.findings.length > 0 || doc.error != null || doc.hiddenText !== undefined)
    .map((doc) => documentBlock(doc, c, options.cwd));
  const withFindings = result.documents.filter((doc) => doc.findings.length > 0).length;
  blocks.push([summaryLine(result.summary, withFindings, c)]);
  return `${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

function documentBlock(doc: DocumentResult, c: ChalkInstance, cwd: string | undefined): string[] {
  const uri = printable(displayUri(doc.uri, cwd));
  const about = [doc.adTypes.join(', '), doc.context].filter((part) => part.length > 0).join(' · ');
  const lines = [about ? `${c.underline(uri)}  ${c.dim(printable(about))}` : c.underline(uri)];
  if (doc.error != null) lines.push(`  ${c.red('error')}  ${printable(doc.error)}`);
  if (doc.hiddenText) {
    const h = doc.hiddenText;
    const inWords = h.insideWords ? `, ${h.insideWords} inside words` : '';
    lines.push(`  ${c.yellow('note')}   ${h.elements} hidden HTML element(s) with text${inWords} (${printable(h.reasons.join(', '))}), first at ${uri}:${h.first.line}:${h.first.column}`);
  }

  const locations = doc.findings.map((f) => `${uri}:${f.start.line}:${f.start.column}`);
  // Every location in a block starts with the same uri, so code-unit length aligns them.
  const locationWidth = Math.max(0, ...locations.map((l) => l.length));
  const categoryWidth = Math.max(0, ...doc.findings.map((f) => f.category.length));
  doc.findings.forEach((finding, i) => {
    const pad = ' '.repeat(Math.max(0, SEVERITY_WIDTH - finding.severity.length));
    const severity = paint(c, finding.severity)(finding.severity) + pad;
    const rule = finding.reason ? `${finding.ruleId} · ${finding.reason}` : finding.ruleId;
    const columns = [
      locations[i]!.padEnd(locationWidth),
      severity,
      printable(finding.category).padEnd(categoryWidth),
      printable(finding.message) + (finding.occurrences ? c.dim(` ×${finding.occurrences}`) : ''),
      c.dim(`(${printable(rule)})`),
    ];
    lines.push(`  ${columns.join('  ')}`);
    lines.push(...details(finding, c));
  });
  return lines;
}

/** The snippet with its match marked, then the legal basis and the suggestion. */
function details(finding: Finding, c: ChalkInstance): string[] {
  const lines: string[] = [];
  const snippet = printable(finding.snippet);
  if (snippet.trim().length > 0) {
    const span = snippetSpan({ ...finding, snippet });
    // Brackets in both modes: they survive copy-paste and NO_COLOR, and CJK needs no width maths.
    const marked = span
      ? `${snippet.slice(0, span[0])}${c.dim('[')}${c.bold.inverse(snippet.slice(...span))}${c.dim(']')}${snippet.slice(span[1])}`
      : snippet;
    lines.push(`    ${marked}`);
  }
  if (finding.law.length > 0) lines.push(`    ${c.dim(`法律依据: ${printable(finding.law.join('；'))}`)}`);
  if (finding.suggestion.length > 0) lines.push(`    ${c.dim(`建议: ${printable(finding.suggestion)}`)}`);
  return lines;
}

function summaryLine(summary: ScanSummary, withFindings: number, c: ChalkInstance): string {
  const { error, warning, info } = summary.bySeverity;
  let head: string;
  if (summary.findings > 0) {
    head = c.red.bold(
      `✖ ${count(summary.findings, 'problem')} (${count(error, 'error')}, ${count(warning, 'warning')}, ${info} info)` +
        ` in ${withFindings} of ${count(summary.documents, 'document')}`,
    );
  } else if (summary.failed > 0) {
    head = c.red.bold(`✖ no problems found in ${count(summary.documents - summary.failed, 'document')}`);
  } else {
    head = c.green.bold(`✔ no problems found in ${count(summary.documents, 'document')}`);
  }
  const tail: string[] = [];
  if (summary.failed > 0) tail.push(c.red(`${summary.failed} failed`));
  if (summary.suppressed > 0) tail.push(c.dim(`${summary.suppressed} suppressed`));
  return [head, ...tail].join(' · ');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function paint(c: ChalkInstance, severity: Severity): ChalkInstance {
  return severity === 'error' ? c.red : severity === 'warning' ? c.yellow : c.blue;
}

/** Absolute paths under `cwd` are shortened to relative ones; URLs and relative paths stay. */
function displayUri(uri: string, cwd: string | undefined): string {
  if (!cwd || !isAbsolute(uri)) return uri;
  const rel = relative(cwd, uri);
  const outside = rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  return rel.length > 0 && !outside ? rel : uri;
}

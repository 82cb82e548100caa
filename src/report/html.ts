import { createHash } from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';
import { AD_TYPES, SEVERITIES } from '../core/types.js';
import type { DocumentResult, Evidence, Finding, ScanResult, Severity, SuppressedFinding } from '../core/types.js';
import { barChart, type Bar } from './html/chart.js';
import { escapeHtml as esc, jsonForScript } from './html/escape.js';
import { SCRIPT } from './html/script.js';
import { STYLES } from './html/styles.js';
import { printable } from './printable.js';
import { snippetSpan } from './snippet-span.js';

export interface HtmlOptions {
  /** Absolute file URIs under this directory are shown relative to it. */
  cwd?: string;
  /**
   * When the scan started (the option SARIF and JUnit read too), shown in the header as an
   * ISO string. The formatter never reads the clock, so the same result gives the same page.
   */
  startTime?: Date;
  /** The page title (default "adscan report"). */
  title?: string;
}

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };

// Hashes for the page's Content-Security-Policy: only this stylesheet and this script may
// run, nothing may be fetched. An element that slipped through escaping still could not
// execute or load anything.
const STYLE_HASH = sha256(STYLES);
const SCRIPT_HASH = sha256(SCRIPT);
const CSP = [
  "default-src 'none'",
  `style-src '${STYLE_HASH}'`,
  `script-src '${SCRIPT_HASH}'`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function sha256(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/**
 * The HTML report: one self-contained UTF-8 page (inline CSS, inline script, inline SVG; it
 * loads nothing) with the summary counts and charts, a filterable and sortable table of the
 * documents, each finding in its context with the match highlighted, suppressed findings
 * folded away with their reasons, and per-document read errors.
 *
 * Pure: no I/O and no clock. Every string taken from the result is escaped; the table data
 * for the script is JSON inside <script type="application/json"> with `<`, `>` and `&`
 * written as \u escapes.
 */
export function formatHtml(result: ScanResult, options: HtmlOptions = {}): string {
  const title = options.title ?? 'adscan report';
  const docs = result.documents.map((doc) => normalise(doc));
  const uris = docs.map((doc) => displayUri(doc.uri, options.cwd));
  const startTime = options.startTime && !Number.isNaN(options.startTime.getTime()) ? options.startTime.toISOString() : '';

  const meta = [`${result.tool?.name ?? 'adscan'} ${result.tool?.version ?? ''}`.trim()];
  if (startTime) meta.push(`scanned ${startTime}`);
  meta.push(count(result.summary.documents, 'document'));

  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    `<meta name="generator" content="${esc(meta[0]!)}">`,
    `<title>${esc(title)}</title>`,
    `<style>${STYLES}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${esc(title)}</h1>`,
    `<p class="meta">${esc(meta.join(' · '))}</p>`,
    '</header>',
    '<main>',
    summarySection(result, docs),
    documentsSection(result, docs, uris),
    '</main>',
    `<script type="application/json" id="adscan-data">${jsonForScript(tableData(docs, uris))}</script>`,
    `<script>${SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** A document with the arrays the contract promises, even when a producer left them out. */
function normalise(doc: DocumentResult): DocumentResult {
  return {
    ...doc,
    adTypes: doc.adTypes ?? [],
    evidence: doc.evidence ?? [],
    findings: doc.findings ?? [],
    suppressed: doc.suppressed ?? [],
    error: doc.error ?? null,
  };
}

// ── summary ─────────────────────────────────────────────────────────────────────────────

function summarySection(result: ScanResult, docs: DocumentResult[]): string {
  const s = result.summary;
  const bySeverity = (severity: Severity): number => s.bySeverity?.[severity] ?? 0;
  const withFindings = docs.filter((doc) => doc.findings.length > 0).length;
  const card = (id: string, label: string, value: number, cls = ''): string =>
    `<div class="card${cls ? ` ${cls}` : ''}" id="count-${id}"><dt>${esc(label)}</dt><dd>${value}</dd></div>`;

  const cards = [
    card('documents', 'Documents', s.documents),
    card('with-findings', 'With findings', withFindings),
    card('findings', 'Findings', s.findings),
    ...SEVERITIES.map((sev) => card(sev, SEVERITY_LABEL[sev], bySeverity(sev), `sev-${sev}`)),
    card('suppressed', 'Suppressed', s.suppressed),
    card('failed', 'Read errors', s.failed),
  ];

  const severityBars: Bar[] = SEVERITIES.map((sev) => ({ label: sev, value: bySeverity(sev), kind: sev }));
  const categoryBars: Bar[] = categoryCounts(result).map(([category, n]) => ({ label: category, value: n }));
  const adTypeBars: Bar[] = adTypeCounts(docs).map(({ adType, documents, findings }) => ({
    label: adType,
    value: findings,
    note: `${findings} in ${count(documents, 'doc')}`,
  }));

  return [
    '<section id="summary" aria-labelledby="summary-heading">',
    '<h2 id="summary-heading">Summary</h2>',
    `<dl class="cards">${cards.join('')}</dl>`,
    '<div class="charts">',
    figure('chart-severity', 'Findings by severity', severityBars),
    figure('chart-category', 'Findings by category', categoryBars),
    figure('chart-adtype', 'Findings by ad type', adTypeBars),
    '</div>',
    '</section>',
  ].join('\n');
}

function figure(id: string, caption: string, bars: Bar[]): string {
  return `<figure><figcaption>${esc(caption)}</figcaption>${barChart(id, caption, bars)}</figure>`;
}

/** Categories by descending count, then by id; from the summary, as the JSON report has them. */
function categoryCounts(result: ScanResult): Array<[string, number]> {
  return Object.entries(result.summary.byCategory ?? {})
    .filter(([, n]) => typeof n === 'number' && n > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
}

interface AdTypeCount {
  adType: string;
  documents: number;
  findings: number;
}

/**
 * Documents and findings per ad type: a document of two types counts for both. Documents
 * that were read but not classified count as "unclassified"; unreadable ones not at all.
 */
function adTypeCounts(docs: DocumentResult[]): AdTypeCount[] {
  const counts = new Map<string, AdTypeCount>();
  for (const doc of docs) {
    if (doc.error != null) continue;
    const types = doc.adTypes.length > 0 ? [...new Set<string>(doc.adTypes)] : ['unclassified'];
    for (const adType of types) {
      const entry = counts.get(adType) ?? { adType, documents: 0, findings: 0 };
      entry.documents++;
      entry.findings += doc.findings.length;
      counts.set(adType, entry);
    }
  }
  const rank = (t: string): number => {
    const i = (AD_TYPES as readonly string[]).indexOf(t);
    return i >= 0 ? i : t === 'unclassified' ? AD_TYPES.length + 1 : AD_TYPES.length;
  };
  return [...counts.values()].sort(
    (a, b) => rank(a.adType) - rank(b.adType) || (a.adType < b.adType ? -1 : a.adType > b.adType ? 1 : 0),
  );
}

// ── documents ───────────────────────────────────────────────────────────────────────────

const COLUMNS = 8;

function documentsSection(result: ScanResult, docs: DocumentResult[], uris: string[]): string {
  const categories = categoryCounts(result);
  const sortable = (key: string, label: string, numeric = true): string =>
    `<th scope="col" data-sort="${key}" aria-sort="none"${numeric ? ' class="num"' : ''}><button type="button" class="sort">${esc(label)}</button></th>`;
  const toolbar = [
    '<div class="toolbar" id="toolbar" role="search" hidden>',
    '<label>Search<input type="search" id="filter-text" placeholder="URI, rule, message, match…" autocomplete="off"></label>',
    '<label>Severity<select id="filter-severity"><option value="">any</option>',
    ...SEVERITIES.map((sev) => `<option value="${sev}">${sev}</option>`),
    '</select></label>',
    '<label>Category<select id="filter-category"><option value="">any</option>',
    ...categories.map(([category, n]) => `<option value="${esc(category)}">${esc(category)} (${n})</option>`),
    '</select></label>',
    '<label>Documents<select id="filter-status">',
    '<option value="">all</option>',
    '<option value="findings">with findings</option>',
    '<option value="read-error">with read errors</option>',
    '<option value="clean">without findings</option>',
    '<option value="suppressed">with suppressed findings</option>',
    '</select></label>',
    '<button type="button" id="filter-reset">Reset</button>',
    '<button type="button" id="expand-all">Expand all</button>',
    '<button type="button" id="collapse-all">Collapse all</button>',
    `<span class="count" id="shown-count" aria-live="polite">Showing ${docs.length} of ${docs.length} documents</span>`,
    '</div>',
  ].join('');

  const head = [
    '<thead><tr>',
    sortable('uri', 'Document', false),
    '<th scope="col">Ad type · context</th>',
    sortable('findings', 'Findings'),
    sortable('error', 'Errors'),
    sortable('warning', 'Warnings'),
    sortable('info', 'Info'),
    sortable('suppressed', 'Suppressed'),
    sortable('readError', 'Read error', false),
    '</tr></thead>',
  ].join('');

  const bodies = docs.map((doc, i) => documentBody(doc, uris[i]!, i));
  const noMatch = `<tbody id="no-match" hidden><tr><td colspan="${COLUMNS}" class="empty">No documents match the filters.</td></tr></tbody>`;
  const noDocs =
    docs.length === 0
      ? `<tbody><tr><td colspan="${COLUMNS}" class="empty">No documents were scanned.</td></tr></tbody>`
      : '';

  return [
    '<section id="documents" aria-labelledby="documents-heading">',
    '<h2 id="documents-heading">Documents</h2>',
    toolbar,
    `<table class="docs" id="docs">${head}`,
    ...bodies,
    noDocs,
    noMatch,
    '</table>',
    '</section>',
  ].join('\n');
}

function severityCount(findings: readonly Finding[], severity: Severity): number {
  return findings.filter((f) => f.severity === severity).length;
}

function num(n: number): string {
  return `<td class="num${n === 0 ? ' n0' : ''}">${n}</td>`;
}

function documentBody(doc: DocumentResult, uri: string, i: number): string {
  const typeText = doc.adTypes.length > 0 ? doc.adTypes.join(', ') : '—';
  const finalUri = doc.finalUri && doc.finalUri !== doc.uri ? `<div class="final-uri">→ ${esc(doc.finalUri)}</div>` : '';
  const row = [
    `<tr class="doc-row${doc.error != null ? ' has-error' : ''}">`,
    `<td class="uri"><button type="button" class="toggle" aria-expanded="true" aria-controls="detail-${i}" data-index="${i}" aria-label="Show or hide details"></button>`,
    `<span class="uri-text">${esc(uri)}</span>${finalUri}</td>`,
    `<td>${esc(typeText)} · ${esc(doc.context ?? 'unknown')}</td>`,
    num(doc.findings.length),
    ...SEVERITIES.map((sev) => num(severityCount(doc.findings, sev))),
    num(doc.suppressed.length),
    `<td class="read-error">${doc.error != null ? esc(doc.error) : ''}</td>`,
    '</tr>',
  ].join('');
  return [
    `<tbody class="doc" id="doc-${i}" data-index="${i}">`,
    row,
    `<tr class="detail" id="detail-${i}"><td colspan="${COLUMNS}">${documentDetail(doc)}</td></tr>`,
    '</tbody>',
  ].join('\n');
}

function documentDetail(doc: DocumentResult): string {
  const parts: string[] = [];
  const facts = [
    doc.format ? `format ${doc.format}` : '',
    doc.charset ? `charset ${doc.charset}` : '',
    `context ${doc.context ?? 'unknown'}`,
    doc.adTypes.length > 0 ? `ad types ${doc.adTypes.join(', ')}` : '',
  ].filter(Boolean);
  parts.push(`<div class="doc-facts">${esc(facts.join(' · '))}</div>`);
  if (doc.finalUri && doc.finalUri !== doc.uri) {
    parts.push(`<div class="doc-facts">Redirected to ${esc(doc.finalUri)}</div>`);
  }
  if (doc.error != null) {
    parts.push(`<p class="read-error-box" role="alert"><strong>Read error:</strong> ${esc(doc.error)}</p>`);
  }
  if (doc.findings.length > 0) {
    parts.push(`<ol class="findings active">${doc.findings.map((f) => findingItem(f)).join('')}</ol>`);
  } else if (doc.error == null) {
    parts.push('<p class="none">No findings.</p>');
  }
  if (doc.suppressed.length > 0) {
    parts.push(
      '<details class="suppressed">',
      `<summary>${count(doc.suppressed.length, 'suppressed finding')} (kept out by document context)</summary>`,
      `<ol class="findings suppressed-list">${doc.suppressed.map((f) => findingItem(f)).join('')}</ol>`,
      '</details>',
    );
  }
  if (doc.evidence.length > 0) parts.push(evidenceBlock(doc.evidence));
  return parts.join('');
}

function findingItem(finding: Finding | SuppressedFinding): string {
  const severity: string = SEVERITIES.includes(finding.severity) ? finding.severity : 'info';
  const where = `${finding.field ?? 'body'} ${finding.start?.line ?? '?'}:${finding.start?.column ?? '?'}`;
  const head = [
    `<span class="badge sev-${severity}">${esc(finding.severity)}</span>`,
    `<span class="category">${esc(finding.category)}</span>`,
    `<code class="rule">${esc(finding.ruleId)}</code>`,
    finding.reason ? `<span class="badge reason">reason: ${esc(finding.reason)}</span>` : '',
    finding.occurrences != null && finding.occurrences > 1
      ? `<span class="badge occurrences" title="the same words are repeated; only the first place is located">×${Number(finding.occurrences)} occurrences</span>`
      : '',
    `<span class="where">${esc(finding.match ? where : `${where} · document-level`)}</span>`,
  ].join('');

  const facts: string[] = [];
  const snippet = snippetBlock(finding);
  if (!snippet.highlighted && finding.match) {
    facts.push(`<dt>Match</dt><dd lang="zh"><mark class="hit">${esc(finding.match)}</mark></dd>`);
  }
  const law = (finding.law ?? []).filter((l) => l.length > 0);
  if (law.length === 1) facts.push(`<dt>法律依据</dt><dd lang="zh" class="law">${esc(law[0]!)}</dd>`);
  else if (law.length > 1) {
    facts.push(`<dt>法律依据</dt><dd lang="zh" class="law"><ul>${law.map((l) => `<li>${esc(l)}</li>`).join('')}</ul></dd>`);
  }
  if (finding.suggestion) facts.push(`<dt>建议</dt><dd lang="zh" class="suggestion">${esc(finding.suggestion)}</dd>`);
  if ('suppressedBy' in finding && finding.suppressedBy != null) {
    facts.push(`<dt>Suppressed by</dt><dd class="suppressed-by">${esc(finding.suppressedBy)}</dd>`);
  }

  return [
    `<li class="finding sev-${severity}" data-severity="${esc(finding.severity)}" data-category="${esc(finding.category)}">`,
    `<div class="finding-head">${head}</div>`,
    `<p class="message" lang="zh">${esc(finding.message)}</p>`,
    snippet.html,
    facts.length > 0 ? `<dl class="facts">${facts.join('')}</dl>` : '',
    '</li>',
  ].join('');
}

/** The snippet with the match in <mark>; `highlighted` says whether the match was found in it. */
function snippetBlock(finding: Finding): { html: string; highlighted: boolean } {
  // printable keeps every UTF-16 unit in place, so the span computed on it is the engine's.
  const snippet = printable(finding.snippet ?? '');
  if (snippet.trim().length === 0) return { html: '', highlighted: false };
  const span = snippetSpan({ snippet, match: printable(finding.match ?? ''), snippetMatch: finding.snippetMatch });
  if (!span) return { html: `<p class="snippet" lang="zh">${esc(snippet)}</p>`, highlighted: false };
  const [start, end] = span;
  return {
    html: `<p class="snippet" lang="zh">${esc(snippet.slice(0, start))}<mark class="hit">${esc(snippet.slice(start, end))}</mark>${esc(snippet.slice(end))}</p>`,
    highlighted: true,
  };
}

function evidenceBlock(evidence: Evidence[]): string {
  const rows = evidence.map(
    (e) =>
      `<tr><td>${esc(e.supports)}</td><td lang="zh">${esc(e.indicator)}</td><td class="num">${esc(String(e.weight))}</td><td>${esc(e.field)}</td><td class="num">${esc(String(e.offset))}</td></tr>`,
  );
  return [
    '<details class="evidence">',
    `<summary>Classification evidence (${evidence.length})</summary>`,
    '<table class="evidence"><thead><tr><th>supports</th><th>indicator</th><th>weight</th><th>field</th><th>offset</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table>`,
    '</details>',
  ].join('');
}

// ── data for the script ─────────────────────────────────────────────────────────────────

interface TableRow {
  uri: string;
  findings: number;
  error: number;
  warning: number;
  info: number;
  suppressed: number;
  readError: string | null;
  /** Each finding as [severity index, category index], for the severity and category filters. */
  f: Array<[number, number]>;
  /** Lower-cased text the search box looks in. */
  text: string;
}

function tableData(docs: DocumentResult[], uris: string[]) {
  const categories: string[] = [];
  const categoryIndex = new Map<string, number>();
  const indexOf = (category: string): number => {
    let i = categoryIndex.get(category);
    if (i === undefined) {
      i = categories.length;
      categories.push(category);
      categoryIndex.set(category, i);
    }
    return i;
  };
  const rows: TableRow[] = docs.map((doc, i) => {
    const words = [uris[i]!, doc.uri, doc.finalUri ?? '', doc.error ?? '', doc.adTypes.join(' '), doc.context ?? ''];
    for (const f of doc.findings) {
      words.push(f.ruleId, f.category, f.severity, f.message, f.match, f.snippet, f.reason ?? '', f.suggestion, ...(f.law ?? []));
    }
    return {
      uri: uris[i]!,
      findings: doc.findings.length,
      error: severityCount(doc.findings, 'error'),
      warning: severityCount(doc.findings, 'warning'),
      info: severityCount(doc.findings, 'info'),
      suppressed: doc.suppressed.length,
      readError: doc.error ?? null,
      f: doc.findings.map((f): [number, number] => [SEVERITIES.indexOf(f.severity), indexOf(f.category)]),
      text: words
        .filter((w) => typeof w === 'string' && w.length > 0)
        .join('\n')
        .toLowerCase(),
    };
  });
  return { severities: SEVERITIES, categories, docs: rows };
}

// ── helpers ─────────────────────────────────────────────────────────────────────────────

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Absolute paths under `cwd` are shortened to relative ones; URLs and relative paths stay. */
function displayUri(uri: string, cwd: string | undefined): string {
  if (!cwd || !isAbsolute(uri)) return uri;
  const rel = relative(cwd, uri);
  const outside = rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel);
  return rel.length > 0 && !outside ? rel : uri;
}

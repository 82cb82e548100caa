import type { DocumentResult, Finding, ScanResult } from '../core/types.js';
import type { FailOn } from './report-options.js';
import { failsAt } from './severity-rank.js';
import { xmlAttribute, xmlText } from './xml-escape.js';

export interface JunitOptions {
  /** Findings at or above this severity are <failure>s (default `error`); `never` gives none. Others go to <system-out>. */
  failOn?: FailOn;
  /** When the scan started and ended: the suite's `timestamp` and `time`; omitted when absent. */
  startTime?: Date;
  endTime?: Date;
}

/**
 * JUnit XML for CI test-report views (GitLab, Jenkins, Azure DevOps): one <testsuite name="adscan">,
 * one <testcase> per document (classname = its ad types, or `document` when none were
 * detected; name = its uri), one <failure> per finding at or above `failOn`, and an <error>
 * for a document that could not be read. Findings below `failOn` are listed in the test
 * case's <system-out>; suppressed findings are only counted (suite property).
 *
 * Counts follow JUnit's meaning: `tests` = documents, `failures` = documents with at least
 * one failing finding, `errors` = documents that could not be read, so tests ≥ failures +
 * errors. The number of <failure> elements is the `adscan.failingFindings` property.
 */
export function formatJunit(result: ScanResult, options: JunitOptions = {}): string {
  const failOn = options.failOn ?? 'error';
  const cases: string[] = [];
  let failures = 0;
  let errors = 0;
  let failingFindings = 0;
  for (const doc of result.documents) {
    const failing = doc.error != null ? [] : doc.findings.filter((f) => failsAt(f.severity, failOn));
    const passing = doc.error != null ? [] : doc.findings.filter((f) => !failsAt(f.severity, failOn));
    if (doc.error != null) errors++;
    else if (failing.length > 0) failures++;
    failingFindings += failing.length;
    cases.push(testcase(doc, failing, passing));
  }

  const time = elapsedSeconds(options);
  const suiteAttributes = [
    attribute('name', 'adscan'),
    attribute('tests', String(result.documents.length)),
    attribute('failures', String(failures)),
    attribute('errors', String(errors)),
    attribute('skipped', '0'),
    ...(time !== null ? [attribute('time', time)] : []),
    ...(options.startTime ? [attribute('timestamp', options.startTime.toISOString().replace(/\.\d+Z$|Z$/, ''))] : []),
  ].join(' ');
  const properties = [
    property('adscan.version', result.tool.version),
    property('adscan.failOn', failOn),
    property('adscan.findings', String(result.summary.findings)),
    property('adscan.failingFindings', String(failingFindings)),
    property('adscan.suppressed', String(result.summary.suppressed)),
  ];
  const totals = [
    attribute('name', 'adscan'),
    attribute('tests', String(result.documents.length)),
    attribute('failures', String(failures)),
    attribute('errors', String(errors)),
    ...(time !== null ? [attribute('time', time)] : []),
  ].join(' ');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${totals}>`,
    `  <testsuite ${suiteAttributes}>`,
    '    <properties>',
    ...properties.map((p) => `      ${p}`),
    '    </properties>',
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function testcase(doc: DocumentResult, failing: Finding[], passing: Finding[]): string {
  const classname = doc.adTypes && doc.adTypes.length > 0 ? doc.adTypes.join(',') : 'document';
  const open = `    <testcase ${attribute('classname', classname)} ${attribute('name', doc.uri)}`;
  const body: string[] = [];
  if (doc.error != null) {
    body.push(`      <error ${attribute('message', doc.error)} type="read-error">${xmlText(doc.error)}</error>`);
  }
  for (const f of failing) {
    body.push(
      `      <failure ${attribute('message', `${f.category}: ${f.message}`)} ${attribute('type', f.severity)}>${xmlText(details(doc, f))}</failure>`,
    );
  }
  if (passing.length > 0) {
    body.push(`      <system-out>${xmlText(passing.map((f) => details(doc, f)).join('\n\n'))}</system-out>`);
  }
  return body.length === 0 ? `${open}/>` : [`${open}>`, ...body, '    </testcase>'].join('\n');
}

/** The failure body: where, what matched, in which words, on what legal basis, and the fix. */
function details(doc: DocumentResult, f: Finding): string {
  const rule = f.reason ? `${f.ruleId} · ${f.reason}` : f.ruleId;
  const lines = [`${doc.uri}:${f.start.line}:${f.start.column}  ${f.severity}  ${f.category}  ${f.message}  (${rule})`];
  if (f.match.length > 0) lines.push(`match: ${f.match}${f.occurrences ? ` (×${f.occurrences})` : ''}`);
  if (f.snippet.length > 0) lines.push(`snippet: ${f.snippet}`);
  if (f.law.length > 0) lines.push(`法律依据: ${f.law.join('；')}`);
  if (f.suggestion.length > 0) lines.push(`建议: ${f.suggestion}`);
  return lines.join('\n');
}

function attribute(name: string, value: string): string {
  return `${name}="${xmlAttribute(value)}"`;
}

function property(name: string, value: string): string {
  return `<property ${attribute('name', name)} ${attribute('value', value)}/>`;
}

function elapsedSeconds(options: JunitOptions): string | null {
  if (!options.startTime || !options.endTime) return null;
  const ms = options.endTime.getTime() - options.startTime.getTime();
  return Number.isFinite(ms) && ms >= 0 ? (ms / 1000).toFixed(3) : null;
}

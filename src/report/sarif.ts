import { createHash } from 'node:crypto';
import { CATEGORIES } from '../core/categories.js';
import type { DocumentResult, Finding, ScanResult, Severity, SuppressedFinding } from '../core/types.js';
import { markdownText } from './markdown-escape.js';
import type { FingerprintFn, ReportRule } from './report-options.js';
import { snippetSpan } from './snippet-span.js';
import { toUriReference } from './uri.js';

export interface SarifOptions {
  /**
   * Every rule that ran, listed in tool.driver.rules even when it found nothing. Rules that
   * findings name but this list lacks are described from their first finding.
   */
  rules?: readonly ReportRule[];
  /** Replaces the default partial fingerprint (see `defaultFingerprint`). */
  fingerprint?: FingerprintFn;
  /** Absolute file paths under this directory are made relative to it. */
  cwd?: string;
  /** When the scan started and ended, for run.invocations[0]; omitted when absent (formatters read no clock). */
  startTime?: Date;
  endTime?: Date;
}

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** The partialFingerprints key adscan fills; versioned, as SARIF §3.27.17 recommends. */
export const FINGERPRINT_KEY = 'adscanMatchHash/v1';

// The SARIF 2.1.0 subset adscan writes.
export interface SarifMessage {
  text: string;
  markdown?: string;
}
export interface SarifRegion {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
  charOffset?: number;
  charLength?: number;
  snippet?: { text: string };
}
export interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string; index: number }; region?: SarifRegion };
}
export interface SarifRule {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: SarifMessage;
  defaultConfiguration: { level: SarifLevel };
  properties: { category: string; categoryCode?: string; adTypes: string[]; tags: string[] };
}
export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: SarifLocation[];
  partialFingerprints: Record<string, string>;
  occurrenceCount?: number;
  suppressions?: { kind: 'external' | 'inSource'; justification: string }[];
  properties: { field: string; category: string; snippet: string; reason?: string };
}
export interface SarifNotification {
  level: 'error';
  message: { text: string };
  locations: SarifLocation[];
}
export interface SarifArtifact {
  location: { uri: string };
  mimeType?: string;
  encoding?: string;
  properties: { adTypes: string[]; context: string; finalUri?: string };
}
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [
    {
      tool: {
        driver: {
          name: 'adscan';
          version: string;
          semanticVersion?: string;
          rules: SarifRule[];
        };
      };
      invocations: [
        {
          executionSuccessful: boolean;
          startTimeUtc?: string;
          endTimeUtc?: string;
          toolExecutionNotifications: SarifNotification[];
        },
      ];
      columnKind: 'utf16CodeUnits';
      artifacts: SarifArtifact[];
      results: SarifResult[];
    },
  ];
}
export type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };
const CATEGORY = new Map(CATEGORIES.map((c) => [c.id, c]));
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/**
 * SARIF 2.1.0 for code-scanning services (GitHub, GitLab, Azure DevOps), as 2-space JSON
 * with a trailing newline. One run: every rule in tool.driver.rules, one result per finding
 * (suppressed findings too, with an external suppression), documents as artifacts, read
 * errors as tool-execution notifications. Columns are UTF-16 code units like the findings'.
 */
export function formatSarif(result: ScanResult, options: SarifOptions = {}): string {
  return `${JSON.stringify(sarifLog(result, options), null, 2)}\n`;
}

/** The SARIF log as an object, for callers that post it rather than print it. */
export function sarifLog(result: ScanResult, options: SarifOptions = {}): SarifLog {
  const rules = new RuleTable(options.rules ?? []);
  const artifacts: SarifArtifact[] = [];
  const artifactIndex = new Map<string, number>();
  const results: SarifResult[] = [];
  const notifications: SarifNotification[] = [];
  const fingerprint = options.fingerprint ?? defaultFingerprint;

  for (const doc of result.documents) {
    const uri = toUriReference(doc.uri, options.cwd);
    let index = artifactIndex.get(uri);
    if (index === undefined) {
      index = artifacts.length;
      artifactIndex.set(uri, index);
      artifacts.push(artifact(doc, uri));
    }
    const artifactLocation = { uri, index };
    if (doc.error != null) {
      notifications.push({
        level: 'error',
        message: { text: `${doc.uri}: ${doc.error}` },
        locations: [{ physicalLocation: { artifactLocation } }],
      });
    }
    // Equal fingerprints within one document are numbered in document order (findings, then suppressed).
    const seen = new Map<string, number>();
    const add = (finding: Finding | SuppressedFinding, suppressedBy: string | null): void => {
      const base = fingerprint(finding, doc);
      const ordinal = (seen.get(base) ?? 0) + 1;
      seen.set(base, ordinal);
      const out: SarifResult = {
        ruleId: finding.ruleId,
        ruleIndex: rules.indexFor(finding),
        level: LEVEL[finding.severity] ?? 'warning',
        message: { text: finding.message },
        locations: [{ physicalLocation: { artifactLocation, region: region(finding) } }],
        partialFingerprints: { [FINGERPRINT_KEY]: `${base}:${ordinal}` },
        properties: {
          field: finding.field,
          category: finding.category,
          snippet: finding.snippet,
          ...(finding.reason ? { reason: finding.reason } : {}),
        },
      };
      if (finding.occurrences !== undefined && Number.isInteger(finding.occurrences) && finding.occurrences >= 1) {
        out.occurrenceCount = finding.occurrences;
      }
      // An adscan-disable comment sits in the scanned source itself; everything else is kept outside.
      if (suppressedBy !== null) out.suppressions = [{ kind: suppressedBy.startsWith('inline:') ? 'inSource' : 'external', justification: suppressedBy }];
      results.push(out);
    };
    for (const finding of doc.findings) add(finding, null);
    for (const finding of doc.suppressed) add(finding, finding.suppressedBy);
  }

  const failed = result.documents.filter((d) => d.error != null).length;
  const version = result.tool.version;
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'adscan',
            version,
            ...(SEMVER.test(version) ? { semanticVersion: version } : {}),
            rules: rules.list,
          },
        },
        invocations: [
          {
            executionSuccessful: !(result.documents.length > 0 && failed === result.documents.length),
            ...(options.startTime ? { startTimeUtc: options.startTime.toISOString() } : {}),
            ...(options.endTime ? { endTimeUtc: options.endTime.toISOString() } : {}),
            toolExecutionNotifications: notifications,
          },
        ],
        columnKind: 'utf16CodeUnits',
        artifacts,
        results,
      },
    ],
  };
}

/**
 * The default partial fingerprint: a hash of the rule, the reason, the normalised match and
 * up to ten normalised characters either side of it in the snippet. Line numbers and
 * offsets are left out, so a finding keeps its fingerprint when text above it is added or
 * removed; normalisation (NFKC, lower case, no whitespace or ellipsis) keeps it through
 * re-wrapping and full-width/half-width changes.
 */
export function defaultFingerprint(finding: Finding): string {
  const span = finding.match.length > 0 ? snippetSpan(finding) : null;
  const before = span ? finding.snippet.slice(0, span[0]) : '';
  const after = span ? finding.snippet.slice(span[1]) : '';
  const key = [
    finding.ruleId,
    finding.reason ?? '',
    normalise(finding.match),
    [...normalise(before)].slice(-WINDOW).join(''),
    [...normalise(after)].slice(0, WINDOW).join(''),
  ].join('\0');
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

const WINDOW = 10;

function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u2026\u200b-\u200d\u2060\ufeff]+|\.{3}/gu, '');
}

function region(finding: Finding): SarifRegion {
  // Document-level findings (a missing number) have no text to point at: the artifact's first line.
  if (finding.match.length === 0) return { startLine: 1 };
  const { start, end } = finding;
  const count = (n: unknown, min: number): n is number => Number.isInteger(n) && (n as number) >= min;
  if (!count(start.line, 1)) return { startLine: 1 };
  const out: SarifRegion = { startLine: start.line };
  if (count(start.column, 1)) out.startColumn = start.column;
  if (count(end.line, start.line)) {
    out.endLine = end.line;
    if (count(end.column, 1) && out.startColumn !== undefined && (end.line > start.line || end.column >= start.column)) {
      out.endColumn = end.column;
    }
  }
  if (count(start.offset, 0) && count(end.offset, start.offset)) {
    out.charOffset = start.offset;
    out.charLength = end.offset - start.offset;
  }
  // SARIF's region snippet is the region's own text: the match. The wider context is in properties.snippet.
  out.snippet = { text: finding.match };
  return out;
}

function artifact(doc: DocumentResult, uri: string): SarifArtifact {
  const out: SarifArtifact = { location: { uri }, properties: { adTypes: [...(doc.adTypes ?? [])], context: doc.context } };
  if (doc.format) out.mimeType = doc.format === 'html' ? 'text/html' : 'text/plain';
  if (doc.charset) out.encoding = doc.charset;
  if (doc.finalUri) out.properties.finalUri = doc.finalUri;
  return out;
}

/** tool.driver.rules: the given rules in their order, then rules only findings name, first seen first. */
class RuleTable {
  readonly list: SarifRule[] = [];
  private readonly index = new Map<string, number>();

  constructor(rules: readonly ReportRule[]) {
    for (const rule of rules) this.add(rule);
  }

  indexFor(finding: Finding): number {
    return (
      this.index.get(finding.ruleId) ??
      this.add({
        id: finding.ruleId,
        category: finding.category,
        severity: finding.severity,
        message: finding.message,
        law: finding.law,
        suggestion: finding.suggestion,
        description: CATEGORY.get(finding.category)?.title ?? finding.category,
      })
    );
  }

  private add(rule: ReportRule): number {
    const existing = this.index.get(rule.id);
    if (existing !== undefined) return existing;
    const index = this.list.length;
    this.index.set(rule.id, index);
    this.list.push(sarifRule(rule));
    return index;
  }
}

function sarifRule(rule: ReportRule): SarifRule {
  const category = CATEGORY.get(rule.category);
  const title = category ? `${category.code} ${category.title}` : rule.category;
  const template = rule.message.replace(/\{(?:match|detail|reason)\}/g, '…');
  const full = rule.description ?? `${template}（${title}）`;
  const law = rule.law.join('；');
  const helpText: string[] = [];
  const helpMarkdown: string[] = [];
  if (law) {
    helpText.push(`法律依据: ${law}`);
    helpMarkdown.push(`**法律依据**: ${markdownText(law)}`);
  }
  if (rule.suggestion) {
    helpText.push(`建议: ${rule.suggestion}`);
    helpMarkdown.push(`**建议**: ${markdownText(rule.suggestion)}`);
  }
  if (helpText.length === 0) {
    helpText.push(full);
    helpMarkdown.push(markdownText(full));
  }
  const adTypes = rule.adTypes && rule.adTypes.length > 0 ? [...rule.adTypes] : ['all'];
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: title },
    fullDescription: { text: full },
    help: { text: helpText.join('\n'), markdown: helpMarkdown.join('\n\n') },
    defaultConfiguration: { level: LEVEL[rule.severity] ?? 'warning' },
    properties: {
      category: rule.category,
      ...(category ? { categoryCode: category.code } : {}),
      adTypes,
      tags: ['advertising-law', rule.category],
    },
  };
}

/** `medical/cure-guarantee` → `MedicalCureGuarantee`. */
function pascalCase(id: string): string {
  const name = id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
  return name.length > 0 ? name : id;
}

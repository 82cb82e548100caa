import type { DocumentResult, Evidence, Finding, ScanResult, ScanSummary } from '../core/types.js';

// Key orders of the JSON contract. Keys not listed here (fields added later) follow the
// listed ones in their own order, so new data shows up without a formatter change.
const SUMMARY_KEYS = ['documents', 'findings', 'failed', 'suppressed', 'bySeverity', 'byCategory'];
const SEVERITY_KEYS = ['error', 'warning', 'info'];
const DOCUMENT_KEYS = ['uri', 'adTypes', 'context', 'evidence', 'error', 'findings', 'suppressed', 'hiddenText'];
const FINDING_KEYS = [
  'ruleId',
  'category',
  'severity',
  'message',
  'match',
  'field',
  'start',
  'end',
  'snippet',
  'snippetMatch',
  'law',
  'suggestion',
  'reason',
  'occurrences',
  'fingerprint',
  'suppressedBy',
];
const POSITION_KEYS = ['offset', 'line', 'column'];
const EVIDENCE_KEYS = ['supports', 'indicator', 'weight', 'field', 'offset'];

type Plain = Record<string, unknown>;

/** The key lists as sets, for the keys a value has beyond them (reports hold millions of objects). */
const listedSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** A copy of `value` whose keys come in `keys` order first, then the rest as they were. */
function ordered(value: object, keys: readonly string[]): Plain {
  const source = value as Plain;
  let listed = listedSets.get(keys);
  if (listed === undefined) listedSets.set(keys, (listed = new Set(keys)));
  const out: Plain = {};
  for (const key of keys) if (Object.hasOwn(source, key)) put(out, key, source[key]);
  for (const key of Object.keys(source)) if (!listed.has(key)) put(out, key, source[key]);
  return out;
}

function put(out: Plain, key: string, value: unknown): void {
  // A data key named "__proto__" must stay a key, not change the prototype; plain
  // assignment (far cheaper, and reports hold millions of keys) for every other key.
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

function finding(f: Finding): Plain {
  const out = ordered(f, FINDING_KEYS);
  // Assigning an existing key keeps its place in the order.
  out.start = ordered(f.start, POSITION_KEYS);
  out.end = ordered(f.end, POSITION_KEYS);
  return out;
}

function summary(s: ScanSummary): Plain {
  const counts = s.bySeverity;
  // All three keys always, so consumers can index without checking.
  const bySeverity = ordered(
    { ...counts, error: counts.error ?? 0, warning: counts.warning ?? 0, info: counts.info ?? 0 },
    SEVERITY_KEYS,
  );
  return ordered({ ...s, bySeverity }, SUMMARY_KEYS);
}

// A named function, not a callback made per document (see scanDocument).
const evidenceItem = (e: Evidence): Plain => ordered(e, EVIDENCE_KEYS);

function document(doc: DocumentResult): Plain {
  // The contract promises these keys on every document, even when a producer left them out.
  return ordered(
    {
      ...doc,
      adTypes: doc.adTypes ?? [],
      evidence: (doc.evidence ?? []).map(evidenceItem),
      error: doc.error ?? null,
      findings: (doc.findings ?? []).map(finding),
      suppressed: (doc.suppressed ?? []).map(finding),
    },
    DOCUMENT_KEYS,
  );
}

/** The machine-readable report: 2-space JSON with a trailing newline, keys in contract order. */
export function formatJson(result: ScanResult): string {
  const out = {
    tool: ordered(result.tool, ['name', 'version']),
    summary: summary(result.summary),
    documents: result.documents.map(document),
  };
  return `${JSON.stringify(ordered({ ...result, ...out }, ['tool', 'summary', 'documents']), null, 2)}\n`;
}

// The report's parts in contract key order, for formats that reuse its shapes (JSON Lines).
export { document as jsonDocument, summary as jsonSummary };
export function jsonTool(tool: ScanResult['tool']): Record<string, unknown> {
  return ordered(tool, ['name', 'version']);
}

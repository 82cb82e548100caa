// Triage: what a project decides about findings after the engine has found them —
// configuration, fingerprints, inline disables, suppression files and baselines. Pure
// modules: the CLI reads the files and hands their text in.
import type { DocumentResult } from '../core/types.js';
import { fingerprintFinding, type FingerprintedFinding } from './fingerprint.js';

export * from './fingerprint.js';
export * from './paths.js';
export * from './suppress.js';
export * from './inline.js';
export * from './suppressions.js';
export * from './baseline.js';
export * from './config.js';
export * from './rule-settings.js';
export { TriageFileError } from './problems.js';

/** Attaches `fingerprint` to every finding and suppressed finding of a document (in place). */
export function fingerprintDocument(doc: DocumentResult, original: string): void {
  const html = doc.format === 'html';
  for (const list of [doc.findings, doc.suppressed]) {
    for (const f of list as FingerprintedFinding[]) f.fingerprint = fingerprintFinding(f, original, { html });
  }
}

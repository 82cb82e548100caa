import { createHash } from 'node:crypto';
import type { AdType, DocumentResult, SourceDocument } from '../core/types.js';
import { CATEGORY_IDS } from '../core/categories.js';
import { scanSourceWithText } from '../cli/document-pipeline.js';
import type { ScanSetup } from '../cli/scan-command.js';
import { applyInlineDisables, fingerprintDocument } from '../triage/index.js';
import { renderDocument, type RenderedDocument, type RenderRequest } from './rendered.js';
import { resultFor, type Origin } from './result-for.js';

/** An inline `adscan-disable-next-line` naming no known rule, category or pack. */
export interface DirectiveWarning {
  line: number;
  selector: string;
}

/** What scanning one document's content gives: the result plus warnings meant for stderr. */
export interface ScannedItem {
  result: DocumentResult;
  /**
   * Inline directives naming nothing known, without a URI, so that one scan can warn for
   * every URI that carried the same content (see formatDirectiveWarning).
   */
  directives: DirectiveWarning[];
}

/** A scanned document already made into report text for its URI (see rendered.ts). */
export interface RenderedItem {
  rendered: RenderedDocument;
  directives: DirectiveWarning[];
}

export function isRendered(item: ScannedItem | RenderedItem): item is RenderedItem {
  return (item as RenderedItem).rendered !== undefined;
}

/**
 * The URI's finished document (as runBatch makes it for a run whose triage changes nothing),
 * as report text.
 */
export function renderItem(item: ScannedItem, origin: Origin, request: RenderRequest): RenderedItem {
  const d = resultFor(item.result, origin, request.sha256, request.rulesHash, request.sameContentAs, false);
  return { rendered: renderDocument(d, request.formats), directives: item.directives };
}

/** The stderr line (without "adscan: warning: " and newline) for a directive warning. */
export function formatDirectiveWarning(uri: string, w: DirectiveWarning): string {
  return `${uri}:${w.line}: adscan-disable-next-line names no rule, category or pack "${w.selector}"`;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Everything about one document that depends only on its bytes (and the ad-type hint):
 * extract → normalise → classify → rules, then content fingerprints and inline disables.
 * What depends on the URI (suppression-file paths, baselines) is left to the caller, so one
 * result can serve every URI that carried the same bytes. Runs in a worker or in-process.
 * The content hash is the caller's: a batch has it already, to find identical content.
 */
export async function scanItem(doc: SourceDocument, setup: ScanSetup, adTypes: AdType[] | undefined): Promise<ScannedItem> {
  const { loaded } = setup;
  const { result, original } = await scanSourceWithText(doc, loaded.scanner, {
    tokenize: loaded.tokenize,
    adTypes,
    today: setup.today,
    asOfKnown: setup.asOf !== undefined,
    registry: setup.registry,
  });
  const directives: DirectiveWarning[] = [];
  if (original !== null) {
    fingerprintDocument(result, original);
    const known = (s: string) => setup.ruleIds.has(s) || CATEGORY_IDS.has(s) || setup.packs.has(s);
    for (const d of applyInlineDisables(result, original)) {
      for (const s of d.selectors ?? []) {
        if (!known(s)) directives.push({ line: d.commentLine, selector: s });
      }
    }
  }
  if (doc.id !== undefined) result.id = doc.id;
  if (doc.fetch) result.fetch = doc.fetch;
  if (setup.loaded.rulesHash) result.rulesHash = setup.loaded.rulesHash;
  return { result, directives };
}

// What the runBatch tests share: a directory of small input files and a plan around an engine.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanEngine } from '../../src/batch/engine.js';
import type { BatchPlan } from '../../src/batch/run-batch.js';

/** A directory `name` under `parent` holding the files name → text; its path. */
export function writeCorpus(parent: string, name: string, files: Record<string, string>): string {
  const root = join(parent, name);
  mkdirSync(root, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(root, file), text);
  return root;
}

/** A plan that reads `inputs` with no ignores, hints or triage, changed by `over`. */
export function batchPlan(inputs: string[], engine: ScanEngine, rulesHash: string, over: Partial<BatchPlan> = {}): BatchPlan {
  return { inputs, sources: {}, engine, rulesHash, ignored: () => false, typesFor: () => undefined, triage: () => {}, ...over };
}

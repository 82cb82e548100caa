import { compileClassifier } from '../classify/index.js';
import { compileRuleSet } from '../rules/compile.js';
import type { RuleSetData } from '../rules/load.js';
import type { Scanner } from './scan-document.js';

export { scanDocument, type EngineField, type EngineInput, type EngineResult, type ScanOptions, type Scanner } from './scan-document.js';
export type { Tokenize } from './sentence-context.js';

/** Compiles rules and classification data once per process (or worker). */
export function createScanner(data: RuleSetData): Scanner {
  return { rules: compileRuleSet(data), classifier: compileClassifier(data.classify) };
}

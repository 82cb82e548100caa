import { createRequire } from 'node:module';
import type { Document, LineCounter } from 'yaml';

type YamlModule = typeof import('yaml');
let yamlModule: YamlModule | undefined;
/** The yaml package, loaded on first use: with the build's rule cache a scan parses no YAML. */
const yaml = (): YamlModule => (yamlModule ??= createRequire(import.meta.url)('yaml') as YamlModule);

/** A problem in a rule file, located at a line so an author can go straight to it. */
export interface RuleProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** A broken file can yield hundreds of problems; the first ones are the ones to fix. */
const MAX_SHOWN = 20;

export class RuleLoadError extends Error {
  constructor(readonly problems: RuleProblem[]) {
    const shown = problems.slice(0, MAX_SHOWN).map(formatProblem);
    if (problems.length > MAX_SHOWN) shown.push(`… and ${problems.length - MAX_SHOWN} more problems`);
    super(shown.join('\n'));
    this.name = 'RuleLoadError';
  }
}

export function formatProblem(p: RuleProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}

export type Path = (string | number)[];

/** A parsed YAML file that can say on which line any value sits. */
export class YamlSource {
  private constructor(
    readonly file: string,
    readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** Parse; YAML syntax errors become problems with the parser's own line numbers. */
  static parse(file: string, text: string): { source: YamlSource | null; problems: RuleProblem[] } {
    const lines = new (yaml().LineCounter)();
    const doc = yaml().parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    // After the first syntax error the parser mostly reports its own confusion: keep the first.
    const problems: RuleProblem[] = doc.errors.slice(0, 1).map((e) => {
      const pos = lines.linePos(e.pos[0]);
      return { file, line: pos.line, column: pos.col, message: `YAML syntax: ${e.message.split('\n')[0]}` };
    });
    return { source: problems.length ? null : new YamlSource(file, doc, lines), problems };
  }

  toJS(): unknown {
    return this.doc.toJS({ maxAliasCount: 100 });
  }

  /** Problem at the node for `path` (or at its key), or at its nearest existing parent. */
  problem(path: Path, message: string, atKey = false): RuleProblem {
    if (atKey && path.length > 0) {
      const parent = this.doc.getIn(path.slice(0, -1), true);
      const name = path[path.length - 1];
      const { isMap, isScalar } = yaml();
      if (isMap(parent)) {
        const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === name);
        const range = isScalar(pair?.key) ? pair.key.range : undefined;
        if (range) {
          const pos = this.lines.linePos(range[0]);
          return { file: this.file, line: pos.line, column: pos.col, message };
        }
      }
    }
    for (let n = path.length; n >= 0; n--) {
      const node = this.doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) {
        const pos = this.lines.linePos(node.range[0]);
        return { file: this.file, line: pos.line, column: pos.col, message };
      }
    }
    return { file: this.file, line: 1, column: 1, message };
  }
}

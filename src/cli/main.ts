import { Command, CommanderError, Option } from 'commander';
import { AD_TYPES } from '../core/types.js';
import { packageVersion } from '../sources/package-version.js';
import { CliError, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { processIo, type CliIo } from './io.js';
import { runRulesList, runRulesTest, runRulesValidate } from './rules-command.js';
import { runScan, type ScanFlags } from './scan-command.js';
import { runExplain, type ExplainFlags } from './explain-command.js';
import { runSegment } from './segment-command.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Builds the commander program; every action stores its exit code in `state`. */
function buildProgram(io: CliIo, state: { code: number }): Command {
  const program = new Command('adscan')
    .description('Scan Chinese health-advertising copy against China\'s advertising rules')
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .exitOverride();

  const rulesOption = () => new Option('--rules <path>', 'rule file or directory that adds or replaces packs (repeatable)').argParser(collect);
  const noBuiltin = () => new Option('--no-builtin-rules', 'do not load the bundled rule packs');
  const colorOption = () => new Option('--color', 'force colour').conflicts('noColor');
  const noColorOption = () => new Option('--no-color', 'no colour');

  program
    .command('scan')
    .description('scan files, directories (recursively), URLs or - (stdin) and report violations')
    .argument('<inputs...>', 'files, directories, http(s) URLs, or - for stdin')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['pretty', 'json']).default('pretty'))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout')
    .addOption(new Option('--ad-type <types>', `ad type(s), comma-separated, overriding detection: ${AD_TYPES.join(', ')}`))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity').choices(['error', 'warning', 'info', 'never']).default('error'))
    .addOption(rulesOption())
    .addOption(noBuiltin())
    .option('--ext <list>', 'extensions scanned in directories, comma-separated', '.txt,.md,.html,.htm')
    .option('--timeout <ms>', 'URL fetch timeout in milliseconds', '15000')
    .option('--max-bytes <n>', 'largest file or HTTP body read, in bytes', String(20 * 1024 * 1024))
    .option('--max-redirects <n>', 'HTTP redirects followed', '5')
    .option('--full-dict', 'segment with jieba\'s full dictionary (slower start-up)')
    .option('--cert-registry <file.csv>', 'CSV of issued numbers (number, holder, valid_from, valid_to): fake, expired or borrowed numbers are reported')
    .option('--as-of <date>', 'publication date (YYYY-MM-DD) on which review and approval numbers must be valid; without it, expiry against today is only reported as info')
    .addOption(colorOption())
    .addOption(noColorOption())
    .action(async (inputs: string[], opts: ScanFlags & { color?: boolean }) => {
      state.code = await runScan(inputs, opts, io);
    });

  program
    .command('explain')
    .description('explain a rule (id) or a category: what it catches, legal basis, how to fix, examples')
    .argument('<subject>', 'rule id (efficacy/cure-guarantee-promise) or category id (cure-guarantee, C16)')
    .addOption(rulesOption())
    .addOption(noBuiltin())
    .addOption(colorOption())
    .addOption(noColorOption())
    .action(async (subject: string, opts: ExplainFlags) => {
      state.code = await runExplain(subject, opts, io);
    });

  program
    .command('segment')
    .description('show how a text is normalised and segmented (each stage, then jieba tokens)')
    .argument('[text]', 'the text; - or omitted reads stdin')
    .option('--full-dict', 'use jieba\'s full dictionary')
    .addOption(rulesOption())
    .addOption(noBuiltin())
    .option('--json', 'machine-readable output')
    .action(async (text: string | undefined, opts: { fullDict?: boolean; json?: boolean; rules?: string[]; builtinRules: boolean }) => {
      state.code = await runSegment(text, opts, io);
    });

  const rules = program.command('rules').description('list, test and validate rule packs');
  rules
    .command('test')
    .description('run every rule\'s good and bad examples (or only those of the packs under PATH)')
    .argument('[path]', 'rule file or directory (added to the bundled packs)')
    .addOption(rulesOption())
    .addOption(noBuiltin())
    .addOption(colorOption())
    .addOption(noColorOption())
    .action(async (path: string | undefined, opts: { rules?: string[]; builtinRules: boolean; color?: boolean }) => {
      state.code = await runRulesTest(path, opts, io);
    });
  rules
    .command('validate')
    .description('check rule files: schema, regex syntax, catastrophic backtracking')
    .argument('<path>', 'rule file or directory')
    .action(async (path: string) => {
      state.code = await runRulesValidate(path, io);
    });
  rules
    .command('list')
    .description('list rules: id, category, severity, ad types')
    .option('--category <id>', 'only this category')
    .option('--ad-type <type>', 'only rules applying to this ad type')
    .option('--severity <severity>', 'only this severity')
    .option('--json', 'machine-readable output')
    .addOption(rulesOption())
    .addOption(noBuiltin())
    .action(async (opts: { category?: string; adType?: string; severity?: string; json?: boolean; rules?: string[]; builtinRules: boolean }) => {
      state.code = await runRulesList(opts, io);
    });
  return program;
}

/** Runs the CLI and returns its exit code; never calls process.exit (tests run it in-process). */
export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  const state = { code: EXIT_OK };
  const program = buildProgram(io, state);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return state.code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit 0; parse errors have already been printed.
      return err.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (err instanceof CliError) {
      io.stderr.write(`adscan: ${err.message}\n`);
      return err.exitCode;
    }
    io.stderr.write(`adscan: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT_USAGE;
  }
}

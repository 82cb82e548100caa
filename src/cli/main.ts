import { Command, CommanderError, Option } from 'commander';
import { packageVersion } from '../sources/package-version.js';
import { CliError, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { processIo, type CliIo } from './io.js';
import { runRulesList, runRulesTest, runRulesValidate } from './rules-command.js';
import { runScan, type ScanFlags, type ScanInputFlags } from './scan-command.js';
import { addScanOptions, addScanOutputOptions } from './scan-options.js';
import { runInit } from './init-command.js';
import { runBaselinePrune } from './baseline-command.js';
import { runExplain, type ExplainFlags } from './explain-command.js';
import { runSegment } from './segment-command.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

type AddQueueCommands = (program: Command, io: CliIo, state: { code: number }) => void;

/**
 * `queue` and `worker` need BullMQ and ioredis, whose loading costs more than a whole scan of
 * one ad: they are imported only when the command line asks for them. Otherwise the two
 * commands are listed (for --help) but not built.
 */
async function queueCommands(argv: string[]): Promise<AddQueueCommands> {
  const command = argv.find((a) => !a.startsWith('-'));
  if (command === 'queue' || command === 'worker') return (await import('./queue-command.js')).addQueueCommands;
  return (program) => {
    program.command('queue').description('distributed scanning: fill a Redis (BullMQ) queue, watch it, collect the report');
    program.command('worker').description('scan documents from a Redis (BullMQ) queue filled by `adscan queue add`');
  };
}

/** Builds the commander program; every action stores its exit code in `state`. */
function buildProgram(io: CliIo, state: { code: number }, addQueueCommands: AddQueueCommands): Command {
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

  const scan = program
    .command('scan')
    .description('scan files, directories (recursively), URLs or - (stdin) and report violations')
    .argument('[inputs...]', 'files, directories, http(s) URLs, or - for stdin (none needed with --url-list)');
  addScanOutputOptions(addScanOptions(scan)).action(async (inputs: string[], opts: ScanFlags) => {
    state.code = await runScan(inputs, opts, io);
  });

  program
    .command('init')
    .description('write a commented starter .adscanrc.yaml into the working directory')
    .option('--force', 'overwrite an existing .adscanrc.yaml')
    .action(async (opts: { force?: boolean }) => {
      state.code = await runInit(opts, io);
    });

  const baseline = program.command('baseline').description('maintain baseline files (see scan --write-baseline and --baseline)');
  const prune = baseline
    .command('prune')
    .description('rescan INPUTS and drop the baseline entries they no longer produce (written atomically)')
    .argument('<inputs...>', 'the files, directories or URLs the baseline covers')
    .option('--baseline <file>', 'the baseline file (default: `baseline:` of the configuration)')
    .option('--dry-run', 'only report what would be pruned');
  addScanOptions(prune).action(async (inputs: string[], opts: ScanInputFlags & { baseline?: string; dryRun?: boolean }) => {
    state.code = await runBaselinePrune(inputs, opts, io);
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
  addQueueCommands(program, io, state);
  return program;
}

/** Runs the CLI and returns its exit code; never calls process.exit (tests run it in-process). */
export async function run(argv: string[], io: CliIo = processIo()): Promise<number> {
  const state = { code: EXIT_OK };
  const program = buildProgram(io, state, await queueCommands(argv));
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

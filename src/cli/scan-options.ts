import { Option, type Command } from 'commander';
import { AD_TYPES } from '../core/types.js';
import { formatters } from '../report/index.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Report format names, from the formatter registry (new formatters appear here by themselves). */
export function formatNames(): string[] {
  return Object.keys(formatters).sort();
}

/**
 * The options that decide what a scan finds: shared by `scan` and `baseline prune` (which
 * must rescan exactly as the scan that wrote the baseline did). Defaults of the options a
 * config file can set are applied after the config is read, so they are not commander defaults.
 */
export function addScanOptions(cmd: Command): Command {
  return cmd
    .option('--config <file>', 'configuration file (default: .adscanrc.yaml in the working directory or a parent)')
    .option('--no-config', 'ignore configuration files')
    .addOption(new Option('--ad-type <types>', `ad type(s), comma-separated, overriding detection (and the config's adTypes): ${AD_TYPES.join(', ')}`))
    .addOption(new Option('--rules <path>', 'rule file or directory that adds or replaces packs (repeatable)').argParser(collect))
    .addOption(new Option('--no-builtin-rules', 'do not load the bundled rule packs'))
    .option('--ext <list>', 'extensions scanned in directories, comma-separated', '.txt,.md,.html,.htm')
    .option('--timeout <ms>', 'URL fetch timeout in milliseconds', '15000')
    .option('--max-bytes <n>', 'largest file or HTTP body read, in bytes', String(20 * 1024 * 1024))
    .option('--max-redirects <n>', 'HTTP redirects followed', '5')
    .option('--full-dict', 'segment with jieba\'s full dictionary (slower start-up)')
    .option('--cert-registry <file.csv>', 'CSV of issued numbers (number, holder, valid_from, valid_to): fake, expired or borrowed numbers are reported')
    .option('--as-of <date>', 'publication date (YYYY-MM-DD) on which review and approval numbers must be valid; without it, expiry against today is only reported as info')
    .option('--suppressions <file>', 'suppression file (default: .adscan-suppressions.yaml beside the config file, or in the working directory)')
    .option('--no-suppressions', 'ignore suppression files');
}

/** `scan`'s own options: output, exit code and baselines. */
export function addScanOutputOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('-f, --format <format>', 'report format on stdout (default: pretty)').choices(formatNames()))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout')
    .addOption(new Option('--report <format:path>', `also write a report file in another format, e.g. sarif:out/adscan.sarif (repeatable; formats: ${formatNames().join(', ')})`).argParser(collect))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity (default: error)').choices(['error', 'warning', 'info', 'never']))
    .option('--baseline <file>', 'report only findings not recorded in this baseline; recorded ones are listed as suppressed')
    .option('--no-baseline', 'ignore the baseline named in the configuration')
    .option('--write-baseline <file>', 'record the current findings as the baseline (atomically); they then count as baselined')
    .addOption(new Option('--color', 'force colour').conflicts('noColor'))
    .addOption(new Option('--no-color', 'no colour'));
}

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
    .option('--ext <list>', 'extensions scanned in directories, comma-separated', '.txt,.md,.html,.htm,.warc,.warc.gz')
    .addOption(new Option('--url-list <file>', 'file of URLs to scan, one a line (# comments and blank lines ignored; - reads stdin; repeatable)').argParser(collect))
    .addOption(new Option('--include <glob>', 'in directories, scan only files matching the glob (relative to the directory; repeatable)').argParser(collect))
    .addOption(new Option('--exclude <glob>', 'in directories, skip files and directories matching the glob (repeatable); a directory\'s .adscanignore is also obeyed').argParser(collect))
    .addOption(new Option('--input-format <format>', 'how input files are read: auto (by name: .jsonl/.ndjson as JSON Lines, .warc/.warc.gz as web archives) or jsonl (every file and stdin holds {"id","url","text"|"html"} records)').choices(['auto', 'jsonl']))
    .option('--timeout <ms>', 'URL fetch timeout in milliseconds', '15000')
    .option('--max-bytes <n>', 'largest file or HTTP body read, in bytes', String(20 * 1024 * 1024))
    .option('--max-redirects <n>', 'HTTP redirects followed', '5')
    .option('--concurrency <n>', 'URLs fetched at once, over all hosts (default: 16)')
    .option('--per-host <n>', 'requests at once to one host (default: 2)')
    .option('--host-interval <ms>', 'minimum milliseconds between the starts of two requests to one host (default: 0)')
    .option('--retries <n>', 'retries after a network error, a timeout, HTTP 429 or 5xx, with backoff (default: 2)')
    .option('--user-agent <ua>', 'User-Agent header sent with URL requests (default: adscan/VERSION)')
    .option('--robots', 'obey robots.txt (fetched once per site); disallowed URLs become document errors')
    .option('--full-dict', 'segment with jieba\'s full dictionary (slower start-up)')
    .option('--cert-registry <file.csv>', 'CSV of issued numbers (number, holder, valid_from, valid_to): fake, expired or borrowed numbers are reported')
    .option('--as-of <date>', 'publication date (YYYY-MM-DD) on which review and approval numbers must be valid; without it, expiry against today is only reported as info')
    .option('--suppressions <file>', 'suppression file (default: .adscan-suppressions.yaml beside the config file, or in the working directory)')
    .option('--no-suppressions', 'ignore suppression files')
    // --- batch
    .option('--jobs <n>', 'documents scanned in parallel, each in a worker thread; 1 scans in-process (default: the number of CPUs)');
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
    .addOption(new Option('--no-color', 'no colour'))
    // --- batch
    .option('--checkpoint <file>', 'record finished documents in FILE as they complete; rerunning with the same FILE skips them and reports the whole run')
    .option('-q, --quiet', 'no progress line and no warnings on stderr (errors only)');
}

import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { Command, Option } from 'commander';
import type { Redis } from 'ioredis';
import { AD_TYPES, type AdType, type DocumentResult, type ScanResult } from '../core/types.js';
import { formatJsonlDocument, formatJsonlSummary, formatReport, isFormatName, summarize, SummaryCounter } from '../report/index.js';
import { DEFAULT_SOURCE_OPTIONS } from '../sources/index.js';
import { describeFsError } from '../sources/messages.js';
import { packageVersion } from '../sources/package-version.js';
import { applySuppressions, globMatcher, uriMatches } from '../triage/index.js';
import { checkRedisUrl, connectRedis, displayRedisUrl, RedisUnavailable } from '../queue/connection.js';
import { checkQueueName } from '../queue/keys.js';
import { planRefs } from '../queue/plan.js';
import type { DocRef, JobData } from '../queue/refs.js';
import { ScanQueue, type Finished, type QueueCounts } from '../queue/store.js';
import { writeFileAtomic } from './atomic-write.js';
import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { wantsColor, type CliIo } from './io.js';
import { failsOn, parseFailOn, prepareScan, reportOptions, type ScanInputFlags, type ScanSetup } from './scan-command.js';
import { formatNames } from './scan-options.js';
import { positiveInt } from './source-flags.js';
import { addWorkerCommand } from './worker-command.js';
import { addQueueConnectionOptions, addRuleOptions, redisUrl, rulesMismatch, withQueue, type QueueFlags } from '../queue/cli-options.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

// ---------------------------------------------------------------- queue add

interface AddFlags extends QueueFlags, ScanInputFlags {
  inlineMax?: string;
  attempts?: string;
  backoff?: string;
}

async function runQueueAdd(inputs: string[], flags: AddFlags, io: CliIo): Promise<number> {
  if (inputs.length === 0 && !flags.urlList?.length) throw new CliError('nothing to enqueue: give files, directories, URLs, - for stdin, or --url-list FILE');
  const inlineMax = positiveInt(flags.inlineMax, '--inline-max') ?? 64 * 1024;
  const attempts = positiveInt(flags.attempts, '--attempts') ?? 3;
  if (attempts < 1) throw new CliError('--attempts: expected at least 1');
  const backoffMs = positiveInt(flags.backoff, '--backoff') ?? 2000;
  redisUrl(flags, io);

  const setup = await prepareScan(flags, io);
  const rulesHash = setup.loaded.rulesHash;
  return withQueue(flags, io, false, async (q) => {
    const meta = await q.claimRules(rulesHash, { ...(setup.asOf !== undefined ? { asOf: setup.asOf } : {}), version: packageVersion() });
    const mismatch = rulesMismatch(q.name, meta.rulesHash, meta.version, rulesHash);
    if (mismatch) throw new CliError(mismatch);
    if ((meta.asOf ?? '') !== (setup.asOf ?? '')) {
      throw new CliError(`queue "${q.name}" scans as of ${meta.asOf ?? 'each day it runs (no --as-of)'}, not ${setup.asOf ?? 'today'}: use the same --as-of, or another queue`);
    }

    const typesFor = adTypesFor(setup);
    const { config, cwd } = setup;
    const ignore = config ? globMatcher(config.ignore) : null;
    const sources = { ...DEFAULT_SOURCE_OPTIONS, ...definedOnly(setup.sources) };
    let batch: { ref: DocRef; adTypes?: AdType[] }[] = [];
    let added = 0;
    let duplicates = 0;
    let unreadable = 0;
    const flush = async () => {
      const counts = await q.enqueue(batch, rulesHash, { attempts, backoffMs });
      added += counts.added;
      duplicates += counts.duplicates;
      batch = [];
    };
    for await (const ref of planRefs(inputs, {
      urlLists: sources.urlLists,
      inputFormat: sources.inputFormat,
      extensions: sources.extensions,
      include: sources.include,
      exclude: sources.exclude,
      maxBytes: sources.maxBytes,
      inlineMax,
      cwd,
      stdin: io.stdin,
    })) {
      if (config && ignore && ref.kind !== 'url' && uriMatches(ignore, ref.uri, config.dir, cwd)) continue;
      if (ref.kind === 'failure') {
        unreadable++;
        io.stderr.write(`adscan: warning: ${ref.uri}: ${ref.error} (queued as a failed document)\n`);
      }
      const adTypes = typesFor(ref.uri);
      batch.push(adTypes ? { ref, adTypes } : { ref });
      if (batch.length >= 500) await flush();
    }
    await flush();
    const dup = duplicates ? `, ${duplicates} already queued` : '';
    const bad = unreadable ? `, ${unreadable} unreadable` : '';
    io.stderr.write(`adscan: queued ${added} ${added === 1 ? 'document' : 'documents'} on "${q.name}"${dup}${bad} (rules ${rulesHash})\n`);
    return EXIT_OK;
  });
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** --ad-type, else the configuration's adTypes globs, decided where the paths make sense: here. */
function adTypesFor(setup: ScanSetup): (uri: string) => AdType[] | undefined {
  const { config, cwd } = setup;
  const hints = (config?.adTypes ?? []).map((h) => ({ match: globMatcher([h.glob]), types: h.types }));
  return (uri) => {
    if (setup.adTypes) return setup.adTypes;
    if (!config || hints.length === 0) return undefined;
    const types = new Set<AdType>();
    for (const h of hints) if (uriMatches(h.match, uri, config.dir, cwd)) h.types.forEach((t) => types.add(t));
    return types.size ? [...types] : undefined;
  };
}

// ---------------------------------------------------------------- queue status

async function runQueueStatus(flags: QueueFlags & { json?: boolean }, io: CliIo): Promise<number> {
  return withQueue(flags, io, false, async (q) => {
    const [meta, counts, rate] = await Promise.all([q.meta(), q.counts(), q.rate(Date.now())]);
    const pending = counts.waiting + counts.active + counts.delayed;
    if (flags.json) {
      io.stdout.write(
        `${JSON.stringify({
          queue: q.name,
          rulesHash: meta.rulesHash ?? null,
          asOf: meta.asOf ?? null,
          ...counts,
          reported: meta.reported,
          pending,
          docsPerSecond: { lastMinute: round(rate.recent), overall: rate.overall === null ? null : round(rate.overall) },
        })}\n`,
      );
      return EXIT_OK;
    }
    const row = (label: string, n: number | string, note = '') => `${label.padEnd(11)}${String(n).padStart(9)}${note ? `  ${note}` : ''}\n`;
    io.stdout.write(
      `queue "${q.name}" on ${displayRedisUrl(redisUrl(flags, io))}` +
        (meta.rulesHash ? `, rules ${meta.rulesHash}${meta.asOf ? `, as of ${meta.asOf}` : ''}` : ', empty (no queue add yet)') +
        '\n' +
        row('waiting', counts.waiting) +
        row('active', counts.active) +
        row('retrying', counts.delayed, 'failed once, waiting for the next attempt') +
        row('completed', counts.completed, 'results held until queue report or drain') +
        row('failed', counts.failed, 'gave up; in the report as failed documents') +
        row('reported', meta.reported, 'already taken by queue report or drain') +
        row('docs/s', round(rate.recent).toFixed(1), `last minute${rate.overall !== null ? `; ${round(rate.overall).toFixed(1)} over the finished documents held` : ''}`),
    );
    return EXIT_OK;
  });
}

const round = (n: number) => Math.round(n * 10) / 10;

// ---------------------------------------------------------------- queue report / drain

interface ReportFlags extends QueueFlags, ScanInputFlags {
  format?: string;
  output?: string;
  failOn?: string;
  keep?: boolean;
  wait?: boolean;
  color?: boolean;
}

/** Polls until nothing is waiting, active or retrying; progress goes to stderr. */
async function waitUntilDone(q: ScanQueue, io: CliIo, intervalMs = 500): Promise<void> {
  let last = '';
  for (;;) {
    const c = await q.counts();
    if (c.waiting + c.active + c.delayed === 0) return;
    const line = `adscan: waiting for ${c.waiting + c.active + c.delayed} documents (${c.completed + c.failed} finished)`;
    if (line !== last && io.stderr.isTTY) io.stderr.write(`${line}\r`);
    last = line;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

function warnPending(c: QueueCounts, io: CliIo): void {
  const pending = c.waiting + c.active + c.delayed;
  if (pending > 0) {
    io.stderr.write(`adscan: warning: ${pending} ${pending === 1 ? 'document is' : 'documents are'} not finished yet: they are not in this report (run it again later, or use --wait)\n`);
  }
}

/** What `queue report` and `queue drain` do to each document before writing it: the suppression file. */
function triage(setup: ScanSetup, doc: DocumentResult): DocumentResult {
  if (setup.suppressions && doc.error === null) applySuppressions(doc, setup.suppressions, setup.cwd);
  return doc;
}

async function reportSetup(flags: ReportFlags, q: ScanQueue, io: CliIo): Promise<ScanSetup> {
  const setup = await prepareScan(flags, io);
  const meta = await q.meta();
  const mismatch = rulesMismatch(q.name, meta.rulesHash, meta.version, setup.loaded.rulesHash);
  // The report only takes rule descriptions (SARIF) from these rules; the findings are the workers'.
  if (mismatch) io.stderr.write(`adscan: warning: ${mismatch}\n`);
  return setup;
}

async function runQueueReport(flags: ReportFlags, io: CliIo): Promise<number> {
  const startTime = new Date();
  if (flags.format !== undefined && !isFormatName(flags.format)) {
    throw new CliError(`--format: unknown format "${flags.format}" (known: ${formatNames().join(', ')})`);
  }
  redisUrl(flags, io);
  return withQueue(flags, io, false, async (q) => {
    const setup = await reportSetup(flags, q, io);
    const format = flags.format ?? setup.config?.format ?? 'pretty';
    const failOn = parseFailOn(flags.failOn ?? setup.config?.failOn ?? 'error');
    if (flags.wait) await waitUntilDone(q, io);
    else warnPending(await q.counts(), io);

    const tool = { name: 'adscan' as const, version: packageVersion() };
    const taken: Finished['job'][] = [];
    let failing = false;
    let all: { seq: number; doc: DocumentResult }[] = [];
    let total = 0;
    let anyOk = false;

    if (format === 'jsonl') {
      // Streamed: a line per document as it comes out of Redis, the summary line at the end.
      const out = flags.output ? await openOutput(flags.output, false) : null;
      const write = (s: string) => (out ? out.write(s) : io.stdout.write(s));
      const counter = new SummaryCounter();
      for await (const page of q.finished()) {
        for (const { job, document } of page) {
          const doc = triage(setup, document);
          write(formatJsonlDocument(doc));
          taken.push(job);
          total++;
          if (doc.error === null) anyOk = true;
          if (failsOn([doc], failOn)) failing = true;
          counter.add(doc);
        }
      }
      write(formatJsonlSummary(tool, counter.summary()));
      if (out) await closeOutput(out, flags.output!);
    } else {
      for await (const page of q.finished()) {
        for (const { job, document } of page) {
          all.push({ seq: (job.data as JobData).seq ?? 0, doc: triage(setup, document) });
          taken.push(job);
        }
      }
      all.sort((a, b) => a.seq - b.seq);
      const documents = all.map((d) => d.doc);
      all = [];
      total = documents.length;
      anyOk = documents.some((d) => d.error === null);
      failing = failsOn(documents, failOn);
      const result: ScanResult = { tool, summary: summarize(documents), documents };
      const target = flags.output ? { isTTY: false } : io.stdout;
      const text = formatReport(format, result, reportOptions(setup, wantsColor(target, io.env, flags.color), failOn, startTime, new Date()));
      if (flags.output) {
        try {
          await writeFileAtomic(resolve(setup.cwd, flags.output), text);
        } catch (err) {
          throw new CliError(`--output: cannot write ${flags.output}: ${describeFsError(err)}`);
        }
      } else io.stdout.write(text);
    }

    // Only now that the report is written are its results taken out of Redis.
    if (!flags.keep) await q.remove(taken);
    io.stderr.write(`adscan: reported ${total} ${total === 1 ? 'document' : 'documents'} from "${q.name}"${flags.keep ? ' (kept in Redis)' : ''}\n`);
    if (total > 0 && !anyOk) {
      io.stderr.write('adscan: no document could be read\n');
      return EXIT_USAGE;
    }
    return failing ? EXIT_FINDINGS : EXIT_OK;
  });
}

async function openOutput(path: string, append: boolean): Promise<NodeJS.WritableStream> {
  try {
    await mkdir(dirname(path), { recursive: true });
  } catch (err) {
    throw new CliError(`--output: cannot write ${path}: ${describeFsError(err)}`);
  }
  const stream = createWriteStream(path, { flags: append ? 'a' : 'w' });
  await new Promise<void>((ok, fail) => {
    stream.once('open', () => ok());
    stream.once('error', (err) => fail(new CliError(`--output: cannot write ${path}: ${describeFsError(err)}`)));
  });
  return stream;
}

async function closeOutput(stream: NodeJS.WritableStream, path: string): Promise<void> {
  await new Promise<void>((ok, fail) => {
    stream.once('error', (err) => fail(new CliError(`--output: cannot write ${path}: ${describeFsError(err)}`)));
    stream.end(() => ok());
  });
}

/**
 * `queue drain`: takes finished documents out of Redis as they come, a JSON line each, for
 * a pipeline that consumes results while workers still run. Each page is removed once it is
 * written; with --wait the drain goes on until nothing is waiting, active or retrying.
 */
async function runQueueDrain(flags: ReportFlags, io: CliIo): Promise<number> {
  redisUrl(flags, io);
  return withQueue(flags, io, false, async (q) => {
    const setup = await reportSetup(flags, q, io);
    const out = flags.output ? await openOutput(resolve(setup.cwd, flags.output), true) : null;
    const write = (s: string) =>
      new Promise<void>((ok) => {
        if ((out ?? io.stdout).write(s)) ok();
        else (out ?? io.stdout).once('drain', () => ok());
      });
    let total = 0;
    for (;;) {
      let taken = 0;
      for await (const page of q.finished()) {
        for (const { document } of page) await write(formatJsonlDocument(triage(setup, document)));
        await q.remove(page.map((p) => p.job));
        taken += page.length;
      }
      total += taken;
      if (!flags.wait) break;
      const c = await q.counts();
      if (c.waiting + c.active + c.delayed === 0 && c.completed + c.failed === 0) break;
      if (taken === 0) await new Promise((r) => setTimeout(r, 500));
    }
    if (out) await closeOutput(out, flags.output!);
    if (!flags.wait) warnPending(await q.counts(), io);
    io.stderr.write(`adscan: drained ${total} ${total === 1 ? 'document' : 'documents'} from "${q.name}"\n`);
    return EXIT_OK;
  });
}

async function runQueueDelete(flags: QueueFlags & { yes?: boolean }, io: CliIo): Promise<number> {
  if (!flags.yes) throw new CliError('queue delete removes every job and result of the queue: add --yes');
  return withQueue(flags, io, false, async (q) => {
    await q.obliterate();
    io.stderr.write(`adscan: deleted queue "${q.name}"\n`);
    return EXIT_OK;
  });
}

// ---------------------------------------------------------------- registration

/** `adscan queue …` and `adscan worker`. */
export function addQueueCommands(program: Command, io: CliIo, state: { code: number }): void {
  const queue = program.command('queue').description('distributed scanning: fill a Redis (BullMQ) queue, watch it, collect the report');

  const add = queue
    .command('add')
    .description('enqueue documents (URLs, files on shared storage, JSONL, WARC) for `adscan worker`s; each document once')
    .argument('[inputs...]', 'files, directories, http(s) URLs, or - for stdin');
  addRuleOptions(addQueueConnectionOptions(add, io))
    .addOption(new Option('--url-list <file>', 'file of URLs, one a line (# comments; - reads stdin; repeatable)').argParser(collect))
    .addOption(new Option('--input-format <format>', 'auto (.jsonl/.ndjson as JSON Lines, .warc/.warc.gz as archives) or jsonl').choices(['auto', 'jsonl']))
    .option('--ext <list>', 'extensions picked up in directories, comma-separated', DEFAULT_SOURCE_OPTIONS.extensions.join(','))
    .addOption(new Option('--include <glob>', 'in directories, only files matching the glob (repeatable)').argParser(collect))
    .addOption(new Option('--exclude <glob>', 'in directories, skip matching files and directories (repeatable)').argParser(collect))
    .option('--max-bytes <n>', 'largest record read from JSONL/WARC inputs, in bytes')
    .option('--inline-max <bytes>', 'JSONL/WARC records up to this size are stored in Redis; larger ones by file and record id (default: 65536)')
    .option('--attempts <n>', 'tries per document before it goes to the failed set (retried on network errors, 429 and 5xx; default: 3)')
    .option('--backoff <ms>', 'wait before the first retry, doubled for each further one (default: 2000)')
    .addOption(new Option('--ad-type <types>', `ad type(s) for every document, overriding detection: ${AD_TYPES.join(', ')}`))
    .option('--as-of <date>', 'publication date (YYYY-MM-DD) numbers must be valid on; recorded on the queue for every worker')
    .action(async (inputs: string[], opts: AddFlags) => {
      state.code = await runQueueAdd(inputs, { ...opts, suppressions: false }, io);
    });

  addQueueConnectionOptions(queue.command('status').description('waiting, active, retrying, completed and failed documents, and documents per second'), io)
    .option('--json', 'one JSON object')
    .action(async (opts: QueueFlags & { json?: boolean }) => {
      state.code = await runQueueStatus(opts, io);
    });

  const report = queue.command('report').description('write the report of every finished document, then remove those results from Redis');
  addRuleOptions(addQueueConnectionOptions(report, io))
    .addOption(new Option('-f, --format <format>', 'report format (default: pretty); jsonl streams').choices(formatNames()))
    .option('-o, --output <file>', 'write the report to a file (atomically; jsonl is written as it streams)')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity (default: error)').choices(['error', 'warning', 'info', 'never']))
    .option('--suppressions <file>', 'suppression file applied to the results')
    .option('--no-suppressions', 'ignore suppression files')
    .option('--wait', 'first wait until no document is waiting, active or retrying')
    .option('--keep', 'leave the results in Redis')
    .addOption(new Option('--color', 'force colour').conflicts('noColor'))
    .addOption(new Option('--no-color', 'no colour'))
    .action(async (opts: ReportFlags) => {
      state.code = await runQueueReport(opts, io);
    });

  const drain = queue.command('drain').description('take finished documents out of Redis as JSON lines (while workers run, too)');
  addRuleOptions(addQueueConnectionOptions(drain, io))
    .option('-o, --output <file>', 'append the lines to a file instead of stdout')
    .option('--suppressions <file>', 'suppression file applied to the results')
    .option('--no-suppressions', 'ignore suppression files')
    .option('--wait', 'keep draining until no document is waiting, active or retrying')
    .action(async (opts: ReportFlags) => {
      state.code = await runQueueDrain(opts, io);
    });

  addQueueConnectionOptions(queue.command('delete').description('delete the queue: its jobs, results and rule-set record'), io)
    .option('--yes', 'really delete')
    .action(async (opts: QueueFlags & { yes?: boolean }) => {
      state.code = await runQueueDelete(opts, io);
    });

  addWorkerCommand(program, io, state);
}


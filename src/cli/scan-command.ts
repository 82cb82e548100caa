import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { AD_TYPES, SEVERITIES, type AdType, type DocumentResult, type ScanResult, type Severity } from '../core/types.js';
import { CATEGORY_IDS } from '../core/categories.js';
import {
  defaultFingerprint,
  formatJsonlDocument,
  formatJsonlSummary,
  formatReport,
  isFormatName,
  jsonChunksOfTexts,
  reportRules,
  summarize,
  SummaryCounter,
  type FormatName,
  type ReportOptions,
} from '../report/index.js';
import type { RuleSetData } from '../rules/load.js';
import { renderDocument, type RenderedDocument, type RenderFormat } from '../batch/rendered.js';
import type { SourceOptions } from '../sources/index.js';
import { Checkpoint, CHECKPOINT_VERSION, settingsHash, type CheckpointHeader } from '../batch/checkpoint.js';
import { countInputs } from '../batch/count-inputs.js';
import { inProcessEngine, poolEngine, type ScanEngine } from '../batch/engine.js';
import { ProgressLine } from '../batch/progress.js';
import { ResultSpool } from '../batch/result-spool.js';
import { runBatch } from '../batch/run-batch.js';
import { signalExitCode, trapStopSignals } from '../batch/signals.js';
import { describeFsError } from '../sources/messages.js';
import { packageVersion } from '../sources/package-version.js';
import {
  applyRuleSettings,
  applySuppressions,
  baselineEntries,
  BaselineIndex,
  checkRuleSelectors,
  fingerprintOf,
  globMatcher,
  parseReportSpec,
  TriageFileError,
  unknownSuppressionRules,
  uriMatches,
  type AdscanConfig,
  type BaselineEntry,
  type ReportOutput,
  type SuppressionFile,
} from '../triage/index.js';
import { writeChunksAtomic } from './atomic-write.js';
import { readCertRegistry } from './cert-registry-file.js';
import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { wantsColor, type CliIo } from './io.js';
import { loadScanner, type LoadedScanner } from './load-scanner.js';
import { formatNames } from './scan-options.js';
import { positiveInt, sourceOptions, type SourceFlags } from './source-flags.js';
import { displayPath, loadConfig, loadSuppressions, readBaselineFile, writeBaselineFile } from './triage-files.js';

/** The options shared by `scan` and `baseline prune` (see scan-options.ts). */
export interface ScanInputFlags extends SourceFlags {
  config?: string | false;
  adType?: string;
  rules?: string[];
  builtinRules: boolean;
  fullDict?: boolean;
  asOf?: string;
  certRegistry?: string;
  suppressions?: string | false;
  // --- batch
  jobs?: string;
}

export interface ScanFlags extends ScanInputFlags {
  format?: string;
  output?: string;
  report?: string[];
  failOn?: string;
  baseline?: string | false;
  writeBaseline?: string;
  color?: boolean;
  // --- batch
  checkpoint?: string;
  quiet?: boolean;
}

export type FailOn = Severity | 'never';

export function parseAdTypes(value: string | undefined): AdType[] | undefined {
  if (!value) return undefined;
  const types = value.split(',').map((t) => t.trim().replace(/_/g, '-')).filter(Boolean);
  for (const t of types) {
    if (!AD_TYPES.includes(t as AdType)) throw new CliError(`--ad-type: unknown ad type "${t}" (known: ${AD_TYPES.join(', ')})`);
  }
  return types as AdType[];
}

/** `--as-of YYYY-MM-DD`: the date numbers must be valid on (default: today). */
export function parseAsOf(value: string | undefined, now = new Date()): Date {
  if (value === undefined) return now;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!d || d.getUTCMonth() !== Number(m![2]) - 1 || d.getUTCDate() !== Number(m![3])) {
    throw new CliError(`--as-of: expected a date as YYYY-MM-DD, got "${value}"`);
  }
  return d;
}

export function parseFailOn(value: string): FailOn {
  if (value === 'never' || SEVERITIES.includes(value as Severity)) return value as FailOn;
  throw new CliError(`--fail-on: expected error, warning, info or never, got "${value}"`);
}

/** Whether any finding is at or above the threshold. */
export function failsOn(documents: readonly { findings: readonly { severity: Severity }[] }[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  const rank = (s: Severity) => SEVERITIES.length - SEVERITIES.indexOf(s);
  return documents.some((d) => d.findings.some((f) => rank(f.severity) >= rank(failOn)));
}

/** `--report FORMAT:PATH` values, checked against the formatter registry. */
export function parseReportFlags(values: readonly string[]): ReportOutput[] {
  return values.map((v) => {
    const out = parseReportSpec(v);
    if (!out) throw new CliError(`--report: expected FORMAT:PATH (e.g. sarif:out/adscan.sarif), got "${v}"`);
    if (!isFormatName(out.format)) throw new CliError(`--report: unknown format "${out.format}" (known: ${formatNames().join(', ')})`);
    return out;
  });
}

/** Everything a scan needs, settled from flags and configuration before any input is read. */
export interface ScanSetup {
  config: AdscanConfig | null;
  loaded: LoadedScanner;
  /** Every rule id of the loaded packs, before the config switched any off. */
  ruleIds: ReadonlySet<string>;
  packs: ReadonlySet<string>;
  suppressions: SuppressionFile | null;
  asOf: string | undefined;
  today: Date;
  adTypes: AdType[] | undefined;
  registry: Awaited<ReturnType<typeof readCertRegistry>> | undefined;
  sources: Partial<SourceOptions>;
  cwd: string;
  /** The flags the setup came from: worker threads prepare their own from them. */
  flags: ScanInputFlags;
  /** `--jobs`: 1 in-process, N ≥ 2 worker threads; undefined: decided per run (see scanInputs). */
  jobs: number | undefined;
}

/** Reads the configuration, rules and suppression file; any problem is a usage error (exit 2). */
export async function prepareScan(flags: ScanInputFlags, io: CliIo): Promise<ScanSetup> {
  const cwd = io.cwd;
  const config = await loadConfig(flags.config, cwd, formatNames());
  const asOf = flags.asOf ?? config?.asOf;
  const today = parseAsOf(asOf);
  const adTypes = parseAdTypes(flags.adType);
  const registry = flags.certRegistry ? await readCertRegistry(flags.certRegistry) : undefined;
  const sources = sourceOptions(flags);
  const jobs = parseJobs(flags.jobs);

  let ruleIds: ReadonlySet<string> = new Set();
  let packs: ReadonlySet<string> = new Set();
  const transform = (data: RuleSetData): RuleSetData => {
    ruleIds = new Set(data.packs.flatMap((p) => p.rules.map((r) => `${p.pack}/${r.id}`)));
    packs = new Set(data.packs.map((p) => p.pack));
    if (!config) return data;
    const problems = checkRuleSelectors(config, { ruleIds, packs, categories: CATEGORY_IDS });
    if (problems.length) throw new CliError(`invalid configuration:\n${new TriageFileError(problems).message}`);
    return applyRuleSettings(data, config);
  };
  const loaded = await loadScanner({
    rules: [...(config?.rulePacks ?? []), ...(flags.rules ?? [])],
    builtinRules: flags.builtinRules !== false && config?.builtinRules !== false,
    fullDict: flags.fullDict,
    transform,
  });

  const suppressions = await loadSuppressions(flags.suppressions, config, cwd);
  if (suppressions) {
    const unknown = unknownSuppressionRules(suppressions, ruleIds);
    if (unknown) throw new CliError(`invalid suppression file:\n${unknown.message}`);
  }
  return { config, loaded, ruleIds, packs, suppressions, asOf, today, adTypes, registry, sources, cwd, flags, jobs };
}

export function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = positiveInt(value, '--jobs');
  if (!n) throw new CliError(`--jobs: expected at least 1, got "${value}"`);
  return n;
}

/** How a scan run is steered besides its flags (see runScan). */
export interface ScanRunOptions {
  /** Aborted: take no new inputs; documents already read still finish. */
  signal?: AbortSignal;
  checkpoint?: Checkpoint;
  progress?: ProgressLine;
  /** No warnings on stderr. */
  quiet?: boolean;
  /** Whether the returned array holds the documents (default true; see BatchOptions.keep). */
  keep?: boolean;
  /** Whether `onDocument` changes documents in place (applies a baseline): see BatchPlan.mutates. */
  mutates?: boolean;
  /**
   * Documents wanted as report text in these formats, made where they are scanned (see
   * batch/rendered.ts): they go to `onRendered` instead of `onDocument`, and none is kept.
   * Ignored when documents are changed in place (a suppression file, `mutates`).
   */
  render?: readonly RenderFormat[];
  onRendered?: (r: RenderedDocument, info: { resumed: boolean }) => void;
}

/**
 * Without --jobs, a run whose inputs a quick look finds small — fewer documents and bytes
 * than these — is scanned in-process: each worker thread spends about half a second
 * importing, compiling the rules and loading the dictionary, more than it would save.
 */
const AUTO_POOL_DOCUMENTS = 200;
const AUTO_POOL_BYTES = 4_000_000;

/** In-process or a worker pool, by --jobs or (without it) by the CPUs and the inputs' size. */
async function scanEngine(inputs: string[], setup: ScanSetup, env: NodeJS.ProcessEnv): Promise<ScanEngine> {
  let jobs = setup.jobs ?? availableParallelism();
  if (setup.jobs === undefined && jobs > 1) {
    const count = await countInputs(inputs, setup.sources, { documents: AUTO_POOL_DOCUMENTS, bytes: AUTO_POOL_BYTES, sizes: true });
    if (count?.complete) jobs = 1;
  }
  return jobs > 1 ? poolEngine(setup, jobs, env) : inProcessEngine(setup);
}

/**
 * Reads and scans every input that the configuration does not ignore, then applies the
 * triage that does not depend on a baseline: fingerprints, inline disables and the
 * suppression file. Warnings (e.g. an inline directive naming no known rule) go to stderr.
 * Documents come back (and to `onDocument`) in input order, whatever the number of jobs.
 */
export async function scanInputs(
  inputs: string[],
  setup: ScanSetup,
  io: CliIo,
  /** Called as each document is finished (triaged), e.g. to stream it out. */
  onDocument?: (d: DocumentResult, info: { resumed: boolean }) => void,
  run: ScanRunOptions = {},
): Promise<DocumentResult[]> {
  const { config, cwd } = setup;
  const ignore = config ? globMatcher(config.ignore) : null;
  const hints = (config?.adTypes ?? []).map((h) => ({ match: globMatcher([h.glob]), types: h.types }));
  const typesFor = (uri: string): AdType[] | undefined => {
    if (setup.adTypes) return setup.adTypes;
    if (!config) return undefined;
    const types = new Set<AdType>();
    for (const h of hints) if (uriMatches(h.match, uri, config.dir, cwd)) h.types.forEach((t) => types.add(t));
    return types.size ? [...types] : undefined;
  };

  const engine = await scanEngine(inputs, setup, io.env);
  try {
    const outcome = await runBatch(
      {
        inputs,
        sources: setup.sources,
        stdin: io.stdin,
        engine,
        rulesHash: setup.loaded.rulesHash,
        ignored: (uri) => Boolean(config && ignore && uriMatches(ignore, uri, config.dir, cwd)),
        typesFor,
        triage: (d) => {
          if (setup.suppressions) applySuppressions(d, setup.suppressions, cwd);
        },
        mutates: Boolean(setup.suppressions) || run.mutates === true,
        render: run.render,
      },
      {
        signal: run.signal,
        checkpoint: run.checkpoint,
        progress: run.progress,
        warn: run.quiet
          ? undefined
          : (line) => {
              run.progress?.clear();
              io.stderr.write(`adscan: warning: ${line}\n`);
            },
        onDocument,
        onRendered: run.onRendered,
        keep: run.keep,
      },
    );
    return outcome.documents;
  } finally {
    await engine.close();
  }
}

/** A report file or stdout: formatted once per target. */
export function reportOptions(setup: ScanSetup, color: boolean, failOn: FailOn, startTime: Date, endTime: Date): ReportOptions {
  return {
    color,
    cwd: setup.cwd,
    failOn,
    startTime,
    endTime,
    rules: reportRules(setup.loaded.scanner.rules.rules),
    // SARIF partialFingerprints: the content fingerprint baselines and suppressions use.
    fingerprint: (f) => fingerprintOf(f) ?? defaultFingerprint(f),
  } as ReportOptions;
}

export async function runScan(inputs: string[], flags: ScanFlags, io: CliIo): Promise<number> {
  const startTime = new Date();
  if (flags.format !== undefined && !isFormatName(flags.format)) {
    throw new CliError(`--format: unknown format "${flags.format}" (known: ${formatNames().join(', ')})`);
  }
  if (flags.failOn !== undefined) parseFailOn(flags.failOn);
  const cliReports = flags.report ? parseReportFlags(flags.report) : null;
  if (inputs.length === 0 && !flags.urlList?.length) throw new CliError('nothing to scan: give files, directories, URLs, --url-list or - for stdin');

  const setup = await prepareScan(flags, io);
  const { config, cwd } = setup;
  const format = flags.format ?? config?.format ?? 'pretty';
  const failOn = parseFailOn(flags.failOn ?? config?.failOn ?? 'error');
  // Report files named on the command line replace those of the configuration.
  const reports = cliReports ? cliReports.map((r) => ({ ...r, path: resolve(cwd, r.path) })) : (config?.reports ?? []);

  // The config's baseline path is already absolute (relative to the config file).
  const baselineFlag = flags.baseline === false ? undefined : (flags.baseline ?? config?.baseline);
  const baselinePath = baselineFlag !== undefined ? resolve(cwd, baselineFlag) : undefined;
  const writePath = flags.writeBaseline !== undefined ? resolve(cwd, flags.writeBaseline) : undefined;
  // Writing a baseline records every current finding: the old one (which may not exist yet) is not read.
  const baseline = baselinePath && !writePath ? await readBaselineFile(baselinePath, cwd) : undefined;

  const baselineIndex = baseline && baselinePath && !writePath ? new BaselineIndex(baseline, { dir: dirname(baselinePath), cwd }) : undefined;
  // JSONL to stdout streams: a line per document as it finishes, the summary line at the end.
  const streaming = format === 'jsonl' && !flags.output && !writePath;
  const quiet = flags.quiet === true;
  const checkpointPath = flags.checkpoint !== undefined ? resolve(cwd, flags.checkpoint) : undefined;
  const checkpoint = checkpointPath
    ? Checkpoint.open(checkpointPath, checkpointHeader(setup), { display: displayPath(checkpointPath, cwd), labels: CHECKPOINT_LABELS })
    : undefined;
  const progress = wantsProgress(io, quiet, streaming) ? new ProgressLine(io.stderr) : undefined;
  /** A message for stderr, on a line of its own even while the progress line is shown. */
  const say = (message: string) => {
    progress?.clear();
    io.stderr.write(message);
  };
  // Ctrl-C (or SIGTERM) stops taking inputs; what is under way finishes and is reported.
  const stop = trapStopSignals((signal) => {
    say(`adscan: ${signal}: finishing the documents under way, then writing the reports (${signal} again quits at once)\n`);
  });
  // Test-only hook: ADSCAN_TEST_SIGNAL_AFTER=K[:SIGTERM] makes the process signal itself once
  // K documents of this run are finished, so tests can interrupt a run at a known point.
  const selfSignal = /^(\d+)(?::(SIGINT|SIGTERM))?$/.exec(io.env.ADSCAN_TEST_SIGNAL_AFTER ?? '');
  let finishedHere = 0;
  // The look ahead for the progress line's total ends with the run at the latest.
  const counting = new AbortController();

  try {
    if (progress) {
      countInputs(inputs, setup.sources, { signal: AbortSignal.any([stop.signal, counting.signal]) }).then(
        (count) => progress.setTotal(count?.documents),
        () => {},
      );
    }
    // Results of runs whose every report can be written piece by piece (JSON, JSON Lines) wait
    // on disk, not in memory: a crawl's findings outgrow the heap. Other formats, and writing a
    // baseline, need them all at hand. Each document is stored once per report format, already
    // in that format's text; JSONL streamed to stdout needs no store.
    const formats = [format, ...reports.map((r) => r.format)];
    const spooled = !writePath && formats.every((f) => f === 'json' || f === 'jsonl');
    const spools = new Map<RenderFormat, ResultSpool>();
    if (spooled) for (const f of new Set([...(streaming ? [] : [format]), ...reports.map((r) => r.format)])) spools.set(f as RenderFormat, new ResultSpool());
    const counter = new SummaryCounter();
    let failing = false;
    let allFailed = true;
    // Counts this run's finished documents for the ADSCAN_TEST_SIGNAL_AFTER hook (above).
    const selfSignalCheck = () => {
      if (selfSignal && ++finishedHere === Number(selfSignal[1])) process.kill(process.pid, selfSignal[2] ?? 'SIGINT');
    };
    // What each finished document of a spooled run is written as: a text per spool, and its
    // JSON Lines line for stdout when streaming.
    const spoolTexts: RenderFormat[] = [...new Set<RenderFormat>([...spools.keys(), ...(streaming ? (['jsonl'] as const) : [])])];
    const takeRendered = (r: RenderedDocument, { resumed }: { resumed: boolean }) => {
      if (streaming) io.stdout.write(r.texts.jsonl!);
      for (const [f, store] of spools) store.add(r.texts[f]!);
      counter.add(r.tally);
      failing ||= failsOn([r.tally], failOn);
      allFailed &&= r.tally.error !== null;
      if (!resumed) selfSignalCheck();
    };
    try {
      const kept = await scanInputs(
        inputs,
        setup,
        io,
        (d, info) => {
          baselineIndex?.apply(d);
          if (spooled) return takeRendered(renderDocument(d, spoolTexts), info);
          if (streaming) io.stdout.write(formatJsonlDocument(d));
          if (!info.resumed) selfSignalCheck();
        },
        {
          signal: stop.signal,
          checkpoint,
          progress,
          quiet,
          keep: !spooled,
          mutates: baselineIndex !== undefined || writePath !== undefined,
          // Documents nothing changes after the scan come as text already, made by the worker
          // that scanned them: the main thread only writes it out.
          render: spooled && !baselineIndex && !setup.suppressions ? spoolTexts : undefined,
          onRendered: takeRendered,
        },
      );
      progress?.stop();
      checkpoint?.close();
      const interrupted = stop.received;

      if (writePath && interrupted) {
        say(`adscan: baseline ${displayPath(writePath, cwd)} not written: the run was interrupted\n`);
      } else if (writePath) {
        const place = { dir: dirname(writePath), cwd };
        const entries: BaselineEntry[] = kept.filter((d) => d.error === null).flatMap((d) => baselineEntries(d, place));
        await writeBaselineFile(writePath, { entries }, cwd);
        // The findings just recorded are baselined, as on the next run with --baseline.
        const index = new BaselineIndex({ entries }, place);
        for (const d of kept) index.apply(d);
        if (!quiet) say(`adscan: wrote baseline ${displayPath(writePath, cwd)} (${entries.length} ${entries.length === 1 ? 'finding' : 'findings'})\n`);
      }

      const tool: ScanResult['tool'] = { name: 'adscan', version: packageVersion() };
      const summary = spooled ? counter.summary() : summarize(kept);
      const result: ScanResult = { tool, summary, documents: kept };
      const endTime = new Date();
      /** A report's text, or for spooled runs its pieces, read back one document at a time. */
      const render = (fmt: FormatName, options: ReportOptions): Iterable<string | Uint8Array> => {
        if (!spooled) return [formatReport(fmt, result, options)];
        const records = spools.get(fmt as RenderFormat)!.records();
        if (fmt === 'json') return jsonChunksOfTexts(tool, summary, records);
        return jsonlChunks(records, tool, summary);
      };
      const target = flags.output ? { isTTY: false } : io.stdout;
      const body = streaming
        ? [formatJsonlSummary(tool, summary)]
        : render(format as FormatName, reportOptions(setup, wantsColor(target, io.env, flags.color), failOn, startTime, endTime));
      if (flags.output) {
        try {
          await writeChunksAtomic(flags.output, body);
        } catch (err) {
          // A path the user chose, not a bug in adscan: a plain message, no stack trace.
          throw new CliError(`--output: cannot write ${flags.output}: ${describeFsError(err)}`);
        }
      } else for (const chunk of body) io.stdout.write(chunk);

      if (reports.length) {
        const options = reportOptions(setup, false, failOn, startTime, endTime);
        for (const r of reports) {
          try {
            await writeChunksAtomic(r.path, render(r.format as FormatName, options));
          } catch (err) {
            throw new CliError(`--report: cannot write ${displayPath(r.path, cwd)}: ${describeFsError(err)}`);
          }
        }
      }

      const count = summary.documents;
      if (interrupted) {
        const done = `${count} ${count === 1 ? 'document' : 'documents'}`;
        say(
          checkpoint
            ? `adscan: interrupted: the reports cover the ${done} finished; run the same command again to resume from ${checkpoint.display}\n`
            : `adscan: interrupted: the reports cover the ${done} finished; add --checkpoint FILE to be able to resume a run\n`,
        );
        return signalExitCode(interrupted);
      }
      if (count > 0 && (spooled ? allFailed : kept.every((d) => d.error !== null))) {
        say('adscan: no input could be read\n');
        return EXIT_USAGE;
      }
      return (spooled ? failing : failsOn(kept, failOn)) ? EXIT_FINDINGS : EXIT_OK;
    } finally {
      for (const store of spools.values()) store.dispose();
    }
  } finally {
    counting.abort();
    stop.release();
    progress?.stop();
    checkpoint?.close();
  }
}


/** JSON Lines read back from the spool: a line per document, then the summary line. */
function* jsonlChunks(lines: Iterable<Uint8Array>, tool: ScanResult['tool'], summary: ScanResult['summary']): Generator<string | Uint8Array> {
  yield* lines;
  yield formatJsonlSummary(tool, summary);
}

/** The progress line: only on a terminal, not with --quiet, not in CI, not over streamed JSONL. */
export function wantsProgress(io: Pick<CliIo, 'stderr' | 'stdout' | 'env'>, quiet: boolean, streaming: boolean): boolean {
  if (quiet || !io.stderr.isTTY) return false;
  const ci = io.env.CI;
  if (ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false') return false;
  return !(streaming && io.stdout.isTTY);
}

/** How the checkpoint header's settings are named in a mismatch message. */
const CHECKPOINT_LABELS: Record<string, string> = {
  adTypes: '--ad-type',
  asOf: '--as-of',
  fullDict: '--full-dict',
  certRegistry: '--cert-registry (its content)',
  suppressions: 'the suppression file (its content)',
  configScope: "the configuration's adTypes and ignore",
  maxBytes: '--max-bytes',
};

/** The rules and every setting besides them that changes a document's stored result. */
function checkpointHeader(setup: ScanSetup): CheckpointHeader {
  const { config, suppressions } = setup;
  return {
    adscanCheckpoint: CHECKPOINT_VERSION,
    rulesHash: setup.loaded.rulesHash,
    options: {
      adTypes: setup.adTypes?.join(',') ?? null,
      asOf: setup.asOf ?? null,
      fullDict: setup.flags.fullDict === true,
      certRegistry: setup.registry ? settingsHash(setup.registry) : null,
      suppressions: suppressions ? settingsHash({ dir: suppressions.dir, entries: suppressions.entries.map(({ line: _line, ...e }) => e) }) : null,
      configScope: config ? settingsHash({ dir: config.dir, adTypes: config.adTypes, ignore: config.ignore }) : null,
      maxBytes: setup.sources.maxBytes ?? null,
    },
  };
}

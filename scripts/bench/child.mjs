// Runs the CLI as a child process and measures it: wall time (spawn → close), exit code,
// peak RSS and CPU time. Peak memory comes from `/usr/bin/time -v` when it works here,
// otherwise from a preload that records process.resourceUsage() on exit.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PRELOAD = join(dirname(fileURLToPath(import.meta.url)), 'maxrss-preload.mjs');
const TIME = '/usr/bin/time';

/** 'time' when /usr/bin/time -v -o works (GNU or BusyBox), else 'preload'. */
export function detectRssMethod(tmp) {
  if (!existsSync(TIME)) return 'preload';
  const probe = join(tmp, 'time-probe.txt');
  const r = spawnSync(TIME, ['-v', '-o', probe, process.execPath, '-e', ''], { stdio: 'ignore' });
  let ok = false;
  try {
    ok = r.status === 0 && /Maximum resident set size/.test(readFileSync(probe, 'utf8'));
  } catch {
    ok = false;
  }
  rmSync(probe, { force: true });
  return ok ? 'time' : 'preload';
}

export const RSS_METHOD_LABEL = {
  time: '/usr/bin/time -v (max RSS of the node child)',
  preload: 'preload writing process.resourceUsage().maxRSS on exit',
  none: 'not measured',
};

let seq = 0;
const active = new Set();

/** Kills every running child's process group (the CLI, and /usr/bin/time around it). */
export function killActive() {
  for (const child of active) killGroup(child);
}

function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL'); // detached: the child leads its own group
  } catch {
    child.kill('SIGKILL');
  }
}

/**
 * Runs `node <args>` in `cwd`. Resolves (never rejects) with
 * { code, signal, wallMs, maxRssKb, userS, sysS, stdout, stderr, timedOut }.
 * With `stdoutFile`, the child's stdout goes straight to that file (a streamed report of
 * any size) and `stdout` is empty.
 */
export function runNode(args, { cwd, tmp, rss = 'none', stdin, timeoutMs = 600_000, stdoutFile }) {
  const statFile = join(tmp, `child-stat-${++seq}.txt`);
  let cmd = process.execPath;
  let argv = args;
  const env = { ...process.env };
  if (rss === 'time') {
    cmd = TIME;
    argv = ['-v', '-o', statFile, process.execPath, ...args];
  } else if (rss === 'preload') {
    argv = ['--import', pathToFileURL(PRELOAD).href, ...args];
    env.ADSCAN_BENCH_RSS_FILE = statFile;
  }
  return new Promise((resolve) => {
    const out = [];
    const err = [];
    let timedOut = false;
    const started = performance.now();
    // Own process group, so a timeout also kills the node process under /usr/bin/time.
    const outFd = stdoutFile === undefined ? null : openSync(stdoutFile, 'w');
    const child = spawn(cmd, argv, { cwd, env, detached: true, stdio: [stdin === undefined ? 'ignore' : 'pipe', outFd ?? 'pipe', 'pipe'] });
    if (outFd !== null) closeSync(outFd); // the child has its own copy
    if (child.pid !== undefined) active.add(child);
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, timeoutMs);
    child.stdout?.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    if (stdin !== undefined) {
      child.stdin.on('error', () => {}); // EPIPE if the CLI exits before reading everything
      child.stdin.end(stdin);
    }
    let done = false;
    const finish = (code, signal, spawnError) => {
      if (done) return;
      done = true;
      const wallMs = performance.now() - started;
      active.delete(child);
      clearTimeout(timer);
      const result = {
        code,
        signal,
        wallMs,
        maxRssKb: null,
        userS: null,
        sysS: null,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8') + (spawnError ? `\n${spawnError.message}` : ''),
        timedOut,
      };
      try {
        const text = readFileSync(statFile, 'utf8');
        if (rss === 'time') {
          const num = (re) => {
            const m = re.exec(text);
            return m ? Number(m[1]) : null;
          };
          result.maxRssKb = num(/Maximum resident set size \(kbytes\):\s*(\d+)/);
          result.userS = num(/User time \(seconds\):\s*([\d.]+)/);
          result.sysS = num(/System time \(seconds\):\s*([\d.]+)/);
          const sig = /Command terminated by signal (\d+)/.exec(text);
          if (sig) result.signal = `signal ${sig[1]}`;
        } else {
          const stat = JSON.parse(text);
          result.maxRssKb = stat.maxRSS;
          result.userS = stat.userCPUTime / 1e6;
          result.sysS = stat.systemCPUTime / 1e6;
        }
      } catch {
        // No stat file: the child died before exit handlers ran, or rss === 'none'.
      }
      rmSync(statFile, { force: true });
      resolve(result);
    };
    child.on('error', (e) => finish(null, null, e));
    child.on('close', (code, signal) => finish(code, signal, null));
  });
}

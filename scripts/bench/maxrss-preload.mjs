// Preloaded into the benchmarked CLI (`node --import <this file> bin/adscan ...`) when
// /usr/bin/time -v is not available: on exit, writes the process's peak resident set size
// (maxRSS, kilobytes) and CPU times (microseconds) from process.resourceUsage() as JSON to
// the file named by ADSCAN_BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

const target = process.env.ADSCAN_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    try {
      const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
      writeFileSync(target, `${JSON.stringify({ maxRSS, userCPUTime, systemCPUTime })}\n`);
    } catch {
      // Measuring must never change the CLI's outcome.
    }
  });
}

import { spawn } from 'node:child_process';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, ROOT, runCli } from './helpers.js';

beforeAll(assertBuilt);

describe('--format jsonl', () => {
  it('writes the same lines to stdout as to a file: one per document, then the summary', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'adscan-jsonl-')), 'r.jsonl');
    const [streamed] = await Promise.all([
      runCli(['scan', 'fixtures/ads/text', '--format', 'jsonl', '--fail-on', 'never']),
      runCli(['scan', 'fixtures/ads/text', '--format', 'jsonl', '--fail-on', 'never', '-o', out]),
    ]);
    expect(streamed.stdout).toBe(readFileSync(out, 'utf8'));
    const lines = streamed.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.at(-1)).toHaveProperty('summary');
    expect(lines.slice(0, -1).every((l) => typeof l.uri === 'string')).toBe(true);
    expect(lines.length - 1).toBe(lines.at(-1).summary.documents);
  }, 60_000);

  describe('streaming', () => {
    // The second input is a URL that answers only once the first document's line has arrived.
    let release: (() => void) | undefined;
    const server = createServer((_req, res: ServerResponse) => {
      release = () => res.end('<p>本院专治牛皮癣，保证治愈</p>');
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    });
    beforeAll(() => new Promise<void>((r) => server.listen(0, '127.0.0.1', r)));
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it('emits a document as soon as it is scanned, before later inputs arrive', async () => {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slow`;
      const child = spawn(process.execPath, [BIN, 'scan', 'fixtures/ads/text/psoriasis-hospital.txt', url, '--format', 'jsonl', '--as-of', '2026-03-01'], { cwd: ROOT });
      let stdout = '';
      const firstLine = new Promise<string>((resolve) => {
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString('utf8');
          if (stdout.includes('\n')) resolve(stdout.slice(0, stdout.indexOf('\n')));
        });
      });
      const line = JSON.parse(await firstLine);
      expect(line.uri).toBe('fixtures/ads/text/psoriasis-hospital.txt');
      // The URL's answer is still held back, so this line cannot have waited for the end of the run.
      while (!release) await new Promise((r) => setTimeout(r, 20));
      release();
      const code = await new Promise<number | null>((r) => child.on('close', r));
      const lines = stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
      expect(lines.map((l) => l.uri ?? 'summary')).toEqual(['fixtures/ads/text/psoriasis-hospital.txt', url, 'summary']);
      expect(code).toBe(1);
    }, 60_000);
  });
});

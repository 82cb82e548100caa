// The HTML report in a real headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core; no browser is ever downloaded). Without Chromium the suite is skipped
// locally and fails under CI, where .ci/run installs it. Code run in the page is passed as
// strings where it needs DOM globals: the project's TypeScript lib has no DOM types.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentResult, ScanResult } from '../../src/core/types.js';
import { formatHtml } from '../../src/report/html.js';
import { summarize } from '../../src/report/summary.js';

// Debian's package; ADSCAN_CHROMIUM only lets the skip and CI paths be tried.
const CHROMIUM = process.env.ADSCAN_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const ROOT = new URL('../../', import.meta.url);
const ARTIFACTS = join(ROOT.pathname, 'test-artifacts');

const available = existsSync(CHROMIUM);
if (!available && !process.env.CI) {
  console.warn(`tests/browser: skipped, ${CHROMIUM} not found (apt-get install -y chromium to run them)`);
}

const fixture = (name: string): ScanResult =>
  JSON.parse(readFileSync(new URL(`fixtures/report/${name}`, ROOT), 'utf8')) as ScanResult;

/** The bundled ads' real scan result, plus a document that could not be read. */
function mainResult(): ScanResult {
  const base = fixture('ads-result.json');
  const failed: DocumentResult = {
    uri: 'https://example.test/gone.html',
    adTypes: [],
    context: 'unknown',
    evidence: [],
    findings: [],
    suppressed: [],
    error: 'HTTP 404 Not Found',
  };
  const documents = [...base.documents, failed];
  return { ...base, summary: summarize(documents), documents };
}

interface Loaded {
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  requests: string[];
  url: string;
}

describe.skipIf(!available && !process.env.CI)('HTML report in headless Chromium', () => {
  let browser: Browser;
  const opened: Page[] = [];

  beforeAll(async () => {
    if (!available) throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium (apt-get install -y chromium)`);
    mkdirSync(ARTIFACTS, { recursive: true });
    // launch() gives the browser a fresh temporary --user-data-dir and removes it on close.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 15_000 });
  }, 20_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(name: string, result: ScanResult): Promise<Loaded> {
    const file = join(ARTIFACTS, `${name}.html`);
    writeFileSync(file, formatHtml(result, { startTime: new Date('2026-11-28T10:00:00Z') }));
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    opened.push(page);
    const loaded: Loaded = { page, consoleErrors: [], pageErrors: [], dialogs: [], requests: [], url: pathToFileURL(file).href };
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') loaded.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => loaded.pageErrors.push(error.message));
    page.on('dialog', (dialog) => {
      loaded.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('request', (request) => loaded.requests.push(request.url()));
    await page.goto(loaded.url, { waitUntil: 'load' });
    return loaded;
  }

  /** The uris of the visible document rows, in table order. */
  const visibleUris = (page: Page) =>
    page.$$eval('tbody.doc:not([hidden]) .uri-text', (els) => els.map((el) => el.textContent ?? ''));

  it('renders the summary, charts, Chinese text and highlighted matches; filters and sorts', async () => {
    const result = mainResult();
    const { page, consoleErrors, pageErrors, dialogs, requests, url } = await open('html-report', result);
    const docs = result.documents;

    expect(await page.evaluate('document.characterSet')).toBe('UTF-8');
    // Summary numbers as rendered.
    const card = (id: string) => page.locator(`#count-${id} dd`).innerText();
    expect(await card('documents')).toBe(String(docs.length));
    expect(await card('findings')).toBe(String(result.summary.findings));
    expect(await card('error')).toBe(String(result.summary.bySeverity.error));
    expect(await card('warning')).toBe(String(result.summary.bySeverity.warning));
    expect(await card('failed')).toBe('1');
    expect(await page.locator('svg#chart-severity rect.bar').count()).toBe(3);
    expect(await page.locator('svg#chart-category').isVisible()).toBe(true);
    expect(await page.locator('svg#chart-adtype').isVisible()).toBe(true);

    // A finding in context: the highlighted match, Chinese text, legal basis and suggestion.
    const psoriasis = docs.findIndex((d) => d.uri.endsWith('psoriasis-hospital.txt'));
    const cure = docs[psoriasis]!.findings.find((f) => f.match === '保证治愈')!;
    expect(cure).toBeDefined();
    const item = page.locator(`#doc-${psoriasis} li.finding`, { has: page.locator('mark.hit', { hasText: '保证治愈' }) }).first();
    expect(await item.isVisible()).toBe(true);
    expect(await item.locator('mark.hit').innerText()).toBe('保证治愈');
    expect(await item.locator('.message').innerText()).toBe(cure.message);
    expect(await item.locator('dd.suggestion').innerText()).toBe(cure.suggestion);
    expect(await item.locator('.rule').innerText()).toBe(cure.ruleId);
    const markColor = await item.locator('mark.hit').evaluate('(el) => getComputedStyle(el).backgroundColor');
    expect(markColor).not.toBe('rgba(0, 0, 0, 0)');

    // The read error is shown.
    const failedRow = page.locator(`#doc-${docs.length - 1}`);
    expect(await failedRow.locator('td.read-error').innerText()).toBe('HTTP 404 Not Found');
    expect(await failedRow.locator('.read-error-box').isVisible()).toBe(true);

    // Suppressed findings are folded until opened, then show their reason.
    const plan = docs.findIndex((d) => d.suppressed.length > 0);
    const folded = page.locator(`#doc-${plan} details.suppressed`);
    await page.locator(`#doc-${plan} button.toggle`).click();
    expect(await folded.locator('dd.suppressed-by').first().isVisible()).toBe(false);
    await folded.locator('summary').click();
    expect(await folded.locator('dd.suppressed-by').first().innerText()).toBe(docs[plan]!.suppressed[0]!.suppressedBy);

    // Folding a document hides its findings.
    await page.locator(`#doc-${psoriasis} button.toggle`).click();
    expect(await item.isVisible()).toBe(false);
    await page.locator(`#doc-${psoriasis} button.toggle`).click();
    expect(await item.isVisible()).toBe(true);

    // Typing filters the rows.
    const all = docs.map((d) => d.uri);
    expect(await visibleUris(page)).toEqual(all);
    await page.locator('#filter-text').fill('psoriasis');
    expect(await visibleUris(page)).toEqual([docs[psoriasis]!.uri]);
    expect(await page.locator('#shown-count').innerText()).toBe(`Showing 1 of ${docs.length} documents`);
    await page.locator('#filter-text').fill('保证治愈');
    const withCure = docs.filter((d) => d.findings.some((f) => [f.message, f.match, f.snippet, f.suggestion].some((t) => t.includes('保证治愈'))));
    expect(await visibleUris(page)).toEqual(withCure.map((d) => d.uri));
    await page.locator('#filter-text').fill('no such text anywhere');
    expect(await visibleUris(page)).toEqual([]);
    expect(await page.locator('#no-match').isVisible()).toBe(true);
    await page.locator('#filter-text').fill('');
    expect(await visibleUris(page)).toEqual(all);

    // Severity filter: documents with an info finding, and only their info findings.
    await page.locator('#filter-severity').selectOption('info');
    expect(await visibleUris(page)).toEqual(docs.filter((d) => d.findings.some((f) => f.severity === 'info')).map((d) => d.uri));
    const shownSeverities = await page.$$eval('tbody.doc:not([hidden]) ol.findings.active > li.finding:not([hidden])', (els) =>
      els.map((el) => el.getAttribute('data-severity')),
    );
    expect(new Set(shownSeverities)).toEqual(new Set(['info']));
    expect(shownSeverities).toHaveLength(result.summary.bySeverity.info);

    // Severity and category together.
    await page.locator('#filter-severity').selectOption('error');
    await page.locator('#filter-category').selectOption('cure-guarantee');
    const errorCure = docs.filter((d) => d.findings.some((f) => f.severity === 'error' && f.category === 'cure-guarantee'));
    expect(await visibleUris(page)).toEqual(errorCure.map((d) => d.uri));
    expect(await page.locator('tbody.doc:not([hidden]) ol.findings.active > li.finding:not([hidden])').count()).toBe(
      docs.flatMap((d) => d.findings).filter((f) => f.severity === 'error' && f.category === 'cure-guarantee').length,
    );

    // Documents filter: read errors only.
    await page.locator('#filter-reset').click();
    await page.locator('#filter-status').selectOption('read-error');
    expect(await visibleUris(page)).toEqual(['https://example.test/gone.html']);
    await page.locator('#filter-reset').click();
    expect(await visibleUris(page)).toEqual(all);

    // Sorting: by findings (most first, then fewest), by uri, by read error.
    const header = (key: string) => page.locator(`th[data-sort="${key}"] button.sort`);
    const byFindings = docs.map((d, i) => ({ d, i }));
    await header('findings').click();
    expect(await page.locator('th[data-sort="findings"]').getAttribute('aria-sort')).toBe('descending');
    expect(await visibleUris(page)).toEqual(
      [...byFindings].sort((a, b) => b.d.findings.length - a.d.findings.length || a.i - b.i).map(({ d }) => d.uri),
    );
    await header('findings').click();
    expect(await page.locator('th[data-sort="findings"]').getAttribute('aria-sort')).toBe('ascending');
    expect(await visibleUris(page)).toEqual(
      [...byFindings].sort((a, b) => a.d.findings.length - b.d.findings.length || a.i - b.i).map(({ d }) => d.uri),
    );
    await header('uri').click();
    expect(await visibleUris(page)).toEqual([...all].sort());
    expect(await page.locator('th[data-sort="findings"]').getAttribute('aria-sort')).toBe('none');
    await header('readError').click();
    expect((await visibleUris(page))[0]).toBe('https://example.test/gone.html');
    await header('error').click();
    const mostErrors = Math.max(...docs.map((d) => d.findings.filter((f) => f.severity === 'error').length));
    const firstRowErrors = await page.locator('tbody.doc:not([hidden]) tr.doc-row td.num').nth(1).first().innerText();
    expect(Number(firstRowErrors)).toBe(mostErrors);
    // Sorting keeps each document's details with it.
    const firstBody = page.locator('tbody.doc').first();
    expect(await firstBody.locator(':scope > tr').count()).toBe(2);
    await page.locator('#filter-reset').click();
    expect(await visibleUris(page)).toEqual(all);

    await page.locator('#documents').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'html-report.png'), fullPage: false });
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(dialogs).toEqual([]);
    // Self-contained: the page loaded nothing but itself.
    expect(requests).toEqual([url]);
  }, 20_000);

  it('shows hostile content as text and runs none of it', async () => {
    const xss = fixture('xss-result.json');
    const { page, consoleErrors, pageErrors, dialogs, requests, url } = await open('html-report-xss', xss);
    // Give any injected handler (onerror, onload) the chance to fire, and hover everything.
    await page.mouse.move(200, 300);
    for (const el of await page.locator('li.finding, td, .card').all()) await el.hover({ force: true, timeout: 1000 }).catch(() => {});
    await page.waitForTimeout(100);

    expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
    expect(await page.evaluate('typeof window.parent.__xss')).toBe('undefined');
    expect(await page.locator('img, iframe, a, object, embed, b').count()).toBe(0);
    expect(await page.evaluate('document.scripts.length')).toBe(2);
    const attributes = (await page.evaluate(
      '[...document.querySelectorAll("*")].flatMap((el) => [...el.attributes].map((a) => a.name))',
    )) as string[];
    expect(attributes.length).toBeGreaterThan(100);
    const handlers = attributes.filter((n) => /^on|^src$|^href$|^srcdoc$|^style$/i.test(n));
    expect(handlers).toEqual([]);
    expect(await page.locator('body').isVisible()).toBe(true);

    // The payloads are there, as text.
    const first = xss.documents[0]!;
    expect(await page.locator('.uri-text').first().textContent()).toBe(first.uri);
    expect(await page.locator('li.finding .snippet mark.hit').first().textContent()).toBe(first.findings[0]!.match);
    expect(await page.locator('li.finding .message').first().textContent()).toBe(first.findings[0]!.message);
    expect(await page.locator('.read-error-box').textContent()).toContain(xss.documents[1]!.error!);
    await page.locator('#expand-all').click();
    await page.locator('#doc-0 details.evidence summary').click();
    expect(await page.locator('#doc-0 table.evidence td').nth(1).innerText()).toBe(first.evidence[0]!.indicator);

    // The filter treats a payload as plain text.
    await page.locator('#filter-text').fill('ENOENT "><img src=x');
    expect(await visibleUris(page)).toEqual([xss.documents[1]!.uri]);
    await page.locator('#filter-text').fill('');
    await page.locator('#filter-category').selectOption(first.findings[0]!.category);
    expect(await visibleUris(page)).toEqual([first.uri]);

    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: join(ARTIFACTS, 'html-report-xss.png'), fullPage: false });
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(requests).toEqual([url]);
    expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
  }, 20_000);
});

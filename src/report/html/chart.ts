// Inline SVG bar charts for the report summary: no script, no external resources, colours
// from the page's stylesheet (classes), labels escaped like everything else.
import { escapeHtml } from './escape.js';

export interface Bar {
  label: string;
  value: number;
  /** Text after the bar; defaults to the value. */
  note?: string;
  /** A class for the bar (e.g. the severity), styled by the page. */
  kind?: string;
}

const ROW = 22;
const BAR_HEIGHT = 14;
const PAD = 6;
const WIDTH = 420;
const FONT_SIZE = 12;
const LABEL_MAX = 170;
const NOTE_MAX = 90;

/** A rough rendered width of `text` at 12px: wide for CJK and other full-width characters. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    width += cp >= 0x1100 && (cp <= 0x115f || cp >= 0x2e80) ? FONT_SIZE : FONT_SIZE * 0.6;
  }
  return Math.ceil(width);
}

/** Shortens a label that would not fit, keeping its start; the full text stays in <title>. */
function fit(text: string, max: number): string {
  if (textWidth(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`) > max) break;
    out += ch;
  }
  return `${out}…`;
}

/**
 * A horizontal bar chart: one row per bar, label on the left, value after the bar.
 * `title` names the chart for assistive technology (role="img" with <title>); each bar also
 * has a <title> with its full label and value, so the chart reads without seeing it.
 */
export function barChart(id: string, title: string, bars: readonly Bar[]): string {
  const labelWidth = Math.min(LABEL_MAX, Math.max(40, ...bars.map((b) => textWidth(b.label)))) + PAD;
  const noteWidth = Math.min(NOTE_MAX, Math.max(24, ...bars.map((b) => textWidth(b.note ?? String(b.value))))) + PAD;
  const barSpace = Math.max(60, WIDTH - labelWidth - noteWidth - PAD);
  const max = Math.max(1, ...bars.map((b) => b.value));
  const rows = bars.length === 0 ? 1 : bars.length;
  const height = rows * ROW + PAD;
  const titleId = `${id}-title`;
  const parts: string[] = [
    `<svg class="chart" id="${escapeHtml(id)}" role="img" aria-labelledby="${escapeHtml(titleId)}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">`,
    `<title id="${escapeHtml(titleId)}">${escapeHtml(title)}</title>`,
  ];
  if (bars.length === 0) {
    parts.push(`<text class="chart-empty" x="${PAD}" y="${ROW / 2 + PAD}" dominant-baseline="middle">none</text>`);
  }
  bars.forEach((bar, i) => {
    const y = PAD + i * ROW;
    const mid = y + BAR_HEIGHT / 2;
    const width = bar.value > 0 ? Math.max(2, Math.round((bar.value / max) * barSpace)) : 0;
    const note = bar.note ?? String(bar.value);
    const kind = bar.kind ? ` bar-${escapeHtml(bar.kind)}` : '';
    parts.push(
      `<g class="chart-row">`,
      `<title>${escapeHtml(`${bar.label}: ${note}`)}</title>`,
      `<text class="chart-label" x="${labelWidth - PAD}" y="${mid}" text-anchor="end" dominant-baseline="middle">${escapeHtml(fit(bar.label, LABEL_MAX))}</text>`,
      `<rect class="bar${kind}" x="${labelWidth}" y="${y}" width="${width}" height="${BAR_HEIGHT}" rx="2"/>`,
      `<text class="chart-value" x="${labelWidth + width + 4}" y="${mid}" dominant-baseline="middle">${escapeHtml(note)}</text>`,
      `</g>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

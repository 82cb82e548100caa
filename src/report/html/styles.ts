// The report's stylesheet, inlined into a <style> element (allowed by the page's CSP through
// its hash). System fonts only, with Chinese faces named for each platform; no url(), no
// @import, so the page never loads anything.
export const STYLES = `
:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa;
  --error: #cf222e; --error-bg: #ffebe9; --warning: #9a6700; --warning-bg: #fff8c5;
  --info: #0969da; --info-bg: #ddf4ff; --mark: #ffd33d; --mark-fg: #1f2328; --accent: #0969da;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #151b23;
    --error: #ff7b72; --error-bg: #3c1618; --warning: #d29922; --warning-bg: #3a2a0b;
    --info: #58a6ff; --info-bg: #0c2d4f; --mark: #bb8009; --mark-fg: #ffffff; --accent: #58a6ff;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; padding: 24px; background: var(--bg); color: var(--fg); line-height: 1.5; font-size: 14px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "PingFang SC",
    "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
    "Noto Sans", sans-serif;
}
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 12px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 10px; }
.meta { color: var(--muted); margin: 0 0 16px; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 0; padding: 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 110px; background: var(--panel); }
.card dt { color: var(--muted); font-size: 12px; }
.card dd { margin: 0; font-size: 22px; font-weight: 600; font-variant-numeric: tabular-nums; }
.card.sev-error dd { color: var(--error); }
.card.sev-warning dd { color: var(--warning); }
.card.sev-info dd { color: var(--info); }
.charts { display: flex; flex-wrap: wrap; align-items: flex-start; gap: 16px; margin-top: 16px; }
.charts figure { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; max-width: 100%; overflow-x: auto; }
.charts figcaption { font-weight: 600; margin-bottom: 4px; }
.chart { display: block; max-width: 100%; height: auto; }
.chart text { font-size: 12px; fill: var(--fg); font-family: inherit; }
.chart .chart-value, .chart .chart-empty { fill: var(--muted); }
.chart .bar { fill: var(--accent); }
.chart .bar-error { fill: var(--error); }
.chart .bar-warning { fill: var(--warning); }
.chart .bar-info { fill: var(--info); }
.toolbar { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: end; margin: 0 0 10px; padding: 10px; border: 1px solid var(--line); border-radius: 6px; background: var(--panel); }
.toolbar label { display: flex; flex-direction: column; font-size: 12px; color: var(--muted); gap: 2px; }
.toolbar input, .toolbar select, .toolbar button, button.toggle {
  font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 4px; padding: 4px 8px;
}
.toolbar input[type=search] { min-width: 240px; }
.toolbar select { max-width: 280px; }
.toolbar .count { margin-left: auto; color: var(--muted); align-self: center; }
.toolbar button { cursor: pointer; }
table.docs { width: 100%; border-collapse: collapse; }
table.docs th, table.docs td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
table.docs thead th { position: sticky; top: 0; background: var(--panel); z-index: 1; white-space: nowrap; font-size: 12px; }
table.docs th.num, table.docs td.num { text-align: right; font-variant-numeric: tabular-nums; }
th button.sort { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; }
th button.sort::after { content: " \\2195"; color: var(--muted); }
th[aria-sort=ascending] button.sort::after { content: " \\2191"; color: var(--fg); }
th[aria-sort=descending] button.sort::after { content: " \\2193"; color: var(--fg); }
tr.doc-row td.uri { overflow-wrap: anywhere; min-width: 200px; }
tr.doc-row.has-error td.uri { border-left: 3px solid var(--error); }
td.read-error { color: var(--error); max-width: 260px; overflow-wrap: anywhere; }
button.toggle { padding: 0 6px; margin-right: 6px; cursor: pointer; line-height: 1.4; }
button.toggle::before { content: "\\25BE"; }
button.toggle[aria-expanded=false]::before { content: "\\25B8"; }
tr.detail > td { background: var(--panel); padding: 10px 12px 14px 28px; }
.final-uri, .doc-facts { color: var(--muted); font-size: 12px; overflow-wrap: anywhere; }
.n0 { color: var(--muted); }
.badge { display: inline-block; border-radius: 10px; padding: 0 7px; font-size: 12px; font-weight: 600; white-space: nowrap; }
.badge.sev-error { color: var(--error); background: var(--error-bg); }
.badge.sev-warning { color: var(--warning); background: var(--warning-bg); }
.badge.sev-info { color: var(--info); background: var(--info-bg); }
.badge.occurrences, .badge.reason { color: var(--muted); border: 1px solid var(--line); font-weight: 400; }
.read-error-box { border: 1px solid var(--error); color: var(--error); background: var(--error-bg); border-radius: 6px; padding: 6px 10px; margin: 0 0 8px; overflow-wrap: anywhere; }
ol.findings { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
li.finding { border: 1px solid var(--line); border-left: 4px solid var(--line); border-radius: 6px; padding: 8px 10px; background: var(--bg); }
li.finding.sev-error { border-left-color: var(--error); }
li.finding.sev-warning { border-left-color: var(--warning); }
li.finding.sev-info { border-left-color: var(--info); }
.finding-head { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: baseline; }
.finding-head .category { font-weight: 600; }
.finding-head .rule, .finding-head .where { color: var(--muted); font-size: 12px; }
.message { margin: 4px 0; }
.snippet { margin: 4px 0; padding: 6px 8px; border-radius: 4px; background: var(--panel); white-space: pre-wrap; overflow-wrap: anywhere; font-size: 15px; }
mark.hit { background: var(--mark); color: var(--mark-fg); border-radius: 2px; padding: 0 1px; font-weight: 600; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 4px 0 0; font-size: 13px; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
dl.facts ul { margin: 0; padding-left: 18px; }
details.suppressed, details.evidence { margin-top: 10px; }
details.suppressed > summary, details.evidence > summary { cursor: pointer; color: var(--muted); }
details.suppressed li.finding { opacity: .85; }
.suppressed-by { color: var(--muted); font-size: 13px; }
table.evidence { border-collapse: collapse; font-size: 12px; margin-top: 4px; }
table.evidence th, table.evidence td { border-bottom: 1px solid var(--line); padding: 2px 8px; text-align: left; overflow-wrap: anywhere; }
.empty { color: var(--muted); padding: 16px; text-align: center; }
.none { color: var(--muted); }
[hidden] { display: none !important; }
@media print {
  body { padding: 0; }
  .toolbar, button.toggle { display: none; }
  tr.detail[hidden] { display: table-row !important; }
  table.docs thead th { position: static; }
}
`;

// Scoring for scripts/eval.mjs: pure functions over the dev corpus and the CLI's findings,
// kept apart from the process and file handling so they can be tested with made-up data.

/** The categories of the current issue, held to the family thresholds. */
export const FAMILY_CATEGORIES = Object.freeze([
  'cure-guarantee',
  'cure-rate',
  'testimonial',
  'professional-endorsement',
  'disguised-news',
  'missing-review-certificate',
  'missing-ad-approval-number',
  'malformed-review-certificate',
  'malformed-ad-approval-number',
  'approval-number-type-mismatch',
]);

/** Severities that count as "found" for a label; info findings only ever show up as hints. */
const COUNTED = new Set(['error', 'warning']);

// Ids become file names in a temp dir, so they must not be able to leave it.
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Parses the dev corpus (JSON Lines). Throws on the first bad line, naming it, so a broken
 * corpus is fixed rather than silently scored on fewer documents.
 */
export function parseDevCorpus(text) {
  const cases = [];
  const seen = new Set();
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `ads.jsonl line ${i + 1}`;
    let row;
    try {
      row = JSON.parse(line);
    } catch (err) {
      throw new Error(`${where}: not valid JSON (${err.message})`);
    }
    if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new Error(`${where}: not a JSON object`);
    if (typeof row.id !== 'string' || !SAFE_ID.test(row.id)) throw new Error(`${where}: id must match ${SAFE_ID}`);
    if (seen.has(row.id)) throw new Error(`${where}: duplicate id ${row.id}`);
    if (typeof row.text !== 'string') throw new Error(`${where}: text must be a string`);
    for (const key of ['labels', 'optional']) {
      const value = row[key] ?? [];
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
        throw new Error(`${where}: ${key} must be an array of category ids`);
      }
    }
    seen.add(row.id);
    cases.push({
      id: row.id,
      adType: typeof row.adType === 'string' ? row.adType : undefined,
      labels: [...new Set(row.labels ?? [])],
      optional: [...new Set(row.optional ?? [])],
      text: row.text,
      note: typeof row.note === 'string' ? row.note : undefined,
    });
  });
  return cases;
}

/** Precision, recall and F1, each null where it is undefined (nothing predicted / nothing to find). */
export function ratios(tp, fp, fn) {
  const precision = tp + fp === 0 ? null : tp / (tp + fp);
  const recall = tp + fn === 0 ? null : tp / (tp + fn);
  const f1 =
    precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

const byCode = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Scores the CLI's findings against the dev labels.
 *
 * `results` maps a case id to `{ findings, suppressed? }` as the JSON report gives them; a
 * case without an entry (the scan failed or lost it) counts as predicting nothing.
 *
 * U is the union of all labels. Per document, P = categories found at warning or error.
 * For c in U: TP = c in labels and P; FN = c in labels, not in P; FP = c in P, not in
 * labels or optional. Categories outside U are unscored: counted, never FP.
 */
export function scoreDev(cases, results) {
  const universe = new Set(cases.flatMap((c) => c.labels));
  const stats = new Map();
  const stat = (category) => {
    let s = stats.get(category);
    if (!s) stats.set(category, (s = { category, scored: universe.has(category), tp: 0, fp: 0, fn: 0, predicted: 0 }));
    return s;
  };
  for (const category of universe) stat(category);

  const misses = [];
  const falsePositives = [];
  const unscored = [];
  for (const doc of cases) {
    const findings = results.get(doc.id)?.findings ?? [];
    const suppressed = results.get(doc.id)?.suppressed ?? [];
    const counted = findings.filter((f) => COUNTED.has(f.severity));
    const predicted = new Set(counted.map((f) => f.category));
    const labels = new Set(doc.labels);
    const allowed = new Set([...doc.labels, ...doc.optional]);

    for (const category of labels) {
      if (predicted.has(category)) {
        stat(category).tp++;
        continue;
      }
      stat(category).fn++;
      // What the scanner did see of this category, so the rule author knows where to look.
      const seen = [
        ...findings.filter((f) => f.category === category).map((f) => ({ as: f.severity, match: f.match, ruleId: f.ruleId })),
        ...suppressed
          .filter((f) => f.category === category)
          .map((f) => ({ as: `suppressed: ${f.suppressedBy ?? '?'}`, match: f.match, ruleId: f.ruleId })),
      ];
      misses.push({ id: doc.id, category, seen });
    }
    for (const category of [...predicted].sort(byCode)) {
      const s = stat(category);
      s.predicted++;
      if (allowed.has(category)) continue;
      const hits = counted.filter((f) => f.category === category);
      const entry = {
        id: doc.id,
        category,
        matches: [...new Set(hits.map((f) => f.match))],
        ruleIds: [...new Set(hits.map((f) => f.ruleId))].sort(byCode),
      };
      s.fp++;
      (s.scored ? falsePositives : unscored).push(entry);
    }
  }

  const categories = [...stats.values()]
    .sort((a, b) => byCode(a.category, b.category))
    .map((s) => ({ ...s, ...ratios(s.tp, s.fp, s.fn) }));
  const scored = categories.filter((s) => s.scored);
  const sum = (key) => scored.reduce((n, s) => n + s[key], 0);
  const micro = { tp: sum('tp'), fp: sum('fp'), fn: sum('fn') };
  return {
    documents: cases.length,
    universe: [...universe].sort(byCode),
    categories,
    micro: { ...micro, ...ratios(micro.tp, micro.fp, micro.fn) },
    misses,
    falsePositives,
    /** Found outside U and outside the document's optional list; not scored, listed for review. */
    unscored,
  };
}

/**
 * The family gate: every family category labelled in the corpus needs precision and recall
 * of at least `threshold`; one with no labels passes only if it never fires where it is
 * not optional.
 */
export function familyVerdict(score, families = FAMILY_CATEGORIES, threshold = 0.9) {
  const rows = families.map((category) => {
    const s = score.categories.find((c) => c.category === category) ?? {
      category,
      scored: false,
      tp: 0,
      fp: 0,
      fn: 0,
      predicted: 0,
      ...ratios(0, 0, 0),
    };
    let why = null;
    if (s.scored) {
      const low = [];
      if (s.precision === null) low.push('never found');
      else {
        if (s.precision < threshold) low.push(`precision ${fmt(s.precision)} < ${threshold}`);
        if (s.recall !== null && s.recall < threshold) low.push(`recall ${fmt(s.recall)} < ${threshold}`);
      }
      if (low.length > 0) why = low.join(', ');
    } else if (s.fp > 0) {
      why = `no labels, but ${s.fp} unexpected ${s.fp === 1 ? 'hit' : 'hits'}`;
    }
    return {
      category,
      labelled: s.scored,
      tp: s.tp,
      fp: s.fp,
      fn: s.fn,
      precision: s.precision,
      recall: s.recall,
      pass: why === null,
      why,
    };
  });
  return { threshold, pass: rows.every((r) => r.pass), families: rows };
}

/** A ratio for people: three decimals, or "–" where it is undefined. */
export function fmt(value) {
  return value === null || value === undefined ? '–' : value.toFixed(3);
}

/**
 * Per regulatory file: findings by severity and the error-level ones grouped by category
 * and match, most frequent first (at most `top`). Regulatory text discusses the prohibitions
 * without advertising anything, so every error here is a false alarm.
 */
export function regulatorySummary(documents, top = 20) {
  const files = documents.map((doc) => {
    const counts = { error: 0, warning: 0, info: 0 };
    const groups = new Map();
    for (const f of doc.findings ?? []) {
      if (f.severity in counts) counts[f.severity]++;
      if (f.severity !== 'error') continue;
      const key = `${f.category}\u0000${f.match}`;
      const g = groups.get(key) ?? { category: f.category, match: f.match, count: 0, lines: [] };
      g.count++;
      if (f.start?.line !== undefined) g.lines.push(f.start.line);
      groups.set(key, g);
    }
    const errors = [...groups.values()].sort(
      (a, b) => b.count - a.count || byCode(a.category, b.category) || byCode(a.match, b.match),
    );
    return {
      uri: doc.uri,
      failure: doc.error ?? null,
      counts,
      suppressed: (doc.suppressed ?? []).length,
      topErrors: errors.slice(0, top),
      distinctErrors: errors.length,
    };
  });
  return { files, errorFindings: files.reduce((n, f) => n + f.counts.error, 0) };
}

/**
 * Findings per rule id in each corpus (suppressed ones apart), busiest rules first.
 * `known` rule ids get a row even when they never fired, so dead rules show up.
 */
export function ruleHits(corpora, known = []) {
  const rows = new Map();
  const row = (ruleId) => {
    let r = rows.get(ruleId);
    if (!r) {
      r = { ruleId, hits: {}, suppressed: {} };
      for (const name of Object.keys(corpora)) {
        r.hits[name] = 0;
        r.suppressed[name] = 0;
      }
      rows.set(ruleId, r);
    }
    return r;
  };
  for (const ruleId of known) row(ruleId);
  for (const [name, documents] of Object.entries(corpora)) {
    for (const doc of documents) {
      for (const f of doc.findings ?? []) row(f.ruleId).hits[name]++;
      for (const f of doc.suppressed ?? []) row(f.ruleId).suppressed[name]++;
    }
  }
  const total = (r) => Object.values(r.hits).reduce((a, b) => a + b, 0);
  return [...rows.values()].sort((a, b) => total(b) - total(a) || byCode(a.ruleId, b.ruleId));
}

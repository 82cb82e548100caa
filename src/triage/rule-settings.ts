// Rules switched on/off and severity overrides from the config, applied to the rule data
// before compilation (so the engine's own logic — context caps, repeat collapsing — sees
// the configured severity). The most specific setting wins: rule id, then category, then pack.
import type { Severity } from '../core/types.js';
import type { RuleSetData } from '../rules/load.js';
import type { RuleSetting } from './config.js';

function pick<T>(settings: readonly RuleSetting<T>[], pack: string, id: string, category: string): T | undefined {
  const by = (sel: string) => {
    let found: T | undefined;
    for (const s of settings) if (s.selector === sel) found = s.value; // the last one written wins
    return found;
  };
  return by(`${pack}/${id}`) ?? by(category) ?? by(pack);
}

export interface RuleSettings {
  rules: readonly RuleSetting<boolean>[];
  severity: readonly RuleSetting<Severity>[];
}

/** The rule data with disabled rules removed and severities overridden (the input is not changed). */
export function applyRuleSettings(data: RuleSetData, settings: RuleSettings): RuleSetData {
  if (settings.rules.length === 0 && settings.severity.length === 0) return data;
  const packs = data.packs.map((pack) => ({
    ...pack,
    rules: pack.rules
      .filter((r) => pick(settings.rules, pack.pack, r.id, r.category) !== false)
      .map((r) => {
        const severity = pick(settings.severity, pack.pack, r.id, r.category);
        return severity && severity !== r.severity ? { ...r, severity } : r;
      }),
  }));
  return { ...data, packs };
}

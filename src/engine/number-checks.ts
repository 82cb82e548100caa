import type { Classification, FoundNumber } from '../classify/index.js';
import type { AdType, Severity } from '../core/types.js';
import type { CompiledRule } from '../rules/compile.js';
import { validateMedicalCertificate, type NumberIssue } from './numbers/validate-medical-certificate.js';
import { validateProductApproval } from './numbers/validate-product-approval.js';
import { checkRegistry, type CertRegistry } from './numbers/registry.js';
import { rawFinding, severityRank, type RawFinding } from './raw-finding.js';
import { absenceSeverity } from './absence-severity.js';

const TCM_INSTITUTION = /中医|中西医|国医|民族医|蒙医|藏医|维医|苗医|壮医|傣医|瑶医|彝医|针灸|推拿/u;

const isAdNumber = (n: FoundNumber, kinds: readonly string[]) => kinds.includes(n.kind);

/** Whether a number of regime `numberType` may appear in an ad of type `adType`. */
function fits(numberType: AdType, adType: AdType): boolean {
  if (numberType === adType) return true;
  // A medical-beauty ad is a medical ad and carries a 医广 certificate.
  return numberType === 'medical' && adType === 'medical-beauty';
}

const TYPE_NAMES: Record<AdType, string> = {
  medical: '医疗',
  'medical-beauty': '医疗美容',
  drug: '药品',
  device: '医疗器械',
  'health-food': '保健食品',
  'special-medical-food': '特殊医学用途配方食品',
  other: '普通商品或服务',
};

/** Runs one code-backed check rule over the numbers of a document. */
export interface CheckContext {
  /** The date numbers must be valid on. */
  today: Date;
  /** Whether `today` is the known publication date (else text-derived expiry is info). */
  asOfKnown: boolean;
  /** `--cert-registry`: the numbers actually issued. */
  registry?: CertRegistry;
  /** The whole normalised document, to find the registered holder's name. */
  documentText: string;
}

export function runCheck(rule: CompiledRule, numbers: FoundNumber[][], cls: Classification, ctx: CheckContext): RawFinding[] {
  const { today, asOfKnown } = ctx;
  const check = rule.check!;
  const out: RawFinding[] = [];
  if (check.name === 'require-number') {
    const present = numbers.some((list) => list.some((n) => isAdNumber(n, check.numbers)));
    const severity = present ? null : absenceSeverity(rule, cls);
    if (severity === null) return out;
    out.push(rawFinding(rule, -1, 0, 0, severity, undefined, cls.adTypes.map((t) => TYPE_NAMES[t]).join('、')));
    return out;
  }
  for (let field = 0; field < numbers.length; field++) {
    for (const n of numbers[field]!) {
      if (check.name === 'number-validity') {
        if (!isAdNumber(n, check.numbers)) continue;
        const found: NumberIssue[] =
          n.kind === 'medical-review-certificate' ? validateMedicalCertificate(n.groups, today) : validateProductApproval(n.groups, today);
        const issues = asOfKnown ? found : found.map((i) => (i.reason === 'expired' ? { ...i, severity: 'info' as Severity } : i));
        if (ctx.registry) issues.push(...checkRegistry(n.text, ctx.registry, today, ctx.documentText));
        // 中医广 certificates are issued by the TCM administration to TCM, integrated and
        // ethnic-medicine institutions only (MAMM Art 8; catalogue §3.1 step 6).
        if (n.kind === 'medical-review-certificate' && n.groups.tcm && !TCM_INSTITUTION.test(ctx.documentText.replaceAll(n.text, ''))) {
          issues.push({ severity: 'warning', reason: 'tcm-certificate-non-tcm', message: '“中医广”文号只发给中医、中西医结合或民族医医疗机构，广告中未见此类机构' });
        }
        if (issues.length === 0) continue;
        const worst = issues.reduce((a, b) => (severityRank(b.severity) > severityRank(a.severity) ? b : a));
        out.push(
          rawFinding(rule, field, n.start, n.end, worst.severity, issues.map((i) => i.reason).join(','), issues.map((i) => i.message).join('；')),
        );
      } else if (check.name === 'number-media') {
        // adscan reads text and web pages: a 视/声 approval belongs to another medium.
        const media = n.groups.media;
        if (n.kind.endsWith('-ad-approval') && (media === '视' || media === '声')) {
          const detail = `“(${media})”为${media === '视' ? '视频' : '音频'}广告文号，而本广告为文字或网页形式`;
          out.push(rawFinding(rule, field, n.start, n.end, rule.severity, `media-${media === '视' ? 'video' : 'audio'}`, detail));
        }
      } else if (check.name === 'number-type-mismatch') {
        if (!n.adType || n.kind === 'look-alike' || n.kind.endsWith('-registration')) continue;
        const types = cls.adTypes.filter((t) => t !== 'other');
        if (types.length === 0 || types.some((t) => fits(n.adType!, t))) continue;
        const detail = `${TYPE_NAMES[n.adType]}类文号出现在${types.map((t) => TYPE_NAMES[t]).join('、')}广告中`;
        out.push(rawFinding(rule, field, n.start, n.end, rule.severity, `${n.adType}-number-in-${types[0]}-ad`, detail));
      }
    }
  };
  return out;
}

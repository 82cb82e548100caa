// The violation categories of the ad-law catalogue (../shared/docs/ad-law-catalogue.md §2.1).
// Reports use exactly these ids; rule files are checked against them on load.
export interface Category {
  id: string;
  /** The catalogue's number, C01–C46. */
  code: string;
  title: string;
}

const TABLE: [string, string, string][] = [
  ['missing-review-certificate', 'C01', "Medical ad without a 医疗广告审查证明 number"],
  ['malformed-review-certificate', 'C02', "Medical review-certificate number present but invalid"],
  ['missing-ad-approval-number', 'C03', "Drug/device/health-food/FSMP ad without a 广告批准文号"],
  ['malformed-ad-approval-number', 'C04', "Product ad-approval number present but invalid"],
  ['approval-number-type-mismatch', 'C05', "Number belongs to the wrong ad regime"],
  ['missing-required-disclaimer', 'C06', "Mandatory warning sentence missing"],
  ['missing-ad-label', 'C07', "Commercial content not labelled 广告"],
  ['approved-content-deviation', 'C08', "Published content differs from the approved sample"],
  ['non-medical-institution-medical-ad', 'C09', "Non-medical business advertising medical or medical-cosmetic services"],
  ['internal-department-name', 'C10', "Advertising under a department / 'research institute' name"],
  ['disguised-news', 'C11', "Ad disguised as news, programme, interview or science content"],
  ['health-content-with-contact', 'C12', "Health content carrying a business's contact or purchase link"],
  ['prescription-drug-mass-media', 'C13', "Prescription drug promoted to the public"],
  ['banned-product-ad', 'C14', "Advertising a product class that may never be advertised"],
  ['minors-medical-beauty', 'C15', "Targeting minors / students, minors' media, child endorsers"],
  ['cure-guarantee', 'C16', "Guaranteed or implied cure"],
  ['cure-rate', 'C17', "Cure rate, efficacy rate, success rate, cases cured"],
  ['safety-claim', 'C18', "Safety / no-side-effect / 'natural so safe' claims"],
  ['universal-or-necessity-claim', 'C19', "Panacea, suits-everyone and necessity claims"],
  ['fear-inducement', 'C20', "Scare tactics about health"],
  ['unverifiable-data-citation', 'C21', "Unsourced studies, data and multipliers"],
  ['comparison-disparagement', 'C22', "Comparison with / disparagement of other products or hospitals"],
  ['absolute-terms', 'C23', "Absolute and superlative terms"],
  ['testimonial', 'C24', "Patients, consumers, influencers or celebrities as proof"],
  ['professional-endorsement', 'C25', "Doctors, experts, institutions or associations as proof"],
  ['fake-expert', 'C26', "Famous-doctor / expert personas, 坐诊 and lineage claims"],
  ['military-name', 'C27', "Use of the PLA / Armed Police"],
  ['state-organ-name', 'C28', "Use of state organs and official endorsement"],
  ['ranking-award-claims', 'C29', "Awards, rankings, designations and trust titles"],
  ['unverifiable-health-screening', 'C30', "Unverifiable 'CDC / diagnosis centre' screening events"],
  ['medical-content-beyond-permitted-items', 'C31', "Medical ad content beyond the eight permitted items"],
  ['medical-technique-or-disease', 'C32', "Medical ad naming techniques, methods or diseases"],
  ['drug-device-in-medical-ad', 'C33', "Medical ad introducing drugs, preparations or devices"],
  ['std-treatment', 'C34', "STD / HIV treatment promotion"],
  ['sexual-function-claim', 'C35', "Sexual-function and intimate-procedure claims"],
  ['rebranded-routine-procedure', 'C36', "Routine procedures renamed as 'high-tech / novel'"],
  ['secret-recipe-claim', 'C37', "Secret / ancestral / palace recipe claims"],
  ['inducement-promotion', 'C38', "Free treatment, gifts, flash sales, fake charity, over-use"],
  ['appearance-anxiety', 'C39', "Appearance anxiety (容貌焦虑)"],
  ['health-food-therapeutic-claim', 'C40', "Health food claiming disease prevention/treatment or drug-likeness"],
  ['non-medical-product-medical-claim', 'C41', "Ordinary goods/services using treatment claims or medical terms"],
  ['weight-loss-medical-claim', 'C42', "Weight-loss claims in medical language"],
  ['medical-service-in-product-ad', 'C43', "Product ad containing medical-service content"],
  ['drug-insert-inconsistency', 'C44', "Claims beyond the approved insert / certificate"],
  ['superstition', 'C45', "Superstitious, mystical or absurd claims"],
  ['obscene-content', 'C46', "Obscene or vulgar content"],
];

export const CATEGORIES: readonly Category[] = TABLE.map(([id, code, title]) => ({ id, code, title }));
export const CATEGORY_IDS: ReadonlySet<string> = new Set(CATEGORIES.map((c) => c.id));

import type { IsoDate, Money } from '../domain/primitives';
import type { MisuseKind, Remedy, ShippingPayer } from '../domain/vocabulary';
import { isOnOrBefore, laterOf, plusDays, plusMonths, plusWorkingDays } from './calendar';
import type {
  Charge,
  Deadline,
  DeadlineKind,
  Decision,
  DecisionOption,
  Exclusion,
  MissingFact,
  MissingFactField,
} from './decision';
import type { AnchorDate, InstructionKind, PolicyPack, Requirement } from './pack';
import type { PolicyClaim } from './policyClaim';

/** The center's calendar, for windows counted in working days (C12). */
export type CenterCalendar = { holidays?: readonly IsoDate[] };

type OptionInput = {
  remedy: Remedy;
  inbound: ShippingPayer | null;
  outbound: ShippingPayer | null;
  clauses: readonly string[];
  charges?: Charge[];
  deadline?: IsoDate | null;
  manualDecision?: boolean;
};

/** What the evaluation collects before it is put in catalog order. */
type Draft = {
  options: DecisionOption[];
  missing: Map<MissingFactField, Set<string>>;
  deadlines: Deadline[];
  exclusions: Exclusion[];
  instructions: { kind: InstructionKind; clauses: string[] }[];
};

/** The facts of a claim that several rules read, worked out once. */
type ClaimFacts = {
  claim: PolicyClaim;
  asOf: IsoDate;
  voidFindings: MisuseKind[];
  /** Damage the warranty does not cover: a void finding, wear and tear, or a reported accident. */
  userCaused: boolean;
  claimsDefect: boolean;
  noDefectFound: boolean;
  proofProblem: boolean;
};

/**
 * Evaluates a claim against a policy pack: every remedy the pack allows for the claim as it
 * stands, who pays each shipping leg, the deadlines, what is missing and the clauses behind each
 * of them (the contract of ../shared/spec/policy.md). Pure and total: it never throws for a
 * claim that `policyClaimSchema` accepted.
 */
export function evaluateClaim(
  claim: PolicyClaim,
  pack: PolicyPack,
  calendar: CenterCalendar = {},
): Decision {
  const draft: Draft = {
    options: [],
    missing: new Map(),
    deadlines: [],
    exclusions: [],
    instructions: [],
  };
  const { asOf } = claim;

  if (pack.firstResponse) {
    const days = Math.ceil(pack.firstResponse.withinHours / 24);
    addDeadline(draft, asOf, 'first-response', plusDays(asOf, days), pack.firstResponse.clauses);
  }

  if (pack.sellerReferral && !pack.sellerReferral.servedChannels.includes(claim.purchase.channel)) {
    addOption(draft, {
      remedy: 'refer-to-seller',
      inbound: null,
      outbound: null,
      clauses: pack.sellerReferral.clauses,
    });
    return finish(draft, pack, claim, { coverageEnds: null, voidFindings: [] });
  }

  const facts = claimFacts(claim, pack, draft);
  const coverageEnds = evaluateWarranty(facts, pack, draft);
  evaluateDeadOnArrival(facts, pack, draft);
  evaluateUnconditionalRefund(facts, pack, draft);
  evaluateQualityReturn(facts, pack, draft);
  evaluatePaidService(facts, pack, draft, coverageEnds);
  evaluateWorryFree(facts, pack, draft, calendar);
  evaluateChangeOfMind(facts, pack, draft);
  addInstructions(facts, pack, draft);
  return finish(draft, pack, claim, { coverageEnds, voidFindings: facts.voidFindings });
}

function claimFacts(claim: PolicyClaim, pack: PolicyPack, draft: Draft): ClaimFacts {
  const { exclusions } = pack;
  const findings = [...new Set(claim.inspection?.misuse ?? [])];
  const voidFindings = findings.filter((finding) => exclusions.voiding.includes(finding));
  const notCovered = findings.some((finding) => exclusions.notCovered.includes(finding));
  const accidental = claim.request.reason === 'accidental-damage';
  const noDefectFound = claim.inspection?.faultConfirmed === false;
  const proofProblem =
    exclusions.proofOfPurchaseClauses !== undefined && claim.purchase.proof !== 'valid';

  if (voidFindings.length > 0) addExclusion(draft, 'warranty-void', exclusions.voidClauses);
  if (notCovered) addExclusion(draft, 'not-covered', exclusions.notCoveredClauses);
  if (accidental) addExclusion(draft, 'accidental-damage', exclusions.accidentalDamageClauses);
  if (noDefectFound && claim.request.reason !== 'change-of-mind') {
    addExclusion(draft, 'no-defect-found', exclusions.noDefectFoundClauses);
  }
  if (proofProblem && exclusions.proofOfPurchaseClauses) {
    addExclusion(draft, 'proof-of-purchase', exclusions.proofOfPurchaseClauses);
    if (claim.purchase.proof === 'missing') {
      addMissing(draft, 'purchase.proof', exclusions.proofOfPurchaseClauses);
    }
  }
  return {
    claim,
    asOf: claim.asOf,
    voidFindings,
    userCaused: voidFindings.length > 0 || notCovered || accidental,
    claimsDefect: claim.request.reason === 'defect' || claim.request.reason === 'arrived-damaged',
    noDefectFound,
    proofProblem,
  };
}

/** The basic warranty (A1–A5, B1/B9/B16/B17, C3/C4/C7). Returns the last covered day. */
function evaluateWarranty(facts: ClaimFacts, pack: PolicyPack, draft: Draft): IsoDate | null {
  const { claim, asOf } = facts;
  const warranty = pack.warranty;
  const start = anchor(claim, warranty.startsFrom);
  const categoryMonths = warranty.monthsByCategory[claim.product.category];
  const skuMonths =
    claim.product.sku === undefined ? undefined : warranty.monthsBySku[claim.product.sku];
  const months = skuMonths ?? categoryMonths ?? warranty.months;
  const coverageClauses = [
    ...warranty.clauses.period,
    ...warranty.clauses.start,
    ...(categoryMonths !== undefined && skuMonths === undefined
      ? (warranty.clauses.category ?? [])
      : []),
  ];
  const coverageEnds = start === undefined ? null : plusMonths(start, months);
  if (coverageEnds !== null)
    addDeadline(draft, asOf, 'coverage-end', coverageEnds, coverageClauses);

  if (!facts.claimsDefect || facts.userCaused) return coverageEnds;
  if (start === undefined || coverageEnds === null) {
    addMissing(draft, anchorField(warranty.startsFrom), warranty.clauses.start);
    return coverageEnds;
  }
  if (!isOnOrBefore(asOf, coverageEnds)) {
    addExclusion(draft, 'coverage-ended', coverageClauses);
    return coverageEnds;
  }
  if (facts.noDefectFound || facts.proofProblem) return coverageEnds;

  const transitClauses = warranty.transitDamageNeedsCarrierProofClauses;
  if (
    transitClauses &&
    claim.request.reason === 'arrived-damaged' &&
    claim.evidence?.carrierDamageProof !== true
  ) {
    addExclusion(draft, 'transit-damage-without-carrier-proof', transitClauses);
    addMissing(draft, 'evidence.carrierDamageProof', transitClauses);
    return coverageEnds;
  }

  let shipping = warranty.shipping;
  if (warranty.freeShippingDays !== undefined && warranty.shippingAfter) {
    const freeShippingEnds = plusDays(start, warranty.freeShippingDays);
    addDeadline(
      draft,
      asOf,
      'free-shipping-window',
      freeShippingEnds,
      warranty.shippingAfter.clauses,
    );
    if (!isOnOrBefore(asOf, freeShippingEnds)) shipping = warranty.shippingAfter;
  }
  const unrepairable = claim.inspection?.repairable === false;
  for (const remedy of warranty.remedies) {
    const replaceInstead =
      remedy === 'warranty-repair' && unrepairable && warranty.unrepairableReplacementClauses;
    addOption(draft, {
      remedy: replaceInstead ? 'warranty-replacement' : remedy,
      inbound: shipping.inbound,
      outbound: shipping.outbound,
      clauses: [
        ...coverageClauses,
        ...warranty.clauses.remedy,
        ...shipping.clauses,
        ...(replaceInstead ? replaceInstead : []),
      ],
      deadline: coverageEnds,
      manualDecision: Boolean(replaceInstead),
    });
  }
  addRequirements(draft, claim, warranty.requires);
  return coverageEnds;
}

/** Dead on arrival (B2–B7). */
function evaluateDeadOnArrival(facts: ClaimFacts, pack: PolicyPack, draft: Draft): void {
  const doa = pack.deadOnArrival;
  if (!doa) return;
  const { claim, asOf } = facts;
  const received = anchor(claim, doa.from);
  const windowEnds = received === undefined ? undefined : plusDays(received, doa.windowDays);
  if (windowEnds) addDeadline(draft, asOf, 'doa-window', windowEnds, doa.clauses);
  // B2: "arrives damaged or is not working". A defect reported inside the window is dead on
  // arrival too; outside it, or with the receipt day unknown, a defect is a warranty matter.
  const reportedDamaged = claim.request.reason === 'arrived-damaged';
  const defectInWindow =
    claim.request.reason === 'defect' && windowEnds !== undefined && isOnOrBefore(asOf, windowEnds);
  if (!reportedDamaged && !defectInWindow) return;
  if (windowEnds === undefined) {
    addMissing(draft, anchorField(doa.from), doa.clauses);
    return;
  }
  if (!isOnOrBefore(asOf, windowEnds)) {
    addExclusion(draft, 'window-closed', doa.clauses);
    return;
  }
  if (facts.userCaused) return;
  if (facts.noDefectFound) {
    addExclusion(draft, 'not-dead-on-arrival', doa.notDoaClauses);
    return;
  }

  const receipt = claim.evidence?.returnShippingReceipt;
  const inboundClauses =
    receipt === false ? doa.notReimbursedWithoutReceiptClauses : doa.reimbursedClauses;
  if (receipt === false)
    addExclusion(draft, 'return-receipt-missing', doa.notReimbursedWithoutReceiptClauses);
  // The receipt is needed once the fault is confirmed: that is when the shipping is reimbursed.
  if (claim.inspection?.faultConfirmed === true && receipt === undefined) {
    addMissing(draft, 'evidence.returnShippingReceipt', doa.notReimbursedWithoutReceiptClauses);
  }
  const inbound: ShippingPayer = receipt === false ? 'customer' : 'company';
  const clauses = [...doa.clauses, ...doa.remedyClauses, ...inboundClauses];
  addOption(draft, {
    remedy: 'doa-replacement',
    inbound,
    outbound: 'company',
    clauses: [...clauses, ...doa.replacementShippingClauses],
    deadline: windowEnds,
  });
  addOption(draft, {
    remedy: 'doa-refund',
    inbound,
    outbound: null,
    clauses,
    charges: customsDeduction(pack),
    deadline: windowEnds,
  });
  addRequirements(draft, claim, doa.requires);
}

/** The 15-day unconditional refund for unopened, unused items (B8). */
function evaluateUnconditionalRefund(facts: ClaimFacts, pack: PolicyPack, draft: Draft): void {
  const refund = pack.unconditionalRefund;
  if (!refund) return;
  const { claim, asOf } = facts;
  const received = anchor(claim, refund.from);
  const windowEnds = received === undefined ? undefined : plusDays(received, refund.windowDays);
  if (windowEnds)
    addDeadline(draft, asOf, 'unconditional-refund-window', windowEnds, refund.clauses);
  const asked = claim.request.reason === 'change-of-mind';
  if (claim.request.reason === 'accidental-damage' || facts.voidFindings.length > 0) return;
  if (windowEnds === undefined) {
    if (asked) addMissing(draft, anchorField(refund.from), refund.clauses);
    return;
  }
  if (!isOnOrBefore(asOf, windowEnds)) {
    if (asked) addExclusion(draft, 'window-closed', refund.clauses);
    return;
  }
  const condition = claim.request.condition;
  if (!condition) {
    if (asked) addMissing(draft, 'request.condition', refund.clauses);
    return;
  }
  if (!(condition.unopened && condition.unused && condition.originalPackaging)) {
    if (asked) addExclusion(draft, 'condition-not-as-new', refund.clauses);
    return;
  }
  addOption(draft, {
    remedy: 'unconditional-refund',
    inbound: 'customer',
    outbound: null,
    clauses: refund.clauses,
    charges: customsDeduction(pack),
    deadline: windowEnds,
  });
}

/** Return and refund for a quality issue, by the later of two dates (C2). */
function evaluateQualityReturn(facts: ClaimFacts, pack: PolicyPack, draft: Draft): void {
  const quality = pack.qualityReturn;
  if (!quality) return;
  const { claim, asOf } = facts;
  const ordered = claim.purchase.orderDate;
  if (ordered === undefined) {
    if (facts.claimsDefect) addMissing(draft, 'purchase.orderDate', quality.clauses);
    return;
  }
  const fromOrder = plusDays(ordered, quality.daysFromOrder);
  const estimated = claim.purchase.maxEstimatedDeliveryDate;
  const applies = facts.claimsDefect && !facts.userCaused && !facts.noDefectFound;
  if (estimated === undefined && !isOnOrBefore(asOf, fromOrder)) {
    // Past order + 30 days only the estimated delivery (+ 7) can still keep the window open:
    // the answer depends on it, so it is asked for rather than assumed away.
    if (applies && !facts.proofProblem) {
      addMissing(draft, 'purchase.maxEstimatedDeliveryDate', quality.clauses);
    }
    return;
  }
  const windowEnds =
    estimated === undefined
      ? fromOrder
      : laterOf(fromOrder, plusDays(estimated, quality.daysAfterMaxEstimatedDelivery));
  addDeadline(draft, asOf, 'quality-return-window', windowEnds, quality.clauses);
  if (!applies || facts.proofProblem) return;
  if (!isOnOrBefore(asOf, windowEnds)) {
    addExclusion(draft, 'window-closed', quality.clauses);
    return;
  }
  addOption(draft, {
    remedy: 'quality-return-refund',
    inbound: quality.inboundShippingPaidBy,
    outbound: null,
    clauses: quality.clauses,
    deadline: windowEnds,
  });
  addRequirements(draft, claim, quality.requires);
}

/** What the customer can pay for once the warranty does not apply (A4, A10, A11, B10, B12, B20). */
function evaluatePaidService(
  facts: ClaimFacts,
  pack: PolicyPack,
  draft: Draft,
  coverageEnds: IsoDate | null,
): void {
  const paid = pack.paidService;
  if (!paid) return;
  const { claim, asOf } = facts;
  const expired = facts.claimsDefect && coverageEnds !== null && !isOnOrBefore(asOf, coverageEnds);
  if (!(facts.userCaused || expired)) return;
  // Nothing to repair: the inspection found the device working and no damage of the user's.
  if (facts.noDefectFound && !facts.userCaused) return;

  const why = facts.voidFindings.length > 0 ? pack.exclusions.voidClauses : [];
  addOption(draft, {
    remedy: 'paid-repair',
    inbound: 'customer',
    outbound: 'customer',
    clauses: [...why, ...paid.repairClauses],
  });
  if (paid.sparePartsClauses) {
    addOption(draft, {
      remedy: 'spare-parts-sale',
      inbound: null,
      outbound: 'customer',
      clauses: paid.sparePartsClauses,
      charges: [
        {
          kind: 'component-value',
          clauses: paid.sparePartsClauses,
          amount: null,
          deductedFromRefund: false,
        },
      ],
    });
  }
  if (paid.batteryKit && claim.request.batteryReplacement === true) {
    const { material, shipping, clauses } = paid.batteryKit;
    addOption(draft, {
      remedy: 'spare-parts-sale',
      inbound: null,
      outbound: 'customer',
      clauses,
      charges: [
        {
          kind: 'battery-kit',
          clauses,
          amount: sum(material, shipping),
          parts: [
            { label: 'material', amount: material },
            { label: 'shipping', amount: shipping },
          ],
          deductedFromRefund: false,
        },
      ],
    });
  }
}

/** WORRY FREE+: a trade-in for accidental damage within two years (C8–C13). */
function evaluateWorryFree(
  facts: ClaimFacts,
  pack: PolicyPack,
  draft: Draft,
  calendar: CenterCalendar,
): void {
  const worryFree = pack.worryFree;
  if (!worryFree) return;
  const { claim, asOf } = facts;
  const start = anchor(claim, worryFree.from);
  const ends = start === undefined ? undefined : plusMonths(start, worryFree.months);
  if (ends) addDeadline(draft, asOf, 'worry-free-end', ends, worryFree.clauses);
  if (!facts.userCaused) return;
  if (ends === undefined) {
    addMissing(draft, anchorField(worryFree.from), worryFree.clauses);
    return;
  }
  if (!isOnOrBefore(asOf, ends)) {
    addExclusion(draft, 'window-closed', worryFree.clauses);
    return;
  }
  if ((claim.history?.worryFreeReplacements ?? 0) >= worryFree.maxReplacements) {
    addExclusion(draft, 'worry-free-limit-reached', worryFree.limitClauses);
    return;
  }
  if (facts.proofProblem) return;

  const { priceDifference, shipping } = worryFree;
  addOption(draft, {
    remedy: 'worry-free-trade-in',
    inbound: shipping.inbound,
    outbound: shipping.outbound,
    clauses: [...worryFree.clauses, ...worryFree.limitClauses, ...shipping.clauses],
    charges: [
      {
        kind: 'price-difference',
        clauses: priceDifference.clauses,
        amount: null,
        range: { min: priceDifference.min, max: priceDifference.max },
        deductedFromRefund: false,
      },
    ],
    deadline: ends,
  });
  // The 7 working days run from the brand's reply, which comes within 24 hours of the request.
  const replyBy = plusDays(asOf, Math.ceil(worryFree.replyWithinHours / 24));
  const holidays = new Set(calendar.holidays ?? []);
  const shipBy = plusWorkingDays(replyBy, worryFree.customerShipsWithinWorkingDays, holidays);
  addDeadline(draft, asOf, 'worry-free-ship-by', shipBy, worryFree.timelineClauses);
  addRequirements(draft, claim, worryFree.requires);
}

/** Return without a quality problem, with a depreciation charge (C5, C6). */
function evaluateChangeOfMind(facts: ClaimFacts, pack: PolicyPack, draft: Draft): void {
  const changeOfMind = pack.changeOfMind;
  if (!changeOfMind) return;
  const { claim, asOf } = facts;
  const ordered = claim.purchase.orderDate;
  const delivered = claim.purchase.deliveredDate;
  const windowEnds =
    ordered === undefined
      ? undefined
      : laterOf(
          plusDays(ordered, changeOfMind.daysFromOrder),
          delivered === undefined ? ordered : plusDays(delivered, changeOfMind.daysAfterDelivery),
        );
  if (windowEnds)
    addDeadline(draft, asOf, 'change-of-mind-window', windowEnds, changeOfMind.clauses);
  if (claim.request.reason !== 'change-of-mind') return;
  if (delivered === undefined && changeOfMind.cancelBeforeDeliveryClauses) {
    addInstruction(draft, 'cancel-by-refusing-delivery', changeOfMind.cancelBeforeDeliveryClauses);
  }
  if (windowEnds === undefined) {
    addMissing(draft, 'purchase.orderDate', changeOfMind.clauses);
    return;
  }
  if (!isOnOrBefore(asOf, windowEnds)) {
    addExclusion(draft, 'window-closed', changeOfMind.clauses);
    return;
  }
  if (facts.voidFindings.length > 0) return;
  const price = claim.purchase.price;
  if (!price) addMissing(draft, 'purchase.price', changeOfMind.clauses);
  addOption(draft, {
    remedy: 'depreciated-return',
    inbound: 'customer',
    outbound: null,
    clauses: changeOfMind.clauses,
    charges: [
      {
        kind: 'depreciation',
        clauses: changeOfMind.clauses,
        amount: price ? depreciation(price, changeOfMind.depreciationRate) : null,
        deductedFromRefund: true,
      },
    ],
    deadline: windowEnds,
  });
}

function addInstructions(facts: ClaimFacts, pack: PolicyPack, draft: Draft): void {
  const options = draft.options;
  const shipsIn = options.some((option) => option.inboundShippingPaidBy !== null);
  for (const { kind, clauses } of pack.instructions) {
    const applies = ((): boolean => {
      switch (kind) {
        case 'authorize-before-return':
        case 'prepare-device':
          return shipsIn;
        case 'inspect-before-remedy':
          return facts.claim.inspection === undefined && options.length > 0;
        case 'flat-rate-return':
          return options.some((option) => option.outboundShippingPaidBy === 'company');
        case 'battery-send-in-recommended':
          return facts.claim.request.batteryReplacement === true;
        case 'cancel-by-refusing-delivery':
          return false; // raised by the change-of-mind rule, which knows whether it was delivered
        default:
          return assertNever(kind);
      }
    })();
    if (applies) addInstruction(draft, kind, clauses);
  }
}

// ---- building the decision ----

function finish(
  draft: Draft,
  pack: PolicyPack,
  claim: PolicyClaim,
  outcome: { coverageEnds: IsoDate | null; voidFindings: MisuseKind[] },
): Decision {
  const order = Object.keys(pack.clauses);
  const inCatalogOrder = (ids: Iterable<string>): string[] =>
    [...new Set(ids)].sort((a, b) => rank(order, a) - rank(order, b));

  const pending = claim.inspection === undefined;
  // The pack lists its remedies in the order a technician weighs them (DOA before repair).
  const byPackOrder = [...draft.options].sort(
    (a, b) => rank(pack.remedies, a.remedy) - rank(pack.remedies, b.remedy),
  );
  const options = byPackOrder.map((option) => ({
    ...option,
    clauses: inCatalogOrder(option.clauses),
    pendingInspection: pending && option.remedy !== 'refer-to-seller',
  }));
  const missingFacts: MissingFact[] = [...draft.missing].map(([field, clauses]) => ({
    field,
    clauses: inCatalogOrder(clauses),
  }));
  const used = inCatalogOrder([
    ...options.flatMap((option) => [
      ...option.clauses,
      ...option.charges.flatMap((c) => c.clauses),
    ]),
    ...missingFacts.flatMap((fact) => fact.clauses),
    ...draft.deadlines.flatMap((deadline) => deadline.clauses),
    ...draft.exclusions.flatMap((exclusion) => exclusion.clauses),
    ...draft.instructions.flatMap((instruction) => instruction.clauses),
  ]);
  const clauseTexts = Object.fromEntries(
    used.flatMap((id) => {
      const text = pack.clauses[id];
      return text ? [[id, text] as const] : [];
    }),
  );
  return {
    policy: pack.id,
    packVersion: pack.version,
    asOf: claim.asOf,
    options,
    warrantyVoid: outcome.voidFindings.length > 0,
    voidFindings: outcome.voidFindings,
    coverageEnds: outcome.coverageEnds,
    missing: missingFacts.map((fact) => fact.field),
    missingFacts,
    deadlines: draft.deadlines,
    exclusions: draft.exclusions,
    instructions: draft.instructions,
    clauses: used,
    clauseTexts,
  };
}

function addOption(draft: Draft, input: OptionInput): void {
  const existing = draft.options.find((option) => option.remedy === input.remedy);
  if (existing) {
    // One remedy, one row: a second rule that allows it adds its clauses and charges.
    existing.clauses = [...existing.clauses, ...input.clauses];
    existing.charges = [...existing.charges, ...(input.charges ?? [])];
    return;
  }
  draft.options.push({
    remedy: input.remedy,
    inboundShippingPaidBy: input.inbound,
    outboundShippingPaidBy: input.outbound,
    clauses: [...input.clauses],
    charges: input.charges ?? [],
    deadline: input.deadline ?? null,
    pendingInspection: false,
    manualDecision: input.manualDecision ?? false,
  });
}

function addMissing(draft: Draft, field: MissingFactField, clauses: readonly string[]): void {
  const known = draft.missing.get(field) ?? new Set<string>();
  for (const clause of clauses) known.add(clause);
  draft.missing.set(field, known);
}

function addDeadline(
  draft: Draft,
  asOf: IsoDate,
  kind: DeadlineKind,
  date: IsoDate,
  clauses: readonly string[],
): void {
  draft.deadlines.push({
    kind,
    date,
    passed: !isOnOrBefore(asOf, date),
    clauses: [...new Set(clauses)],
  });
}

function addExclusion(draft: Draft, reason: Exclusion['reason'], clauses: readonly string[]): void {
  draft.exclusions.push({ reason, clauses: [...clauses] });
}

function addInstruction(draft: Draft, kind: InstructionKind, clauses: readonly string[]): void {
  if (!draft.instructions.some((instruction) => instruction.kind === kind)) {
    draft.instructions.push({ kind, clauses: [...clauses] });
  }
}

function addRequirements(
  draft: Draft,
  claim: PolicyClaim,
  requirements: readonly Requirement[],
): void {
  for (const requirement of requirements) {
    const field = unmetRequirement(claim, requirement);
    if (field) addMissing(draft, field, requirement.clauses);
  }
}

/** The field to fill for a requirement the claim does not meet yet, or null when it is met. */
function unmetRequirement(claim: PolicyClaim, { field }: Requirement): MissingFactField | null {
  const blank = (text: string | undefined): boolean => text === undefined || text.trim() === '';
  const evidence = claim.evidence ?? {};
  const photos = evidence.productPhotos ?? 0;
  const videos = evidence.videos ?? 0;
  switch (field) {
    case 'product.serial':
      return blank(claim.product.serial) ? field : null;
    case 'product.sku':
      return blank(claim.product.sku) ? field : null;
    case 'product.itemCode':
      return blank(claim.product.itemCode) ? field : null;
    case 'purchase.invoiceDate':
    case 'purchase.orderDate':
    case 'purchase.deliveredDate':
      return claim.purchase[anchorOf(field)] === undefined ? field : null;
    case 'purchase.orderNumber':
      return blank(claim.purchase.orderNumber) ? field : null;
    case 'purchase.shopLink':
      return blank(claim.purchase.shopLink) ? field : null;
    case 'purchase.price':
      return claim.purchase.price === undefined ? field : null;
    case 'request.description':
      return blank(claim.request.description) ? field : null;
    case 'request.symptom':
      return claim.request.symptom === undefined ? field : null;
    case 'request.stepsTried':
      return blank(claim.request.stepsTried) ? field : null;
    case 'customer.name':
      return blank(claim.customer?.name) ? field : null;
    case 'customer.email':
      return blank(claim.customer?.email) ? field : null;
    case 'evidence.productMedia':
      return photos + videos === 0 ? 'evidence.productPhotos' : null;
    case 'evidence.symptomMedia':
      switch (claim.request.symptom) {
        case undefined:
          return null; // `request.symptom` is asked for first
        case 'visible-damage':
          return photos === 0 ? 'evidence.productPhotos' : null;
        case 'malfunction':
        case 'data-error':
          return videos === 0 ? 'evidence.videos' : null;
        default:
          return assertNever(claim.request.symptom);
      }
    case 'evidence.packagingPhotos':
      return (evidence.packagingPhotos ?? 0) === 0 ? field : null;
    default:
      return assertNever(field);
  }
}

function anchor(claim: PolicyClaim, date: AnchorDate): IsoDate | undefined {
  return claim.purchase[date];
}

function anchorField(date: AnchorDate): `purchase.${AnchorDate}` {
  return `purchase.${date}`;
}

function anchorOf(field: `purchase.${AnchorDate}`): AnchorDate {
  switch (field) {
    case 'purchase.invoiceDate':
      return 'invoiceDate';
    case 'purchase.orderDate':
      return 'orderDate';
    case 'purchase.deliveredDate':
      return 'deliveredDate';
    default:
      return assertNever(field);
  }
}

function customsDeduction(pack: PolicyPack): Charge[] {
  const clauses = pack.customsDeductionClauses;
  return clauses
    ? [{ kind: 'customs-deduction', clauses, amount: null, deductedFromRefund: true }]
    : [];
}

/** `rate` of `price`, rounded half up to a whole minor unit, in integer arithmetic. */
function depreciation(price: Money, rate: number): Money {
  const basisPoints = Math.round(rate * 10_000);
  const amount = Math.floor((price.amount * basisPoints + 5_000) / 10_000);
  return { amount: amount as Money['amount'], currency: price.currency };
}

/** Adds two amounts the pack schema guarantees share a currency. */
function sum(first: Money, second: Money): Money {
  return { amount: (first.amount + second.amount) as Money['amount'], currency: first.currency };
}

function rank(order: readonly string[], id: string): number {
  const index = order.indexOf(id);
  return index === -1 ? order.length : index;
}

function assertNever(value: never): never {
  throw new Error(`unexpected value ${String(value)}`);
}

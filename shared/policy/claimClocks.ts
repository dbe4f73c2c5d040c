import { addDays, differenceInCalendarDays, getISODay } from 'date-fns';
import { formatIsoDay, parseIsoDay } from '../domain/isoDay';
import type { ClaimStatus } from '../domain/claimWorkflow';
import type { IsoDate } from '../domain/primitives';
import type { ClaimReason, Remedy } from '../domain/vocabulary';
import type { Deadline, DecisionOption, DeadlineKind } from './decision';

/**
 * How a clock stands today:
 * - `running`: the day is more than {@link nearWorkingDays} working days away;
 * - `near`: the day is today or at most {@link nearWorkingDays} working days away: act soon;
 * - `late`: the day has passed and the claim is late for it (a response, a shipment);
 * - `closed`: a window for the customer's request that has closed since the request was made
 *   in time, so it no longer matters;
 * - `expired`: a window for the customer's request that had closed before the request: the
 *   claim is not late for it, the remedy it bounds is simply not offered;
 * - `met`: the first response was given (the claim left intake and awaiting authorization);
 * - `stopped`: the claim is closed or cancelled, so no clock runs.
 */
export type ClockTone = 'running' | 'near' | 'late' | 'closed' | 'expired' | 'met' | 'stopped';

/** One deadline of the decision as the header shows it. */
export type ClaimClock = {
  readonly kind: DeadlineKind;
  readonly date: IsoDate;
  /** Calendar days from today to the day: negative once it has passed, 0 on the day itself. */
  readonly daysFromToday: number;
  readonly tone: ClockTone;
  readonly clauses: readonly string[];
};

/** A clock turns `near` this many working days before its day (or fewer). */
export const nearWorkingDays = 2;

/** The center's calendar: ISO weekdays it works (1 Monday … 7 Sunday) and its holidays. */
export type WorkCalendar = {
  readonly workingDays: readonly number[];
  readonly holidays: readonly IsoDate[];
};

/** Monday to Friday, no holidays: for a station set up before it chose its days. */
export const defaultWorkCalendar: WorkCalendar = { workingDays: [1, 2, 3, 4, 5], holidays: [] };

/**
 * Deadlines that bound when the customer may ask for something (counted from the purchase):
 * a request made in time stays in time after the window closes.
 */
const requestWindows: ReadonlySet<DeadlineKind> = new Set<DeadlineKind>([
  'doa-window',
  'unconditional-refund-window',
  'quality-return-window',
  'change-of-mind-window',
  'free-shipping-window',
  'coverage-end',
  'worry-free-end',
]);

/** Once here, the center has answered the customer: the first-response clock is met. */
const answeredStatuses: ReadonlySet<ClaimStatus> = new Set<ClaimStatus>([
  'authorized',
  'received',
  'inspected',
  'quoted',
  'resolved',
  'refused',
  'closed',
  'cancelled',
]);

/** Working days after `today` up to and including `day` (0 when `day` is today or earlier). */
export function workingDaysUntil(today: IsoDate, day: IsoDate, calendar: WorkCalendar): number {
  const holidays = new Set(calendar.holidays);
  const end = parseIsoDay(day);
  let count = 0;
  for (let date = addDays(parseIsoDay(today), 1); date <= end; date = addDays(date, 1)) {
    if (calendar.workingDays.includes(getISODay(date)) && !holidays.has(formatIsoDay(date)))
      count += 1;
  }
  return count;
}

/** How one deadline stands on `today` (the center's day) for a claim in `status`. */
export function claimClock(
  deadline: Deadline,
  today: IsoDate,
  status: ClaimStatus,
  calendar: WorkCalendar,
): ClaimClock {
  const daysFromToday = differenceInCalendarDays(parseIsoDay(deadline.date), parseIsoDay(today));
  const clock = {
    kind: deadline.kind,
    date: deadline.date,
    daysFromToday,
    clauses: deadline.clauses,
  };
  if (status === 'closed' || status === 'cancelled') return { ...clock, tone: 'stopped' };
  if (deadline.kind === 'first-response' && answeredStatuses.has(status)) {
    return { ...clock, tone: 'met' };
  }
  if (daysFromToday < 0) {
    if (!requestWindows.has(deadline.kind)) return { ...clock, tone: 'late' };
    // `passed` is judged on the day of the request: false means the request beat the window.
    return { ...clock, tone: deadline.passed ? 'expired' : 'closed' };
  }
  const near = workingDaysUntil(today, deadline.date, calendar) <= nearWorkingDays;
  return { ...clock, tone: near ? 'near' : 'running' };
}

/** The windows that bound each remedy: shown while the remedy is offered. */
const windowsOfRemedy: Record<Remedy, readonly DeadlineKind[]> = {
  'refer-to-seller': [],
  'doa-replacement': ['doa-window'],
  'doa-refund': ['doa-window'],
  'unconditional-refund': ['unconditional-refund-window'],
  'quality-return-refund': ['quality-return-window'],
  'warranty-repair': ['coverage-end', 'free-shipping-window'],
  'warranty-replacement': ['coverage-end', 'free-shipping-window'],
  'worry-free-trade-in': ['worry-free-end', 'worry-free-ship-by'],
  'depreciated-return': ['change-of-mind-window'],
  'paid-repair': [],
  'spare-parts-sale': [],
};

/**
 * The windows the customer's request is judged by, shown even when they closed before it (that
 * is why the remedy is not offered). A defect is not judged by the dead-on-arrival window, nor
 * an accident by the quality return window.
 */
const windowsOfRequest: Record<ClaimReason, readonly DeadlineKind[]> = {
  defect: ['quality-return-window', 'coverage-end', 'free-shipping-window'],
  'arrived-damaged': ['doa-window', 'coverage-end'],
  'change-of-mind': ['unconditional-refund-window', 'change-of-mind-window'],
  'accidental-damage': ['worry-free-end'],
};

/**
 * The deadlines of `decision` that matter to a claim made for `reason`: the first response, the
 * windows of the request and those of every option offered, each kind once (the first given).
 */
export function relevantDeadlines(
  decision: {
    readonly deadlines: readonly Deadline[];
    readonly options: readonly Pick<DecisionOption, 'remedy'>[];
  },
  reason: ClaimReason,
): Deadline[] {
  const relevant = new Set<DeadlineKind>([
    'first-response',
    ...windowsOfRequest[reason],
    ...decision.options.flatMap((option) => windowsOfRemedy[option.remedy]),
  ]);
  const shown = new Set<DeadlineKind>();
  return decision.deadlines.filter((deadline) => {
    if (!relevant.has(deadline.kind) || shown.has(deadline.kind)) return false;
    shown.add(deadline.kind);
    return true;
  });
}

/** Every deadline of a decision as a clock, soonest first. */
export function claimClocks(
  deadlines: readonly Deadline[],
  today: IsoDate,
  status: ClaimStatus,
  calendar: WorkCalendar,
): ClaimClock[] {
  return deadlines
    .map((deadline) => claimClock(deadline, today, status, calendar))
    .sort((first, second) => first.date.localeCompare(second.date));
}

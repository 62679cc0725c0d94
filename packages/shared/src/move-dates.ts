/**
 * Move-in and move-out dates of Entry app users: calendar days as YYYY-MM-DD, in UTC like every
 * billing day (an invoice counts a user for each UTC day they were active at any moment).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Whether `value` is a real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value && Number(match[1]) >= 2000;
}

// utcDay (the UTC day of an instant) is site-transfers.ts': a transfer's day is counted alike.

/** The first instant of a YYYY-MM-DD day (UTC). */
export function startOfDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/**
 * The last instant of a YYYY-MM-DD day (UTC, to the millisecond the database keeps): a user who
 * moves out that day is removed at this instant, so the day is billed and the next is not.
 */
export function endOfDay(day: string): Date {
  return new Date(startOfDay(day).getTime() + DAY_MS - 1);
}

/**
 * Why a move date is refused, in `params.reason` of an INVALID problem (the code stays the common
 * one apps branch on; the reason picks the words: lifecycle-words.ts).
 */
export const MoveDateProblemReason = {
  /** moveOutDate: earlier than the move-in date */
  MOVE_OUT_BEFORE_MOVE_IN: 'MOVE_OUT_BEFORE_MOVE_IN',
  /** moveOutDate: a day already past (removing a user today is removeEntryUser) */
  MOVE_OUT_IN_PAST: 'MOVE_OUT_IN_PAST',
  /** moveInDate: the user moved in already; the day they were billed from stays */
  ALREADY_MOVED_IN: 'ALREADY_MOVED_IN',
} as const;
export type MoveDateProblemReason =
  (typeof MoveDateProblemReason)[keyof typeof MoveDateProblemReason];

/** What an Entry app user is, from their dates: the API's EntryUserStatus. */
export const EntryUserStatus = {
  /** moveInDate still ahead: not billed before that day */
  UPCOMING: 'UPCOMING',
  ACTIVE: 'ACTIVE',
  /** removed, or past the end of their moveOutDate */
  REMOVED: 'REMOVED',
} as const;
export type EntryUserStatus = (typeof EntryUserStatus)[keyof typeof EntryUserStatus];

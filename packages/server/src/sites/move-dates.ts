import { endOfDay, EntryUserStatus, startOfDay } from '@entry/shared';
import type { EntryUserEntity } from './entry-user.entity';

type Dated = Pick<EntryUserEntity, 'activeFrom' | 'removedAt' | 'moveOutDate'>;

/** When billing counts a user from: now, or the start of a later move-in day. */
export function activeFromFor(moveInDate: string | null | undefined, now: Date): Date {
  if (!moveInDate) return now;
  const moveIn = startOfDay(moveInDate);
  return moveIn > now ? moveIn : now;
}

/**
 * The span billing counts a user for: from activeFrom until removed, or until the end of their
 * move-out day when that comes first. The move-out job (move-outs.ts) sets removedAt to exactly
 * that instant, but an invoice issued before it ran (just after midnight) must not count the
 * next day: so the date itself bounds the span, not only the removal.
 */
export function billedSpanOf(user: Dated): { from: Date; to: Date | null } {
  const moveOut = user.moveOutDate ? endOfDay(user.moveOutDate) : null;
  const to =
    user.removedAt && moveOut
      ? new Date(Math.min(user.removedAt.getTime(), moveOut.getTime()))
      : (user.removedAt ?? moveOut);
  return { from: user.activeFrom, to };
}

/** UPCOMING before the move-in, REMOVED once removed or past the move-out day, else ACTIVE. */
export function entryUserStatus(user: Dated, now: Date): EntryUserStatus {
  const { from, to } = billedSpanOf(user);
  if (user.removedAt || (to && to < now)) return EntryUserStatus.REMOVED;
  return from > now ? EntryUserStatus.UPCOMING : EntryUserStatus.ACTIVE;
}

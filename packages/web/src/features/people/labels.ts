import type { TFunction } from '../../lib/translator';

const STATUS_KEYS = {
  PENDING_APPROVAL: 'people.status.PENDING_APPROVAL',
  INVITED: 'people.status.INVITED',
  ACTIVE: 'people.status.ACTIVE',
  DISABLED: 'people.status.DISABLED',
} as const;

export const PERSON_STATUSES = ['INVITED', 'ACTIVE', 'DISABLED'] as const;

/** A person's status in the interface's language; one the app does not know yet, as the API says it. */
export function statusLabel(t: TFunction<'people'>, status: string): string {
  return status in STATUS_KEYS ? t(STATUS_KEYS[status as keyof typeof STATUS_KEYS]) : status;
}

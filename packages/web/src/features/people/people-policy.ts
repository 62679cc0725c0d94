import {
  can,
  grantableLevels as levelsGrantableBy,
  Permission,
  PersonAction,
  type AccessLevelCode as Level,
  type Principal,
} from '@entry/shared';

// The rules themselves live in @entry/shared (policy.ts), where the server enforces them too;
// this module only adapts the people pages' shapes (a level code, a list row) to them.
export { needsSites } from '@entry/shared';

/** The signed-in person, as far as the rules below need them. */
export interface PolicyViewer {
  id: string;
  level: Level;
}

/** A colleague in the list or on the edit page. */
export interface PolicyTarget {
  id: string;
  level: Level;
  status: string;
}

/** What the web app shows of the people features; the server enforces the same rules anyway. */
export type PersonActions = Record<keyof typeof ACTION_OF_BUTTON, boolean>;

const ACTION_OF_BUTTON = {
  edit: PersonAction.EDIT,
  /** the level dropdown is offered (otherwise the level is shown as text) */
  changeLevel: PersonAction.CHANGE_LEVEL,
  resendInvitation: PersonAction.RESEND_INVITATION,
  disable: PersonAction.DISABLE,
  enable: PersonAction.ENABLE,
  /** "revoke invitation" for an INVITED person */
  remove: PersonAction.REMOVE,
} as const;

/** Only the level matters for what a viewer may do in general, not who they are. */
function principalOfLevel(level: Level | null | undefined): Principal | null {
  return level ? { kind: 'person', id: '', accessLevel: level } : null;
}

function principalOf(viewer: PolicyViewer | null): Principal | null {
  return viewer ? { kind: 'person', id: viewer.id, accessLevel: viewer.level } : null;
}

/** Payment admins and system admins manage people; site admins do not. */
export function canManagePeople(level: Level | null | undefined): boolean {
  return can(principalOfLevel(level), Permission.MANAGE_PEOPLE);
}

/** The levels a viewer may hand out, highest first. */
export function grantableLevels(viewer: Level | null | undefined): Level[] {
  return levelsGrantableBy(principalOfLevel(viewer));
}

/** The buttons the viewer sees for one colleague. */
export function personActions(viewer: PolicyViewer | null, target: PolicyTarget): PersonActions {
  const principal = principalOf(viewer);
  const colleague = { id: target.id, accessLevel: target.level, status: target.status };
  const entries = Object.entries(ACTION_OF_BUTTON).map(
    ([button, action]) => [button, can(principal, action, colleague)] as const,
  );
  return Object.fromEntries(entries) as PersonActions;
}

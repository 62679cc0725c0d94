import {
  ACCESS_LEVEL_CODES,
  ACCESS_LEVEL_RIGHTS,
  levelGrants,
  Permission,
  type AccessLevelCode,
  type AccessLevelRights,
} from './access-levels';
import { ApiScope, scopesReach } from './api-scopes';

/**
 * Who may do what, in one place for the server (which enforces it) and the web app (which hides
 * what it forbids). Everything here is data and small pure functions over the rights table
 * ACCESS_LEVEL_RIGHTS; nothing reads a database or a request. What a company's state allows
 * (approved, suspended, billing set up) is the server's part of the check, in server/src/auth.
 */

/**
 * Who is asking, as far as the rules need to know: the same plain shape on both sides. The
 * server derives it from its richer `Viewer` (server/src/auth/principal.ts), the web app from
 * the bootstrap answer.
 */
export type Principal =
  | { readonly kind: 'person'; readonly id: string; readonly accessLevel: AccessLevelCode }
  | { readonly kind: 'operator' }
  /**
   * A company's API key (partner API). It holds no access level and no permission: what it may
   * use is what its scopes reach (api-scopes.ts), field by field.
   */
  | {
      readonly kind: 'apiKey';
      readonly scopes: readonly string[];
      /** true: it sees and changes only the sites it was given, and creates none */
      readonly limitedToSites: boolean;
    };

/** A colleague in the people list, on the edit page, or in a mutation. */
export interface PersonTarget {
  readonly id: string;
  readonly accessLevel: AccessLevelCode;
  /** INVITED, ACTIVE or DISABLED */
  readonly status: string;
}

/** A level someone would hand out (invitation, level change). */
export interface LevelTarget {
  readonly level: AccessLevelCode;
}

/** What one may do to one colleague: the buttons of the people pages, the checks of the mutations. */
export const PersonAction = {
  EDIT: 'person.edit',
  /** hand the colleague a different level (the level dropdown) */
  CHANGE_LEVEL: 'person.changeLevel',
  RESEND_INVITATION: 'person.resendInvitation',
  DISABLE: 'person.disable',
  ENABLE: 'person.enable',
  /** remove an active or disabled person, revoke an invitation */
  REMOVE: 'person.remove',
} as const;
export type PersonAction = (typeof PersonAction)[keyof typeof PersonAction];

/** Give someone this level (inviting them, or changing their level to it). */
export const GRANT_LEVEL = 'level.grant';

/** Every action and what it is about: no target (a permission), a colleague, or a level. */
export interface ActionTargets {
  readonly AUTHENTICATED: undefined;
  readonly ALL_SITES: undefined;
  readonly PAYMENTS: undefined;
  readonly OPERATOR: undefined;
  readonly MANAGE_PEOPLE: undefined;
  readonly 'person.edit': PersonTarget;
  readonly 'person.changeLevel': PersonTarget;
  readonly 'person.resendInvitation': PersonTarget;
  readonly 'person.disable': PersonTarget;
  readonly 'person.enable': PersonTarget;
  readonly 'person.remove': PersonTarget;
  readonly 'level.grant': LevelTarget;
}
export type Action = keyof ActionTargets;

type TargetArgs<A extends Action> = ActionTargets[A] extends undefined ? [] : [ActionTargets[A]];

type PersonPrincipal = Extract<Principal, { kind: 'person' }>;

/**
 * Whether holding this level's rights reaches that far: payment rights only reach payment rights.
 * A code that is no level (a typo in an input) carries no rights: the input's validation refuses
 * it with a field error, which a refusal here would hide.
 */
function reaches(viewer: AccessLevelCode, level: AccessLevelCode): boolean {
  const rights = ACCESS_LEVEL_RIGHTS[level] as AccessLevelRights | undefined;
  return !rights?.payments || ACCESS_LEVEL_RIGHTS[viewer].payments;
}

/**
 * The rules about colleagues, for a person who manages people. Only a payment admin changes,
 * disables or removes a payment admin (their name included: the people who hold the company's
 * money decide about each other); nobody changes their own level, disables or removes themselves.
 */
const PERSON_RULES: Readonly<
  Record<PersonAction, (viewer: PersonPrincipal, target: PersonTarget) => boolean>
> = {
  'person.edit': (viewer, target) =>
    viewer.id === target.id || reaches(viewer.accessLevel, target.accessLevel),
  'person.changeLevel': (viewer, target) => touchesOther(viewer, target),
  'person.resendInvitation': (_viewer, target) => target.status === 'INVITED',
  'person.disable': (viewer, target) => touchesOther(viewer, target) && target.status === 'ACTIVE',
  'person.enable': (viewer, target) => touchesOther(viewer, target) && target.status === 'DISABLED',
  'person.remove': (viewer, target) => touchesOther(viewer, target),
};

function touchesOther(viewer: PersonPrincipal, target: PersonTarget): boolean {
  return viewer.id !== target.id && reaches(viewer.accessLevel, target.accessLevel);
}

function isPersonAction(action: Action): action is PersonAction {
  return action in PERSON_RULES;
}

function isPermission(action: Action): action is Permission {
  return action in Permission;
}

/**
 * Whether the principal may take the action (on the target, for actions about a colleague or a
 * level). Null (nobody signed in) may do nothing. For a person the company's state is not part of
 * this answer: the server refuses people of an unapproved company before it asks.
 */
export function can<A extends Action>(
  principal: Principal | null | undefined,
  action: A,
  ...target: TargetArgs<A>
): boolean {
  if (!principal) return false;
  switch (principal.kind) {
    case 'operator':
      // The vendor's staff run the portal; they are nobody's colleague and hold no company rights.
      return action === Permission.OPERATOR || action === Permission.AUTHENTICATED;
    case 'apiKey':
      // A key holds no permission: the scopes a field names decide (scopesReach), and no rule
      // about colleagues or levels applies to it.
      return false;
    case 'person':
      return personMay(principal, action, target[0]);
  }
}

function personMay(
  person: PersonPrincipal,
  action: Action,
  target: PersonTarget | LevelTarget | undefined,
): boolean {
  if (isPermission(action)) return levelGrants(person.accessLevel, action);
  // Every rule about colleagues and levels is for people who manage people in the first place.
  if (!levelGrants(person.accessLevel, Permission.MANAGE_PEOPLE)) return false;
  if (action === GRANT_LEVEL) return reaches(person.accessLevel, (target as LevelTarget).level);
  if (isPersonAction(action)) return PERSON_RULES[action](person, target as PersonTarget);
  return false;
}

/** The levels the principal may hand out, highest first (the level dropdown). */
export function grantableLevels(principal: Principal | null | undefined): AccessLevelCode[] {
  return ACCESS_LEVEL_CODES.filter((level) => can(principal, GRANT_LEVEL, { level }));
}

/**
 * Whether the principal may set the colleague's level to `nextLevel` (the same level again is no
 * change, but still needs the colleague to be within reach). `target: null` is an invitation.
 */
export function mayAssignLevel(
  principal: Principal | null | undefined,
  target: PersonTarget | null,
  nextLevel: AccessLevelCode,
): boolean {
  if (!can(principal, GRANT_LEVEL, { level: nextLevel })) return false;
  if (!target) return true;
  if (target.accessLevel === nextLevel) return can(principal, PersonAction.EDIT, target);
  return can(principal, PersonAction.CHANGE_LEVEL, target);
}

/** The level needs sites of its own (site admins); the others manage every site. */
export function needsSites(level: string | null | undefined): boolean {
  const known = ACCESS_LEVEL_CODES.find((code) => code === level);
  return known !== undefined && !ACCESS_LEVEL_RIGHTS[known].allSites;
}

/**
 * Whether the principal may create sites: people with every site of the company, and API keys
 * that may write sites and are not limited to some (a new site would be outside their list).
 */
export function mayCreateSites(principal: Principal | null | undefined): boolean {
  if (principal?.kind === 'apiKey')
    return !principal.limitedToSites && scopesReach(principal.scopes, [ApiScope.SITES_WRITE]);
  return can(principal, Permission.ALL_SITES);
}

import {
  ACCESS_LEVEL_CODES,
  ACCESS_LEVEL_RIGHTS,
  AccessLevelCode,
  type AccessLevelCode as Level,
} from '@entry/shared';

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
export interface PersonActions {
  edit: boolean;
  /** the level dropdown is offered (otherwise the level is shown as text) */
  changeLevel: boolean;
  resendInvitation: boolean;
  disable: boolean;
  enable: boolean;
  /** "revoke invitation" for an INVITED person */
  remove: boolean;
}

const NONE: PersonActions = {
  edit: false,
  changeLevel: false,
  resendInvitation: false,
  disable: false,
  enable: false,
  remove: false,
};

/** Payment admins and system admins manage people; site admins do not (the shared rights table). */
export function canManagePeople(level: Level | null | undefined): boolean {
  return level ? ACCESS_LEVEL_RIGHTS[level].managePeople : false;
}

/**
 * The levels a viewer may hand out, highest first. Only someone with payment rights gives (or
 * takes away) the payment admin level, so a system admin is never offered it.
 */
export function grantableLevels(viewer: Level | null | undefined): Level[] {
  if (!canManagePeople(viewer)) return [];
  return ACCESS_LEVEL_CODES.filter(
    (level) =>
      !ACCESS_LEVEL_RIGHTS[level].payments ||
      (viewer ? ACCESS_LEVEL_RIGHTS[viewer].payments : false),
  );
}

/** Whether the viewer may touch a payment admin's level, status or membership at all. */
function mayTouch(viewer: PolicyViewer, target: PolicyTarget): boolean {
  return !ACCESS_LEVEL_RIGHTS[target.level].payments || ACCESS_LEVEL_RIGHTS[viewer.level].payments;
}

/**
 * The buttons the viewer sees for one colleague: nobody changes their own level, disables or
 * removes themselves; only a payment admin edits, disables or removes a payment admin.
 */
export function personActions(viewer: PolicyViewer | null, target: PolicyTarget): PersonActions {
  if (!viewer || !canManagePeople(viewer.level)) return NONE;
  const self = viewer.id === target.id;
  const touch = !self && mayTouch(viewer, target);
  return {
    // a system admin may not even rename a payment admin: the payment admins decide about each other
    edit: self || mayTouch(viewer, target),
    changeLevel: touch,
    resendInvitation: target.status === 'INVITED',
    disable: touch && target.status === 'ACTIVE',
    enable: touch && target.status === 'DISABLED',
    remove: touch,
  };
}

/** The level needs sites of its own (site admins); the others manage every site. */
export function needsSites(level: string | null | undefined): boolean {
  return level === AccessLevelCode.SITE_ADMIN;
}

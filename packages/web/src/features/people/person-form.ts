import {
  UserErrorCode,
  validateInvitation,
  validatePersonUpdate,
  type AccessLevelCode,
  type Locale,
} from '@entry/shared';
import { userErrorMessage } from '../../components/form/user-error-message';
import { problemsToFieldErrors, type FieldErrors } from '../../components/form/form-errors';
import type { ComboboxOption } from '../../components/AsyncCombobox';
import { needsSites } from './people-policy';

/** The French note's "Ajouter une nouvelle personne" form, in its order (and the invitee's language). */
export const INVITE_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'accessLevel',
  'siteIds',
  'locale',
] as const;
export type InviteField = (typeof INVITE_FIELDS)[number];

export interface InviteValues {
  firstName: string;
  lastName: string;
  email: string;
  /** '' until one is chosen */
  accessLevel: AccessLevelCode | '';
  /** kept when the level changes away from site admin and back; sent for site admins only */
  sites: ComboboxOption[];
  locale: Locale;
}

export function emptyInvite(locale: Locale): InviteValues {
  return { firstName: '', lastName: '', email: '', accessLevel: '', sites: [], locale };
}

/** InvitePersonInput, with the ids as the strings they are. */
export interface InviteInput {
  firstName: string;
  lastName: string;
  email: string;
  accessLevel: AccessLevelCode;
  siteIds?: string[];
  locale: Locale;
}

/** UpdatePersonInput: only what changed. */
export interface UpdateInput {
  firstName: string;
  lastName: string;
  accessLevel?: AccessLevelCode;
  siteIds?: string[];
}

export function toInviteInput(values: InviteValues): InviteInput {
  const level = values.accessLevel as AccessLevelCode;
  return {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    email: values.email.trim(),
    accessLevel: level,
    ...(needsSites(level) ? { siteIds: values.sites.map((site) => site.id) } : {}),
    locale: values.locale,
  };
}

/** "Choose an access level" is a missing value, not an invalid one. */
function levelRequired<F extends string>(errors: FieldErrors<F>, field: F, locale: Locale) {
  errors[field] = userErrorMessage(
    { field: ['input', field], code: UserErrorCode.REQUIRED },
    locale,
  );
}

/** The shared rules (the server runs the same ones), as messages per field. */
export function validateInvite(values: InviteValues, locale: Locale): FieldErrors<InviteField> {
  const errors = problemsToFieldErrors(
    validateInvitation({ ...toInviteInput(values), accessLevel: values.accessLevel }),
    INVITE_FIELDS,
    locale,
  );
  if (!values.accessLevel) levelRequired(errors, 'accessLevel', locale);
  return errors;
}

export const EDIT_FIELDS = ['firstName', 'lastName', 'accessLevel', 'siteIds'] as const;
export type EditField = (typeof EDIT_FIELDS)[number];

export interface EditValues {
  firstName: string;
  lastName: string;
  accessLevel: AccessLevelCode;
  sites: ComboboxOption[];
}

const sameSites = (a: readonly ComboboxOption[], b: readonly ComboboxOption[]) =>
  a.length === b.length && a.every((site) => b.some((other) => other.id === site.id));

/**
 * Only what changed: the level only when it did (a system admin may edit a payment admin's name
 * but not their level), the sites only for a site admin and only when they changed.
 */
export function toUpdateInput(values: EditValues, original: EditValues): UpdateInput {
  const input: UpdateInput = {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
  };
  const levelChanged = values.accessLevel !== original.accessLevel;
  if (levelChanged) input.accessLevel = values.accessLevel;
  if (needsSites(values.accessLevel) && (levelChanged || !sameSites(values.sites, original.sites)))
    input.siteIds = values.sites.map((site) => site.id);
  return input;
}

export function validateEdit(
  values: EditValues,
  original: EditValues,
  locale: Locale,
): FieldErrors<EditField> {
  return problemsToFieldErrors(
    validatePersonUpdate(
      toUpdateInput(values, original),
      original.accessLevel,
      original.sites.length,
    ),
    EDIT_FIELDS,
    locale,
  );
}

import { useMutation } from '@apollo/client/react';
import { ErrorCode } from '@entry/shared';
import { useTranslation } from '../../../lib/useTranslation';
import { currentLocale } from '../../../app/i18n';
import { sortUserErrors } from '../../../components/form';
import {
  DisablePersonMutation,
  EnablePersonMutation,
  RemovePersonMutation,
  ResendInvitationMutation,
} from '../operations';
import type { PeopleNotice } from '../people-notice';
import { forbiddenText, requestRefusal } from '../request-errors';

export type PersonCommand = 'resend' | 'disable' | 'enable' | 'remove';

/** What the people list says after a command (or after another page sent the person back). */
export type Outcome =
  | PeopleNotice
  | { kind: 'resent'; email: string }
  | { kind: 'disabled' | 'enabled' | 'removed' | 'revoked'; name: string }
  | { kind: 'failed'; message: string };

interface CommandTarget {
  id: string;
  email: string;
  status: string;
}

/** Runs one of a person's row commands and says how it went, in the viewer's language. */
export function usePersonCommand() {
  const { t, i18n } = useTranslation('people');
  const locale = currentLocale(i18n);
  const [resend] = useMutation(ResendInvitationMutation);
  const [disable] = useMutation(DisablePersonMutation);
  const [enable] = useMutation(EnablePersonMutation);
  const [remove] = useMutation(RemovePersonMutation);

  return async (command: PersonCommand, person: CommandTarget, name: string): Promise<Outcome> => {
    const variables = { id: person.id };
    try {
      let userErrors: readonly {
        field?: readonly string[] | null;
        code: string;
        message: string;
      }[];
      if (command === 'resend')
        userErrors = (await resend({ variables })).data?.resendInvitation.userErrors ?? [];
      else if (command === 'disable')
        userErrors = (await disable({ variables })).data?.disablePerson.userErrors ?? [];
      else if (command === 'enable')
        userErrors = (await enable({ variables })).data?.enablePerson.userErrors ?? [];
      else userErrors = (await remove({ variables })).data?.removePerson.userErrors ?? [];
      if (userErrors.length > 0) {
        const message = sortUserErrors(userErrors, [], locale).form.join(' ');
        return { kind: 'failed', message: t('people.done.failed', { name, message }) };
      }
      switch (command) {
        case 'resend':
          return { kind: 'resent', email: person.email };
        case 'disable':
          return { kind: 'disabled', name };
        case 'enable':
          return { kind: 'enabled', name };
        case 'remove':
          return { kind: person.status === 'INVITED' ? 'revoked' : 'removed', name };
      }
    } catch (error) {
      console.error(`${command} for person ${person.id} failed`, error);
      const refusal = requestRefusal(error);
      if (refusal === ErrorCode.BILLING_SETUP_REQUIRED)
        return { kind: 'failed', message: forbiddenText(error) };
      const message = refusal ? forbiddenText(error) : t('form.requestFailed');
      return { kind: 'failed', message: t('people.done.failed', { name, message }) };
    }
  };
}

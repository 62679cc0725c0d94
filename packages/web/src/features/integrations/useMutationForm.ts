import type { FieldProblem } from '@entry/shared';
import type { FormEvent } from 'react';
import { hasErrors, problemsToFieldErrors } from '../../components/form';
import { useFormProblems } from '../../components/form/useFormProblems';
import { problemsOf, type Sent } from './send';
import { useIntegrationsWords } from './words';

interface Submission<T> {
  /** a request is on its way: a second submit does nothing */
  sending: boolean;
  /** the shared rules' problems with what was typed: none, or nothing is sent */
  check: () => readonly FieldProblem[];
  send: () => Promise<Sent<T>>;
  done: (result: T) => void;
}

/**
 * The one way this page's forms go: check with the shared rules, send, and show what is wrong
 * (under its field, else in the form's alert) with focus on the first problem.
 */
export function useMutationForm<F extends string>(
  fields: readonly F[],
  fieldId: (field: F) => string,
) {
  const { t, locale } = useIntegrationsWords();
  const problems = useFormProblems(fields, fieldId);

  function submitter<T>(submission: () => Submission<T>) {
    return async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const { sending, check, send, done } = submission();
      if (sending) return;
      const found = problemsToFieldErrors(check(), fields, locale);
      if (hasErrors(found)) {
        problems.show(found, []);
        return;
      }
      const sent = await send();
      if (sent.kind === 'done') {
        done(sent.result);
        return;
      }
      const sorted = problemsOf(sent, fields, locale, t);
      problems.show(sorted.fields, sorted.form);
    };
  }

  return { ...problems, submitter };
}

import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from '../../../lib/useTranslation';
import { describe, expect, it, vi } from 'vitest';
import { createTestI18n } from '../../../test/i18n';
import { FormAlert } from '../../../components/form/FormAlert';
import type { FieldErrors, UserErrorLike } from '../../../components/form/form-errors';
import { PersonNameFields } from '../components/PersonForm';
import { usePersonForm, type PersonFormValues } from '../components/usePersonForm';

const FIELDS = ['firstName', 'lastName', 'siteIds'] as const;
type TestField = (typeof FIELDS)[number];

function validate(values: PersonFormValues): FieldErrors<TestField> {
  const errors: FieldErrors<TestField> = {};
  if (!values.firstName.trim()) errors.firstName = 'Enter a first name.';
  if (!values.lastName.trim()) errors.lastName = 'Enter a last name.';
  return errors;
}

interface HarnessProps {
  send(values: PersonFormValues): void;
  sending?: boolean;
  /** what the server answers to a save */
  userErrors?: UserErrorLike[];
}

function Harness({ send, sending = false, userErrors }: HarnessProps) {
  const { values, errors, formErrors, alertRef, fieldId, change, recheck, submit, showUserErrors } =
    usePersonForm({
      id: 'test-person',
      fields: FIELDS,
      initial: { firstName: '', lastName: '', sites: [{ id: 's1', label: 'Grand Ave Suites' }] },
      locale: 'en',
      validate,
    });
  async function save() {
    send(values);
    if (userErrors) showUserErrors(userErrors);
  }
  return (
    <form noValidate onSubmit={(event) => void submit(event, { sending, send: save })}>
      <FormAlert ref={alertRef} messages={formErrors} />
      <PersonNameFields
        fieldId={fieldId}
        values={values}
        errors={errors}
        onChange={change}
        onLeave={recheck}
      />
      <p id={fieldId('siteIds')} tabIndex={-1}>
        {errors.siteIds}
      </p>
      <button type="submit">Save</button>
    </form>
  );
}

function renderHarness(props: HarnessProps) {
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={createTestI18n('en')}>
      <Harness {...props} />
    </I18nextProvider>,
  );
  return { user };
}

const textbox = (name: string) => screen.getByRole('textbox', { name });

describe('usePersonForm', () => {
  it('should show every problem, focus the first and send nothing when saved invalid', async () => {
    const send = vi.fn();
    const { user } = renderHarness({ send });
    await user.click(await screen.findByRole('button', { name: 'Save' }));
    expect(textbox('First name')).toHaveFocus();
    expect(textbox('First name')).toHaveAccessibleDescription(/Enter a first name\./);
    expect(textbox('Last name')).toHaveAccessibleDescription(/Enter a last name\./);
    expect(send).not.toHaveBeenCalled();
  });

  it('should clear an error as soon as the value is right, and show a new one only on leaving', async () => {
    const { user } = renderHarness({ send: vi.fn() });
    await user.click(await screen.findByRole('button', { name: 'Save' }));
    await user.type(textbox('First name'), 'Daisy');
    expect(textbox('First name')).not.toHaveAttribute('aria-invalid');
    await user.clear(textbox('First name'));
    // no message while typing in a field that had none
    expect(textbox('First name')).not.toHaveAttribute('aria-invalid');
    await user.click(textbox('Last name'));
    expect(textbox('First name')).toHaveAccessibleDescription(/Enter a first name\./);
  });

  it('should send the values when every field passes', async () => {
    const send = vi.fn();
    const { user } = renderHarness({ send });
    await user.type(await screen.findByRole('textbox', { name: 'First name' }), 'Daisy');
    await user.type(textbox('Last name'), 'Burton');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(send).toHaveBeenCalledWith(expect.objectContaining({ firstName: 'Daisy' }));
  });

  it('should send nothing while a save is on its way', async () => {
    const send = vi.fn();
    const { user } = renderHarness({ send, sending: true });
    await user.type(await screen.findByRole('textbox', { name: 'First name' }), 'Daisy');
    await user.type(textbox('Last name'), 'Burton');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(send).not.toHaveBeenCalled();
  });

  it("should put the server's errors on their fields, naming the site, and focus the first", async () => {
    const { user } = renderHarness({
      send: vi.fn(),
      userErrors: [
        { field: ['input', 'siteIds', '0'], code: 'NOT_FOUND', message: 'Not found.' },
        { field: ['input', 'lastName'], code: 'REQUIRED', message: 'x' },
      ],
    });
    await user.type(await screen.findByRole('textbox', { name: 'First name' }), 'Daisy');
    await user.type(textbox('Last name'), 'Burton');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(textbox('Last name')).toHaveFocus());
    expect(textbox('Last name')).toHaveAccessibleDescription(/This field is required\./);
    expect(screen.getByText('Grand Ave Suites: Not found.')).toBeVisible();
  });

  it('should say the request failed, in the focused alert, when a refusal names nothing', async () => {
    const { user } = renderHarness({ send: vi.fn(), userErrors: [] });
    await user.type(await screen.findByRole('textbox', { name: 'First name' }), 'Daisy');
    await user.type(textbox('Last name'), 'Burton');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/Something went wrong on our side/);
    expect(alert).toHaveFocus();
  });
});

import { render, screen } from '@testing-library/react';
import { I18nextProvider } from '../../../lib/useTranslation';
import { describe, expect, it } from 'vitest';
import { createTestI18n } from '../../../test/i18n';
import { Field } from '../Field';

function renderField(props: { required?: boolean; showRequirement?: boolean; error?: string }) {
  return render(
    <I18nextProvider i18n={createTestI18n('en')}>
      <Field id="city" name="city" label="City" hint="Where the site is" {...props}>
        {(control) => <input {...control} />}
      </Field>
    </I18nextProvider>,
  );
}

describe('Field', () => {
  it('should tie the control to its label, hint and error', async () => {
    renderField({ error: 'Enter a city' });
    const input = await screen.findByRole('textbox', { name: /City/ });
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(/Enter a city.*Where the site is/);
  });

  it('should say "(optional)" after an optional field\'s label', async () => {
    renderField({});
    expect(await screen.findByText('(optional)')).toBeVisible();
  });

  it('should leave the requirement out for a filter', async () => {
    renderField({ showRequirement: false });
    expect(await screen.findByRole('textbox', { name: 'City' })).not.toBeRequired();
    expect(screen.queryByText('(optional)')).toBeNull();
  });
});

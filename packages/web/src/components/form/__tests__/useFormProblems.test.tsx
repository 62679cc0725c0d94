import { act, render, renderHook, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { focusFirstProblem, useFormProblems } from '../useFormProblems';

const ORDER = ['name', 'email'] as const;
const fieldId = (field: string) => `form-${field}`;

function Controls() {
  return (
    <>
      <div role="alert" tabIndex={-1} id="alert" />
      <input aria-label="Name" id="form-name" />
      <input aria-label="Email" id="form-email" />
    </>
  );
}

describe('focusFirstProblem', () => {
  it('should focus the first field in the form order that has a problem', () => {
    render(<Controls />);
    focusFirstProblem(ORDER, { email: 'Enter an email', name: 'Enter a name' }, fieldId, null);
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveFocus();
    focusFirstProblem(ORDER, { email: 'Enter an email' }, fieldId, null);
    expect(screen.getByRole('textbox', { name: 'Email' })).toHaveFocus();
  });

  it('should focus the alert when no field has a problem', () => {
    render(<Controls />);
    const alert = screen.getByRole('alert');
    focusFirstProblem(ORDER, {}, fieldId, alert);
    expect(alert).toHaveFocus();
  });
});

describe('useFormProblems', () => {
  it('should hold what show() was given, the field messages and the alert messages', () => {
    render(<Controls />);
    const { result } = renderHook(() => useFormProblems(ORDER, fieldId));
    act(() => result.current.show({ email: 'Enter an email' }, ['The request failed']));
    expect(result.current.errors).toEqual({ email: 'Enter an email' });
    expect(result.current.formErrors).toEqual(['The request failed']);
    expect(screen.getByRole('textbox', { name: 'Email' })).toHaveFocus();
  });
});

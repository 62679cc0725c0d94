import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { I18nextProvider } from '../../lib/useTranslation';
import { describe, expect, it, vi } from 'vitest';
import { createTestI18n } from '../../test/i18n';
import {
  AsyncCombobox,
  type ComboboxLoader,
  type ComboboxOption,
  type ComboboxPage,
} from '../AsyncCombobox';

const SITES: ComboboxOption[] = [
  { id: 's0', label: 'Grand Ave Suites', detail: '1 Grand Avenue' },
  { id: 's1', label: 'Grange Court' },
  { id: 's2', label: 'Harbour View Lofts' },
];

function search(term: string): ComboboxPage {
  const options = SITES.filter((site) => site.label.toLowerCase().includes(term.toLowerCase()));
  return { options, totalCount: options.length };
}

function Harness({ load, multiple = true }: { load: ComboboxLoader; multiple?: boolean }) {
  const [selected, setSelected] = useState<ComboboxOption[]>([]);
  return (
    <form>
      <label htmlFor="sites">Sites</label>
      <AsyncCombobox
        control={{
          id: 'sites',
          name: 'siteIds',
          required: true,
          'aria-describedby': undefined,
          'aria-invalid': undefined,
        }}
        label="Sites"
        placeholder="Select a site"
        multiple={multiple}
        selected={selected}
        onChange={setSelected}
        load={load}
        chosenLabel="Chosen sites"
        debounce={0}
      />
    </form>
  );
}

function renderCombobox(load: ComboboxLoader, multiple = true) {
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={createTestI18n('en')}>
      <Harness load={load} multiple={multiple} />
    </I18nextProvider>,
  );
  return { user, input: screen.getByRole('combobox', { name: 'Sites' }) };
}

/** Types each term and picks its first option, as a person choosing sites one after another. */
async function chooseEach(
  { user, input }: ReturnType<typeof renderCombobox>,
  terms: readonly string[],
): Promise<HTMLElement> {
  for (const term of terms) {
    await user.type(input, term);
    await screen.findByRole('option');
    await user.keyboard('{ArrowDown}{Enter}');
  }
  return screen.getByRole('list', { name: 'Chosen sites' });
}

const chosenNames = (chosen: HTMLElement) =>
  within(chosen)
    .getAllByRole('listitem')
    .map((item) => item.textContent);

const optionNames = () =>
  within(screen.getByRole('listbox', { name: 'Sites' }))
    .getAllByRole('option')
    .map((option) => option.textContent);

describe('AsyncCombobox', () => {
  it('should follow the ARIA combobox pattern when it is closed', () => {
    const { input } = renderCombobox(async (term) => search(term));
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(input).toHaveAttribute('aria-autocomplete', 'list');
    expect(input).toHaveAttribute('aria-controls', 'sites-listbox');
    expect(input).toHaveAttribute('aria-required', 'true');
    expect(input).toHaveAttribute('placeholder', 'Select a site');
    expect(input).not.toHaveAttribute('aria-activedescendant');
  });

  it('should choose with the arrow keys and Enter, and list the choice under the input', async () => {
    const { user, input } = renderCombobox(async (term) => search(term));
    await user.type(input, 'gran');
    await waitFor(() =>
      expect(optionNames()).toEqual(['Grand Ave Suites1 Grand Avenue', 'Grange Court']),
    );
    expect(input).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard('{ArrowDown}');
    expect(input).toHaveAttribute('aria-activedescendant', 'sites-option-0');
    await user.keyboard('{ArrowDown}');
    expect(input).toHaveAttribute('aria-activedescendant', 'sites-option-1');
    await user.keyboard('{ArrowDown}');
    // Wraps around to the first.
    expect(input).toHaveAttribute('aria-activedescendant', 'sites-option-0');
    await user.keyboard('{ArrowUp}');
    expect(input).toHaveAttribute('aria-activedescendant', 'sites-option-1');
    await user.keyboard('{Enter}');

    const chosen = screen.getByRole('list', { name: 'Chosen sites' });
    expect(
      within(chosen)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Grange Court×']);
    expect(input).toHaveValue('');
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(input).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('Grange Court added.');

    // Opened again: the chosen one is marked selected.
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(3));
    expect(screen.getByRole('option', { name: 'Grange Court' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    expect(screen.getByRole('option', { name: /Harbour/ })).toHaveAttribute(
      'aria-selected',
      'false',
    );
    await user.click(screen.getByRole('option', { name: /Harbour/ }));
    expect(within(chosen).getAllByRole('listitem')).toHaveLength(2);
  });

  it('should not submit the form when Enter chooses an option', async () => {
    const submitted = vi.fn((event: Event) => event.preventDefault());
    const { user, input } = renderCombobox(async (term) => search(term));
    input.closest('form')!.addEventListener('submit', submitted);
    await user.type(input, 'harb');
    await screen.findByRole('option', { name: /Harbour/ });
    await user.keyboard('{ArrowDown}{Enter}');
    expect(submitted).not.toHaveBeenCalled();
    expect(screen.getByRole('list', { name: 'Chosen sites' })).toHaveTextContent(
      'Harbour View Lofts',
    );
  });

  it('should close the list with Escape and then clear the text', async () => {
    const { user, input } = renderCombobox(async (term) => search(term));
    await user.type(input, 'gr');
    await screen.findAllByRole('option');
    await user.keyboard('{Escape}');
    expect(input).toHaveAttribute('aria-expanded', 'false');
    expect(input).toHaveValue('gr');
    await user.keyboard('{Escape}');
    expect(input).toHaveValue('');
  });

  it('should remove a chosen site with its button and keep the focus in the list', async () => {
    const combobox = renderCombobox(async (term) => search(term));
    const { user, input } = combobox;
    const chosen = await chooseEach(combobox, ['grand', 'harbour']);
    expect(within(chosen).getAllByRole('listitem')).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Remove Grand Ave Suites' }));
    expect(chosenNames(chosen)).toEqual(['Harbour View Lofts×']);
    expect(screen.getByRole('button', { name: 'Remove Harbour View Lofts' })).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent('Grand Ave Suites removed.');
    await user.keyboard('{Enter}');
    expect(screen.queryByRole('list', { name: 'Chosen sites' })).not.toBeInTheDocument();
    expect(input).toHaveFocus();
  });

  it('should cancel the request still running and ignore its late answer when the text changes', async () => {
    const pending: { term: string; signal: AbortSignal; resolve: (page: ComboboxPage) => void }[] =
      [];
    const load: ComboboxLoader = (term, signal) =>
      new Promise((resolve) => pending.push({ term, signal, resolve }));
    const { user, input } = renderCombobox(load);
    input.focus();
    await user.type(input, 'g', { skipClick: true });
    await waitFor(() => expect(pending).toHaveLength(1));
    await user.type(input, 'ra', { skipClick: true });
    await waitFor(() => expect(pending.map((request) => request.term)).toEqual(['g', 'gr', 'gra']));
    expect(pending[0]!.signal.aborted).toBe(true);
    expect(pending[1]!.signal.aborted).toBe(true);
    expect(pending[2]!.signal.aborted).toBe(false);
    await act(async () => pending[2]!.resolve(search('gra')));
    // The answer for "g" arrives last: it must not replace the one for "gra".
    await act(async () => pending[0]!.resolve(search('g')));
    expect(optionNames()).toEqual(['Grand Ave Suites1 Grand Avenue', 'Grange Court']);
  });

  it('should say when more match than are shown and when nothing matches', async () => {
    const { user, input } = renderCombobox(async (term) =>
      term === 'x' ? { options: [], totalCount: 0 } : { options: SITES, totalCount: 3412 },
    );
    await user.click(input);
    // Said in the list, and to screen readers in the live region.
    await waitFor(() =>
      expect(screen.getAllByText('Showing 3 of 3412. Type to narrow the list.')).toHaveLength(2),
    );
    expect(screen.getByRole('status')).toHaveTextContent('Showing 3 of 3412.');
    await user.type(input, 'x');
    await waitFor(() => expect(screen.getAllByText('Nothing matches “x”.')).toHaveLength(2));
  });

  it('should replace the choice when only one may be chosen', async () => {
    const chosen = await chooseEach(
      renderCombobox(async (term) => search(term), false),
      ['grand', 'harbour'],
    );
    expect(chosenNames(chosen)).toEqual(['Harbour View Lofts×']);
    expect(screen.queryByRole('listbox', { name: 'Sites' })).not.toBeInTheDocument();
  });
});

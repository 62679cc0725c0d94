import './async-combobox.css';
import {
  useEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from '../lib/useTranslation';
import type { ControlProps } from './form/Field';

export interface ComboboxOption {
  id: string;
  label: string;
  /** a second line, e.g. the site's address */
  detail?: string | null;
  /** e.g. "deactivated" */
  note?: string | null;
}

export interface ComboboxPage {
  options: ComboboxOption[];
  /** how many match in all: more than shown means "type to narrow the list" */
  totalCount: number;
}

export type ComboboxLoader = (search: string, signal: AbortSignal) => Promise<ComboboxPage>;

interface AsyncComboboxProps {
  /** from <Field>: id, name, required, aria-describedby, aria-invalid */
  control: ControlProps;
  /** the field's label, to name the listbox */
  label: string;
  placeholder: string;
  /** several chosen (listed under the input) or one */
  multiple: boolean;
  selected: readonly ComboboxOption[];
  onChange(next: ComboboxOption[]): void;
  load: ComboboxLoader;
  /** names the list of chosen options */
  chosenLabel: string;
  /** what the list says while nothing is chosen; nothing is shown without it */
  noneChosen?: string;
  /** ms to wait after a keystroke before asking; the first open asks at once */
  debounce?: number;
  onBlur?(): void;
}

type Results =
  | { status: 'idle' }
  | { status: 'loading'; search: string; previous: ComboboxPage | null }
  | { status: 'ready'; search: string; page: ComboboxPage }
  | { status: 'error'; search: string };

/**
 * An editable combobox with a listbox popup (the WAI-ARIA 1.2 "combobox" pattern, list
 * autocomplete): typing asks the server for matching options after a short pause, cancelling
 * the request still running; Down/Up move through the options (aria-activedescendant keeps
 * focus in the input), Enter chooses, Escape closes the list and then clears the text. What is
 * chosen is listed under the input, each with a remove button, as the vendor's notes describe.
 */
export function AsyncCombobox({
  control,
  label,
  placeholder,
  multiple,
  selected,
  onChange,
  load,
  chosenLabel,
  noneChosen,
  debounce = 250,
  onBlur,
}: AsyncComboboxProps) {
  const { t } = useTranslation('lists');
  const { id } = control;
  const listboxId = `${id}-listbox`;
  const statusId = `${id}-status`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [results, setResults] = useState<Results>({ status: 'idle' });
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const chosenRef = useRef<HTMLUListElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const request = useRef<AbortController | null>(null);
  const sequence = useRef(0);

  // Nothing may answer into an unmounted form.
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      request.current?.abort();
    },
    [],
  );

  // The active option stays in view while the arrows move through a long list.
  useEffect(() => {
    if (!open || active < 0) return;
    document.getElementById(`${id}-option-${active}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [open, active, id]);

  const page =
    results.status === 'ready'
      ? results.page
      : results.status === 'loading'
        ? results.previous
        : null;
  const options = page?.options ?? [];
  const fresh = results.status === 'ready' && results.search === text;
  const isChosen = (option: ComboboxOption) => selected.some((item) => item.id === option.id);

  function optionId(index: number) {
    return `${id}-option-${index}`;
  }

  function fetchOptions(search: string, delay: number) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      // A newer question makes the one still on its way pointless: cancel it.
      request.current?.abort();
      const controller = new AbortController();
      request.current = controller;
      const current = ++sequence.current;
      setResults((before) => ({
        status: 'loading',
        search,
        previous: before.status === 'ready' ? before.page : null,
      }));
      load(search.trim(), controller.signal).then(
        (next) => {
          if (current !== sequence.current) return;
          setResults({ status: 'ready', search, page: next });
          setActive((index) => (index >= next.options.length ? next.options.length - 1 : index));
          setAnnouncement(resultsText(next, search));
        },
        (error: unknown) => {
          if (controller.signal.aborted || current !== sequence.current) return;
          console.error(`Loading the options of ${id} for "${search}" failed`, error);
          setResults({ status: 'error', search });
          setAnnouncement(t('lists.combobox.failed'));
        },
      );
    }, delay);
  }

  function resultsText(next: ComboboxPage, search: string): string {
    if (next.options.length === 0) return t('lists.combobox.noMatch', { search: search.trim() });
    if (next.totalCount > next.options.length)
      return t('lists.combobox.more', { shown: next.options.length, total: next.totalCount });
    return t('lists.combobox.results', { total: next.totalCount });
  }

  function openList(activeIndex = -1) {
    if (!open) {
      setOpen(true);
      fetchOptions(text, 0);
    }
    setActive(activeIndex);
  }

  function closeList() {
    setOpen(false);
    setActive(-1);
  }

  function choose(option: ComboboxOption) {
    let next: ComboboxOption[];
    let said: string;
    if (multiple && isChosen(option)) {
      next = selected.filter((item) => item.id !== option.id);
      said = t('lists.combobox.removed', { name: option.label });
    } else {
      next = multiple ? [...selected, option] : [option];
      said = t('lists.combobox.added', { name: option.label });
    }
    onChange(next);
    setAnnouncement(said);
    setText('');
    closeList();
    // The next search starts from the whole list again.
    setResults({ status: 'idle' });
  }

  function remove(option: ComboboxOption, index: number) {
    const next = selected.filter((item) => item.id !== option.id);
    flushSync(() => {
      onChange(next);
      setAnnouncement(t('lists.combobox.removed', { name: option.label }));
    });
    // Focus stays in the list of chosen options while there is one left, else the input.
    const buttons = chosenRef.current?.querySelectorAll<HTMLButtonElement>('button');
    const target = buttons?.[Math.min(index, (buttons?.length ?? 0) - 1)];
    (target ?? inputRef.current)?.focus();
  }

  function changeText(value: string) {
    setText(value);
    setOpen(true);
    setActive(-1);
    fetchOptions(value, debounce);
  }

  function keyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case 'ArrowDown': {
        event.preventDefault();
        if (!open) openList(event.altKey ? -1 : 0);
        else if (!fresh) {
          // The list still shows the answer for earlier text: ask now rather than after the pause.
          fetchOptions(text, 0);
          setActive(0);
        } else if (options.length > 0) setActive((index) => (index + 1) % options.length);
        break;
      }
      case 'ArrowUp': {
        event.preventDefault();
        if (!open) openList(options.length - 1);
        else if (options.length > 0)
          setActive((index) => (index <= 0 ? options.length - 1 : index - 1));
        break;
      }
      case 'Enter': {
        if (!open) return;
        // Choosing in the list must not submit the form around it.
        event.preventDefault();
        // Only from the answer to the text as it is now, never from an earlier one.
        const option = fresh ? options[active] : undefined;
        if (option) choose(option);
        break;
      }
      case 'Escape': {
        if (open) {
          event.preventDefault();
          closeList();
        } else if (text) {
          event.preventDefault();
          setText('');
        }
        break;
      }
      case 'Tab':
        closeList();
        break;
      default:
        break;
    }
  }

  function blur(event: FocusEvent<HTMLInputElement>) {
    // The options never take focus (mousedown is prevented), so leaving the input closes the list.
    if (!event.currentTarget.parentElement?.contains(event.relatedTarget as Node | null))
      closeList();
    onBlur?.();
  }

  const keepFocus = (event: MouseEvent) => event.preventDefault();

  const loading = results.status === 'loading' || (open && results.status === 'idle');
  let popupStatus: string | null = null;
  if (results.status === 'error') popupStatus = t('lists.combobox.failed');
  else if (loading && options.length === 0) popupStatus = t('lists.combobox.searching');
  else if (results.status === 'ready' && page) {
    if (page.options.length === 0)
      popupStatus = t('lists.combobox.noMatch', { search: results.search.trim() });
    else if (page.totalCount > page.options.length)
      popupStatus = t('lists.combobox.more', {
        shown: page.options.length,
        total: page.totalCount,
      });
  }
  const expanded = open;
  const activeId =
    expanded && active >= 0 && active < options.length ? optionId(active) : undefined;

  return (
    <div className="combobox">
      <div className="combobox-field">
        <input
          {...control}
          // Required is said by the label's "*" and checked on save: a combobox's own text
          // is only the search, which may well be empty once sites are chosen.
          required={false}
          aria-required={control.required || undefined}
          ref={inputRef}
          type="text"
          role="combobox"
          className="input combobox-input"
          autoComplete="off"
          spellCheck={false}
          placeholder={placeholder}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listboxId}
          aria-activedescendant={activeId}
          value={text}
          onChange={(event) => changeText(event.target.value)}
          onKeyDown={keyDown}
          onClick={() => {
            if (!open) openList();
          }}
          onBlur={blur}
        />
        <span className="combobox-arrow" aria-hidden="true" />
        <div className={expanded ? 'combobox-popup is-open' : 'combobox-popup'}>
          <ul
            id={listboxId}
            role="listbox"
            aria-label={label}
            aria-multiselectable={multiple || undefined}
            className="combobox-listbox"
            hidden={!expanded || options.length === 0}
          >
            {expanded &&
              options.map((option, index) => {
                const chosen = isChosen(option);
                return (
                  <li
                    key={option.id}
                    id={optionId(index)}
                    role="option"
                    aria-selected={chosen}
                    className={index === active ? 'combobox-option is-active' : 'combobox-option'}
                    onMouseDown={keepFocus}
                    onMouseMove={() => index !== active && setActive(index)}
                    onClick={() => {
                      choose(option);
                      inputRef.current?.focus();
                    }}
                  >
                    <span className="combobox-check" aria-hidden="true">
                      {chosen ? '✓' : ''}
                    </span>
                    <span className="combobox-text">
                      <span className="combobox-label">
                        {option.label}
                        {option.note && <span className="combobox-note"> ({option.note})</span>}
                      </span>
                      {option.detail && <span className="combobox-detail">{option.detail}</span>}
                    </span>
                  </li>
                );
              })}
          </ul>
          {expanded && popupStatus && (
            <p className="combobox-status" onMouseDown={keepFocus}>
              {popupStatus}
            </p>
          )}
        </div>
      </div>
      {/* Always in the page, so screen readers hear what changes in it. */}
      <p id={statusId} className="visually-hidden" role="status">
        {announcement}
      </p>
      {(selected.length > 0 || noneChosen) && (
        <div className="combobox-chosen">
          {selected.length === 0 ? (
            <p className="combobox-none">{noneChosen}</p>
          ) : (
            <ul ref={chosenRef} aria-label={chosenLabel} className="chosen-list">
              {selected.map((option, index) => (
                <li key={option.id} className="chosen-item">
                  <span className="chosen-label">
                    {option.label}
                    {option.note && <span className="combobox-note"> ({option.note})</span>}
                  </span>
                  <button
                    type="button"
                    className="chosen-remove"
                    aria-label={t('lists.combobox.remove', { name: option.label })}
                    onClick={() => remove(option, index)}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

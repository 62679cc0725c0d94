import { useImperativeHandle, useRef, useState, type Ref } from 'react';
import { useTranslation } from '../../../lib/useTranslation';
import { Field } from '../../../components/form/Field';
import { blurredBySubmit } from '../../../components/form/form-errors';
import {
  cardDigits,
  checkSandboxCard,
  cvcProblem,
  detectBrand,
  expiryProblem,
  numberProblem,
  TEST_CARD_EXAMPLES,
  type CardInput,
  type CardProblems,
} from './test-cards';
import type { CardFieldsHandle } from './card-fields';

interface SandboxCardFieldsProps {
  idPrefix: string;
  /** the server's word on the card (refused, …), shown on the number */
  serverError?: string | null;
  /** the person changed the card: the server's word on the previous one no longer applies */
  onEdit?: () => void;
  ref?: Ref<CardFieldsHandle>;
}

type FieldName = keyof CardInput;
const ORDER: readonly FieldName[] = ['number', 'expiry', 'cvc'];

/**
 * The sandbox's card form: Stripe's test card numbers, checked here (Luhn, expiry in the future,
 * CVC) and turned into Stripe's test tokens. The number itself never leaves the browser.
 */
export function SandboxCardFields({ idPrefix, serverError, onEdit, ref }: SandboxCardFieldsProps) {
  const { t } = useTranslation('billing');
  const [input, setInput] = useState<CardInput>({ number: '', expiry: '', cvc: '' });
  const [problems, setProblems] = useState<CardProblems>({});
  const controls = useRef<Partial<Record<FieldName, HTMLInputElement | null>>>({});
  const digits = cardDigits(input.number) ?? '';
  const brand = detectBrand(digits);

  useImperativeHandle(
    ref,
    () => ({
      async tokenize() {
        const result = checkSandboxCard(input, new Date());
        if (result.ok) {
          setProblems({});
          return result.card.token;
        }
        setProblems(result.problems);
        const first = ORDER.find((name) => result.problems[name]);
        if (first) controls.current[first]?.focus();
        return null;
      },
      focus() {
        controls.current.number?.focus();
      },
    }),
    [input],
  );

  function update(name: FieldName, value: string) {
    setInput((current) => ({ ...current, [name]: value }));
    onEdit?.();
    // A problem goes away as soon as it is fixed; new ones wait until the field is left.
    if (problems[name]) setProblems((current) => ({ ...current, [name]: undefined }));
  }

  function check(name: FieldName) {
    const value = input[name];
    if (value.trim() === '') return;
    const problem =
      name === 'number'
        ? numberProblem(value)
        : name === 'expiry'
          ? expiryProblem(value, new Date())
          : cvcProblem(value, brand);
    setProblems((current) => ({ ...current, [name]: problem ?? undefined }));
  }

  const numberError = problems.number
    ? t(`billing.card.errors.number.${problems.number}`, { examples: TEST_CARD_EXAMPLES[0] })
    : (serverError ?? undefined);
  const brandId = `${idPrefix}-brand`;

  return (
    <div className="card-fields">
      <p className="card-sandbox-note" id={`${idPrefix}-note`}>
        {t('billing.card.sandboxNote', { examples: TEST_CARD_EXAMPLES.join(', ') })}
      </p>
      <Field
        id={`${idPrefix}-number`}
        name="cardNumber"
        label={t('billing.card.number')}
        required
        error={numberError}
        describedBy={digits.length >= 2 ? brandId : undefined}
      >
        {(control) => (
          <input
            {...control}
            ref={(element) => {
              controls.current.number = element;
            }}
            className="input card-number-input"
            type="text"
            inputMode="numeric"
            autoComplete="cc-number"
            spellCheck={false}
            value={input.number}
            onChange={(event) => update('number', event.target.value)}
            onBlur={(event) => {
              if (!blurredBySubmit(event)) check('number');
            }}
          />
        )}
      </Field>
      {digits.length >= 2 && (
        <p id={brandId} className="card-brand" aria-live="polite">
          {t('billing.card.detectedBrand', { brand: t(`billing.card.brands.${brand}`) })}
        </p>
      )}
      <div className="form-row">
        <Field
          id={`${idPrefix}-expiry`}
          name="cardExpiry"
          label={t('billing.card.expiry')}
          hint={t('billing.card.expiryHint')}
          required
          error={problems.expiry ? t(`billing.card.errors.expiry.${problems.expiry}`) : undefined}
        >
          {(control) => (
            <input
              {...control}
              ref={(element) => {
                controls.current.expiry = element;
              }}
              className="input"
              type="text"
              inputMode="numeric"
              autoComplete="cc-exp"
              placeholder={t('billing.card.expiryPlaceholder')}
              value={input.expiry}
              onChange={(event) => update('expiry', event.target.value)}
              onBlur={(event) => {
                if (!blurredBySubmit(event)) check('expiry');
              }}
            />
          )}
        </Field>
        <Field
          id={`${idPrefix}-cvc`}
          name="cardCvc"
          label={t('billing.card.cvc')}
          hint={t(brand === 'amex' ? 'billing.card.cvcHintAmex' : 'billing.card.cvcHint')}
          required
          error={problems.cvc ? t(`billing.card.errors.cvc.${problems.cvc}`) : undefined}
        >
          {(control) => (
            <input
              {...control}
              ref={(element) => {
                controls.current.cvc = element;
              }}
              className="input input-short"
              type="text"
              inputMode="numeric"
              autoComplete="cc-csc"
              value={input.cvc}
              onChange={(event) => update('cvc', event.target.value)}
              onBlur={(event) => {
                if (!blurredBySubmit(event)) check('cvc');
              }}
            />
          )}
        </Field>
      </div>
    </div>
  );
}

import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../../../lib/useTranslation';

type CopyState = 'idle' | 'copied' | 'failed';

interface RecoveryCodesProps {
  codes: readonly string[];
  /** whose codes: named in the downloaded file */
  email: string;
  /** "I have saved them": the codes are forgotten (the server never shows them again) */
  onDone: () => void;
}

/**
 * The ten recovery codes, shown once (after turning two-factor sign-in on, or asking for new
 * ones), with a .txt download and a copy button. Focus lands on the heading, so a screen reader
 * reads that they are shown only now.
 */
export function RecoveryCodes({ codes, email, onDone }: RecoveryCodesProps) {
  const { t } = useTranslation('mfa');
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');
  const text = [
    t('twoFactor.codes.fileTitle', { email }),
    t('twoFactor.codes.fileNote'),
    '',
    ...codes,
    '',
  ].join('\n');
  // A file made in the browser: the codes never travel again to be downloaded.
  const href = useMemo(() => URL.createObjectURL(new Blob([text], { type: 'text/plain' })), [text]);
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  useEffect(() => headingRef.current?.focus(), []);

  async function copyCodes() {
    try {
      // Missing where the page is not a secure context, or refused by the browser's settings.
      if (!navigator.clipboard) throw new Error('navigator.clipboard is not available');
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopy('copied');
    } catch (error) {
      console.warn('Copying the recovery codes failed; they are selected instead', error);
      setCopy('failed');
      const list = listRef.current;
      if (list) window.getSelection()?.selectAllChildren(list);
    }
  }

  return (
    <section className="recovery-codes" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1} className="focus-target">
        {t('twoFactor.codes.heading')}
      </h3>
      <p className="banner banner-info">{t('twoFactor.codes.intro')}</p>
      <ol ref={listRef} className="recovery-code-list" aria-labelledby={`${id}-heading`}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="form-actions">
        <a
          className="button button-secondary"
          href={href}
          download="entry-portal-recovery-codes.txt"
        >
          {t('twoFactor.codes.download')}
        </a>
        <button type="button" className="button button-secondary" onClick={() => void copyCodes()}>
          {t('twoFactor.codes.copy')}
        </button>
      </div>
      <p className={copy === 'failed' ? 'field-hint copy-failed' : 'field-hint'} role="status">
        {copy === 'copied'
          ? t('twoFactor.codes.copied')
          : copy === 'failed'
            ? t('twoFactor.codes.copyFailed')
            : ''}
      </p>
      <div className="form-actions">
        <button type="button" className="button" onClick={onDone}>
          {t('twoFactor.codes.done')}
        </button>
      </div>
    </section>
  );
}

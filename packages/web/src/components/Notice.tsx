import { useCallback, useRef, useState, type Ref } from 'react';
import { flushSync } from 'react-dom';
import { StatusBanner } from './StatusBanner';

export interface NoticeMessage {
  kind: 'done' | 'failed';
  text: string;
}

/**
 * What the last command of a section came to. It takes the focus when it is told, so keyboard
 * and screen reader users hear it and carry on from there (after a dialog closed, too).
 */
export function useNotice() {
  const [notice, setNotice] = useState<NoticeMessage | null>(null);
  const ref = useRef<HTMLParagraphElement>(null);
  const tell = useCallback((message: NoticeMessage) => {
    flushSync(() => setNotice(message));
    ref.current?.focus();
  }, []);
  return { notice, ref, tell };
}

/** The section's last outcome, if any. */
export function Notice({
  notice,
  ref,
}: {
  notice: NoticeMessage | null;
  ref: Ref<HTMLParagraphElement>;
}) {
  return notice ? (
    <StatusBanner failed={notice.kind === 'failed'} ref={ref}>
      {notice.text}
    </StatusBanner>
  ) : null;
}

import { useCallback, useRef, useState } from 'react';
import { flushSync } from 'react-dom';

/**
 * A success message that takes the focus when it is told, so keyboard and screen reader users
 * hear it and carry on from there. Render it with `<SuccessNotice>`.
 */
export function useFocusedNotice(initial: string | null = null) {
  const [notice, setNotice] = useState<string | null>(initial);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const tell = useCallback((message: string) => {
    flushSync(() => setNotice(message));
    noticeRef.current?.focus();
  }, []);
  return { notice, noticeRef, tell };
}

import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useLocation } from '../../../lib/router';
import { isPeopleNotice, type PeopleNotice } from '../people-notice';
import type { Outcome } from './usePersonCommand';

/**
 * The people list's message: the last command's outcome, else what the page that sent the
 * person back said (router state). Either takes the focus, where the person carries on.
 */
export function usePeopleNotice() {
  const location = useLocation();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const arrived = isPeopleNotice((location.state as { notice?: unknown } | null)?.notice)
    ? (location.state as { notice: PeopleNotice }).notice
    : null;
  const noticeRef = useRef<HTMLParagraphElement>(null);

  // Coming back from "Add new person" or an edit: the result is where the person carries on.
  // After the layout's own focus move to <main>, hence the frame's delay.
  useEffect(() => {
    if (!arrived) return;
    const frame = requestAnimationFrame(() => noticeRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [arrived]);

  function show(next: Outcome) {
    flushSync(() => setOutcome(next));
    noticeRef.current?.focus();
  }

  return { notice: outcome ?? arrived, noticeRef, show };
}

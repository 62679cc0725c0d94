import type { ReactNode, Ref } from 'react';

interface FormAlertProps {
  id?: string;
  messages: readonly string[];
  children?: ReactNode;
  ref?: Ref<HTMLDivElement>;
}

/**
 * Problems that belong to no single field (wrong credentials, an expired link, a failed
 * request). Focusable, so the form can move focus here when it is the first problem.
 */
export function FormAlert({ id, messages, children, ref }: FormAlertProps) {
  if (messages.length === 0) return null;
  return (
    <div ref={ref} id={id} className="banner banner-error" role="alert" tabIndex={-1}>
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
      {children}
    </div>
  );
}

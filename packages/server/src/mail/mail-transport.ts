import nodemailer from 'nodemailer';
import type { Logger } from '../observability/logger';

/** What the worker hands a transport: one rendered outbox row. */
export interface OutgoingMail {
  /** the outbox row id: the Message-ID is derived from it, so a retry reuses it */
  readonly id: string;
  readonly template: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface MailTransport {
  /** 'smtp' delivers; 'dev-outbox' only logs (the outbox row is the email) */
  readonly kind: 'smtp' | 'dev-outbox';
  /** Resolves once the server accepted the message; rejects with a MailDeliveryError. */
  send(mail: OutgoingMail): Promise<{ messageId: string }>;
  /** Closes pooled connections; call after the worker stopped. */
  close(): void;
}

export interface MailTransportOptions {
  /** smtp:// or smtps:// URL (credentials allowed); null: the dev outbox */
  readonly smtpUrl: string | null;
  /** From header: "Entry Portal <no-reply@example.com>" or a bare address */
  readonly mailFrom: string;
  /** for the dev outbox's log line: where the page shows the email */
  readonly publicUrl: string;
  readonly logger: Logger;
}

/**
 * A failed send, with a message safe to store and log: the SMTP URL's credentials are masked
 * and the length fits the outbox's lastError column.
 */
export class MailDeliveryError extends Error {
  constructor(
    message: string,
    /** the SMTP reply code when the server answered (4xx temporary, 5xx permanent) */
    readonly responseCode: number | null,
  ) {
    super(message);
    this.name = 'MailDeliveryError';
  }
}

const LAST_ERROR_MAX = 1000;

/** Masks credentials and bounds the length of a failure's description. */
export function describeDeliveryError(error: unknown, secrets: readonly string[] = []): string {
  let text: string;
  if (error instanceof Error) {
    const details = error as Error & { code?: unknown; responseCode?: unknown; response?: unknown };
    const parts = [error.message];
    if (typeof details.code === 'string') parts.push(`code ${details.code}`);
    if (typeof details.response === 'string' && !error.message.includes(details.response)) {
      parts.push(`response ${details.response}`);
    }
    text = parts.join('; ');
  } else {
    text = String(error);
  }
  for (const secret of secrets) {
    if (secret.length >= 3) text = text.split(secret).join('***');
  }
  // any URL with a user:password part that reached the message some other way
  text = text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]+@/gi, '$1***@');
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > LAST_ERROR_MAX ? `${text.slice(0, LAST_ERROR_MAX - 1)}…` : text;
}

/** The domain of the From address: Message-IDs are `<row-id@domain>`. */
export function messageIdDomain(mailFrom: string): string {
  const address = /<([^>]+)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom;
  const domain = address.split('@')[1]?.trim().toLowerCase();
  return domain && /^[a-z0-9.-]+$/.test(domain) ? domain : 'entry-portal.invalid';
}

export function messageIdFor(rowId: string, domain: string): string {
  return `<${rowId}@${domain}>`;
}

function credentialsOf(smtpUrl: string): string[] {
  try {
    const url = new URL(smtpUrl);
    return [url.password, decodeURIComponent(url.password), url.username].filter(
      (value) => value.length > 0,
    );
  } catch {
    return [];
  }
}

function smtpTransport(smtpUrl: string, mailFrom: string, logger: Logger): MailTransport {
  const domain = messageIdDomain(mailFrom);
  const secrets = credentialsOf(smtpUrl);
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    // Bounded waits, well inside the worker's claim lease: a hung server must fail the attempt
    // (and be retried) before another worker may take the row over and send it again.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  const host = (() => {
    try {
      return new URL(smtpUrl).host;
    } catch {
      return 'smtp';
    }
  })();
  logger.info(`mail: sending through SMTP at ${host}`);
  return {
    kind: 'smtp',
    async send(mail) {
      const messageId = messageIdFor(mail.id, domain);
      try {
        await transporter.sendMail({
          from: mailFrom,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId,
          headers: { 'X-Portal-Template': mail.template },
        });
      } catch (error) {
        const code = (error as { responseCode?: unknown }).responseCode;
        throw new MailDeliveryError(
          describeDeliveryError(error, secrets),
          typeof code === 'number' ? code : null,
        );
      }
      return { messageId };
    },
    close: () => transporter.close(),
  };
}

/**
 * Without SMTP_URL nothing leaves the machine: the outbox row already holds the whole email and
 * the dev outbox page shows it, so "sending" is a log line pointing there.
 */
function devOutboxTransport(mailFrom: string, publicUrl: string, logger: Logger): MailTransport {
  const domain = messageIdDomain(mailFrom);
  const page = `${publicUrl.replace(/\/+$/, '')}/dev/outbox`;
  logger.info(`mail: no SMTP_URL, emails stay in the dev outbox: ${page}`);
  return {
    kind: 'dev-outbox',
    async send(mail) {
      logger.info(`mail: ${mail.template} to ${mail.to} (not sent): view it at ${page}`, {
        id: mail.id,
      });
      return { messageId: messageIdFor(mail.id, domain) };
    },
    close: () => {},
  };
}

export function createMailTransport(options: MailTransportOptions): MailTransport {
  return options.smtpUrl
    ? smtpTransport(options.smtpUrl, options.mailFrom, options.logger)
    : devOutboxTransport(options.mailFrom, options.publicUrl, options.logger);
}

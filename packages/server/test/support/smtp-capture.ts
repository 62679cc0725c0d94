import type { AddressInfo } from 'node:net';
import PostalMime from 'postal-mime';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

/** One email as the SMTP server received it, parsed. */
export interface CapturedMail {
  /** envelope recipients (RCPT TO), lower-cased */
  readonly to: readonly string[];
  /** envelope sender (MAIL FROM) */
  readonly envelopeFrom: string | null;
  /** the From header's address */
  readonly from: string | null;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly messageId: string | null;
  /** the X-Portal-Template header */
  readonly template: string | null;
  /** header values by lower-case name (the first one when a header repeats) */
  readonly headers: Readonly<Record<string, string>>;
  readonly raw: string;
  readonly receivedAt: Date;
  /**
   * What follows `label` on a line of the text part that starts with it, e.g.
   * `mail.valueAfter('Temporary password: ')`.
   */
  valueAfter(label: string): string | undefined;
  /** The first URL in the text part whose path starts with `path`, e.g. '/reset-password'. */
  link(path: string): string | undefined;
  /** The token query parameter of that link. */
  token(path: string): string | undefined;
}

export type SmtpFailureMode =
  /** nothing listens: connection refused */
  | 'refuse'
  /** the server answers but fails every message with 451 (temporary) */
  | 'tempfail';

export interface SmtpCapture {
  readonly host: string;
  readonly port: number;
  /** for SMTP_URL: smtp://127.0.0.1:PORT (no auth, no TLS) */
  readonly url: string;
  /** everything received since start (or the last clear()), oldest first */
  readonly messages: readonly CapturedMail[];
  /** messages whose envelope names `address` (any case), oldest first; optionally one template */
  messagesTo(address: string, template?: string): CapturedMail[];
  lastTo(address: string, template?: string): CapturedMail | undefined;
  /** Resolves with the first message, received already or later, that matches. */
  waitFor(predicate: (mail: CapturedMail) => boolean, timeoutMs?: number): Promise<CapturedMail>;
  /** waitFor a message to `address` (and of `template` when given) */
  waitForMailTo(address: string, template?: string, timeoutMs?: number): Promise<CapturedMail>;
  /** how many messages were turned away while down ('tempfail' mode) */
  readonly rejected: number;
  /** Simulates SMTP down until up() is called. */
  down(mode?: SmtpFailureMode): Promise<void>;
  up(): Promise<void>;
  clear(): void;
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

function firstLineValue(text: string, label: string): string | undefined {
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith(label)) return line.slice(label.length).trim();
  }
  return undefined;
}

function findLink(text: string, path: string): string | undefined {
  for (const match of text.matchAll(/https?:\/\/[^\s<>"')]+/g)) {
    try {
      if (new URL(match[0]).pathname.startsWith(path)) return match[0];
    } catch {
      // not a URL after all: keep looking
    }
  }
  return undefined;
}

async function parse(raw: Buffer, session: SMTPServerSession): Promise<CapturedMail> {
  const email = await PostalMime.parse(raw);
  const headers: Record<string, string> = {};
  for (const header of email.headers) {
    if (!(header.key in headers)) headers[header.key] = header.value;
  }
  const text = email.text ?? '';
  const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : null;
  return {
    to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
    envelopeFrom,
    from: email.from?.address ?? null,
    subject: email.subject ?? '',
    text,
    html: email.html ?? '',
    messageId: email.messageId ?? null,
    template: headers['x-portal-template'] ?? null,
    headers,
    raw: raw.toString('utf8'),
    receivedAt: new Date(),
    valueAfter: (label) => firstLineValue(text, label),
    link: (path) => findLink(text, path),
    token: (path) => {
      const link = findLink(text, path);
      return link ? (new URL(link).searchParams.get('token') ?? undefined) : undefined;
    },
  };
}

/**
 * A real SMTP server on a free local port that keeps every message it receives, for tests that
 * read temporary passwords and links from the emails the portal sends:
 *
 *   const capture = await startSmtpCapture();
 *   const portal = await startTestPortal(dialect, { SMTP_URL: capture.url });
 *   const mail = await capture.waitForMailTo('daisy@example.com', 'registration-approved');
 *   const password = mail.valueAfter('Temporary password: ');
 *
 * A message is stored before the server answers 250, so once the sender has been told it was
 * accepted the message is in `messages`.
 */
export async function startSmtpCapture(): Promise<SmtpCapture> {
  const messages: CapturedMail[] = [];
  const waiters = new Set<(mail: CapturedMail) => void>();
  let failure: SmtpFailureMode | null = null;
  let rejected = 0;
  let port = 0;

  const createServer = () =>
    new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      // a reverse DNS lookup per connection costs ~100 ms offline
      disableReverseLookup: true,
      onMailFrom(_address, _session, callback) {
        if (failure === 'tempfail') {
          rejected += 1;
          const error = Object.assign(new Error('Service temporarily unavailable'), {
            responseCode: 451,
          });
          callback(error);
          return;
        }
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', callback);
        stream.on('end', () => {
          parse(Buffer.concat(chunks), session).then(
            (mail) => {
              messages.push(mail);
              for (const waiter of [...waiters]) waiter(mail);
              callback();
            },
            (error: Error) => callback(error),
          );
        });
      },
    });

  const listen = (server: SMTPServer, onPort: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(onPort, HOST, () => {
        server.off('error', reject);
        // later connection-level errors (a client hanging up) are the client's business
        server.on('error', () => {});
        resolve();
      });
    });
  const close = (server: SMTPServer) => new Promise<void>((resolve) => server.close(resolve));

  let server: SMTPServer | null = createServer();
  await listen(server, 0);
  port = (server.server.address() as AddressInfo).port;

  const messagesTo = (address: string, template?: string) => {
    const wanted = address.trim().toLowerCase();
    return messages.filter(
      (mail) => mail.to.includes(wanted) && (template === undefined || mail.template === template),
    );
  };

  const waitFor = (predicate: (mail: CapturedMail) => boolean, timeoutMs = 5_000) => {
    const found = messages.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise<CapturedMail>((resolve, reject) => {
      const waiter = (mail: CapturedMail) => {
        if (!predicate(mail)) return;
        clearTimeout(timer);
        waiters.delete(waiter);
        resolve(mail);
      };
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        const seen = messages.map((mail) => `${mail.template ?? '?'} to ${mail.to.join(',')}`);
        reject(
          new Error(
            `no matching email within ${timeoutMs} ms; received: ${seen.join('; ') || 'nothing'}`,
          ),
        );
      }, timeoutMs);
      waiters.add(waiter);
    });
  };

  return {
    host: HOST,
    get port() {
      return port;
    },
    get url() {
      return `smtp://${HOST}:${port}`;
    },
    get messages() {
      return messages;
    },
    get rejected() {
      return rejected;
    },
    messagesTo,
    lastTo: (address, template) => messagesTo(address, template).at(-1),
    waitFor,
    waitForMailTo: (address, template, timeoutMs) => {
      const wanted = address.trim().toLowerCase();
      return waitFor(
        (mail) =>
          mail.to.includes(wanted) && (template === undefined || mail.template === template),
        timeoutMs,
      );
    },
    async down(mode = 'refuse') {
      failure = mode;
      if (mode === 'refuse' && server) {
        const stopping = server;
        server = null;
        await close(stopping);
      }
    },
    async up() {
      failure = null;
      if (!server) {
        // same port, so the SMTP_URL the portal was started with works again
        server = createServer();
        await listen(server, port);
      }
    },
    clear() {
      messages.length = 0;
      rejected = 0;
    },
    async stop() {
      for (const waiter of [...waiters]) waiters.delete(waiter);
      if (server) {
        const stopping = server;
        server = null;
        await close(stopping);
      }
    },
  };
}

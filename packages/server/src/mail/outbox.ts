import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { isValidEmail, normalizeEmail, type Locale } from '@entry/shared';
import { MailOutboxEntity, MailStatus } from './mail-outbox.entity';
import { renderMail, type MailTemplateData, type MailTemplateName } from './mail-templates';

/** One email to one address: the template, the person's language and the template's data. */
export type MailMessage = {
  [T in MailTemplateName]: {
    readonly template: T;
    readonly to: string;
    readonly locale: Locale;
    readonly data: MailTemplateData[T];
  };
}[MailTemplateName];

/**
 * Renders the message and writes it to the outbox with the caller's EntityManager: inside a
 * transaction the email exists exactly when the change that caused it commits. The mail worker
 * delivers it afterwards. Returns the outbox row (its id is the email's Message-ID).
 */
export async function enqueueMail(
  manager: EntityManager,
  message: MailMessage,
  now: Date = new Date(),
): Promise<MailOutboxEntity> {
  const to = normalizeEmail(message.to);
  // One plain address: a comma or angle bracket would let a typed value add recipients.
  if (!isValidEmail(to) || /[,;<>"]/.test(to)) {
    throw new Error(`enqueueMail(${message.template}): not a single email address`);
  }
  const rendered = renderMail(message.template, message.locale, message.data);
  const row = manager.getRepository(MailOutboxEntity).create({
    id: randomUUID(),
    template: message.template,
    toAddress: to,
    locale: message.locale,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    status: MailStatus.PENDING,
    attempts: 0,
    nextAttemptAt: now,
    lockedUntil: null,
    lastError: null,
    messageId: null,
    createdAt: now,
    sentAt: null,
  });
  await manager.getRepository(MailOutboxEntity).insert(row);
  return row;
}

import { In, type EntityManager } from 'typeorm';
import { resolveLocale, SITE_TRANSFER_EXPIRY_DAYS, utcDay, type Locale } from '@entry/shared';
import { enqueueMail, mailLinks } from '../mail';
import { PersonEntity, PersonStatus } from '../people/person.entity';
import type { SiteTransferEntity } from './site-transfer.entity';

/** Someone a transfer email goes to: an address, its language and, when known, a first name. */
export interface TransferContact {
  readonly email: string;
  readonly locale: Locale;
  readonly firstName: string | null;
}

/**
 * Who hears of the sender's side of a transfer: the person who asked, while they are an active
 * person of the sender's company; else its active payment and system admins, who may act on it.
 */
export async function senderContacts(
  manager: EntityManager,
  transfer: SiteTransferEntity,
): Promise<TransferContact[]> {
  const people = manager.getRepository(PersonEntity);
  const requester = transfer.requestedByPersonId
    ? await people.findOneBy({
        id: transfer.requestedByPersonId,
        companyId: transfer.fromCompanyId,
        status: PersonStatus.ACTIVE,
      })
    : null;
  const contacts = requester
    ? [requester]
    : await people.find({
        where: {
          companyId: transfer.fromCompanyId,
          status: PersonStatus.ACTIVE,
          accessLevel: In(['PAYMENT_ADMIN', 'SYSTEM_ADMIN']),
        },
      });
  return contacts.map((person) => ({
    email: person.email,
    locale: resolveLocale(person.locale),
    firstName: person.firstName,
  }));
}

/**
 * The recipient's address, as the person who holds it (their language and name) or, when nobody
 * holds it yet, in the language the sender used.
 */
export async function recipientContact(
  manager: EntityManager,
  transfer: SiteTransferEntity,
): Promise<TransferContact & { readonly known: boolean }> {
  const person = await manager
    .getRepository(PersonEntity)
    .findOneBy({ activeEmail: transfer.recipientEmail });
  return person
    ? {
        email: transfer.recipientEmail,
        locale: resolveLocale(person.locale),
        firstName: person.firstName,
        known: true,
      }
    : {
        email: transfer.recipientEmail,
        locale: resolveLocale(transfer.recipientLocale),
        firstName: null,
        known: false,
      };
}

/** site-transfer-requested: the offer, with a link to the Transfers page or to registration. */
export async function mailTransferRequested(
  manager: EntityManager,
  publicUrl: string,
  transfer: SiteTransferEntity,
  sender: { readonly companyName: string; readonly personName: string },
  entryUserCount: number,
  now: Date,
): Promise<void> {
  const recipient = await recipientContact(manager, transfer);
  const links = mailLinks(publicUrl);
  // the last day to answer: the day before the one it expires on, when it expires at midnight
  const expiresOn = utcDay(new Date(transfer.expiresAt.getTime() - 1));
  await enqueueMail(
    manager,
    {
      template: 'site-transfer-requested',
      to: recipient.email,
      locale: recipient.locale,
      data: {
        firstName: recipient.firstName,
        senderCompanyName: sender.companyName,
        senderName: sender.personName,
        siteName: transfer.siteName,
        entryUserCount,
        message: transfer.message,
        expiresOn,
        register: !recipient.known,
        actionUrl: recipient.known
          ? links.transfer(transfer.id)
          : links.registerForTransfer(transfer.recipientEmail, transfer.id),
      },
    },
    now,
  );
}

/** What became of a transfer, to its sender's contacts: accepted or declined. */
export async function mailTransferDecided(
  manager: EntityManager,
  publicUrl: string,
  transfer: SiteTransferEntity,
  decision:
    | { readonly kind: 'accepted'; readonly receiverCompanyName: string }
    | { readonly kind: 'declined' },
  now: Date,
): Promise<void> {
  const transfersUrl = mailLinks(publicUrl).transfer(transfer.id);
  for (const contact of await senderContacts(manager, transfer)) {
    const firstName = contact.firstName ?? '';
    await enqueueMail(
      manager,
      decision.kind === 'accepted'
        ? {
            template: 'site-transfer-accepted',
            to: contact.email,
            locale: contact.locale,
            data: {
              firstName,
              siteName: transfer.siteName,
              receiverCompanyName: decision.receiverCompanyName,
              effectiveDate: transfer.effectiveDate ?? utcDay(now),
              entryUserCount: transfer.entryUserCount ?? 0,
              transfersUrl,
            },
          }
        : {
            template: 'site-transfer-declined',
            to: contact.email,
            locale: contact.locale,
            data: {
              firstName,
              siteName: transfer.siteName,
              recipientEmail: transfer.recipientEmail,
              reason: transfer.declineReason,
              transfersUrl,
            },
          },
      now,
    );
  }
}

/**
 * site-transfer-expired, to both sides. Queued to go now, whatever time the expiry pass was
 * given (a pass run ahead of time, as tests do, still sends at once).
 */
export async function mailTransferExpired(
  manager: EntityManager,
  publicUrl: string,
  transfer: SiteTransferEntity,
  senderCompanyName: string,
): Promise<void> {
  const transfersUrl = mailLinks(publicUrl).transfer(transfer.id);
  const recipient = await recipientContact(manager, transfer);
  const sides = [
    ...(await senderContacts(manager, transfer)).map((contact) => ({
      contact,
      side: 'sender' as const,
      otherParty: transfer.recipientEmail,
    })),
    { contact: recipient, side: 'recipient' as const, otherParty: senderCompanyName },
  ];
  for (const { contact, side, otherParty } of sides)
    await enqueueMail(manager, {
      template: 'site-transfer-expired',
      to: contact.email,
      locale: contact.locale,
      data: {
        firstName: contact.firstName,
        side,
        siteName: transfer.siteName,
        otherParty,
        transfersUrl,
      },
    });
}

/** When a transfer asked at `now` expires. */
export function transferExpiry(now: Date): Date {
  return new Date(now.getTime() + SITE_TRANSFER_EXPIRY_DAYS * 86_400_000);
}

import { In, LessThanOrEqual, type DataSource } from 'typeorm';
import { CompanyEntity, CompanyStatus } from '../companies/company.entity';
import type { Config } from '../config/config';
import { inTransaction } from '../database/transaction';
import { enqueueMail, mailLinks } from '../mail';
import { PersonEntity } from '../people/person.entity';
import { hitRateLimits } from '../rate-limits/rate-limiter';
import { OperatorEntity } from './operator.entity';
import { RegistrationNoticeEntity } from './registration-notice.entity';

/**
 * Operators hear of new registrations in one digest per window, not one email each: a stranger
 * registering 25 times makes each operator one email, not 25. A digest goes out once the oldest
 * waiting registration has waited a window, and at most once per window across every server.
 */
export const REGISTRATION_DIGEST_WINDOW_MS = 5 * 60 * 1000;
/** registrations listed in one digest; the rest are counted and wait in the operator queue */
export const REGISTRATION_DIGEST_LIST_MAX = 20;

/** the gate: one digest per fixed window, counted like any rate limit (shared by all servers) */
const DIGEST_GATE = {
  name: 'registration-digest',
  limit: 1,
  windowMs: REGISTRATION_DIGEST_WINDOW_MS,
} as const;

/**
 * Sends the digest when one is due. Returns how many registrations it listed (0: none sent).
 * Safe in every process at once: only the first to pass the gate in a window sends, and the
 * notices it took are deleted in the transaction that writes the emails.
 */
export async function sendRegistrationDigest(
  dataSource: DataSource,
  config: Pick<Config, 'publicUrl'>,
  now = new Date(),
): Promise<number> {
  const notices = dataSource.getRepository(RegistrationNoticeEntity);
  const due = await notices.exists({
    where: { createdAt: LessThanOrEqual(new Date(now.getTime() - REGISTRATION_DIGEST_WINDOW_MS)) },
  });
  if (!due) return 0;
  const gate = await hitRateLimits(dataSource, [{ rule: DIGEST_GATE, subject: 'operators' }], now);
  if (!gate.allowed) return 0;

  return inTransaction(dataSource, async (manager) => {
    const taken = await manager
      .getRepository(RegistrationNoticeEntity)
      .find({ where: { createdAt: LessThanOrEqual(now) }, order: { createdAt: 'ASC' } });
    if (!taken.length) return 0;
    await manager
      .getRepository(RegistrationNoticeEntity)
      .delete({ id: In(taken.map((n) => n.id)) });
    // decided in the meantime: nothing left to tell
    const companies = await manager.getRepository(CompanyEntity).find({
      where: { id: In(taken.map((n) => n.companyId)), status: CompanyStatus.PENDING_APPROVAL },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    if (!companies.length) return 0;
    const listed = companies.slice(0, REGISTRATION_DIGEST_LIST_MAX);
    const people = await manager.getRepository(PersonEntity).find({
      where: { companyId: In(listed.map((company) => company.id)) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const registrants = new Map<string, PersonEntity>();
    for (const person of people)
      if (!registrants.has(person.companyId)) registrants.set(person.companyId, person);
    const registrations = listed.map((company) => {
      const registrant = registrants.get(company.id);
      return {
        companyName: company.name,
        companyType: company.type,
        country: company.country,
        registrantName: registrant ? `${registrant.firstName} ${registrant.lastName}` : '',
        registrantEmail: registrant?.email ?? '',
      };
    });
    const operators = await manager.getRepository(OperatorEntity).find({ select: { email: true } });
    for (const operator of operators) {
      await enqueueMail(
        manager,
        {
          template: 'registration-digest',
          to: operator.email,
          locale: 'en',
          data: {
            total: companies.length,
            registrations,
            operatorUrl: mailLinks(config.publicUrl).operator,
          },
        },
        // due at once whatever clock decided the digest (the mail worker reads the real one)
      );
    }
    return companies.length;
  });
}

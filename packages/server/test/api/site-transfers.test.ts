import { IsNull } from 'typeorm';
import { AuditEventEntity } from '../../src/audit/audit-event.entity';
import { MailOutboxEntity } from '../../src/mail/mail-outbox.entity';
import type { CompanyEntity } from '../../src/companies/company.entity';
import { EntryUserEntity } from '../../src/sites/entry-user.entity';
import { SiteAssignmentEntity } from '../../src/sites/site-assignment.entity';
import { SiteEntity } from '../../src/sites/site.entity';
import {
  SiteTransferEntity,
  SiteTransferStatus,
} from '../../src/site-transfers/site-transfer.entity';
import {
  assignSite,
  buildCompany,
  buildEntryUser,
  buildPerson,
  buildSite,
  buildSiteTransfer,
  tokenFor,
} from '../factories';
import { gqlFrom } from '../support/client-address';
import { describeOnDialects } from '../support/dialects';
import { buildWorld } from '../support/world';

type UserErrors = Array<{ field: string[] | null; code: string; message: string }>;
interface Transfer {
  id: string;
  site: { id: string; name: string } | null;
  siteName: string;
  fromCompanyName: string;
  toCompanyName: string | null;
  recipientEmail: string;
  message: string | null;
  status: string;
  effectiveDate: string | null;
  entryUserCount: number;
  nameAlreadyUsed: boolean;
  declineReason: string | null;
}
type Payload = { siteTransfer: Transfer | null; userErrors: UserErrors };

const TRANSFER = `id site { id name } siteName fromCompanyName toCompanyName recipientEmail message
  status effectiveDate entryUserCount nameAlreadyUsed declineReason`;
const ANSWER = `{ siteTransfer { ${TRANSFER} } userErrors { field code message } }`;
const REQUEST = `mutation ($input: RequestSiteTransferInput!) { requestSiteTransfer(input: $input) ${ANSWER} }`;
const ACCEPT = `mutation ($id: ID!) { acceptSiteTransfer(id: $id) ${ANSWER} }`;
const DECLINE = `mutation ($id: ID!, $reason: String) { declineSiteTransfer(id: $id, reason: $reason) ${ANSWER} }`;
const CANCEL = `mutation ($id: ID!) { cancelSiteTransfer(id: $id) ${ANSWER} }`;
const UNDO = `mutation ($id: ID!, $reason: String) { undoSiteTransfer(id: $id, reason: $reason) ${ANSWER} }`;
const LIST = `query ($direction: SiteTransferDirection!, $status: SiteTransferStatus) {
  siteTransfers(direction: $direction, status: $status) { ${TRANSFER} }
}`;
const SITE = `query ($id: ID!) { site(id: $id) { id } }`;
const SITES = `{ sites(first: 100) { edges { node { id name } } } }`;
const ALL = `query ($status: SiteTransferStatus) {
  allSiteTransfers(first: 100, status: $status) { totalCount edges { node { id status fromCompanyName toCompanyName } } }
}`;

const today = () => new Date().toISOString().slice(0, 10);
let serial = 0;
const freshEmail = (name: string) => `${name}.${Date.now().toString(36)}${serial++}@example.com`;

describeOnDialects('site transfers on %s', (suite) => {
  const { portal, smtp } = suite.startMailingPortal();
  const world = suite.seed(buildWorld);

  async function call<T>(token: string, query: string, variables: Record<string, unknown>) {
    return portal.as<T>(token, query, variables);
  }
  async function request(token: string, input: Record<string, unknown>): Promise<Payload> {
    const response = await call<{ requestSiteTransfer: Payload }>(token, REQUEST, { input });
    expect(response.errors).toBeUndefined();
    return response.data!.requestSiteTransfer;
  }
  async function decide(
    token: string,
    document: string,
    field: string,
    variables: Record<string, unknown>,
  ): Promise<Payload> {
    const response = await call<Record<string, Payload>>(token, document, variables);
    expect(response.errors).toBeUndefined();
    return response.data![field]!;
  }
  const accept = (token: string, id: string) => decide(token, ACCEPT, 'acceptSiteTransfer', { id });
  const cancel = (token: string, id: string) => decide(token, CANCEL, 'cancelSiteTransfer', { id });
  const decline = (token: string, id: string, reason?: string) =>
    decide(token, DECLINE, 'declineSiteTransfer', { id, reason });
  async function list(token: string, direction: string, status?: string): Promise<Transfer[]> {
    const response = await call<{ siteTransfers: Transfer[] }>(token, LIST, { direction, status });
    expect(response.errors).toBeUndefined();
    return response.data!.siteTransfers;
  }
  const ids = (transfers: Transfer[]) => transfers.map((transfer) => transfer.id);

  /** A company of its own with an approved payment admin: the receiver of a test. */
  async function receiver(billingSetupComplete = true, locale: 'en' | 'sv' = 'en') {
    const company = await buildCompany(portal.dataSource, { billingSetupComplete });
    const admin = await buildPerson(portal.dataSource, company, {
      accessLevel: 'PAYMENT_ADMIN',
      locale,
    });
    return { company, admin, token: await tokenFor(portal.dataSource, admin) };
  }

  /** A fresh site of company A offered to `email` by A's payment admin. */
  async function offered(email: string, name?: string) {
    const site = await buildSite(portal.dataSource, world.company, name ? { name } : {});
    const answer = await request(world.tokens.paymentAdmin, {
      siteId: site.id,
      recipientEmail: email,
    });
    expect(answer.userErrors).toEqual([]);
    return { site, transfer: answer.siteTransfer! };
  }

  const auditKinds = (companyId: string, subjectId: string) =>
    portal.dataSource
      .getRepository(AuditEventEntity)
      .find({ where: { companyId, subjectId }, order: { createdAt: 'ASC' } })
      .then((events) => events.map((event) => event.kind));

  describe('requestSiteTransfer', () => {
    it('should answer alike whether or not the address is anyone’s, and email each in its language', async () => {
      const known = await receiver(true, 'sv');
      const unknownEmail = freshEmail('nobody');
      const french = await buildPerson(portal.dataSource, world.company, {
        accessLevel: 'SYSTEM_ADMIN',
        locale: 'fr',
      });
      const frenchToken = await tokenFor(portal.dataSource, french);
      const answers: Payload[] = [];
      for (const email of [known.admin.email, unknownEmail]) {
        const site = await buildSite(portal.dataSource, world.company);
        await buildEntryUser(portal.dataSource, site);
        answers.push(await request(frenchToken, { siteId: site.id, recipientEmail: email }));
      }
      const shape = ({ siteTransfer, userErrors }: Payload) => ({
        userErrors,
        ...siteTransfer,
        id: typeof siteTransfer?.id,
        siteName: typeof siteTransfer?.siteName,
        site: typeof siteTransfer?.site?.id,
        recipientEmail: typeof siteTransfer?.recipientEmail,
      });
      expect(shape(answers[0]!)).toEqual(shape(answers[1]!));
      expect(answers[0]!.siteTransfer).toMatchObject({
        status: 'PENDING',
        toCompanyName: null,
        fromCompanyName: world.company.name,
        entryUserCount: 1,
        effectiveDate: today(),
      });

      // the known address: its person's language, a link to the Transfers page
      const toKnown = await smtp.waitForMailTo(known.admin.email, 'site-transfer-requested');
      expect(toKnown.subject).toBe('En anläggning överlåts till dig');
      expect(toKnown.link('/transfers')).toBe(
        `http://portal.test/transfers?transfer=${answers[0]!.siteTransfer!.id}`,
      );
      expect(toKnown.text).toContain(`Hej ${known.admin.firstName},`);
      // nobody's yet: the sender's language, registration with the address filled in
      const toUnknown = await smtp.waitForMailTo(unknownEmail, 'site-transfer-requested');
      expect(toUnknown.subject).toBe('Un site vous est transféré');
      expect(toUnknown.link('/register')).toBe(
        `http://portal.test/register?email=${encodeURIComponent(unknownEmail)}&transfer=${answers[1]!.siteTransfer!.id}`,
      );
      expect(toUnknown.text).toContain(world.company.name);
    });

    it('should refuse an address of the sender’s own company with SAME_COMPANY', async () => {
      const site = await buildSite(portal.dataSource, world.company);
      const answer = await request(world.tokens.systemAdmin, {
        siteId: site.id,
        recipientEmail: world.people.siteAdminAssigned.email.toUpperCase(),
      });
      expect(answer.siteTransfer).toBeNull();
      expect(answer.userErrors).toEqual([
        {
          field: ['input', 'recipientEmail'],
          code: 'SAME_COMPANY',
          message:
            'This address belongs to someone of your own company: a site can only be transferred to another company.',
        },
      ]);
    });

    it('should answer NOT_FOUND for a site of another company, and explain a bad address', async () => {
      const foreign = await request(world.tokens.paymentAdmin, {
        siteId: world.otherCompanySite.id,
        recipientEmail: freshEmail('someone'),
      });
      expect(foreign.userErrors.map((error) => [error.field, error.code])).toEqual([
        [['input', 'siteId'], 'NOT_FOUND'],
      ]);
      const site = await buildSite(portal.dataSource, world.company);
      const bad = await request(world.tokens.paymentAdmin, {
        siteId: site.id,
        recipientEmail: 'not an address',
        message: 'x'.repeat(1001),
      });
      expect(bad.userErrors.map((error) => [error.field, error.code])).toEqual([
        [['input', 'recipientEmail'], 'INVALID'],
        [['input', 'message'], 'TOO_LONG'],
      ]);
      expect(
        await portal.dataSource.getRepository(SiteTransferEntity).countBy({ siteId: site.id }),
      ).toBe(0);
    });

    it('should allow one pending transfer per site', async () => {
      const { site } = await offered(freshEmail('first'));
      const second = await request(world.tokens.systemAdmin, {
        siteId: site.id,
        recipientEmail: freshEmail('second'),
      });
      expect(second.userErrors).toEqual([
        {
          field: ['input', 'siteId'],
          code: 'INVALID_STATE',
          message:
            'This site already has a transfer waiting for an answer. Cancel it first to ask someone else.',
        },
      ]);
    });

    it('should throttle requests to one address past 20 an hour', async () => {
      const email = freshEmail('flooded');
      // from an address of its own, so the rest of the suite's requests count apart
      const send = async () => {
        const site = await buildSite(portal.dataSource, world.company);
        const response = await gqlFrom<{ requestSiteTransfer: Payload }>(
          portal.url,
          '127.0.0.9',
          REQUEST,
          { input: { siteId: site.id, recipientEmail: email } },
          { authorization: `Bearer ${world.tokens.paymentAdmin}` },
        );
        return response.data!.requestSiteTransfer.userErrors.map((error) => error.code);
      };
      for (let i = 0; i < 20; i++) expect(await send()).toEqual([]);
      expect(await send()).toEqual(['THROTTLED']);
    });
  });

  describe('siteTransfers', () => {
    it('should list a transfer as INCOMING to every admin of the address’s company and OUTGOING to the sender only', async () => {
      const to = await receiver();
      const colleague = await buildPerson(portal.dataSource, to.company, {
        accessLevel: 'SYSTEM_ADMIN',
      });
      const { transfer } = await offered(to.admin.email);
      const stranger = await receiver();

      expect(ids(await list(to.token, 'INCOMING'))).toEqual([transfer.id]);
      const colleagueToken = await tokenFor(portal.dataSource, colleague);
      expect(ids(await list(colleagueToken, 'INCOMING', 'PENDING'))).toEqual([transfer.id]);
      expect(await list(to.token, 'OUTGOING')).toEqual([]);
      expect(ids(await list(world.tokens.paymentAdmin, 'OUTGOING'))).toContain(transfer.id);
      expect(ids(await list(world.tokens.paymentAdmin, 'INCOMING'))).not.toContain(transfer.id);
      expect(await list(stranger.token, 'INCOMING')).toEqual([]);
      expect(await list(stranger.token, 'OUTGOING')).toEqual([]);
      // the receiver sees what is offered, not yet the site itself
      const [incoming] = await list(to.token, 'INCOMING');
      expect(incoming).toMatchObject({ site: null, fromCompanyName: world.company.name });
    });

    it('should find a transfer waiting for an address registered after the request', async () => {
      const email = freshEmail('later');
      const { transfer } = await offered(email);
      const company = await buildCompany(portal.dataSource, { billingSetupComplete: true });
      const registrant = await buildPerson(portal.dataSource, company, { email });
      const token = await tokenFor(portal.dataSource, registrant);

      expect(ids(await list(token, 'INCOMING'))).toEqual([transfer.id]);
      expect((await accept(token, transfer.id)).siteTransfer?.status).toBe('ACCEPTED');
    });
  });

  describe('acceptSiteTransfer', () => {
    it('should refuse until the receiver’s billing is set up, changing nothing', async () => {
      const to = await receiver(false);
      const { site, transfer } = await offered(to.admin.email);
      const response = await call(to.token, ACCEPT, { id: transfer.id });
      expect(response.errors?.[0]?.extensions?.['code']).toBe('BILLING_SETUP_REQUIRED');
      const stored = await portal.dataSource
        .getRepository(SiteEntity)
        .findOneByOrFail({ id: site.id });
      expect(stored.companyId).toBe(world.company.id);
    });

    it('should move the site with every Entry app user and leave nothing of it to the sender’s site admins', async () => {
      const to = await receiver();
      const site = await buildSite(portal.dataSource, world.company, { name: 'Sjövägen 3' });
      const siteAdmin = await buildPerson(portal.dataSource, world.company, {
        accessLevel: 'SITE_ADMIN',
      });
      await assignSite(portal.dataSource, siteAdmin, site);
      const siteAdminToken = await tokenFor(portal.dataSource, siteAdmin);
      await buildEntryUser(portal.dataSource, site);
      await buildEntryUser(portal.dataSource, site, {
        activeFrom: new Date(Date.now() + 5 * 86_400_000),
      });
      await buildEntryUser(portal.dataSource, site, { removedAt: new Date() });
      expect((await call(siteAdminToken, SITE, { id: site.id })).data).toEqual({
        site: { id: site.id },
      });
      const asked = await request(world.tokens.paymentAdmin, {
        siteId: site.id,
        recipientEmail: to.admin.email,
        message: 'Hello,\nyour building now.',
      });

      const answer = await accept(to.token, asked.siteTransfer!.id);
      expect(answer.userErrors).toEqual([]);
      expect(answer.siteTransfer).toMatchObject({
        status: 'ACCEPTED',
        site: { id: site.id, name: 'Sjövägen 3' },
        toCompanyName: to.company.name,
        effectiveDate: today(),
        entryUserCount: 2,
        nameAlreadyUsed: false,
        message: 'Hello,\nyour building now.',
      });
      const users = await portal.dataSource
        .getRepository(EntryUserEntity)
        .findBy({ siteId: site.id });
      expect(users.map((user) => user.companyId)).toEqual([
        to.company.id,
        to.company.id,
        to.company.id,
      ]);
      expect(
        await portal.dataSource.getRepository(SiteAssignmentEntity).countBy({ siteId: site.id }),
      ).toBe(0);

      // the sender's people: the site, its users and its CSV are gone as if they never existed
      for (const token of [siteAdminToken, world.tokens.paymentAdmin]) {
        expect((await call(token, SITE, { id: site.id })).data).toEqual({ site: null });
        const sites = await call<{ sites: { edges: Array<{ node: { id: string } }> } }>(
          token,
          SITES,
          {},
        );
        expect(sites.data!.sites.edges.map((edge) => edge.node.id)).not.toContain(site.id);
        const csv = await fetch(`${portal.url}/api/sites/${site.id}/entry-users.csv`, {
          headers: { authorization: `Bearer ${token}` },
        });
        expect(csv.status).toBe(404);
      }
      const [outgoing] = (await list(world.tokens.paymentAdmin, 'OUTGOING', 'ACCEPTED')).filter(
        (transfer) => transfer.id === asked.siteTransfer!.id,
      );
      expect(outgoing).toMatchObject({ site: null, toCompanyName: to.company.name });
      // the receiver's
      expect((await call(to.token, SITE, { id: site.id })).data).toEqual({
        site: { id: site.id },
      });

      expect(await auditKinds(world.company.id, asked.siteTransfer!.id)).toEqual([
        'site_transfer.requested',
        'site_transfer.accepted',
      ]);
      expect(await auditKinds(to.company.id, asked.siteTransfer!.id)).toEqual([
        'site_transfer.accepted',
      ]);
      const mail = await smtp.waitFor(
        (message) =>
          message.template === 'site-transfer-accepted' && message.text.includes(to.company.name),
      );
      expect(mail.to).toEqual([world.people.paymentAdmin.email]);
      expect(mail.text).toContain('Site: Sjövägen 3');
      expect(mail.text).toContain('Entry app users: 2');
    });

    it('should accept a site whose name the receiver already uses, and flag it', async () => {
      const to = await receiver();
      await buildSite(portal.dataSource, to.company, { name: 'Parkvägen 9' });
      const { site, transfer } = await offered(to.admin.email, 'PARKVÄGEN 9');
      const answer = await accept(to.token, transfer.id);
      expect(answer.siteTransfer).toMatchObject({ status: 'ACCEPTED', nameAlreadyUsed: true });
      const sites = await call<{ sites: { edges: Array<{ node: { id: string; name: string } }> } }>(
        to.token,
        SITES,
        {},
      );
      expect(sites.data!.sites.edges.map((edge) => edge.node.name).sort()).toEqual([
        'PARKVÄGEN 9',
        'Parkvägen 9',
      ]);
      expect(sites.data!.sites.edges.map((edge) => edge.node.id)).toContain(site.id);
    });

    it('should answer NOT_FOUND for a transfer addressed to someone else', async () => {
      const to = await receiver();
      const stranger = await receiver();
      const { transfer } = await offered(to.admin.email);
      for (const document of [ACCEPT, DECLINE]) {
        const response = await call<Record<string, Payload>>(stranger.token, document, {
          id: transfer.id,
        });
        expect(Object.values(response.data!)[0]!.userErrors.map((e) => e.code)).toEqual([
          'NOT_FOUND',
        ]);
      }
      expect((await cancel(to.token, transfer.id)).userErrors.map((e) => e.code)).toEqual([
        'NOT_FOUND',
      ]);
    });

    it('should leave exactly one outcome when the sender cancels as the receiver accepts', async () => {
      for (let round = 0; round < 6; round++) {
        const to = await receiver();
        const { site, transfer } = await offered(to.admin.email);
        await buildEntryUser(portal.dataSource, site);
        const [accepted, cancelled] = await Promise.all([
          accept(to.token, transfer.id),
          cancel(world.tokens.systemAdmin, transfer.id),
        ]);
        const winners = [accepted, cancelled].filter((answer) => answer.userErrors.length === 0);
        expect(winners).toHaveLength(1);
        const loser = [accepted, cancelled].find((answer) => answer.userErrors.length > 0)!;
        expect(loser.userErrors.map((error) => error.code)).toEqual(['INVALID_STATE']);
        const stored = await portal.dataSource
          .getRepository(SiteTransferEntity)
          .findOneByOrFail({ id: transfer.id });
        const holder = (
          await portal.dataSource.getRepository(SiteEntity).findOneByOrFail({ id: site.id })
        ).companyId;
        const users = await portal.dataSource
          .getRepository(EntryUserEntity)
          .findBy({ siteId: site.id });
        if (stored.status === SiteTransferStatus.ACCEPTED) {
          expect(accepted.siteTransfer?.status).toBe('ACCEPTED');
          expect(holder).toBe(to.company.id);
        } else {
          expect(stored.status).toBe(SiteTransferStatus.CANCELLED);
          expect(holder).toBe(world.company.id);
        }
        expect(users.every((user) => user.companyId === holder)).toBe(true);
        expect(stored.pendingSiteId).toBeNull();
      }
    });
  });

  describe('declineSiteTransfer and cancelSiteTransfer', () => {
    it('should decline with a reason the sender is emailed, and accept nothing after', async () => {
      const to = await receiver();
      const { site, transfer } = await offered(to.admin.email);
      const declined = await decline(to.token, transfer.id, '  Not our building.\nSorry!  ');
      expect(declined.siteTransfer).toMatchObject({
        status: 'DECLINED',
        declineReason: 'Not our building.\nSorry!',
        toCompanyName: null,
      });
      const mail = await smtp.waitFor(
        (message) =>
          message.template === 'site-transfer-declined' && message.text.includes(site.name),
      );
      expect(mail.to).toEqual([world.people.paymentAdmin.email]);
      expect(mail.text).toContain('> Not our building.\n> Sorry!');
      expect((await accept(to.token, transfer.id)).userErrors).toEqual([
        {
          field: ['id'],
          code: 'INVALID_STATE',
          message:
            'This transfer is no longer waiting for an answer: it was accepted, declined or cancelled, or it expired.',
        },
      ]);
      expect(await auditKinds(to.company.id, transfer.id)).toEqual(['site_transfer.declined']);
      // the site may be offered again
      expect((await offeredAgain(site.id, to.admin.email)).userErrors).toEqual([]);
    });

    it('should let the sender cancel, after which the receiver can do nothing', async () => {
      const to = await receiver();
      const { transfer } = await offered(to.admin.email);
      expect((await cancel(world.tokens.paymentAdmin, transfer.id)).siteTransfer?.status).toBe(
        'CANCELLED',
      );
      expect((await accept(to.token, transfer.id)).userErrors.map((e) => e.code)).toEqual([
        'INVALID_STATE',
      ]);
      expect((await decline(to.token, transfer.id)).userErrors.map((e) => e.code)).toEqual([
        'INVALID_STATE',
      ]);
      expect(ids(await list(to.token, 'INCOMING', 'CANCELLED'))).toEqual([transfer.id]);
    });
  });

  function offeredAgain(siteId: string, email: string) {
    return request(world.tokens.paymentAdmin, { siteId, recipientEmail: email });
  }

  describe('operators', () => {
    async function acceptedTransfer(to: { company: CompanyEntity }, decidedAt: Date) {
      const site = await buildSite(portal.dataSource, to.company);
      return buildSiteTransfer(portal.dataSource, site, freshEmail('taken'), {
        fromCompanyId: world.company.id,
        toCompanyId: to.company.id,
        status: SiteTransferStatus.ACCEPTED,
        decidedAt,
        effectiveDate: decidedAt.toISOString().slice(0, 10),
      });
    }

    it('should list every company’s transfers to an operator', async () => {
      const to = await receiver();
      const { transfer } = await offered(to.admin.email);
      const response = await call<{
        allSiteTransfers: { totalCount: number; edges: Array<{ node: { id: string } }> };
      }>(world.tokens.operator, ALL, { status: 'PENDING' });
      expect(response.data!.allSiteTransfers.edges.map((edge) => edge.node.id)).toContain(
        transfer.id,
      );
    });

    it('should give an accepted site back to its sender within 7 days', async () => {
      const to = await receiver();
      const { site, transfer } = await offered(to.admin.email);
      await accept(to.token, transfer.id);
      const onward = await request(to.token, {
        siteId: site.id,
        recipientEmail: freshEmail('onward'),
      });
      expect(onward.userErrors).toEqual([]);

      const undone = await decide(world.tokens.operator, UNDO, 'undoSiteTransfer', {
        id: transfer.id,
        reason: 'Support case 4711',
      });
      expect(undone.userErrors).toEqual([]);
      expect((await call(world.tokens.paymentAdmin, SITE, { id: site.id })).data).toEqual({
        site: { id: site.id },
      });
      expect((await call(to.token, SITE, { id: site.id })).data).toEqual({ site: null });
      expect(
        await portal.dataSource
          .getRepository(EntryUserEntity)
          .countBy({ siteId: site.id, companyId: to.company.id }),
      ).toBe(0);
      // what the receiver asked meanwhile is cancelled with it
      const stored = await portal.dataSource
        .getRepository(SiteTransferEntity)
        .findOneByOrFail({ id: onward.siteTransfer!.id });
      expect(stored.status).toBe(SiteTransferStatus.CANCELLED);
      expect(await auditKinds(to.company.id, transfer.id)).toEqual([
        'site_transfer.accepted',
        'site_transfer.undone',
      ]);
      // once
      const again = await decide(world.tokens.operator, UNDO, 'undoSiteTransfer', {
        id: transfer.id,
      });
      expect(again.userErrors.map((error) => error.code)).toEqual(['INVALID_STATE']);
    });

    it('should refuse an undo after 7 days, or when the receiver no longer holds the site', async () => {
      const to = await receiver();
      const late = await acceptedTransfer(to, new Date(Date.now() - 8 * 86_400_000));
      const lateAnswer = await decide(world.tokens.operator, UNDO, 'undoSiteTransfer', {
        id: late.id,
      });
      expect(lateAnswer.userErrors[0]?.message).toBe(
        'Only an accepted transfer can be undone, once, within 7 days of its acceptance.',
      );
      const movedOn = await acceptedTransfer(to, new Date());
      await portal.dataSource
        .getRepository(SiteEntity)
        .update({ id: movedOn.siteId }, { companyId: world.otherCompany.id });
      const movedAnswer = await decide(world.tokens.operator, UNDO, 'undoSiteTransfer', {
        id: movedOn.id,
      });
      expect(movedAnswer.userErrors.map((error) => error.message)).toEqual([
        'The receiving company no longer holds this site, so this transfer cannot be undone.',
      ]);
    });
  });

  // last: its housekeeping pass runs 15 days ahead and expires every transfer still pending
  describe('expiry', () => {
    it('should read EXPIRED after 14 days and be expired by housekeeping, both sides emailed', async () => {
      const to = await receiver(true, 'sv');
      const { transfer } = await offered(to.admin.email);
      await portal.housekeeping.tick(new Date(Date.now() + 15 * 86_400_000));

      const stored = await portal.dataSource
        .getRepository(SiteTransferEntity)
        .findOneByOrFail({ id: transfer.id });
      expect(stored).toMatchObject({ status: SiteTransferStatus.EXPIRED, pendingSiteId: null });
      expect(ids(await list(to.token, 'INCOMING', 'EXPIRED'))).toEqual([transfer.id]);
      expect((await accept(to.token, transfer.id)).userErrors.map((e) => e.code)).toEqual([
        'INVALID_STATE',
      ]);
      // the emails of every transfer this pass expired are queued at once: read in the outbox
      const [toRecipient] = await portal.dataSource
        .getRepository(MailOutboxEntity)
        .findBy({ template: 'site-transfer-expired', toAddress: to.admin.email });
      expect(toRecipient?.subject).toBe('En överlåtelse av en anläggning har gått ut');
      const toSender = await portal.dataSource.getRepository(MailOutboxEntity).findBy({
        template: 'site-transfer-expired',
        toAddress: world.people.paymentAdmin.email,
      });
      expect(toSender.filter((mail) => mail.text.includes(`To: ${to.admin.email}`))).toHaveLength(
        1,
      );
      expect(await auditKinds(world.company.id, transfer.id)).toEqual([
        'site_transfer.requested',
        'site_transfer.expired',
      ]);
      expect(
        await portal.dataSource
          .getRepository(SiteTransferEntity)
          .countBy({ status: SiteTransferStatus.PENDING, pendingSiteId: IsNull() }),
      ).toBe(0);
    });
  });
});

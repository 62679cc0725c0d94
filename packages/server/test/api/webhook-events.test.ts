import { In } from 'typeorm';
import { SUBSCRIBABLE_WEBHOOK_EVENTS } from '@entry/shared';
import { statementCounter } from '../../bench/statement-counter';
import { AuditEventEntity } from '../../src/audit/audit-event.entity';
import { InvoiceEntity, InvoiceStatus } from '../../src/billing/invoice.entity';
import {
  PaymentAttemptEntity,
  PaymentAttemptStatus,
} from '../../src/billing/payment-attempt.entity';
import { applyChargeOutcome } from '../../src/billing/payments/invoice-payments';
import type { CompanyEntity } from '../../src/companies/company.entity';
import { SiteEntity } from '../../src/sites/site.entity';
import { WebhookDeliveryEntity } from '../../src/webhooks/webhook-delivery.entity';
import { WebhookMessageEntity } from '../../src/webhooks/webhook-message.entity';
import { buildCompany, buildEntryUser, buildPerson, buildSite, tokenFor } from '../factories';
import { describeOnDialects } from '../support/dialects';
import { buildWorld } from '../support/world';

const SITE_FIELDS = 'id name address costCenter active createdAt updatedAt deactivatedAt';
const SITE_PAYLOAD = `{ site { ${SITE_FIELDS} } userErrors { field code } }`;
const CREATE_SITE = `mutation ($input: SiteInput!) { createSite(input: $input) ${SITE_PAYLOAD} }`;
const UPDATE_SITE = `mutation ($id: ID!, $input: SiteInput!) { updateSite(id: $id, input: $input) ${SITE_PAYLOAD} }`;
const DEACTIVATE_SITE = `mutation ($id: ID!) { deactivateSite(id: $id) ${SITE_PAYLOAD} }`;
const REACTIVATE_SITE = `mutation ($id: ID!) { reactivateSite(id: $id) ${SITE_PAYLOAD} }`;
const USER_PAYLOAD = `{ entryUser { id firstName lastName email apartment activeFrom removedAt active moveInDate moveOutDate } userErrors { field code } }`;
const ADD_USER = `mutation ($siteId: ID!, $input: EntryUserInput!) { addEntryUser(siteId: $siteId, input: $input) ${USER_PAYLOAD} }`;
const UPDATE_USER = `mutation ($id: ID!, $input: EntryUserInput!) { updateEntryUser(id: $id, input: $input) ${USER_PAYLOAD} }`;
const DELETED = '{ deletedId userErrors { field code } }';
const REMOVE_USER = `mutation ($id: ID!) { removeEntryUser(id: $id) ${DELETED} }`;
const IMPORT = `mutation ($siteId: ID!, $csv: String!) {
  importEntryUsers(siteId: $siteId, csv: $csv) { importedCount skipped { line } userErrors { field code } }
}`;
const INVITE = `mutation ($input: InvitePersonInput!) {
  invitePerson(input: $input) { person { id firstName lastName email locale status createdAt } userErrors { field code } }
}`;
const REMOVE_PERSON = `mutation ($id: ID!) { removePerson(id: $id) ${DELETED} }`;
const INVOICE_FIELDS =
  'id number periodStart periodEnd issuedAt dueAt currency subtotal tax total taxRateBasisPoints reverseCharge status paidAt paymentMethod';
const PAY = `mutation ($id: ID!, $token: String) {
  payInvoice(id: $id, paymentMethodToken: $token) { invoice { ${INVOICE_FIELDS} } userErrors { field code } }
}`;
const INVOICE = `query ($id: ID!) { invoice(id: $id) { ${INVOICE_FIELDS} } }`;
const RUN_BILLING = `mutation ($period: String!) { runBilling(period: $period) { created userErrors { field code } } }`;
const CREATE_ENDPOINT = `mutation ($input: WebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) { webhookEndpoint { id } userErrors { field code } }
}`;
const CREATE_KEY = `mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret userErrors { field code } } }`;

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** An event as the outbox wrote it: its body as sent, and the endpoints it goes to. */
interface Published {
  readonly type: string;
  readonly companyId: string;
  readonly body: {
    id: string;
    type: string;
    createdAt: string;
    companyId: string;
    data: Record<string, Record<string, unknown>>;
  };
  readonly endpointIds: string[];
}

describeOnDialects('Webhook events from the changes that cause them on %s', (suite) => {
  const counter = statementCounter();
  // no worker runs: each test reads the outbox exactly as its change left it
  const portal = suite.startPortal(
    { WEBHOOK_ALLOW_PRIVATE_URLS: 'true' },
    {
      mailPollIntervalMs: null,
      billingIntervalMs: null,
      webhookPollIntervalMs: null,
      databaseLogger: counter.logger,
    },
  );
  const world = suite.seed(buildWorld);
  /** company A's endpoints: one subscribed to every event, one to SITE_CREATED only */
  let everything: string;
  let sitesCreatedOnly: string;
  /** company B's endpoint, subscribed to every event: it must never get A's */
  let otherCompanys: string;

  async function endpoint(token: string, events: readonly string[]): Promise<string> {
    const answer = await portal.as<{
      createWebhookEndpoint: { webhookEndpoint: { id: string }; userErrors: unknown[] };
    }>(token, CREATE_ENDPOINT, { input: { url: 'http://127.0.0.1:9/hook', events } });
    expect(answer.data?.createWebhookEndpoint.userErrors).toEqual([]);
    return answer.data!.createWebhookEndpoint.webhookEndpoint.id;
  }

  beforeAll(async () => {
    everything = await endpoint(world.tokens.paymentAdmin, SUBSCRIBABLE_WEBHOOK_EVENTS);
    sitesCreatedOnly = await endpoint(world.tokens.systemAdmin, ['SITE_CREATED']);
    otherCompanys = await endpoint(
      world.tokens.otherCompanyPaymentAdmin,
      SUBSCRIBABLE_WEBHOOK_EVENTS,
    );
  });

  /** Runs `work` and answers the events it wrote, oldest first, with their deliveries. */
  async function published(work: () => Promise<unknown>): Promise<Published[]> {
    const messages = portal.dataSource.getRepository(WebhookMessageEntity);
    const before = new Set((await messages.find({ select: { id: true } })).map((row) => row.id));
    await work();
    const written = (await messages.find({ order: { createdAt: 'ASC' } })).filter(
      (message) => !before.has(message.id),
    );
    const deliveries = written.length
      ? await portal.dataSource
          .getRepository(WebhookDeliveryEntity)
          .findBy({ messageId: In(written.map((message) => message.id)) })
      : [];
    return written.map((message) => ({
      type: message.type,
      companyId: message.companyId,
      body: JSON.parse(message.body) as Published['body'],
      endpointIds: deliveries
        .filter((delivery) => delivery.messageId === message.id)
        .map((delivery) => delivery.endpointId)
        .sort(),
    }));
  }

  /**
   * The one event of `type` the work wrote, of company A, to exactly `endpointIds`; answers its
   * data. Every envelope field is checked: id, type, createdAt, companyId.
   */
  async function onlyEvent(
    type: string,
    work: () => Promise<unknown>,
    endpointIds: readonly string[] = [everything],
    company: CompanyEntity = world.company,
  ): Promise<Record<string, Record<string, unknown>>> {
    const events = await published(work);
    expect(events.map((event) => event.type)).toEqual([type]);
    const [event] = events as [Published];
    expect(event.companyId).toBe(company.id);
    expect(event.body).toEqual({
      id: expect.any(String),
      type,
      createdAt: expect.stringMatching(ISO),
      companyId: company.id,
      data: expect.any(Object),
    });
    expect(event.endpointIds).toEqual([...endpointIds].sort());
    return event.body.data;
  }

  async function expectNoEvent(work: () => Promise<unknown>): Promise<void> {
    expect(await published(work)).toEqual([]);
  }

  /** The mutation's payload (its one root field), with no GraphQL error. */
  async function mutate<T = Record<string, unknown>>(
    token: string,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<T & { userErrors: Array<{ code: string }> }> {
    const answer = await portal.as<Record<string, T & { userErrors: Array<{ code: string }> }>>(
      token,
      query,
      variables,
    );
    expect(answer.errors).toBeUndefined();
    return Object.values(answer.data!)[0]!;
  }

  const admin = () => world.tokens.systemAdmin;
  let names = 0;
  const siteName = () => `Events tower ${(names += 1)}`;

  async function createdSite(token = admin()) {
    const { site } = await mutate<{ site: Record<string, unknown> & { id: string } }>(
      token,
      CREATE_SITE,
      { input: { name: siteName(), address: 'Drottninggatan 1' } },
    );
    return site;
  }

  describe('sites', () => {
    it('should publish SITE_CREATED to every endpoint subscribed to it, with the site as the API shows it', async () => {
      let site: Record<string, unknown> = {};
      const data = await onlyEvent('SITE_CREATED', async () => (site = await createdSite()), [
        everything,
        sitesCreatedOnly,
      ]);
      expect(data).toEqual({ site });
      expect(site).toMatchObject({ active: true, deactivatedAt: null });
    });

    it('should publish SITE_UPDATED only to the endpoints subscribed to it, and nothing for an update that changes nothing', async () => {
      const { id } = await createdSite();
      const input = { name: siteName(), address: null };
      let site: Record<string, unknown> = {};
      const data = await onlyEvent('SITE_UPDATED', async () => {
        ({ site } = await mutate<{ site: Record<string, unknown> }>(admin(), UPDATE_SITE, {
          id,
          input,
        }));
      });
      expect(data).toEqual({ site });
      expect(site).toMatchObject({ name: input.name, address: null });
      await expectNoEvent(() => mutate(admin(), UPDATE_SITE, { id, input }));
    });

    it('should publish SITE_DEACTIVATED and SITE_REACTIVATED once each, and nothing when the site already was so', async () => {
      const { id } = await createdSite();
      const deactivated = await onlyEvent('SITE_DEACTIVATED', () =>
        mutate(admin(), DEACTIVATE_SITE, { id }),
      );
      expect(deactivated['site']).toMatchObject({ id, active: false });
      expect(deactivated['site']!['deactivatedAt']).toMatch(ISO);
      await expectNoEvent(() => mutate(admin(), DEACTIVATE_SITE, { id }));
      const reactivated = await onlyEvent('SITE_REACTIVATED', () =>
        mutate(admin(), REACTIVATE_SITE, { id }),
      );
      expect(reactivated['site']).toMatchObject({ id, active: true, deactivatedAt: null });
      await expectNoEvent(() => mutate(admin(), REACTIVATE_SITE, { id }));
    });

    it('should write no event for a change refused with user errors or not allowed', async () => {
      const taken = { name: world.assignedSite.name };
      await expectNoEvent(async () => {
        expect((await mutate(admin(), CREATE_SITE, { input: taken })).userErrors).toEqual([
          expect.objectContaining({ code: 'TAKEN' }),
        ]);
        expect(
          (await mutate(admin(), CREATE_SITE, { input: { name: ' ' } })).userErrors,
        ).not.toEqual([]);
        // a site admin may not touch a site that is not theirs: NOT_FOUND, and nothing published
        const refused = await mutate(world.tokens.siteAdminAssigned, UPDATE_SITE, {
          id: world.otherSite.id,
          input: { name: siteName() },
        });
        expect(refused.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
      });
    });

    it("should send another company's events to its own endpoints only", async () => {
      const data = await onlyEvent(
        'SITE_CREATED',
        () => createdSite(world.tokens.otherCompanyPaymentAdmin),
        [otherCompanys],
        world.otherCompany,
      );
      expect(data['site']).toMatchObject({ active: true });
    });

    it('should write nothing for a company without endpoints', async () => {
      const company = await buildCompany(portal.dataSource, { billingSetupComplete: true });
      const person = await buildPerson(portal.dataSource, company, { accessLevel: 'SYSTEM_ADMIN' });
      await expectNoEvent(async () => createdSite(await tokenFor(portal.dataSource, person)));
    });

    it('should publish the changes made with an API key, as the same events', async () => {
      const { secret } = await mutate<{ secret: string }>(world.tokens.paymentAdmin, CREATE_KEY, {
        input: { name: 'ERP', scopes: ['SITES_WRITE'] },
      });
      let site: Record<string, unknown> = {};
      const data = await onlyEvent('SITE_CREATED', async () => (site = await createdSite(secret)), [
        everything,
        sitesCreatedOnly,
      ]);
      expect(data).toEqual({ site });
      const added = await onlyEvent('ENTRY_USER_ADDED', () =>
        mutate(secret, ADD_USER, { siteId: site['id'], input: resident('key') }),
      );
      expect(added['entryUser']).toMatchObject({ siteId: site['id'], email: 'key@example.com' });
    });
  });

  function resident(name: string, apartment: string | null = '12B') {
    return { firstName: 'Ingrid', lastName: name, email: `${name}@example.com`, apartment };
  }

  describe('Entry app users', () => {
    it('should publish ENTRY_USER_ADDED, UPDATED and REMOVED with the user as the API shows it and its siteId', async () => {
      const siteId = world.assignedSite.id;
      const token = world.tokens.siteAdminAssigned;
      type UserAnswer = { entryUser: Record<string, unknown> & { id: string } };
      let user = { id: '' } as UserAnswer['entryUser'];
      const added = await onlyEvent('ENTRY_USER_ADDED', async () => {
        ({ entryUser: user } = await mutate<UserAnswer>(token, ADD_USER, {
          siteId,
          input: resident('added'),
        }));
      });
      expect(added).toEqual({ entryUser: { ...user, siteId } });
      expect(user).toMatchObject({ active: true, removedAt: null, apartment: '12B' });

      const updated = await onlyEvent('ENTRY_USER_UPDATED', async () => {
        ({ entryUser: user } = await mutate<UserAnswer>(token, UPDATE_USER, {
          id: user.id,
          input: resident('renamed', null),
        }));
      });
      expect(updated).toEqual({ entryUser: { ...user, siteId } });
      expect(user).toMatchObject({ lastName: 'renamed', apartment: null });

      const removed = await onlyEvent('ENTRY_USER_REMOVED', () =>
        mutate(token, REMOVE_USER, { id: user.id }),
      );
      expect(removed).toEqual({
        entryUser: { ...user, siteId, active: false, removedAt: expect.stringMatching(ISO) },
      });
      // removing twice changes nothing, and says nothing
      await expectNoEvent(() => mutate(token, REMOVE_USER, { id: user.id }));
    });

    it('should write no event when the user is refused', async () => {
      const token = world.tokens.siteAdminAssigned;
      const siteId = world.assignedSite.id;
      await mutate(token, ADD_USER, { siteId, input: resident('twice') });
      await expectNoEvent(async () => {
        const again = await mutate(token, ADD_USER, { siteId, input: resident('twice') });
        expect(again.userErrors).toEqual([expect.objectContaining({ code: 'TAKEN' })]);
        const elsewhere = await mutate(token, ADD_USER, {
          siteId: world.otherSite.id,
          input: resident('elsewhere'),
        });
        expect(elsewhere.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND' })]);
      });
    });

    it('should publish one ENTRY_USER_ADDED per imported user, and none for a file refused whole', async () => {
      const site = await buildSite(portal.dataSource, world.company);
      const csv = [
        'first_name,last_name,email,apartment',
        'Ada,Alm,ada@example.com,1',
        'Bo,Berg,not-an-address,2',
        'Cia,Cedergren,cia@example.com,',
        'Dan,Dahl,dan@example.com,4',
      ].join('\n');
      const events = await published(async () => {
        const outcome = await mutate<{ importedCount: number }>(admin(), IMPORT, {
          siteId: site.id,
          csv,
        });
        expect(outcome.importedCount).toBe(3);
      });
      expect(events.map((event) => [event.type, event.endpointIds])).toEqual(
        Array(3).fill(['ENTRY_USER_ADDED', [everything]]),
      );
      const users = events.map((event) => event.body.data['entryUser']!);
      expect(users.map((user) => user['email']).sort()).toEqual([
        'ada@example.com',
        'cia@example.com',
        'dan@example.com',
      ]);
      expect(users.find((user) => user['email'] === 'ada@example.com')).toEqual({
        id: expect.any(String),
        siteId: site.id,
        firstName: 'Ada',
        lastName: 'Alm',
        email: 'ada@example.com',
        apartment: '1',
        activeFrom: expect.stringMatching(ISO),
        removedAt: null,
        active: true,
        moveInDate: null,
        moveOutDate: null,
      });
      await expectNoEvent(() =>
        mutate(admin(), IMPORT, { siteId: site.id, csv: 'first_name,email\nEva,eva@example.com' }),
      );
    });

    it('should write the events of a 10,000-row import in a few multi-row INSERTs', async () => {
      const site = await buildSite(portal.dataSource, world.company);
      const rows = Array.from({ length: 10_000 }, (_, i) => `Row,${i},row${i}@example.com,${i}`);
      const csv = ['first_name,last_name,email,apartment', ...rows].join('\n');
      let events: Published[] = [];
      const { statements } = await counter.count(async () => {
        events = await published(async () => {
          const response = await fetch(`${portal.url}/api/sites/${site.id}/entry-users/import`, {
            method: 'POST',
            headers: { authorization: `Bearer ${admin()}`, 'content-type': 'text/csv' },
            body: csv,
          });
          expect(response.status).toBe(200);
          expect(await response.text()).toContain('"imported":10000');
        });
      });
      expect(events).toHaveLength(10_000);
      expect(new Set(events.map((event) => event.body.data['entryUser']!['email'])).size).toBe(
        10_000,
      );
      const inserts = (table: string) =>
        statements.filter((sql) => new RegExp(`^INSERT INTO [\`"]${table}[\`"]`).test(sql)).length;
      console.log(
        `${suite.dialect}: a 10,000-row import wrote its events in ${inserts('webhook_message')} + ${inserts('webhook_delivery')} INSERTs`,
      );
      expect(inserts('webhook_message')).toBe(10);
      expect(inserts('webhook_delivery')).toBe(10);
    });
  });

  describe('people', () => {
    it('should publish PERSON_INVITED with the level and the sites of a site admin, and no secrets', async () => {
      const input = {
        firstName: 'Greta',
        lastName: 'Garbo',
        email: 'greta.invited@example.com',
        accessLevel: 'SITE_ADMIN',
        siteIds: [world.assignedSite.id],
        locale: 'sv',
      };
      let person: Record<string, unknown> = {};
      const data = await onlyEvent('PERSON_INVITED', async () => {
        ({ person } = await mutate<{ person: Record<string, unknown> }>(
          world.tokens.paymentAdmin,
          INVITE,
          { input },
        ));
      });
      expect(data).toEqual({
        person: {
          ...person,
          accessLevel: { code: 'SITE_ADMIN', allSites: false, payments: false },
          siteIds: [world.assignedSite.id],
        },
      });
      expect(person).toMatchObject({ status: 'INVITED', email: input.email, locale: 'sv' });
      // the same address again is refused: no second event
      await expectNoEvent(async () => {
        const again = await mutate(world.tokens.paymentAdmin, INVITE, { input });
        expect(again.userErrors).toEqual([expect.objectContaining({ code: 'TAKEN' })]);
      });
    });

    it('should publish PERSON_REMOVED with the person as they were, and nothing when refused', async () => {
      const colleague = await world.newColleague('SYSTEM_ADMIN');
      await expectNoEvent(async () => {
        const refused = await portal.as(world.tokens.siteAdminAssigned, REMOVE_PERSON, {
          id: colleague.id,
        });
        expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      });
      const data = await onlyEvent('PERSON_REMOVED', () =>
        mutate(world.tokens.systemAdmin, REMOVE_PERSON, { id: colleague.id }),
      );
      expect(data).toEqual({
        person: {
          id: colleague.id,
          firstName: colleague.firstName,
          lastName: colleague.lastName,
          email: colleague.email,
          locale: colleague.locale,
          status: colleague.status,
          accessLevel: { code: 'SYSTEM_ADMIN', allSites: true, payments: false },
          siteIds: null,
          createdAt: colleague.createdAt.toISOString(),
        },
      });
    });
  });

  describe('invoices', () => {
    const invoiceAsApi = async (id: string) =>
      (
        await portal.as<{ invoice: Record<string, unknown> }>(world.tokens.paymentAdmin, INVOICE, {
          id,
        })
      ).data!.invoice;

    it('should publish INVOICE_ISSUED from the billing run, to payment admins’ endpoints only', async () => {
      const longAgo = new Date('2019-12-01T00:00:00.000Z');
      const site = await buildSite(portal.dataSource, world.company, { createdAt: longAgo });
      await buildEntryUser(portal.dataSource, site, { activeFrom: longAgo });
      const data = await onlyEvent('INVOICE_ISSUED', async () => {
        const run = await mutate<{ created: number }>(world.tokens.operator, RUN_BILLING, {
          period: '2020-01',
        });
        expect(run.created).toBe(1);
      });
      expect(data).toEqual({ invoice: await invoiceAsApi(data['invoice']!['id'] as string) });
      expect(data['invoice']).toMatchObject({
        periodStart: '2020-01-01',
        periodEnd: '2020-01-31',
        status: 'OPEN',
        paidAt: null,
      });
      // the period is billed: a second run issues nothing and says nothing
      await expectNoEvent(() => mutate(world.tokens.operator, RUN_BILLING, { period: '2020-01' }));
    });

    const pay = (id: string, token: string) =>
      mutate<{ invoice: Record<string, unknown> }>(world.tokens.paymentAdmin, PAY, { id, token });

    it('should publish INVOICE_PAYMENT_FAILED when a charge is declined', async () => {
      const { id } = await world.newInvoice();
      let answer: { invoice: Record<string, unknown> } = { invoice: {} };
      const data = await onlyEvent('INVOICE_PAYMENT_FAILED', async () => {
        answer = await pay(id, 'pm_card_visa_chargeDeclined');
      });
      expect(answer.invoice).toMatchObject({ status: 'PAYMENT_FAILED' });
      expect(data).toEqual({ invoice: await invoiceAsApi(id) });
    });

    /** A further attempt at the invoice, PENDING at the provider, as a second server makes one. */
    async function pendingAttempt(invoice: InvoiceEntity, attempt: number) {
      const row = portal.dataSource.getRepository(PaymentAttemptEntity).create({
        invoiceId: invoice.id,
        attempt,
        idempotencyKey: `invoice-${invoice.id}-attempt-${attempt}`,
        amount: invoice.total,
        currency: invoice.currency,
        status: PaymentAttemptStatus.PENDING,
        trigger: 'RETRY',
        providerPaymentId: null,
        failureCode: null,
        failureMessage: null,
        createdAt: new Date(),
        completedAt: null,
      });
      await portal.dataSource.getRepository(PaymentAttemptEntity).insert(row);
      return row;
    }

    it('should publish INVOICE_PAID once, and neither publish again nor move paidAt on a second success', async () => {
      const { id } = await world.newInvoice();
      const data = await onlyEvent('INVOICE_PAID', () => pay(id, 'pm_card_visa'));
      const invoices = portal.dataSource.getRepository(InvoiceEntity);
      const paid = await invoices.findOneByOrFail({ id });
      expect(paid.status).toBe(InvoiceStatus.PAID);
      expect(data).toEqual({ invoice: await invoiceAsApi(id) });
      expect(data['invoice']!['paidAt']).toBe(paid.paidAt!.toISOString());

      const first = await portal.dataSource
        .getRepository(PaymentAttemptEntity)
        .findOneByOrFail({ invoiceId: id, attempt: 1 });
      const second = await pendingAttempt(paid, 2);
      const third = await pendingAttempt(paid, 3);
      const later = new Date(paid.paidAt!.getTime() + 60_000);
      await expectNoEvent(async () => {
        // the provider's webhook for the first charge, late, and a second server's charges
        await applyChargeOutcome(
          portal.dataSource,
          first.id,
          { status: 'succeeded', paymentId: 'pi_again' },
          later,
        );
        await applyChargeOutcome(
          portal.dataSource,
          second.id,
          { status: 'succeeded', paymentId: 'pi_second' },
          later,
        );
        await applyChargeOutcome(
          portal.dataSource,
          third.id,
          { status: 'failed', paymentId: null, code: 'card_declined', message: 'Declined' },
          later,
        );
      });
      expect(await invoices.findOneByOrFail({ id })).toMatchObject({
        status: InvoiceStatus.PAID,
        paidAt: paid.paidAt,
      });
    });
  });

  describe('a change that fails after its event was written', () => {
    // A trigger refuses the delivery rows of one endpoint: the message row is written, then the
    // transaction fails, as it would on any later error of the change.
    const trap = (endpointId: string) =>
      suite.dialect === 'sqlite'
        ? `CREATE TRIGGER events_trap BEFORE INSERT ON webhook_delivery
           WHEN NEW.endpointId = '${endpointId}' BEGIN SELECT RAISE(ABORT, 'trapped'); END`
        : `CREATE TRIGGER events_trap BEFORE INSERT ON webhook_delivery FOR EACH ROW
           IF NEW.endpointId = '${endpointId}' THEN
             SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'trapped';
           END IF`;

    it('should roll the change, its audit entry and its event back together', async () => {
      const company = await buildCompany(portal.dataSource, { billingSetupComplete: true });
      const person = await buildPerson(portal.dataSource, company, { accessLevel: 'SYSTEM_ADMIN' });
      const token = await tokenFor(portal.dataSource, person);
      const trapped = await endpoint(token, ['SITE_CREATED']);
      const name = siteName();
      await portal.dataSource.query(trap(trapped));
      try {
        await expectNoEvent(async () => {
          const answer = await portal.as(token, CREATE_SITE, { input: { name } });
          expect(answer.errors?.[0]?.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
        });
      } finally {
        await portal.dataSource.query('DROP TRIGGER events_trap');
      }
      expect(await portal.dataSource.getRepository(SiteEntity).countBy({ name })).toBe(0);
      expect(
        await portal.dataSource
          .getRepository(AuditEventEntity)
          .countBy({ companyId: company.id, kind: 'site.created' }),
      ).toBe(0);
      // without the trap the same change goes through, with its event
      await onlyEvent(
        'SITE_CREATED',
        () => mutate(token, CREATE_SITE, { input: { name } }),
        [trapped],
        company,
      );
    });
  });
});

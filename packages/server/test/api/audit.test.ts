import { recordAudit } from '../../src/audit/audit.service';
import { inTransaction } from '../../src/database/transaction';
import { buildCompany, buildOperator, buildPerson, tokenFor } from '../factories';
import { describeOnDialects } from '../support/dialects';

const LIST = `query ($first: Int, $after: String, $personId: ID, $kind: String, $from: DateTime, $to: DateTime) {
  auditEvents(first: $first, after: $after, personId: $personId, kind: $kind, from: $from, to: $to) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { kind createdAt subjectId actor { kind name email } changes { field before after } ip } }
  }
}`;

type Page = {
  auditEvents: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{
      node: {
        kind: string;
        createdAt: string;
        subjectId: string;
        actor: { kind: string; name: string | null };
        changes: Array<{ field: string; before: string | null; after: string | null }>;
      };
    }>;
  };
};

describeOnDialects('audit log on %s', (suite) => {
  const portal = suite.startPortal();

  async function companyWithHistory(events: number) {
    const company = await buildCompany(portal.dataSource, { billingSetupComplete: true });
    const admin = await buildPerson(portal.dataSource, company, {
      firstName: 'Astrid',
      lastName: 'Lindqvist',
    });
    const other = await buildPerson(portal.dataSource, company, { accessLevel: 'SITE_ADMIN' });
    const start = Date.UTC(2026, 10, 1);
    await inTransaction(portal.dataSource, async (manager) => {
      for (let i = 0; i < events; i++) {
        await recordAudit(
          manager,
          {
            viewer: { kind: 'person', person: admin, company, mustEnrollMfa: false },
            ip: '203.0.113.7',
          },
          {
            companyId: company.id,
            kind: i % 2 ? 'site.updated' : 'person.updated',
            subjectType: i % 2 ? 'site' : 'person',
            subjectId: i % 2 ? `site-${i}` : other.id,
            before: { name: `old ${i}` },
            after: { name: `new, "${i}"` },
          },
          // two events share each millisecond: the id breaks the tie
          new Date(start + Math.floor(i / 2) * 1000),
        );
      }
    });
    return { company, admin, other, token: await tokenFor(portal.dataSource, admin) };
  }

  it('should page newest first without gaps or repeats, even when events share a timestamp', async () => {
    const { token } = await companyWithHistory(25);
    const seen: string[] = [];
    let after: string | null = null;
    let previous = Infinity;
    do {
      const page: { data?: Page | null } = await portal.gql<Page>(
        LIST,
        { first: 10, after },
        { token },
      );
      expect(page.data?.auditEvents.totalCount).toBe(25);
      for (const { node } of page.data!.auditEvents.edges) {
        const at = Date.parse(node.createdAt);
        expect(at).toBeLessThanOrEqual(previous);
        previous = at;
        seen.push(`${node.createdAt}|${node.changes[0]?.after}`);
      }
      after = page.data!.auditEvents.pageInfo.hasNextPage
        ? page.data!.auditEvents.pageInfo.endCursor
        : null;
    } while (after);
    expect(new Set(seen).size).toBe(25);
  });

  it('should show who did it and what changed, and filter by person, kind and date', async () => {
    const { token, other } = await companyWithHistory(6);
    const byPerson = await portal.gql<Page>(LIST, { personId: other.id }, { token });
    expect(byPerson.data?.auditEvents.totalCount).toBe(3);
    const first = byPerson.data!.auditEvents.edges[0]!.node;
    expect(first.actor).toMatchObject({ kind: 'PERSON', name: 'Astrid Lindqvist' });
    expect(first.changes).toEqual([
      {
        field: 'name',
        before: expect.stringMatching(/^old/),
        after: expect.stringMatching(/^new/),
      },
    ]);
    const byKind = await portal.gql<Page>(LIST, { kind: 'site.updated' }, { token });
    expect(byKind.data?.auditEvents.totalCount).toBe(3);
    const byDate = await portal.gql<Page>(
      LIST,
      { from: '2026-11-01T00:00:01.000Z', to: '2026-11-01T00:00:02.000Z' },
      { token },
    );
    expect(byDate.data?.auditEvents.totalCount).toBe(2);
  });

  it("should never show another company's events and refuse site admins", async () => {
    await companyWithHistory(3);
    const stranger = await buildPerson(
      portal.dataSource,
      await buildCompany(portal.dataSource),
      {},
    );
    const strangerToken = await tokenFor(portal.dataSource, stranger);
    expect(
      (await portal.gql<Page>(LIST, {}, { token: strangerToken })).data?.auditEvents.totalCount,
    ).toBe(0);
    const { company } = await companyWithHistory(1);
    const siteAdmin = await buildPerson(portal.dataSource, company, { accessLevel: 'SITE_ADMIN' });
    const refused = await portal.gql(
      LIST,
      {},
      { token: await tokenFor(portal.dataSource, siteAdmin) },
    );
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it("should show a company the vendor's staff only as Vendor staff, without the operator's name, email or IP", async () => {
    const company = await buildCompany(portal.dataSource, { billingSetupComplete: true });
    const admin = await buildPerson(portal.dataSource, company, { locale: 'sv' });
    const operator = await buildOperator(portal.dataSource);
    await inTransaction(portal.dataSource, (manager) =>
      recordAudit(
        manager,
        { viewer: { kind: 'operator', operator, mustEnrollMfa: false }, ip: '198.51.100.9' },
        {
          companyId: company.id,
          kind: 'registration.approved',
          subjectType: 'company',
          subjectId: company.id,
          before: { status: 'PENDING_APPROVAL' },
          after: { status: 'APPROVED' },
        },
        new Date(),
      ),
    );
    const token = await tokenFor(portal.dataSource, admin);
    const result = await portal.gql<{
      auditEvents: {
        edges: Array<{ node: { actor: Record<string, unknown>; ip: string | null } }>;
      };
    }>(
      `{ auditEvents(first: 5) { edges { node { ip actor { kind id name email } } } } }`,
      {},
      { token },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.auditEvents.edges).toEqual([
      {
        node: {
          ip: null,
          actor: { kind: 'OPERATOR', id: null, name: 'Leverantörens personal', email: null },
        },
      },
    ]);
    const csv = await (
      await fetch(`${portal.url}/api/audit-events.csv`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).text();
    expect(csv).toContain('Leverantörens personal');
    for (const secret of [operator.email, operator.name, operator.id, '198.51.100.9'])
      expect(`${JSON.stringify(result)}\n${csv}`).not.toContain(secret);
  });

  it('should export the filtered log as CSV with one row per changed field, quoted and defused', async () => {
    const { token, company } = await companyWithHistory(4);
    const response = await fetch(`${portal.url}/api/audit-events.csv?kind=site.updated`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="audit-log-/);
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'time,kind,actor,actor_email,subject_type,subject_id,site_id,field,before,after,ip',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('"new, ""3"""');
    const siteAdmin = await buildPerson(portal.dataSource, company, { accessLevel: 'SITE_ADMIN' });
    const forbidden = await fetch(`${portal.url}/api/audit-events.csv`, {
      headers: { authorization: `Bearer ${await tokenFor(portal.dataSource, siteAdmin)}` },
    });
    expect(forbidden.status).toBe(403);
    expect((await fetch(`${portal.url}/api/audit-events.csv`)).status).toBe(401);
  });
});

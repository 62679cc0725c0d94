import { statementCounter } from '../../bench/statement-counter';
import { hashPassword } from '../../src/accounts/passwords';
import { SessionEntity } from '../../src/accounts/session.entity';
import { buildCompany, buildPerson, tokenFor } from '../factories';
import type { TestPortal } from '../portal';
import { describeOnDialects } from '../support/dialects';

const PASSWORD = 'a long and boring passphrase';
const SIGN_IN = `mutation ($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { token userErrors { code } }
}`;
const MY_SESSIONS = '{ mySessions { id createdAt lastSeenAt userAgent ip current } }';

interface SessionNode {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  ip: string | null;
  current: boolean;
}

/** Signs in from a browser or app that names itself `userAgent`: the session's token. */
async function signInAs(portal: TestPortal, email: string, userAgent: string): Promise<string> {
  const response = await fetch(`${portal.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': userAgent },
    body: JSON.stringify({ query: SIGN_IN, variables: { email, password: PASSWORD } }),
  });
  const body = (await response.json()) as { data: { signIn: { token: string } } };
  return body.data.signIn.token;
}

describeOnDialects('sessions on %s', (suite) => {
  const counter = statementCounter();
  const first = suite.startPortal(
    {},
    {
      mailPollIntervalMs: null,
      billingIntervalMs: null,
      webhookPollIntervalMs: null,
      housekeepingIntervalMs: null,
      databaseLogger: counter.logger,
    },
  );
  // a second server process on the same database
  const second = suite.startPortal(() => ({ DATABASE_URL: first.databaseUrl }));

  async function personWithPassword() {
    const company = await buildCompany(first.dataSource, { billingSetupComplete: true });
    return buildPerson(first.dataSource, company, { passwordHash: await hashPassword(PASSWORD) });
  }

  const sessionsOf = async (portal: TestPortal, token: string) =>
    (await portal.as<{ mySessions: SessionNode[] }>(token, MY_SESSIONS)).data?.mySessions;

  it('should list your sessions newest first, and end one, or all the others, at once on every server process', async () => {
    const person = await personWithPassword();
    const laptop = await signInAs(
      first,
      person.email,
      'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0',
    );
    const phone = await signInAs(first, person.email, 'EntryApp/3.2 (iPhone; iOS 19.1)');
    const tablet = await signInAs(first, person.email, 'Mozilla/5.0 (iPad) Safari/605.1');

    const listed = (await sessionsOf(second, tablet))!;
    expect(listed.map((session) => [session.userAgent, session.ip, session.current])).toEqual([
      ['Mozilla/5.0 (iPad) Safari/605.1', '127.0.0.1', true],
      ['EntryApp/3.2 (iPhone; iOS 19.1)', '127.0.0.1', false],
      ['Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0', '127.0.0.1', false],
    ]);
    const [, phoneSession, laptopSession] = listed;

    // another person's session reads as one that does not exist, and stays alive
    const stranger = await personWithPassword();
    const strangerToken = await tokenFor(first.dataSource, stranger);
    const [strangerSession] = (await sessionsOf(first, strangerToken))!;
    const revokeAs = (portal: TestPortal, token: string, id: string) =>
      portal.as<{ revokeSession: boolean }>(
        token,
        'mutation ($id: ID!) { revokeSession(id: $id) }',
        {
          id,
        },
      );
    expect((await revokeAs(first, tablet, strangerSession!.id)).data).toEqual({
      revokeSession: false,
    });
    expect(await sessionsOf(second, strangerToken)).toHaveLength(1);
    expect((await revokeAs(first, tablet, 'not-an-id')).data).toEqual({ revokeSession: false });

    // ended on one process: refused by the other at the next request
    expect((await revokeAs(first, tablet, laptopSession!.id)).data).toEqual({
      revokeSession: true,
    });
    const refused = await second.as(laptop, MY_SESSIONS);
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect((await revokeAs(first, tablet, laptopSession!.id)).data).toEqual({
      revokeSession: false,
    });
    expect((await sessionsOf(second, phone))!.map((session) => session.id)).not.toContain(
      laptopSession!.id,
    );

    const others = await second.as<{ signOutOtherSessions: number }>(
      tablet,
      'mutation { signOutOtherSessions }',
    );
    expect(others.data).toEqual({ signOutOtherSessions: 1 });
    expect((await first.as(phone, MY_SESSIONS)).errors?.[0]?.extensions?.['code']).toBe(
      'UNAUTHENTICATED',
    );
    expect(phoneSession!.current).toBe(false);
    const left = (await sessionsOf(first, tablet))!;
    expect(left.map((session) => session.current)).toEqual([true]);

    // ending the current one signs this browser out too
    const own = await fetch(`${first.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tablet}` },
      body: JSON.stringify({
        query: 'mutation ($id: ID!) { revokeSession(id: $id) }',
        variables: { id: left[0]!.id },
      }),
    });
    expect(await own.json()).toEqual({ data: { revokeSession: true } });
    expect(own.headers.get('set-cookie')).toMatch(/^portal_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await second.as(tablet, MY_SESSIONS)).errors?.[0]?.extensions?.['code']).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('should write lastSeenAt at most once a minute, with a conditional UPDATE', async () => {
    const person = await personWithPassword();
    const token = await tokenFor(first.dataSource, person);
    const sessions = first.dataSource.getRepository(SessionEntity);
    const { id } = await sessions.findOneByOrFail({ personId: person.id });
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await sessions.update({ id }, { lastSeenAt: twoMinutesAgo });

    const sessionWrites = (statements: string[]) =>
      statements.filter((sql) => /^UPDATE\W+session\W/i.test(sql));
    const stale = await counter.count(() => first.as(token, '{ me { id } }'));
    expect(sessionWrites(stale.statements)).toHaveLength(1);
    expect(sessionWrites(stale.statements)[0]).toMatch(/lastSeenAt\W* < /);
    const touched = (await sessions.findOneByOrFail({ id })).lastSeenAt;
    expect(touched.getTime()).toBeGreaterThan(twoMinutesAgo.getTime() + 60_000);

    const fresh = await counter.count(() => first.as(token, '{ me { id } }'));
    expect(sessionWrites(fresh.statements)).toEqual([]);
    expect((await sessions.findOneByOrFail({ id })).lastSeenAt).toEqual(touched);
  });
});

import { testDialects } from '../../test/databases';
import { buildCompany, buildPerson } from '../../test/factories';
import { startTestPortal, type TestPortal } from '../../test/portal';
import { UserInputProblem } from '../common/user-errors';
import { inTransaction } from '../database/transaction';
import { OneTimeTokenEntity, OneTimeTokenKind } from './one-time-token.entity';
import {
  findUsableOneTimeToken,
  issueOneTimeToken,
  useOneTimeToken,
  voidOneTimeTokens,
} from './one-time-tokens';

const HOUR = 60 * 60 * 1000;
const { INVITATION, PASSWORD_RESET } = OneTimeTokenKind;

describe.each(testDialects())('one-time tokens on %s', (dialect) => {
  // a portal for its seeded database (a person's access level is a row)
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await startTestPortal(dialect);
  });
  afterAll(async () => {
    await portal?.close();
  });

  const personId = async () =>
    (await buildPerson(portal.dataSource, await buildCompany(portal.dataSource))).id;
  const issue = (person: string, kind = PASSWORD_RESET, now = new Date()) =>
    issueOneTimeToken(portal.dataSource.manager, person, kind, HOUR, now);
  const find = (token: string, kind = PASSWORD_RESET, now = new Date()) =>
    findUsableOneTimeToken(portal.dataSource.manager, kind, token, now);

  it('should store only the hash and find the token by its secret', async () => {
    const person = await personId();
    const token = await issue(person);
    const stored = await portal.dataSource
      .getRepository(OneTimeTokenEntity)
      .findOneByOrFail({ personId: person });
    expect(stored.tokenHash).not.toContain(token);
    expect((await find(token))?.id).toBe(stored.id);
  });

  it('should not find a token of another kind or an unknown secret', async () => {
    const token = await issue(await personId(), INVITATION);
    expect(await find(token, PASSWORD_RESET)).toBeNull();
    expect(await find('not-a-token', INVITATION)).toBeNull();
  });

  it('should not find a token once it has expired', async () => {
    const issuedAt = new Date('2026-01-01T10:00:00Z');
    const token = await issue(await personId(), PASSWORD_RESET, issuedAt);
    expect(
      await find(token, PASSWORD_RESET, new Date(issuedAt.getTime() + HOUR - 1)),
    ).not.toBeNull();
    expect(await find(token, PASSWORD_RESET, new Date(issuedAt.getTime() + HOUR))).toBeNull();
  });

  it('should let a token be used once only', async () => {
    const token = await issue(await personId());
    const found = (await find(token))!;
    await inTransaction(portal.dataSource, (manager) =>
      useOneTimeToken(manager, found, new Date()),
    );
    expect(await find(token)).toBeNull();
    // a second request that found the token before the first used it loses
    await expect(
      inTransaction(portal.dataSource, (manager) => useOneTimeToken(manager, found, new Date())),
    ).rejects.toBeInstanceOf(UserInputProblem);
  });

  it('should void the older tokens of the same kind when a new one is issued, and only those', async () => {
    const person = await personId();
    const older = await issue(person);
    const invitation = await issue(person, INVITATION);
    const newer = await issue(person);
    expect(await find(older)).toBeNull();
    expect(await find(newer)).not.toBeNull();
    expect(await find(invitation, INVITATION)).not.toBeNull();
    await voidOneTimeTokens(portal.dataSource.manager, person, INVITATION, new Date());
    expect(await find(invitation, INVITATION)).toBeNull();
  });
});

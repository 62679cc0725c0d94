import { hashPassword } from '../../src/accounts/passwords';
import { ACCOUNT_FREE_FAILURES } from '../../src/accounts/sign-in-throttle';
import { testDialects } from '../databases';
import { buildCompany, buildPerson } from '../factories';
import { gqlFrom } from '../support/client-address';
import { buildWorld, type World } from '../support/world';
import { startTestPortal, type TestPortal } from '../portal';

const USER_ERROR = 'field code message params { name value }';
const CREATE_SITE = `mutation ($input: SiteInput!) {
  createSite(input: $input) { site { id } userErrors { ${USER_ERROR} } }
}`;
const SIGN_IN = `mutation ($email: String!, $password: String!) {
  signIn(email: $email, password: $password) { token userErrors { ${USER_ERROR} } }
}`;
interface UserErrorWithParams {
  field: string[] | null;
  code: string;
  message: string;
  params: Array<{ name: string; value: string }>;
}

describe.each(testDialects())('userError params on %s', (dialect) => {
  let portal: TestPortal;
  let world: World;
  beforeAll(async () => {
    portal = await startTestPortal(dialect);
    world = await buildWorld(portal.dataSource);
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('should give the limit as params.max when a field is too long', async () => {
    const response = await portal.gql<{ createSite: { userErrors: UserErrorWithParams[] } }>(
      CREATE_SITE,
      { input: { name: 'x'.repeat(201) } },
      { token: world.tokens.paymentAdmin },
    );
    expect(response.data!.createSite.userErrors).toEqual([
      {
        field: ['input', 'name'],
        code: 'TOO_LONG',
        message: 'Use at most 200 characters.',
        params: [{ name: 'max', value: '200' }],
      },
    ]);
  });

  it('should give the wait as params.minutes when sign-in is throttled', async () => {
    const password = 'a long and proper passphrase';
    const company = await buildCompany(portal.dataSource);
    const { email } = await buildPerson(portal.dataSource, company, {
      passwordHash: await hashPassword(password),
    });
    const from = (n: number) => `127.3.0.${n + 2}`;
    for (let i = 0; i < ACCOUNT_FREE_FAILURES; i++)
      await gqlFrom(portal.url, from(i), SIGN_IN, { email, password: `guess ${i}` });

    const throttled = await gqlFrom<{ signIn: { userErrors: UserErrorWithParams[] } }>(
      portal.url,
      from(ACCOUNT_FREE_FAILURES),
      SIGN_IN,
      { email, password },
    );
    expect(throttled.data!.signIn.userErrors).toEqual([
      expect.objectContaining({ code: 'THROTTLED', params: [{ name: 'minutes', value: '1' }] }),
    ]);
  });
});

import { isObjectType } from 'graphql';
import { buildDeclaredSchema } from '../../src/graphql/schema';
import { describeOnDialects } from '../support/dialects';
import {
  allSites,
  authenticated,
  classify,
  operatorOnly,
  payments,
  publicFor,
  type Expectations,
  type Outcome,
} from './outcomes';
import { buildWorld, PERSONAS, type Persona, type World } from '../support/world';
import { buildEntryUser, buildSite, buildSiteTransfer, tokenFor } from '../factories';
import { SiteTransferStatus } from '../../src/site-transfers/site-transfer.entity';
import { SessionEntity } from '../../src/accounts/session.entity';
import { createApiKey } from '../../src/api-keys/api-keys.service';
import {
  createWebhookEndpoint,
  sendTestWebhook,
} from '../../src/webhooks/webhook-endpoints.service';

interface Row {
  readonly document: string;
  readonly variables?: (world: World) => Promise<Record<string, unknown>> | Record<string, unknown>;
  readonly expect: Expectations;
}

let serial = 0;
const fresh = () => `${Date.now().toString(36)}${(serial++).toString(36)}`;
const GOOD_PASSWORD = 'a perfectly fine passphrase';
const PAYLOAD = '{ userErrors { code } }';

/** Who may not see company A's assignedSite: it reads as not found for them. */
const SITE_HIDDEN = (outcome: Outcome): Partial<Record<Persona, Outcome>> => ({
  operator: outcome,
  siteAdminOfOtherSite: outcome,
  otherCompanyPaymentAdmin: outcome,
});

/**
 * Every Query and Mutation field × every kind of caller, with the exact answer each gets.
 * A new operation without a row here fails the build (see the first test).
 */
const BASE_ROWS: Readonly<Record<string, Row>> = {
  // ---- queries
  me: {
    document: '{ me { id } }',
    expect: publicFor('OK', { anonymous: 'NULL', operator: 'NULL', disabledPerson: 'NULL' }),
  },
  company: { document: '{ company { id } }', expect: authenticated('OK', { operator: 'NULL' }) },
  accessLevels: { document: '{ accessLevels { code } }', expect: publicFor() },
  termsOfService: { document: '{ termsOfService { version } }', expect: publicFor() },
  currentOperator: {
    document: '{ currentOperator { id } }',
    expect: publicFor('NULL', { operator: 'OK' }),
  },
  pendingRegistrations: { document: '{ pendingRegistrations { id } }', expect: operatorOnly() },
  people: { document: '{ people { totalCount } }', expect: allSites() },
  person: {
    document: 'query ($id: ID!) { person(id: $id) { id } }',
    variables: async (w) => ({ id: (await w.newColleague()).id }),
    expect: allSites('OK', 'NULL'),
  },
  auditEvents: { document: '{ auditEvents { totalCount } }', expect: allSites() },

  // ---- accounts
  register: {
    document: `mutation ($input: RegisterInput!) { register(input: $input) ${PAYLOAD} }`,
    variables: () => ({
      input: {
        type: 'INSTALLER',
        country: 'NL',
        companyName: `Matrix ${fresh()}`,
        companyAddress: 'Damrak 1, Amsterdam',
        firstName: 'Jan',
        lastName: 'Jansen',
        email: `jan.${fresh()}@example.com`,
      },
    }),
    expect: publicFor(),
  },
  approveRegistration: {
    document: `mutation ($id: ID!) { approveRegistration(companyId: $id) ${PAYLOAD} }`,
    variables: async (w) => ({ id: (await w.newPendingCompany()).id }),
    expect: operatorOnly(),
  },
  rejectRegistration: {
    document: `mutation ($id: ID!) { rejectRegistration(companyId: $id, reason: "Unknown company") ${PAYLOAD} }`,
    variables: async (w) => ({ id: (await w.newPendingCompany()).id }),
    expect: operatorOnly(),
  },
  signIn: {
    document: `mutation ($email: String!) { signIn(email: $email, password: "not the password") ${PAYLOAD} }`,
    variables: () => ({ email: `nobody.${fresh()}@example.com` }),
    expect: publicFor('USER_ERROR:INVALID_CREDENTIALS'),
  },
  signOut: { document: 'mutation { signOut }', expect: publicFor() },
  changePassword: {
    document: `mutation { changePassword(currentPassword: "certainly wrong", newPassword: "${GOOD_PASSWORD}") ${PAYLOAD} }`,
    expect: authenticated('USER_ERROR:WRONG_PASSWORD'),
  },
  requestPasswordReset: {
    document: 'mutation { requestPasswordReset(email: "someone@example.com") }',
    expect: publicFor(),
  },
  resetPassword: {
    document: `mutation ($token: String!) { resetPassword(token: $token, newPassword: "${GOOD_PASSWORD}") ${PAYLOAD} }`,
    variables: async (w) => ({ token: await w.newResetToken() }),
    expect: publicFor(),
  },
  acceptInvitation: {
    document: `mutation ($token: String!) { acceptInvitation(token: $token, password: "${GOOD_PASSWORD}") ${PAYLOAD} }`,
    variables: async (w) => ({ token: (await w.newInvitee()).token }),
    expect: publicFor(),
  },
  updateMyProfile: {
    document: `mutation { updateMyProfile(input: { firstName: "Renamed" }) ${PAYLOAD} }`,
    expect: authenticated('OK', { operator: 'USER_ERROR:NOT_FOUND' }),
  },

  // ---- people
  invitePerson: {
    document: `mutation ($email: String!) { invitePerson(input: { firstName: "Daisy", lastName: "Burton", email: $email, accessLevel: SYSTEM_ADMIN }) ${PAYLOAD} }`,
    variables: () => ({ email: `daisy.${fresh()}@example.com` }),
    // company B's admin invites into company B: allowed, and nothing of A is touched
    expect: allSites(),
  },
  updatePerson: {
    document: `mutation ($id: ID!) { updatePerson(id: $id, input: { firstName: "Renamed" }) ${PAYLOAD} }`,
    variables: async (w) => ({ id: (await w.newColleague()).id }),
    expect: allSites('OK', 'USER_ERROR:NOT_FOUND'),
  },
  removePerson: {
    document: `mutation ($id: ID!) { removePerson(id: $id) ${PAYLOAD} }`,
    variables: async (w) => ({ id: (await w.newColleague()).id }),
    expect: allSites('OK', 'USER_ERROR:NOT_FOUND'),
  },
  resendInvitation: {
    document: `mutation ($id: ID!) { resendInvitation(id: $id) ${PAYLOAD} }`,
    variables: async (w) => ({ id: (await w.newInvitee()).person.id }),
    expect: allSites('OK', 'USER_ERROR:NOT_FOUND'),
  },
  disablePerson: {
    document: `mutation ($id: ID!) { disablePerson(id: $id) ${PAYLOAD} }`,
    variables: async (w) => ({ id: (await w.newColleague()).id }),
    expect: allSites('OK', 'USER_ERROR:NOT_FOUND'),
  },
  enablePerson: {
    document: `mutation ($id: ID!) { enablePerson(id: $id) ${PAYLOAD} }`,
    variables: async (w) => ({ id: (await w.newColleague()).id }),
    expect: allSites('OK', 'USER_ERROR:NOT_FOUND'),
  },

  // ---- sites and Entry app users (company A's assignedSite belongs to siteAdminAssigned)
  dashboard: { document: '{ dashboard { siteCount } }', expect: authenticated() },
  sites: { document: '{ sites { totalCount } }', expect: authenticated() },
  site: {
    document: 'query ($id: ID!) { site(id: $id) { id } }',
    variables: (w) => ({ id: w.assignedSite.id }),
    expect: authenticated('OK', SITE_HIDDEN('NULL')),
  },
  createSite: {
    document: `mutation ($name: String!) { createSite(input: { name: $name }) ${PAYLOAD} }`,
    variables: () => ({ name: `Matrix site ${fresh()}` }),
    // company B's admin creates in company B
    expect: allSites(),
  },
  updateSite: {
    document: `mutation ($id: ID!, $name: String!) { updateSite(id: $id, input: { name: $name }) ${PAYLOAD} }`,
    variables: (w) => ({ id: w.assignedSite.id, name: `Assigned ${fresh()}` }),
    expect: authenticated('OK', SITE_HIDDEN('USER_ERROR:NOT_FOUND')),
  },
  deactivateSite: {
    document: `mutation ($id: ID!) { deactivateSite(id: $id) ${PAYLOAD} }`,
    variables: async (w) => ({ id: (await w.newSite()).id }),
    expect: allSites('OK', 'USER_ERROR:NOT_FOUND'),
  },
  reactivateSite: {
    document: `mutation ($id: ID!) { reactivateSite(id: $id) ${PAYLOAD} }`,
    variables: async (w) => ({ id: (await w.newSite()).id }),
    expect: allSites('OK', 'USER_ERROR:NOT_FOUND'),
  },
  addEntryUser: {
    document: `mutation ($siteId: ID!, $email: String!) { addEntryUser(siteId: $siteId, input: { firstName: "Åsa", lastName: "Ek", email: $email }) ${PAYLOAD} }`,
    variables: (w) => ({ siteId: w.assignedSite.id, email: `asa.${fresh()}@example.com` }),
    expect: authenticated('OK', SITE_HIDDEN('USER_ERROR:NOT_FOUND')),
  },
  updateEntryUser: {
    document: `mutation ($id: ID!, $email: String!) { updateEntryUser(id: $id, input: { firstName: "Åsa", lastName: "Ek", email: $email }) ${PAYLOAD} }`,
    variables: async (w) => ({
      id: (await buildEntryUser(w.dataSource, w.assignedSite)).id,
      email: `renamed.${fresh()}@example.com`,
    }),
    expect: authenticated('OK', SITE_HIDDEN('USER_ERROR:NOT_FOUND')),
  },
  removeEntryUser: {
    document: `mutation ($id: ID!) { removeEntryUser(id: $id) ${PAYLOAD} }`,
    variables: async (w) => ({ id: (await buildEntryUser(w.dataSource, w.assignedSite)).id }),
    expect: authenticated('OK', SITE_HIDDEN('USER_ERROR:NOT_FOUND')),
  },
  previewEntryUserImport: {
    document: `mutation ($siteId: ID!) { previewEntryUserImport(siteId: $siteId, csv: "first_name,last_name,email\\nÅsa,Ek,asa@example.com") ${PAYLOAD} }`,
    variables: (w) => ({ siteId: w.assignedSite.id }),
    expect: authenticated('OK', SITE_HIDDEN('USER_ERROR:NOT_FOUND')),
  },
  importEntryUsers: {
    document: `mutation ($siteId: ID!, $csv: String!) { importEntryUsers(siteId: $siteId, csv: $csv) ${PAYLOAD} }`,
    variables: (w) => ({
      siteId: w.assignedSite.id,
      csv: `first_name,last_name,email\nÅsa,Ek,asa.${fresh()}@example.com\n`,
    }),
    expect: authenticated('OK', SITE_HIDDEN('USER_ERROR:NOT_FOUND')),
  },
};

const BILLING_ROWS: Readonly<Record<string, Row>> = {
  invoice: {
    document: 'query ($id: ID!) { invoice(id: $id) { id } }',
    variables: async (w) => ({ id: (await w.newInvoice()).id }),
    expect: payments('OK', 'NULL'),
  },
  completeBillingSetup: {
    document: `mutation { completeBillingSetup(input: { acceptTermsVersion: "x", paymentMethod: MANUAL }) ${PAYLOAD} }`,
    // both companies finished their setup already: the answer proves the call got past @auth
    expect: payments('USER_ERROR:INVALID_STATE'),
  },
  updatePaymentMethod: {
    document: `mutation { updatePaymentMethod(paymentMethod: MANUAL) ${PAYLOAD} }`,
    expect: payments(),
  },
  updateBillingDetails: {
    document: `mutation { updateBillingDetails(input: { billingEmails: ["ap@example.com"], purchaseOrderNumber: "PO-1" }) ${PAYLOAD} }`,
    expect: payments(),
  },
  createCardSetup: { document: `mutation { createCardSetup ${PAYLOAD} }`, expect: payments() },
  payInvoice: {
    document: `mutation ($id: ID!) { payInvoice(id: $id, paymentMethodToken: "pm_card_visa") ${PAYLOAD} }`,
    variables: async (w) => ({ id: (await w.newInvoice()).id }),
    expect: payments('OK', 'USER_ERROR:NOT_FOUND'),
  },
  runBilling: {
    document: `mutation { runBilling(period: "2020-01") ${PAYLOAD} }`,
    expect: operatorOnly(),
  },
  paymentDiscrepancies: {
    document: '{ paymentDiscrepancies { id } }',
    expect: operatorOnly(),
  },
  markPaymentDiscrepancyReviewed: {
    document: `mutation { markPaymentDiscrepancyReviewed(id: "00000000-0000-0000-0000-000000000000") ${PAYLOAD} }`,
    expect: operatorOnly('USER_ERROR:NOT_FOUND'),
  },
};

/** Every row: a new Query or Mutation field without one fails the first test. */
/** A live key of company A, made by its payment admin, for the rows that change one. */
async function newApiKey(w: World): Promise<{ id: string }> {
  const viewer = {
    kind: 'person' as const,
    person: w.people.paymentAdmin,
    company: w.company,
    mustEnrollMfa: false,
  };
  const { apiKey } = await createApiKey(
    w.dataSource,
    viewer,
    { name: `Matrix key ${fresh()}`, scopes: ['SITES_READ'] },
    { viewer, ip: null },
  );
  return { id: apiKey.id };
}

const API_KEY_ROWS: Readonly<Record<string, Row>> = {
  apiKeys: { document: '{ apiKeys { totalCount } }', expect: allSites() },
  createApiKey: {
    document: `mutation { createApiKey(input: { name: "Matrix", scopes: [SITES_READ] }) ${PAYLOAD} }`,
    expect: allSites(),
  },
  rotateApiKey: {
    document: `mutation ($id: ID!) { rotateApiKey(id: $id) ${PAYLOAD} }`,
    variables: newApiKey,
    expect: allSites('OK', 'USER_ERROR:NOT_FOUND'),
  },
  revokeApiKey: {
    document: `mutation ($id: ID!) { revokeApiKey(id: $id) ${PAYLOAD} }`,
    variables: newApiKey,
    expect: allSites('OK', 'USER_ERROR:NOT_FOUND'),
  },
};

const MATRIX_HOOK_URL = 'https://hooks.example.com/matrix';

/** A new endpoint of company A, made by its payment admin (the delete row takes one each). */
async function newWebhookEndpoint(w: World): Promise<{ id: string }> {
  const viewer = {
    kind: 'person' as const,
    person: w.people.paymentAdmin,
    company: w.company,
    mustEnrollMfa: false,
  };
  const { endpoint } = await createWebhookEndpoint(
    w.dataSource,
    viewer,
    { url: MATRIX_HOOK_URL, events: ['SITE_CREATED'] },
    { allowPrivate: false, requireHttps: true },
    { viewer, ip: null },
  );
  return { id: endpoint.id };
}

/**
 * One endpoint of company A and a delivery of it, shared by the rows that leave it in place
 * (a new one per caller would pass the company's cap of endpoints).
 */
const sharedEndpoints = new WeakMap<World, Promise<{ id: string; deliveryId: string }>>();
function sharedWebhookEndpoint(w: World): Promise<{ id: string; deliveryId: string }> {
  let shared = sharedEndpoints.get(w);
  if (!shared) {
    shared = newWebhookEndpoint(w).then(async ({ id }) => {
      const viewer = {
        kind: 'person' as const,
        person: w.people.paymentAdmin,
        company: w.company,
        mustEnrollMfa: false,
      };
      const delivery = await sendTestWebhook(w.dataSource, viewer, id);
      return { id, deliveryId: delivery.id };
    });
    sharedEndpoints.set(w, shared);
  }
  return shared;
}

const WEBHOOK_ROWS: Readonly<Record<string, Row>> = {
  webhookEndpoints: {
    document: '{ webhookEndpoints { id deliveries { totalCount } } }',
    expect: allSites(),
  },
  createWebhookEndpoint: {
    document: `mutation { createWebhookEndpoint(input: { url: "${MATRIX_HOOK_URL}", events: [SITE_CREATED] }) ${PAYLOAD} }`,
    expect: allSites(),
  },
  updateWebhookEndpoint: {
    document: `mutation ($id: ID!) { updateWebhookEndpoint(id: $id, input: { url: "${MATRIX_HOOK_URL}", events: [SITE_UPDATED] }) ${PAYLOAD} }`,
    variables: async (w) => ({ id: (await sharedWebhookEndpoint(w)).id }),
    expect: allSites('OK', 'USER_ERROR:NOT_FOUND'),
  },
  deleteWebhookEndpoint: {
    document: `mutation ($id: ID!) { deleteWebhookEndpoint(id: $id) ${PAYLOAD} }`,
    variables: newWebhookEndpoint,
    expect: allSites('OK', 'USER_ERROR:NOT_FOUND'),
  },
  rotateWebhookSecret: {
    document: `mutation ($id: ID!) { rotateWebhookSecret(id: $id) ${PAYLOAD} }`,
    variables: async (w) => ({ id: (await sharedWebhookEndpoint(w)).id }),
    expect: allSites('OK', 'USER_ERROR:NOT_FOUND'),
  },
  sendTestWebhook: {
    document: `mutation ($id: ID!) { sendTestWebhook(id: $id) ${PAYLOAD} }`,
    variables: async (w) => ({ id: (await sharedWebhookEndpoint(w)).id }),
    expect: allSites('OK', 'USER_ERROR:NOT_FOUND'),
  },
  redeliverWebhook: {
    document: `mutation ($id: ID!) { redeliverWebhook(deliveryId: $id) ${PAYLOAD} }`,
    variables: async (w) => ({ id: (await sharedWebhookEndpoint(w)).deliveryId }),
    expect: allSites('OK', 'USER_ERROR:NOT_FOUND'),
  },
};

/**
 * Nobody in the world has two-factor sign-in on, so the rows that need it on answer its state's
 * user error: proof that the call got past @auth.
 */
const ACCOUNT_SECURITY_ROWS: Readonly<Record<string, Row>> = {
  mySessions: { document: '{ mySessions { id current } }', expect: authenticated() },
  revokeSession: {
    // someone else's session: false, as for one that does not exist
    document: 'mutation ($id: ID!) { revokeSession(id: $id) }',
    variables: async (w) => ({ id: (await sessionOf(w)).id }),
    expect: authenticated('OK'),
  },
  signOutOtherSessions: { document: 'mutation { signOutOtherSessions }', expect: authenticated() },
  startTotpEnrollment: {
    document: `mutation { startTotpEnrollment ${PAYLOAD} }`,
    expect: authenticated(),
  },
  confirmTotpEnrollment: {
    document: `mutation { confirmTotpEnrollment(code: "not a code") ${PAYLOAD} }`,
    expect: authenticated('USER_ERROR:INVALID_CODE'),
  },
  disableTotp: {
    document: `mutation { disableTotp(password: "x", code: "123456") ${PAYLOAD} }`,
    expect: authenticated('USER_ERROR:MFA_NOT_ENABLED'),
  },
  regenerateRecoveryCodes: {
    document: `mutation { regenerateRecoveryCodes(code: "123456") ${PAYLOAD} }`,
    expect: authenticated('USER_ERROR:MFA_NOT_ENABLED'),
  },
  verifyMfa: {
    document: `mutation { verifyMfa(challenge: "no such challenge", code: "123456") ${PAYLOAD} }`,
    expect: publicFor('USER_ERROR:MFA_CHALLENGE_EXPIRED'),
  },
  setCompanyMfaRequirement: {
    // false: the company keeps not requiring it, so no later row is limited by it
    document: `mutation { setCompanyMfaRequirement(required: false) ${PAYLOAD} }`,
    expect: payments(),
  },
};

/** A session of another person of company A (never the caller's). */
async function sessionOf(w: World): Promise<{ id: string }> {
  const colleague = await w.newColleague();
  await tokenFor(w.dataSource, colleague);
  return w.dataSource.getRepository(SessionEntity).findOneByOrFail({ personId: colleague.id });
}

/** A pending transfer of a fresh site of company B to company A's payment admin. */
async function incomingTransfer(w: World): Promise<{ id: string }> {
  const site = await buildSite(w.dataSource, w.otherCompany);
  return { id: (await buildSiteTransfer(w.dataSource, site, w.people.paymentAdmin.email)).id };
}

const SITE_TRANSFER_ROWS: Readonly<Record<string, Row>> = {
  siteTransfers: {
    document: '{ siteTransfers(direction: INCOMING) { id } }',
    expect: allSites(),
  },
  allSiteTransfers: { document: '{ allSiteTransfers { totalCount } }', expect: operatorOnly() },
  requestSiteTransfer: {
    document: `mutation ($siteId: ID!, $email: String!) { requestSiteTransfer(input: { siteId: $siteId, recipientEmail: $email }) ${PAYLOAD} }`,
    variables: async (w) => ({ siteId: (await w.newSite()).id, email: `b.${fresh()}@example.com` }),
    expect: allSites('OK', 'USER_ERROR:NOT_FOUND'),
  },
  acceptSiteTransfer: {
    document: `mutation ($id: ID!) { acceptSiteTransfer(id: $id) ${PAYLOAD} }`,
    variables: incomingTransfer,
    expect: allSites('OK', 'USER_ERROR:NOT_FOUND'),
  },
  declineSiteTransfer: {
    document: `mutation ($id: ID!) { declineSiteTransfer(id: $id, reason: "Not ours") ${PAYLOAD} }`,
    variables: incomingTransfer,
    expect: allSites('OK', 'USER_ERROR:NOT_FOUND'),
  },
  cancelSiteTransfer: {
    document: `mutation ($id: ID!) { cancelSiteTransfer(id: $id) ${PAYLOAD} }`,
    variables: async (w) => ({
      id: (await buildSiteTransfer(w.dataSource, await w.newSite(), `b.${fresh()}@example.com`)).id,
    }),
    expect: allSites('OK', 'USER_ERROR:NOT_FOUND'),
  },
  undoSiteTransfer: {
    document: `mutation ($id: ID!) { undoSiteTransfer(id: $id) ${PAYLOAD} }`,
    variables: async (w) => {
      // company A's site, accepted by company B just now
      const site = await buildSite(w.dataSource, w.otherCompany);
      const transfer = await buildSiteTransfer(
        w.dataSource,
        site,
        w.people.otherCompanyPaymentAdmin.email,
        {
          fromCompanyId: w.company.id,
          toCompanyId: w.otherCompany.id,
          status: SiteTransferStatus.ACCEPTED,
          decidedAt: new Date(),
          effectiveDate: new Date().toISOString().slice(0, 10),
        },
      );
      return { id: transfer.id };
    },
    expect: operatorOnly(),
  },
};

const MATRIX: Readonly<Record<string, Row>> = {
  ...BASE_ROWS,
  ...SITE_TRANSFER_ROWS,
  ...ACCOUNT_SECURITY_ROWS,
  ...BILLING_ROWS,
  ...API_KEY_ROWS,
  ...WEBHOOK_ROWS,
};

describe('authorization matrix', () => {
  it('should have a row for every Query and Mutation field of the schema', async () => {
    const schema = await buildDeclaredSchema();
    const operations = ['Query', 'Mutation'].flatMap((name) => {
      const type = schema.getType(name);
      return type && isObjectType(type) ? Object.keys(type.getFields()) : [];
    });
    expect(operations.filter((name) => !(name in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((name) => !operations.includes(name))).toEqual([]);
  });
});

describeOnDialects('authorization matrix on %s', (suite) => {
  const portal = suite.startPortal();
  let world: World;

  beforeAll(async () => {
    world = await buildWorld(portal.dataSource);
  });

  const cases = Object.entries(MATRIX).flatMap(([operation, row]) =>
    PERSONAS.map((persona) => [operation, persona, row.expect[persona]] as const),
  );

  it.each(cases)('%s as %s should answer %s', async (operation, persona, expected) => {
    const row = MATRIX[operation]!;
    const token = await world.freshToken(persona);
    const variables = row.variables ? await row.variables(world) : {};
    const response = await portal.gql(row.document, variables, token ? { token } : {});
    expect(classify(response, operation)).toBe(expected);
  });
});

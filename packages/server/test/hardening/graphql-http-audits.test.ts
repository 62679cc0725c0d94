import { serverAudits, type AuditResult } from 'graphql-http';
import { describeOnDialects } from '../support/dialects';

/**
 * The GraphQL-over-HTTP spec's own audit suite (graphql-http) against the real server. A failing
 * MUST audit is an `error` and fails this test; SHOULD and MAY audits that fail are `warn` and
 * `notice`, printed with their reasons. Known ones: Apollo answers parse, validation and
 * variable errors with 400 under `application/json` (the spec would like 200 there), and GET
 * requests without a preflight header are refused by CSRF prevention.
 */
describeOnDialects('GraphQL over HTTP compliance on %s', (suite) => {
  const portal = suite.startPortal();

  it('should pass every MUST audit of graphql-http', async () => {
    const audits = serverAudits({ url: `${portal.url}/graphql` });
    const results: AuditResult[] = [];
    for (const audit of audits) results.push(await audit.fn());

    const count = (status: AuditResult['status']) =>
      results.filter((result) => result.status === status).length;
    const reasons = results.flatMap((result) =>
      result.status === 'ok' ? [] : [`  ${result.status}: ${result.name} (${result.reason})`],
    );
    console.log(
      `graphql-http serverAudits on ${suite.dialect}: ${results.length} audits, ${count('ok')} ok, ` +
        `${count('error')} errors, ${count('warn')} warnings, ${count('notice')} notices\n` +
        reasons.join('\n'),
    );

    expect(results.length).toBeGreaterThanOrEqual(40);
    const failedMusts = results.filter(
      (result) => result.name.startsWith('MUST') && result.status !== 'ok',
    );
    expect(failedMusts.map((result) => result.name)).toEqual([]);
    expect(count('error')).toBe(0);
  });
});

import { gzipSync } from 'node:zlib';
import { ENTRY_USER_IMPORT_MAX_ROWS } from '@entry/shared';
import { AuditEventEntity } from '../../src/audit/audit-event.entity';
import { rehearseTransactions } from '../../src/database/transaction';
import { EntryUserEntity } from '../../src/sites/entry-user.entity';
import { importEntryUsers } from '../../src/sites/entry-user-import';
import { siteScopeOf } from '../../src/sites/site-scope';
import type { SiteEntity } from '../../src/sites/site.entity';
import { buildEntryUser, buildSite } from '../factories';
import { describeOnDialects } from '../support/dialects';
import { measureRequest, postInChunks } from '../support/event-loop';
import { buildWorld } from '../support/world';

type UserError = { field: string[] | null; code: string; message: string };
type Row = {
  line: number;
  firstName: string;
  lastName: string;
  email: string;
  apartment: string | null;
  valid: boolean;
  problems: UserError[];
};
type Preview = {
  columns: string[];
  rows: Row[];
  totalRows: number;
  validCount: number;
  invalidCount: number;
  userErrors: UserError[];
};

const ROW_FIELDS = 'line firstName lastName email apartment valid problems { field code message }';
const PREVIEW = `mutation ($siteId: ID!, $csv: String!) {
  previewEntryUserImport(siteId: $siteId, csv: $csv) {
    columns rows { ${ROW_FIELDS} } totalRows validCount invalidCount userErrors { field code message }
  }
}`;
const IMPORT = `mutation ($siteId: ID!, $csv: String!) {
  importEntryUsers(siteId: $siteId, csv: $csv) {
    importedCount skipped { ${ROW_FIELDS} } userErrors { field code message }
  }
}`;

function residents(count: number, domain = 'example.com'): string {
  const lines = ['first_name,last_name,email,apartment'];
  for (let i = 1; i <= count; i++) lines.push(`Resident,Number ${i},resident.${i}@${domain},${i}`);
  return `${lines.join('\r\n')}\r\n`;
}

describeOnDialects('Entry app user import and export on %s', (suite) => {
  const portal = suite.startPortal();
  const world = suite.seed(buildWorld);

  const preview = (siteId: string, csv: string, token = world.tokens.paymentAdmin) =>
    portal.as<{ previewEntryUserImport: Preview }>(token, PREVIEW, { siteId, csv });
  const countAt = (site: SiteEntity) =>
    portal.dataSource.getRepository(EntryUserEntity).countBy({ siteId: site.id });
  const freshSite = () => buildSite(portal.dataSource, world.company);

  const rest = (path: string, init: RequestInit & { token?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.token) headers.set('authorization', `Bearer ${init.token}`);
    return fetch(`${portal.url}${path}`, { ...init, headers });
  };
  const upload = (siteId: string, csv: string, token?: string, type = 'text/csv') =>
    rest(`/api/sites/${siteId}/entry-users/import`, {
      method: 'POST',
      body: csv,
      headers: { 'content-type': type },
      token,
    });

  describe('previewEntryUserImport', () => {
    it('should flag every bad row with its line and column and write nothing when the file has bad rows', async () => {
      const site = await freshSite();
      const existing = await buildEntryUser(portal.dataSource, site, {
        email: 'taken@example.com',
      });
      const csv = [
        'first_name,last_name,email,apartment',
        'Åsa,Ekström,asa@example.com,1102', // 2: fine
        ',Berg,anna@example.com,', // 3: no first name
        'Björn,Borg,not-an-email,', // 4: bad email
        'Åsa,Again,ASA@example.com,', // 5: same email as line 2
        `Taken,User,${existing.email.toUpperCase()},`, // 6: a current user's email
        `Long,Flat,long@example.com,${'x'.repeat(51)}`, // 7: apartment too long
        ',,,', // blank: skipped
        'Carl,Larsson,carl@example.com', // 9: fine, no apartment field at all
      ].join('\n');
      const response = await preview(site.id, csv);
      const result = response.data!.previewEntryUserImport;
      expect(result.userErrors).toEqual([]);
      expect(result.columns).toEqual(['first_name', 'last_name', 'email', 'apartment']);
      expect(result).toMatchObject({ totalRows: 7, validCount: 2, invalidCount: 5 });
      const problems = Object.fromEntries(
        result.rows.map((row) => [row.line, row.problems.map((p) => [p.field, p.code])]),
      );
      expect(problems).toEqual({
        2: [],
        3: [[['rows', '3', 'first_name'], 'REQUIRED']],
        4: [[['rows', '4', 'email'], 'INVALID']],
        5: [[['rows', '5', 'email'], 'TAKEN']],
        6: [[['rows', '6', 'email'], 'TAKEN']],
        7: [[['rows', '7', 'apartment'], 'TOO_LONG']],
        9: [],
      });
      const duplicate = result.rows.find((row) => row.line === 5)!.problems[0]!;
      expect(duplicate.message).toBe('This email address is already on line 2 of the file.');
      expect(await countAt(site)).toBe(1);
    });

    it('should read a semicolon-separated file with a byte order mark, quotes and columns in any order', async () => {
      const site = await freshSite();
      const csv =
        '\uFEFFE-mail;Apartment;Last Name;FIRST_NAME\r\n' +
        'lea@example.fr;"12; 2e étage";"Dupont ""Lili""";Léa\r\n' +
        'marc@example.fr;;Martin;"Marc\r\nAndré"\r\n';
      const result = (await preview(site.id, csv)).data!.previewEntryUserImport;
      expect(result.userErrors).toEqual([]);
      expect(result.columns).toEqual(['email', 'apartment', 'last_name', 'first_name']);
      expect(
        result.rows.map(({ line, firstName, lastName, email, apartment, valid }) => ({
          line,
          firstName,
          lastName,
          email,
          apartment,
          valid,
        })),
      ).toEqual([
        {
          line: 2,
          firstName: 'Léa',
          lastName: 'Dupont "Lili"',
          email: 'lea@example.fr',
          apartment: '12; 2e étage',
          valid: true,
        },
        {
          line: 3,
          firstName: 'Marc André',
          lastName: 'Martin',
          email: 'marc@example.fr',
          apartment: null,
          valid: true,
        },
      ]);
    });

    it('should answer MISSING_COLUMN for each required column when the header lacks them', async () => {
      const site = await freshSite();
      const result = (await preview(site.id, 'Anna,Berg,anna@example.com\n')).data!
        .previewEntryUserImport;
      expect(result.rows).toEqual([]);
      expect(result.userErrors.map((error) => [error.field, error.code])).toEqual([
        [['csv', 'first_name'], 'REQUIRED'],
        [['csv', 'last_name'], 'REQUIRED'],
        [['csv', 'email'], 'REQUIRED'],
      ]);
      expect(result.userErrors[2]!.message).toContain('“email”');
    });

    it.each([
      ['an empty file', '', 'The file is empty.'],
      ['an unclosed quote', 'first_name,last_name,email\n"Anna,Berg,a@example.com\n', 'line 2'],
    ])('should answer a file error when the file is %s', async (_label, csv, message) => {
      const site = await freshSite();
      const result = (await preview(site.id, csv)).data!.previewEntryUserImport;
      expect(result.userErrors[0]?.field).toEqual(['csv']);
      expect(result.userErrors[0]?.message).toContain(message);
    });

    it('should answer NOT_FOUND with no rows when a site admin previews for a site not assigned to them', async () => {
      const result = (
        await preview(world.otherSite.id, residents(2), world.tokens.siteAdminAssigned)
      ).data!.previewEntryUserImport;
      expect(result.rows).toEqual([]);
      expect(result.userErrors).toEqual([
        expect.objectContaining({ field: ['siteId'], code: 'NOT_FOUND' }),
      ]);
    });
  });

  describe('importEntryUsers', () => {
    it('should import every valid row, skip the bad ones and write one audit event with the counts', async () => {
      const site = await freshSite();
      const csv = [
        'first_name,last_name,email,apartment',
        'Åsa,Ekström,asa@example.com,1102',
        'Björn,Borg,not-an-email,',
        'Carl,Larsson,carl@example.com,',
        'Carl,Copy,CARL@example.com,',
      ].join('\n');
      const response = await portal.as<{
        importEntryUsers: { importedCount: number; skipped: Row[]; userErrors: UserError[] };
      }>(world.tokens.siteAdminAssigned, IMPORT, {
        siteId: world.assignedSite.id,
        csv: csv.replace(/example/g, `own${suite.dialect}`),
      });
      expect(response.data!.importEntryUsers.userErrors).toEqual([]);
      expect(response.data!.importEntryUsers.importedCount).toBe(2);

      const result = await portal.as<{
        importEntryUsers: { importedCount: number; skipped: Row[]; userErrors: UserError[] };
      }>(world.tokens.paymentAdmin, IMPORT, { siteId: site.id, csv });
      const payload = result.data!.importEntryUsers;
      expect(payload.importedCount).toBe(2);
      expect(payload.skipped.map((row) => row.line)).toEqual([3, 5]);
      const stored = await portal.dataSource
        .getRepository(EntryUserEntity)
        .find({ where: { siteId: site.id }, order: { email: 'ASC' } });
      expect(stored.map((user) => [user.email, user.activeEmail, user.removedAt])).toEqual([
        ['asa@example.com', 'asa@example.com', null],
        ['carl@example.com', 'carl@example.com', null],
      ]);
      const events = await portal.dataSource
        .getRepository(AuditEventEntity)
        .findBy({ siteId: site.id, kind: 'entry_user.imported' });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        actorPersonId: world.people.paymentAdmin.id,
        after: { imported: 2, skipped: 2, rows: 4 },
      });
    });

    it(`should refuse a file of more than ${ENTRY_USER_IMPORT_MAX_ROWS} rows and write nothing`, async () => {
      const site = await freshSite();
      // over GraphQL's 128 KB: such a file goes to the REST route
      const response = await upload(
        site.id,
        residents(ENTRY_USER_IMPORT_MAX_ROWS + 1),
        world.tokens.paymentAdmin,
      );
      expect(response.status).toBe(422);
      expect(((await response.json()) as { userErrors: UserError[] }).userErrors).toEqual([
        {
          field: ['csv'],
          code: 'INVALID',
          message: `The file has more than ${ENTRY_USER_IMPORT_MAX_ROWS} rows. Split it into smaller files.`,
        },
      ]);
      expect(await countAt(site)).toBe(0);
    });

    it('should refuse a file over the GraphQL body limit with 413, pointing at the REST route, and write nothing', async () => {
      const site = await freshSite();
      const response = await portal.as<never>(world.tokens.paymentAdmin, IMPORT, {
        siteId: site.id,
        csv: residents(4000),
      });
      expect(response.status).toBe(413);
      expect(response.errors?.[0]?.message).toContain(
        'POST /api/sites/{siteId}/entry-users/import',
      );
      expect(await countAt(site)).toBe(0);
    });

    it('should write no row at all when the transaction fails after the first batches', async () => {
      const site = await freshSite();
      const csv = residents(1200);
      await expect(
        importEntryUsers(
          portal.dataSource,
          siteScopeOf({
            kind: 'person',
            person: world.people.paymentAdmin,
            company: world.company,
            mustEnrollMfa: false,
          }),
          site.id,
          csv,
          { viewer: null, ip: null },
          {
            onProgress: (processed) => {
              if (processed === 1000) throw new Error('simulated crash after two batches');
            },
          },
        ),
      ).rejects.toThrow('simulated crash');
      expect(await countAt(site)).toBe(0);
      expect(
        await portal.dataSource
          .getRepository(AuditEventEntity)
          .countBy({ siteId: site.id, kind: 'entry_user.imported' }),
      ).toBe(0);
    });

    it('should answer INVALID_STATE and write nothing when the site is deactivated', async () => {
      const site = await buildSite(portal.dataSource, world.company, { active: false });
      const response = await portal.as<{ importEntryUsers: { userErrors: UserError[] } }>(
        world.tokens.paymentAdmin,
        IMPORT,
        { siteId: site.id, csv: residents(2) },
      );
      expect(response.data!.importEntryUsers.userErrors[0]).toMatchObject({
        field: ['siteId'],
        code: 'INVALID_STATE',
      });
      expect(await countAt(site)).toBe(0);
    });

    it.each([
      ['a site admin, on a site not assigned to them', 'siteAdminAssigned', 'otherSite'],
      ['a payment admin of another company', 'otherCompanyPaymentAdmin', 'assignedSite'],
      ['an operator', 'operator', 'assignedSite'],
    ] as const)(
      'should answer NOT_FOUND and write nothing when %s imports',
      async (_label, who, target) => {
        const token = world.tokens[who];
        const before = await countAt(world[target]);
        const response = await portal.as<{
          importEntryUsers: { importedCount: number; userErrors: UserError[] };
        }>(token, IMPORT, { siteId: world[target].id, csv: residents(3, `${who}.example`) });
        expect(response.data!.importEntryUsers).toMatchObject({
          importedCount: 0,
          userErrors: [expect.objectContaining({ field: ['siteId'], code: 'NOT_FOUND' })],
        });
        expect(await countAt(world[target])).toBe(before);
      },
    );
  });

  describe('REST import with progress', () => {
    /** The answer's NDJSON lines, and the `processed` counts of its progress lines in order. */
    const streamed = async (response: Response) => {
      const lines = (await response.text())
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const progress = lines.filter((line) => 'processed' in line).map((line) => line['processed']);
      return { lines, progress };
    };

    it('should stream progress lines, then the outcome, when a payment admin uploads thousands of rows', async () => {
      const site = await freshSite();
      const csv = `${residents(1234)}Bad,Row,nope,\r\n`;
      const response = await upload(site.id, csv, world.tokens.paymentAdmin);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/x-ndjson');
      const { lines, progress } = await streamed(response);
      expect(progress).toEqual([0, 500, 1000, 1235]);
      expect(
        lines.filter((line) => 'processed' in line).every((line) => line['total'] === 1235),
      ).toBe(true);
      const done = lines.at(-1)!;
      expect(done).toMatchObject({ done: true, imported: 1234, userErrors: [] });
      expect((done['skipped'] as Row[]).map((row) => row.line)).toEqual([1236]);
      expect(await countAt(site)).toBe(1234);
    });

    it('should send each progress line once and flag a taken address once when the transaction runs again after a write conflict', async () => {
      const site = await freshSite();
      await buildEntryUser(portal.dataSource, site, { email: 'resident.7@example.com' });
      // MariaDB: the body's first run is rolled back at its end, as a conflict at COMMIT would
      rehearseTransactions(portal.dataSource);
      try {
        const response = await upload(site.id, residents(600), world.tokens.paymentAdmin);
        const { lines, progress } = await streamed(response);
        expect(progress).toEqual([0, 500, 600]);
        const done = lines.at(-1)!;
        expect(done).toMatchObject({ done: true, imported: 599 });
        const skipped = done['skipped'] as Row[];
        expect(skipped.map((row) => [row.line, row.problems.length])).toEqual([[8, 1]]);
        expect(await countAt(site)).toBe(600);
      } finally {
        rehearseTransactions(portal.dataSource, false);
      }
    });

    it('should answer 401 when nobody is signed in', async () => {
      const response = await upload(world.assignedSite.id, residents(1));
      expect(response.status).toBe(401);
    });

    it.each([
      ['a site admin, on a site not assigned to them', 'siteAdminAssigned', 'otherSite'],
      ['a payment admin of another company', 'otherCompanyPaymentAdmin', 'assignedSite'],
      ['an operator', 'operator', 'assignedSite'],
    ] as const)(
      'should answer 404 and write nothing when %s uploads',
      async (_label, who, target) => {
        const token = world.tokens[who];
        const before = await countAt(world[target]);
        const response = await upload(world[target].id, residents(2, 'rest404.example'), token);
        expect(response.status).toBe(404);
        expect(await countAt(world[target])).toBe(before);
      },
    );

    it('should let a site admin upload to a site assigned to them', async () => {
      const response = await upload(
        world.assignedSite.id,
        residents(3, `siteadmin-${suite.dialect}.example`),
        world.tokens.siteAdminAssigned,
      );
      expect(response.status).toBe(200);
      expect((await response.text()).trim().split('\n').at(-1)).toContain('"imported":3');
    });

    it('should answer 422 with the file errors when a column is missing', async () => {
      const site = await freshSite();
      const response = await upload(
        site.id,
        'first_name,email\nAnna,a@example.com\n',
        world.tokens.paymentAdmin,
      );
      expect(response.status).toBe(422);
      const body = (await response.json()) as { userErrors: UserError[] };
      expect(body.userErrors).toEqual([
        expect.objectContaining({ field: ['csv', 'last_name'], code: 'REQUIRED' }),
      ]);
    });

    it("should answer 415 in the person's language when the file comes compressed", async () => {
      const site = await freshSite();
      const response = await rest(`/api/sites/${site.id}/entry-users/import`, {
        method: 'POST',
        body: new Uint8Array(gzipSync(residents(2))),
        headers: { 'content-type': 'text/csv', 'content-encoding': 'gzip' },
        token: world.tokens.paymentAdmin,
      });
      expect(response.status).toBe(415);
      expect(await response.json()).toEqual({
        error: {
          code: 'UNSUPPORTED_MEDIA_TYPE',
          message: 'Send the file uncompressed (no Content-Encoding).',
        },
      });
      expect(await countAt(site)).toBe(0);
    });

    it('should answer 415 when the body is not text/csv', async () => {
      const site = await freshSite();
      const response = await upload(site.id, residents(1), world.tokens.paymentAdmin, 'text/plain');
      expect(response.status).toBe(415);
      expect(await countAt(site)).toBe(0);
    });
  });

  describe('REST preview', () => {
    const previewUpload = (siteId: string, csv: string, token?: string) =>
      rest(`/api/sites/${siteId}/entry-users/import/preview`, {
        method: 'POST',
        body: csv,
        headers: { 'content-type': 'text/csv' },
        token,
      });
    const ndjson = async (response: Response) =>
      (await response.text())
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);

    it('should stream the rows with problems, then the counts, and write nothing when a file has bad rows', async () => {
      const site = await freshSite();
      await buildEntryUser(portal.dataSource, site, { email: 'resident.700@example.com' });
      const csv = `${residents(1200)}Bad,Row,nope,\r\n`;
      const response = await previewUpload(site.id, csv, world.tokens.paymentAdmin);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/x-ndjson');
      const lines = await ndjson(response);
      const rows = lines.flatMap((line) => (line['rows'] as Row[] | undefined) ?? []);
      expect(rows.map((row) => [row.line, row.problems.map((problem) => problem.code)])).toEqual([
        [701, ['TAKEN']],
        [1202, ['INVALID']],
      ]);
      expect(rows[0]!.problems[0]!.message).toBe(
        'An Entry app user of this site already has this email address.',
      );
      expect(lines.at(-1)).toEqual({
        done: true,
        columns: ['first_name', 'last_name', 'email', 'apartment'],
        totalRows: 1201,
        validCount: 1199,
        invalidCount: 2,
        userErrors: [],
      });
      expect(await countAt(site)).toBe(1);
    });

    it('should answer the file problems in the counts line when a column is missing', async () => {
      const site = await freshSite();
      const response = await previewUpload(
        site.id,
        'first_name,email\nAnna,a@example.com\n',
        world.tokens.paymentAdmin,
      );
      expect(response.status).toBe(200);
      expect((await ndjson(response)).at(-1)).toMatchObject({
        done: true,
        totalRows: 0,
        userErrors: [expect.objectContaining({ field: ['csv', 'last_name'], code: 'REQUIRED' })],
      });
    });

    it('should answer 401 when nobody is signed in and 404 for a site the viewer may not see', async () => {
      expect((await previewUpload(world.assignedSite.id, residents(1))).status).toBe(401);
      const response = await previewUpload(
        world.otherSite.id,
        residents(1),
        world.tokens.siteAdminAssigned,
      );
      expect(response.status).toBe(404);
    });
  });

  describe('hostile files', () => {
    const TEN_MB = 10 * 1024 * 1024;
    const HEADER = 'first_name,last_name,email\n';
    /** one quoted field that never ends: the old reader kept it whole, then failed */
    const giantField = Buffer.from(`${HEADER}"${'x'.repeat(TEN_MB - HEADER.length - 10)}`);
    /** some two and a half million rows of three letters: the old reader kept every one */
    const tinyRows = Buffer.from(`${HEADER}${'a,b,c\n'.repeat((TEN_MB - HEADER.length) / 6)}`);
    const route = (kind: 'import' | 'preview', siteId: string) =>
      `${portal.url}/api/sites/${siteId}/entry-users/${kind === 'import' ? 'import' : 'import/preview'}`;
    const send = (kind: 'import' | 'preview', siteId: string, body: Buffer) =>
      postInChunks(route(kind, siteId), body, {
        'content-type': 'text/csv',
        authorization: `Bearer ${world.tokens.paymentAdmin}`,
      });
    /** the file problems of either route: 422 {userErrors} (import) or the counts line (preview) */
    const userErrorsOf = (text: string): UserError[] =>
      (JSON.parse(text.trim().split('\n').at(-1)!) as { userErrors: UserError[] }).userErrors;

    it.each([
      ['import', 'one giant quoted field', giantField, 'ROW_TOO_LARGE'],
      ['preview', 'one giant quoted field', giantField, 'ROW_TOO_LARGE'],
      ['import', 'millions of tiny rows', tinyRows, 'TOO_MANY_ROWS'],
      ['preview', 'millions of tiny rows', tinyRows, 'TOO_MANY_ROWS'],
    ] as const)(
      'should refuse a 10 MB file with %s of %s promptly, with flat memory, writing nothing',
      async (kind, _what, body, reason) => {
        const site = await freshSite();
        const started = performance.now();
        const { result, rssGrowthMb, longestStallMs } = await measureRequest(null, () =>
          send(kind, site.id, body),
        );
        const seconds = (performance.now() - started) / 1000;
        expect(result.status).toBe(kind === 'import' ? 422 : 200);
        const [problem] = userErrorsOf(result.text);
        expect(problem).toMatchObject({ field: ['csv'], code: 'INVALID' });
        expect(problem!.message).toBe(
          reason === 'TOO_MANY_ROWS'
            ? `The file has more than ${ENTRY_USER_IMPORT_MAX_ROWS} rows. Split it into smaller files.`
            : 'The row starting on line 2 is larger than 64 KB. Is a quote left open there?',
        );
        // the old reader: 1 GB and 6 s for such a file
        expect(rssGrowthMb).toBeLessThan(50);
        expect(seconds).toBeLessThan(10);
        expect(longestStallMs).toBeLessThan(300);
        expect(await countAt(site)).toBe(0);
      },
    );

    it.each(['import', 'preview'] as const)(
      "should answer 413 in the person's language when the %s file is over 10 MB, also without Content-Length",
      async (kind) => {
        const site = await freshSite();
        // rows within every other limit, with a long column the import ignores
        const rows = Array.from(
          { length: 17_000 },
          (_, i) => `A,B,r${i}@x.example,${'n'.repeat(600)}`,
        );
        const body = Buffer.from(`first_name,last_name,email,notes\n${rows.join('\n')}\n`);
        expect(body.length).toBeGreaterThan(TEN_MB);
        const headers = {
          'content-type': 'text/csv',
          authorization: `Bearer ${world.tokens.paymentAdmin}`,
        };
        const announced = await postInChunks(route(kind, site.id), body, headers);
        const streamed = await fetch(route(kind, site.id), {
          method: 'POST',
          headers,
          // a stream has no Content-Length: the size is counted as it arrives
          body: new Blob([body]).stream(),
          duplex: 'half',
        } as RequestInit);
        for (const { status, text } of [
          announced,
          { status: streamed.status, text: await streamed.text() },
        ]) {
          expect(status).toBe(413);
          expect(JSON.parse(text)).toEqual({
            error: {
              code: 'PAYLOAD_TOO_LARGE',
              message: 'The file is larger than 10 MB. Split it into smaller files.',
            },
          });
        }
        expect(await countAt(site)).toBe(0);
      },
    );
  });

  describe('CSV export', () => {
    it('should export the current users as an attachment that imports back to the same users', async () => {
      const site = await freshSite();
      await buildEntryUser(portal.dataSource, site, {
        firstName: 'Léa, "Lili"',
        lastName: '=Dupont',
        email: 'lea@example.fr',
        apartment: '12; 2e étage',
      });
      await buildEntryUser(portal.dataSource, site, {
        firstName: 'Marc',
        lastName: 'Martin',
        email: 'marc@example.fr',
        apartment: null,
      });
      await buildEntryUser(portal.dataSource, site, { removedAt: new Date() });
      const response = await rest(`/api/sites/${site.id}/entry-users.csv`, {
        token: world.tokens.systemAdmin,
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename="?entry-users-[a-z0-9-]+\.csv"?$/,
      );
      const bytes = new Uint8Array(await response.arrayBuffer());
      // a byte order mark first, so that Excel reads UTF-8
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes);
      expect(text.split('\r\n')).toEqual([
        'first_name,last_name,email,apartment,move_in_date,move_out_date',
        `"Léa, ""Lili""",'=Dupont,lea@example.fr,"12; 2e étage",,`,
        'Marc,Martin,marc@example.fr,,,',
        '',
      ]);

      const copy = await freshSite();
      const imported = await portal.as<{
        importEntryUsers: { importedCount: number; skipped: Row[] };
      }>(world.tokens.paymentAdmin, IMPORT, { siteId: copy.id, csv: `\uFEFF${text}` });
      expect(imported.data!.importEntryUsers).toEqual({
        importedCount: 2,
        skipped: [],
        userErrors: [],
      });
      const users = await portal.dataSource
        .getRepository(EntryUserEntity)
        .find({ where: { siteId: copy.id }, order: { email: 'ASC' } });
      expect(
        users.map((user) => [user.firstName, user.lastName, user.email, user.apartment]),
      ).toEqual([
        ['Léa, "Lili"', '=Dupont', 'lea@example.fr', '12; 2e étage'],
        ['Marc', 'Martin', 'marc@example.fr', null],
      ]);
    });

    it('should export in batches when a site has more users than one batch', async () => {
      const site = await freshSite();
      await upload(site.id, residents(2100, 'batch.example'), world.tokens.paymentAdmin).then((r) =>
        r.text(),
      );
      const response = await rest(`/api/sites/${site.id}/entry-users.csv`, {
        token: world.tokens.paymentAdmin,
      });
      const lines = (await response.text()).trim().split('\r\n');
      expect(lines).toHaveLength(2101);
      expect(new Set(lines).size).toBe(2101);
    });

    it('should answer 401 when nobody is signed in and 404 for a site the viewer may not see', async () => {
      expect((await rest(`/api/sites/${world.assignedSite.id}/entry-users.csv`)).status).toBe(401);
      for (const [token, site] of [
        [world.tokens.siteAdminAssigned, world.otherSite],
        [world.tokens.otherCompanyPaymentAdmin, world.assignedSite],
        [world.tokens.operator, world.assignedSite],
        [world.tokens.paymentAdmin, { id: 'not-an-id' }],
      ] as const) {
        const response = await rest(`/api/sites/${site.id}/entry-users.csv`, { token });
        expect([site.id, response.status]).toEqual([site.id, 404]);
      }
    });

    it('should serve the template to anyone, and the template should preview as one valid row', async () => {
      const response = await rest('/api/entry-users-template.csv');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toContain('attachment');
      const template = await response.text();
      expect(template.split('\r\n')[0]).toBe(
        'first_name,last_name,email,apartment,move_in_date,move_out_date',
      );
      const site = await freshSite();
      const result = (await preview(site.id, template)).data!.previewEntryUserImport;
      expect(result).toMatchObject({ totalRows: 1, validCount: 1, userErrors: [] });
    });
  });
});

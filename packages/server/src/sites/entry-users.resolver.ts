import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { ApiScope, EntryUserStatus, Permission, type FieldProblem } from '@entry/shared';
import type { AuditActor } from '../audit/audit.service';
import { assertViewerMayGrow } from '../auth/billing-gate';
import { Actor } from '../auth/decorators';
import { Auth } from '../graphql/auth.directive';
import type { Context } from '../graphql/context';
import { DeletePayload } from '../people/people.types';
import type { EntryUserEntity } from './entry-user.entity';
import { importEntryUsers, previewEntryUserImport } from './entry-user-import';
import { importRowOf } from './entry-user-import-row';
import { addEntryUser, removeEntryUser, updateEntryUser } from './entry-users.service';
import { entryUserStatus } from './move-dates';
import { attempt, payload, toUserErrors } from '../common/user-errors';
import { siteScopeOf } from './site-scope';
import {
  EntryUserImportPayload,
  EntryUserImportPreview,
  EntryUserInput,
  EntryUserObject,
  EntryUserPayload,
} from './site.type';

@Resolver(() => EntryUserObject)
export class EntryUserResolver {
  @FieldResolver(() => Boolean, { description: 'false once removed (status REMOVED)' })
  active(@Root() user: EntryUserEntity): boolean {
    return entryUserStatus(user, new Date()) !== EntryUserStatus.REMOVED;
  }

  @FieldResolver(() => EntryUserStatus)
  status(@Root() user: EntryUserEntity): EntryUserStatus {
    return entryUserStatus(user, new Date());
  }

  @Auth(Permission.AUTHENTICATED, { scopes: [ApiScope.SITES_WRITE] })
  @Mutation(() => EntryUserPayload, { description: 'site admins: only on their own sites' })
  async addEntryUser(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('input', () => EntryUserInput) input: EntryUserInput,
    @Ctx() ctx: Context,
    @Actor() actor: AuditActor,
  ): Promise<EntryUserPayload> {
    assertViewerMayGrow(ctx.viewer);
    return payload(ctx.locale, 'entryUser', () =>
      addEntryUser(ctx.dataSource, siteScopeOf(ctx.viewer), siteId, input, actor),
    );
  }

  @Auth(Permission.AUTHENTICATED, { scopes: [ApiScope.SITES_WRITE] })
  @Mutation(() => EntryUserPayload, {
    description: 'edits a current Entry app user; site admins: only on their own sites',
  })
  async updateEntryUser(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => EntryUserInput) input: EntryUserInput,
    @Ctx() ctx: Context,
    @Actor() actor: AuditActor,
  ): Promise<EntryUserPayload> {
    return payload(ctx.locale, 'entryUser', () =>
      updateEntryUser(ctx.dataSource, siteScopeOf(ctx.viewer), id, input, actor),
    );
  }

  @Auth(Permission.AUTHENTICATED, { scopes: [ApiScope.SITES_WRITE] })
  @Mutation(() => DeletePayload, {
    description:
      'billing counts the user until today included; the record stays as billing history',
  })
  async removeEntryUser(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Actor() actor: AuditActor,
  ): Promise<DeletePayload> {
    return payload(ctx.locale, 'deletedId', () =>
      removeEntryUser(ctx.dataSource, siteScopeOf(ctx.viewer), id, actor),
    );
  }

  @Auth(Permission.AUTHENTICATED, { scopes: [ApiScope.SITES_WRITE] })
  @Mutation(() => EntryUserImportPreview, {
    description:
      'reads a CSV file of Entry app users (columns first_name, last_name, email, apartment, move_in_date, move_out_date) and says what importing it would do; writes nothing. The request may be at most 128 KB (about a thousand rows): larger files go to POST /api/sites/{siteId}/entry-users/import/preview',
  })
  async previewEntryUserImport(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('csv') csv: string,
    @Ctx() ctx: Context,
  ): Promise<EntryUserImportPreview> {
    const { read, siteProblems } = await previewEntryUserImport(
      ctx.dataSource,
      siteScopeOf(ctx.viewer),
      siteId,
      csv,
    );
    const rows = read.rows.map((row) => importRowOf(row, ctx.locale));
    const validCount = rows.filter((row) => row.valid).length;
    const problems: FieldProblem[] = [...siteProblems, ...read.problems];
    return {
      columns: read.columns,
      rows,
      totalRows: rows.length,
      validCount,
      invalidCount: rows.length - validCount,
      userErrors: toUserErrors(problems, ctx.locale),
    };
  }

  @Auth(Permission.AUTHENTICATED, { scopes: [ApiScope.SITES_WRITE] })
  @Mutation(() => EntryUserImportPayload, {
    description:
      'imports every valid row of the CSV file in one transaction (all or nothing) and returns the rows skipped. The request may be at most 128 KB (about a thousand rows): larger files, up to 20,000 rows and 10 MB, and a progress bar, go to POST /api/sites/{siteId}/entry-users/import',
  })
  async importEntryUsers(
    @Arg('siteId', () => ID) siteId: string,
    @Arg('csv') csv: string,
    @Ctx() ctx: Context,
    @Actor() actor: AuditActor,
  ): Promise<EntryUserImportPayload> {
    assertViewerMayGrow(ctx.viewer);
    const { value, userErrors } = await attempt(ctx.locale, () =>
      importEntryUsers(ctx.dataSource, siteScopeOf(ctx.viewer), siteId, csv, actor),
    );
    return {
      importedCount: value?.imported ?? 0,
      skipped: value?.skipped.map((row) => importRowOf(row, ctx.locale)) ?? [],
      userErrors,
    };
  }
}

import express from 'express';
import { In } from 'typeorm';
import { Permission } from '@entry/shared';
import { applyKeyset, encodeCursor } from '../common/connection';
import { csvRow } from '../common/csv';
import type { AuditEventEntity } from './audit-event.entity';
import type { ContextDeps } from '../graphql/context';
import { requirePermission, restContext } from '../http/rest-auth';
import { PersonEntity } from '../people/person.entity';
import { auditQuery, type AuditFilter } from './audit-list';
import { ApiKeyEntity } from '../api-keys/api-key.entity';
import { auditActor, auditChanges, auditIp } from './audit-presenter';

const BATCH = 1000;
const HEADER = [
  'time',
  'kind',
  'actor',
  'actor_email',
  'subject_type',
  'subject_id',
  'site_id',
  'field',
  'before',
  'after',
  'ip',
];

function filterOf(query: express.Request['query']): AuditFilter {
  const text = (name: string) =>
    typeof query[name] === 'string' && query[name] ? (query[name] as string) : null;
  const date = (name: string) => {
    const value = text(name);
    const parsed = value ? new Date(value) : null;
    return parsed && !Number.isNaN(parsed.getTime()) ? parsed : null;
  };
  return {
    personId: text('personId'),
    siteId: text('siteId'),
    kind: text('kind'),
    from: date('from'),
    to: date('to'),
  };
}

/**
 * GET /api/audit-events.csv?personId=&siteId=&kind=&from=&to= : the filtered audit log, one row
 * per changed field, streamed in batches so a long history never sits in memory.
 */
export function auditExportRouter(deps: ContextDeps): express.Router {
  const router = express.Router();
  router.get(
    '/audit-events.csv',
    requirePermission(deps, Permission.ALL_SITES, 'GET /api/audit-events.csv'),
    async (req, res, next) => {
      try {
        const context = restContext(res);
        if (context.viewer?.kind !== 'person')
          throw new Error('audit export without a person viewer');
        const companyId = context.viewer.company.id;
        const filter = filterOf(req.query);
        // a company's own log: its people see the vendor's staff only as "Vendor staff"
        const audience = { operator: false, locale: context.locale };
        res.setHeader('Content-Type', 'text/csv; charset=utf-8');
        res.setHeader(
          'Content-Disposition',
          `attachment; filename="audit-log-${new Date().toISOString().slice(0, 10)}.csv"`,
        );
        res.write('\uFEFF' + csvRow(HEADER));
        let after: string | null = null;
        for (;;) {
          const batch: AuditEventEntity[] = await applyKeyset(
            auditQuery(deps.dataSource, companyId, filter),
            'event.createdAt',
            'event.id',
            after,
            BATCH,
            context.locale,
            {
              direction: 'DESC',
              sortKey: 'datetime',
            },
          ).getMany();
          const events = batch.slice(0, BATCH);
          const last = events.at(-1);
          after = last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null;
          const personIds = [
            ...new Set(
              events.map((event) => event.actorPersonId).filter((id): id is string => !!id),
            ),
          ];
          const people = personIds.length
            ? await deps.dataSource.getRepository(PersonEntity).findBy({ id: In(personIds) })
            : [];
          const peopleById = new Map(people.map((person) => [person.id, person]));
          const apiKeyIds = [
            ...new Set(
              events.map((event) => event.actorApiKeyId).filter((id): id is string => !!id),
            ),
          ];
          const apiKeys = apiKeyIds.length
            ? await deps.dataSource.getRepository(ApiKeyEntity).findBy({ id: In(apiKeyIds) })
            : [];
          const apiKeysById = new Map(apiKeys.map((key) => [key.id, key]));
          for (const event of events) {
            const actor = auditActor(
              event,
              {
                person: event.actorPersonId ? peopleById.get(event.actorPersonId) : null,
                apiKey: event.actorApiKeyId ? apiKeysById.get(event.actorApiKeyId) : null,
              },
              audience,
            );
            const changes = auditChanges(event);
            const rows = changes.length ? changes : [{ field: null, before: null, after: null }];
            for (const change of rows) {
              res.write(
                csvRow([
                  event.createdAt.toISOString(),
                  event.kind,
                  actor.name,
                  actor.email,
                  event.subjectType,
                  event.subjectId,
                  event.siteId,
                  change.field,
                  change.before,
                  change.after,
                  auditIp(event, audience),
                ]),
              );
            }
          }
          if (batch.length <= BATCH) break;
        }
        res.end();
      } catch (error) {
        next(error);
      }
    },
  );
  return router;
}

import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { resolveLocale } from '@entry/shared';
import { recordAudit } from '../audit/audit.service';
import { paymentAdmins } from '../billing/invoice-mail';
import { CompanyEntity } from '../companies/company.entity';
import { entityRows, queryRows } from '../database/entity-rows';
import { sqlDateTime } from '../database/sql-values';
import { inTransaction } from '../database/transaction';
import { enqueueMail } from '../mail/outbox';
import { mailLinks } from '../mail/mail-links';
import { startPollingLoop } from '../jobs/polling-loop';
import type { Logger } from '../observability/logger';
import { WebhookDeliveryEntity, WebhookDeliveryStatus } from './webhook-delivery.entity';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { failPendingDeliveries } from './webhook-endpoints.service';
import { WebhookMessageEntity } from './webhook-message.entity';
import { WEBHOOK_DISABLE_AFTER_MS, WEBHOOK_MAX_ATTEMPTS, webhookRetryDelay } from './webhook-retry';
import type { WebhookAttemptResult, WebhookSender } from './webhook-sender';
import { signWebhook } from './webhook-signing';

export interface WebhookWorkerOptions {
  readonly dataSource: DataSource;
  readonly sender: WebhookSender;
  readonly logger: Logger;
  /** the portal's public URL, for the link in the "endpoint disabled" email */
  readonly publicUrl: string;
  /** how often to look for due deliveries; null: only when drain() is called (tests). Default 500. */
  readonly pollIntervalMs?: number | null;
  /** the clock (tests move it forward to reach a retry or the 3-day limit) */
  readonly now?: () => Date;
  /** deliveries in flight at once, across endpoints */
  readonly concurrency?: number;
  /** deliveries in flight at once to one endpoint, so a slow receiver cannot take every slot */
  readonly perEndpointConcurrency?: number;
  /**
   * How long a claim holds a delivery: longer than the sender's 10 s timeout, so a live worker
   * is never overtaken; a crashed worker's deliveries are attempted again after it.
   */
  readonly leaseMs?: number;
}

export interface WebhookWorker {
  /** Attempts everything due now and resolves with how many deliveries succeeded. */
  drain(): Promise<number>;
  /** Stops polling and waits for the attempts in flight. */
  stop(): Promise<void>;
}

const DEFAULT_POLL_MS = 500;
const DEFAULT_CONCURRENCY = 32;
const DEFAULT_PER_ENDPOINT = 8;
const DEFAULT_LEASE_MS = 60_000;
/** how many rounds of attempts a worker claims ahead (see pass) */
const CLAIM_AHEAD = 3;
/** successes recorded together: one UPDATE for many, instead of a commit per delivery */
const SUCCESS_FLUSH_SIZE = 100;
const EXCERPT_MAX = 500;
/** reads of due deliveries a claim makes when other workers keep winning the rows it picked */
const CLAIM_TRIES = 20;

/** A claimed delivery with what it takes to send it. */
interface ClaimedDelivery {
  readonly delivery: WebhookDeliveryEntity;
  readonly body: string;
  readonly endpoint: WebhookEndpointEntity;
  readonly token: string;
}

/** A copy in random order (Fisher–Yates). */
function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(Math.random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

function isSuccess(result: WebhookAttemptResult): boolean {
  return result.outcome === 'answered' && result.status >= 200 && result.status < 300;
}

/** What the log keeps of an attempt that failed: the answer's start, or why there was none. */
function describeFailure(result: WebhookAttemptResult): string {
  const text =
    result.outcome === 'answered' ? result.excerpt : `${result.reason}: ${result.detail}`;
  return text.slice(0, EXCERPT_MAX);
}

/** The secrets that sign a delivery now: the current one, and the previous during its overlap. */
function signingSecrets(endpoint: WebhookEndpointEntity, now: Date): string[] {
  return endpoint.previousSecret &&
    endpoint.previousSecretExpiresAt &&
    endpoint.previousSecretExpiresAt > now
    ? [endpoint.secret, endpoint.previousSecret]
    : [endpoint.secret];
}

/**
 * Delivers the webhook outbox. Several workers (one per server process) may run at once: a
 * batch of due deliveries is claimed with one conditional UPDATE that writes this claim's token
 * and moves nextAttemptAt to the lease's end, so each attempt is made by one worker, and a
 * crashed worker's deliveries become due again when the lease ends. Outcomes are recorded only
 * under the claim's token. Attempts run `concurrency` at a time, refilled as each ends, so one
 * slow receiver never holds up the others; the mutations that cause events never wait for any.
 */
export function startWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const { dataSource, sender, logger } = options;
  const clock = options.now ?? (() => new Date());
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const perEndpoint = options.perEndpointConcurrency ?? DEFAULT_PER_ENDPOINT;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const pollIntervalMs =
    options.pollIntervalMs === undefined ? DEFAULT_POLL_MS : options.pollIntervalMs;
  const at = (date: Date) => sqlDateTime(dataSource, date);
  // Each statement takes its turn with the portal's transactions (one connection on SQLite).
  const step = <T>(work: (manager: EntityManager) => Promise<T>) => inTransaction(dataSource, work);
  const rows = {
    delivery: entityRows(dataSource, WebhookDeliveryEntity, 'delivery'),
    endpoint: entityRows(dataSource, WebhookEndpointEntity, 'endpoint'),
    message: entityRows(dataSource, WebhookMessageEntity, 'message'),
  };

  // A pass ends between items once stop() is called (`loop` is set below, before any pass runs).
  const stopped = () => loop.stopped;

  /**
   * Claims up to `limit` due deliveries for this worker, at most `room(endpointId)` for each
   * endpoint (a slow receiver's backlog waits behind the others instead of taking every slot);
   * [] when none is due (or other workers won them).
   */
  async function claim(
    limit: number,
    room: (endpointId: string) => number,
  ): Promise<ClaimedDelivery[]> {
    // Another worker may claim the rows this one picked between its read and its UPDATE; then
    // it reads again (in a fresh transaction, so it sees that claim) instead of reporting
    // "nothing due" while deliveries still wait.
    for (let tries = 0; tries < CLAIM_TRIES; tries++) {
      const { picked, claimed } = await claimOnce(limit, room);
      if (picked === 0 || claimed.length > 0) return claimed;
    }
    return [];
  }

  async function claimOnce(
    limit: number,
    room: (endpointId: string) => number,
  ): Promise<{ picked: number; claimed: ClaimedDelivery[] }> {
    const now = clock();
    const token = randomUUID();
    const lease = new Date(now.getTime() + leaseMs);
    return step(async (manager) => {
      const oldest = await manager
        .getRepository(WebhookDeliveryEntity)
        .createQueryBuilder('delivery')
        .select('delivery.id', 'id')
        .addSelect('delivery.endpointId', 'endpointId')
        .where('delivery.status = :pending AND delivery.nextAttemptAt <= :now', {
          pending: WebhookDeliveryStatus.PENDING,
          now: at(now),
        })
        .orderBy('delivery.nextAttemptAt', 'ASC')
        // more than `limit`: some may belong to endpoints that have no room
        .limit(limit * 4)
        .getRawMany<{ id: string; endpointId: string }>();
      // Workers reading at once see the same oldest rows; each takes a random share of them, so
      // their claims mostly miss each other instead of all but one losing the UPDATE below.
      const due = shuffled(oldest);
      const taken = new Map<string, number>();
      const ids: string[] = [];
      for (const row of due) {
        if (ids.length >= limit) break;
        const count = taken.get(row.endpointId) ?? 0;
        if (count >= room(row.endpointId)) continue;
        taken.set(row.endpointId, count + 1);
        ids.push(row.id);
      }
      if (ids.length === 0) return { picked: 0, claimed: [] };
      await manager
        .getRepository(WebhookDeliveryEntity)
        .createQueryBuilder()
        .update()
        .set({
          claimToken: token,
          nextAttemptAt: lease,
          lastAttemptAt: now,
          attempts: () => 'attempts + 1',
        })
        .where('id IN (:...ids) AND status = :pending AND nextAttemptAt <= :now', {
          ids,
          pending: WebhookDeliveryStatus.PENDING,
          now: at(now),
        })
        .execute();
      const claimed = await queryRows(
        manager,
        `SELECT ${rows.delivery.columns}, ${rows.endpoint.columns}, message.body AS messageBody
           FROM ${rows.delivery.from}
           INNER JOIN ${rows.endpoint.from} ON endpoint.id = delivery.endpointId
           INNER JOIN ${rows.message.from} ON message.id = delivery.messageId
          WHERE delivery.claimToken = :token`,
        { token },
      );
      return {
        picked: ids.length,
        claimed: claimed.map((row) => ({
          delivery: rows.delivery.read(row)!,
          endpoint: rows.endpoint.read(row)!,
          body: String(row['messageBody']),
          token,
        })),
      };
    });
  }

  // Successes waiting to be recorded together, by claim token and HTTP status.
  const successes = new Map<string, { token: string; status: number; ids: string[] }>();

  async function flushSuccesses(): Promise<void> {
    const groups = [...successes.values()];
    successes.clear();
    for (const group of groups) {
      await step((manager) =>
        manager
          .getRepository(WebhookDeliveryEntity)
          .createQueryBuilder()
          .update()
          .set({
            status: WebhookDeliveryStatus.SUCCEEDED,
            lastResponseStatus: group.status,
            lastResponseExcerpt: null,
            claimToken: null,
          })
          .where('id IN (:...ids) AND claimToken = :token', { ids: group.ids, token: group.token })
          .execute(),
      );
    }
  }

  async function recordSuccess(claimed: ClaimedDelivery, status: number): Promise<void> {
    const key = `${claimed.token}:${status}`;
    const group = successes.get(key) ?? { token: claimed.token, status, ids: [] };
    group.ids.push(claimed.delivery.id);
    successes.set(key, group);
    if (claimed.endpoint.failingSince) {
      // It answers again: its 3-day clock stops.
      await step((manager) =>
        manager
          .getRepository(WebhookEndpointEntity)
          .update({ id: claimed.endpoint.id }, { failingSince: null }),
      );
    }
    if (group.ids.length >= SUCCESS_FLUSH_SIZE) await flushSuccesses();
  }

  /**
   * Disables an endpoint that has failed for WEBHOOK_DISABLE_AFTER_MS, fails what waits for it,
   * records it in the audit log and emails the company's payment admins, in one transaction; the
   * conditional UPDATE lets only one worker do it.
   */
  async function disableFailingEndpoint(
    endpoint: WebhookEndpointEntity,
    now: Date,
    lastProblem: string,
  ): Promise<void> {
    await step(async (manager) => {
      const { affected } = await manager
        .getRepository(WebhookEndpointEntity)
        .createQueryBuilder()
        .update()
        .set({ enabled: false, disabledForFailingAt: now, updatedAt: now })
        .where('id = :id AND enabled = :enabled', { id: endpoint.id, enabled: true })
        .execute();
      if (affected !== 1) return;
      await failPendingDeliveries(manager, endpoint.id, 'the endpoint was disabled after failing');
      await recordAudit(
        manager,
        { viewer: null, ip: null },
        {
          companyId: endpoint.companyId,
          kind: 'webhook_endpoint.disabled_for_failing',
          subjectType: 'webhook_endpoint',
          subjectId: endpoint.id,
          before: { enabled: true },
          after: { enabled: false, failingSince: endpoint.failingSince?.toISOString() ?? null },
        },
        now,
      );
      const company = await manager
        .getRepository(CompanyEntity)
        .findOneByOrFail({ id: endpoint.companyId });
      for (const person of await paymentAdmins(manager, endpoint.companyId)) {
        await enqueueMail(manager, {
          template: 'webhook-endpoint-disabled',
          to: person.email,
          locale: resolveLocale(person.locale),
          data: {
            firstName: person.firstName,
            companyName: company.name,
            endpointUrl: endpoint.url,
            failingSinceIso: (endpoint.failingSince ?? now).toISOString(),
            lastProblem,
            integrationsUrl: mailLinks(options.publicUrl).integrations,
          },
        });
      }
      logger.warn('webhooks: endpoint disabled after failing for 3 days', {
        endpointId: endpoint.id,
        companyId: endpoint.companyId,
      });
    });
  }

  async function recordFailure(claimed: ClaimedDelivery, result: WebhookAttemptResult) {
    const { delivery, endpoint, token } = claimed;
    const now = clock();
    const givingUp = delivery.attempts >= WEBHOOK_MAX_ATTEMPTS;
    const problem = describeFailure(result);
    await step((manager) =>
      manager
        .getRepository(WebhookDeliveryEntity)
        .createQueryBuilder()
        .update()
        .set({
          status: givingUp ? WebhookDeliveryStatus.FAILED : WebhookDeliveryStatus.PENDING,
          nextAttemptAt: givingUp
            ? now
            : new Date(now.getTime() + webhookRetryDelay(delivery.attempts)),
          lastResponseStatus: result.outcome === 'answered' ? result.status : null,
          lastResponseExcerpt: problem,
          claimToken: null,
        })
        .where('id = :id AND claimToken = :token', { id: delivery.id, token })
        .execute(),
    );
    if (!endpoint.failingSince) {
      await step((manager) =>
        manager
          .getRepository(WebhookEndpointEntity)
          .createQueryBuilder()
          .update()
          .set({ failingSince: now })
          .where('id = :id AND failingSince IS NULL', { id: endpoint.id })
          .execute(),
      );
    } else if (
      endpoint.enabled &&
      now.getTime() - endpoint.failingSince.getTime() >= WEBHOOK_DISABLE_AFTER_MS
    ) {
      await disableFailingEndpoint(endpoint, now, problem);
    }
    logger.warn(
      givingUp ? 'webhooks: gave up on a delivery' : 'webhooks: delivery failed, will retry',
      {
        deliveryId: delivery.id,
        endpointId: endpoint.id,
        attempt: delivery.attempts,
        problem,
      },
    );
  }

  async function deliver(claimed: ClaimedDelivery): Promise<boolean> {
    const now = clock();
    const headers = signWebhook(
      { id: claimed.delivery.messageId, timestamp: now, body: claimed.body },
      signingSecrets(claimed.endpoint, now),
    );
    const result = await sender.post({ url: claimed.endpoint.url, headers, body: claimed.body });
    if (isSuccess(result) && result.outcome === 'answered') {
      await recordSuccess(claimed, result.status);
      return true;
    }
    await recordFailure(claimed, result);
    return false;
  }

  /**
   * One pass: claims batches of due deliveries and sends them, at most `concurrency` at once and
   * `perEndpoint` at once to one endpoint. A worker holds up to CLAIM_AHEAD times that many
   * (the rest wait here, already claimed) and claims again only once what it holds has all been
   * started: one claim per batch rather than one per finished attempt. What it holds is sent
   * well within the lease: at most CLAIM_AHEAD rounds of the sender's 10 s timeout.
   */
  async function pass(): Promise<number> {
    let succeeded = 0;
    const inFlight = new Set<Promise<void>>();
    const busy = new Map<string, number>();
    const waiting = new Map<string, ClaimedDelivery[]>();
    let waitingCount = 0;
    const held = (endpointId: string) =>
      (busy.get(endpointId) ?? 0) + (waiting.get(endpointId)?.length ?? 0);

    const start = (one: ClaimedDelivery) => {
      const endpointId = one.endpoint.id;
      busy.set(endpointId, (busy.get(endpointId) ?? 0) + 1);
      const attempt: Promise<void> = deliver(one)
        .then((ok) => {
          if (ok) succeeded += 1;
        })
        .catch((error: unknown) =>
          logger.error('webhooks: could not record an attempt; it goes again after the lease', {
            deliveryId: one.delivery.id,
            error,
          }),
        )
        .finally(() => {
          inFlight.delete(attempt);
          busy.set(endpointId, (busy.get(endpointId) ?? 1) - 1);
          startWaiting();
        });
      inFlight.add(attempt);
    };
    /** Starts what waits, as far as the limits allow. */
    const startWaiting = () => {
      for (const [endpointId, queue] of waiting) {
        while (
          queue.length &&
          inFlight.size < concurrency &&
          (busy.get(endpointId) ?? 0) < perEndpoint
        ) {
          start(queue.shift()!);
          waitingCount -= 1;
        }
        if (queue.length === 0) waiting.delete(endpointId);
      }
    };

    try {
      while (!stopped()) {
        const room = concurrency * CLAIM_AHEAD - inFlight.size - waitingCount;
        const claimed =
          waitingCount === 0 && room > 0
            ? await claim(room, (endpointId) => perEndpoint * CLAIM_AHEAD - held(endpointId))
            : [];
        for (const one of claimed) {
          const queue = waiting.get(one.endpoint.id) ?? [];
          queue.push(one);
          waiting.set(one.endpoint.id, queue);
        }
        waitingCount += claimed.length;
        startWaiting();
        if (claimed.length === 0 || waitingCount > 0) {
          if (inFlight.size === 0 && waitingCount === 0) break;
          // Wait for an attempt to end, recording what succeeded so far meanwhile. The race is
          // taken before the flush: an attempt that ends during the flush leaves the set, and a
          // race over an empty set would never settle.
          const ended = Promise.race(inFlight);
          await flushSuccesses();
          await ended;
        }
      }
      // stopped: what was claimed but not started goes again after its lease
      await Promise.all(inFlight);
    } finally {
      await flushSuccesses();
    }
    return succeeded;
  }

  const loop = startPollingLoop({ name: 'webhooks', logger, pollIntervalMs, pass });
  return loop;
}

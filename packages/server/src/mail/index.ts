// The email subsystem: templates, the transactional outbox, transports, the worker and the dev
// outbox API. Callers enqueue inside their transaction; main.ts starts the transport and worker.
export { devOutboxRouter } from './dev-outbox.router';
export { devOutboxAccess } from './dev-outbox-access';
export type { DevOutboxMessage, DevOutboxPage, DevOutboxSummary } from './dev-outbox.router';
export { mailLinks } from './mail-links';
export { MailOutboxEntity, MailStatus } from './mail-outbox.entity';
export {
  isMailTemplateName,
  MAIL_TEMPLATE_NAMES,
  renderMail,
  TEMPORARY_PASSWORD_LABELS,
} from './mail-templates';
export type { MailTemplateData, MailTemplateName, RenderedMail } from './mail-templates';
export { createMailTransport, MailDeliveryError } from './mail-transport';
export type { MailTransport, MailTransportOptions, OutgoingMail } from './mail-transport';
export { MAIL_MAX_ATTEMPTS, MAIL_RETRY_DELAYS_MS, startMailWorker } from './mail-worker';
export type { MailWorker, MailWorkerOptions } from './mail-worker';
export { enqueueMail } from './outbox';
export type { MailMessage } from './outbox';

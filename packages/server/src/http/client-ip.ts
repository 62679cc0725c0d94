import type { Request } from 'express';

/** The caller's address as express sees it (honouring `trust proxy` when it is set). */
export function clientIp(req: Request): string {
  return (req.ip ?? req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '').slice(0, 45);
}

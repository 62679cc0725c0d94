import { startTestPortal, type Dialect, type TestPortal } from '../portal';
import { startSmtpCapture, type SmtpCapture } from './smtp-capture';

export interface PortalWithSmtp {
  readonly portal: TestPortal;
  readonly smtp: SmtpCapture;
  /** stops both (the portal first: its mail worker may be talking to the capture) */
  close(): Promise<void>;
}

/**
 * The real server sending its mail to a real SMTP capture, for suites that read what was sent.
 * On a failed start nothing is left running (Jest would not exit).
 */
export async function startPortalWithSmtp(
  dialect: Dialect,
  env: Record<string, string> = {},
): Promise<PortalWithSmtp> {
  const smtp = await startSmtpCapture();
  let portal: TestPortal;
  try {
    portal = await startTestPortal(dialect, { SMTP_URL: smtp.url, ...env });
  } catch (error) {
    await smtp.stop();
    throw error;
  }
  return {
    portal,
    smtp,
    async close() {
      try {
        await portal.close();
      } finally {
        await smtp.stop();
      }
    },
  };
}

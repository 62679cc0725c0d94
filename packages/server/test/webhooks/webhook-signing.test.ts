import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { generateWebhookSecret, signWebhook } from '../../src/webhooks/webhook-signing';

const body = JSON.stringify({
  id: 'evt_01',
  type: 'SITE_CREATED',
  createdAt: '2026-12-06T07:00:00.000Z',
  companyId: 'c1',
  data: { site: { id: 's1', name: 'Kungsgatan 12 – Bjørn’s' } },
});

function verify(secret: string, payload: string, headers: Record<string, string>): unknown {
  return new Webhook(secret).verify(payload, headers);
}

describe('generateWebhookSecret', () => {
  it('should make a whsec_ secret of 32 random bytes when called', () => {
    const secrets = Array.from({ length: 20 }, generateWebhookSecret);
    for (const secret of secrets) {
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(Buffer.from(secret.slice('whsec_'.length), 'base64')).toHaveLength(32);
    }
    expect(new Set(secrets).size).toBe(secrets.length);
  });
});

describe('signWebhook', () => {
  const timestamp = new Date();
  const message = { id: 'evt_01', timestamp, body };

  it('should give the event id and the Unix seconds in the headers when signing', () => {
    const headers = signWebhook(message, [generateWebhookSecret()]);
    expect(headers['webhook-id']).toBe('evt_01');
    expect(headers['webhook-timestamp']).toBe(String(Math.floor(timestamp.getTime() / 1000)));
    expect(headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
  });

  it('should verify with standardwebhooks for every secret when signed with several', () => {
    const secrets = [generateWebhookSecret(), generateWebhookSecret()];
    const headers = signWebhook(message, secrets);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    for (const secret of secrets)
      expect(verify(secret, body, { ...headers })).toEqual(JSON.parse(body));
  });

  it('should fail verification when the body, the timestamp or the secret differs', () => {
    const secret = generateWebhookSecret();
    const headers = { ...signWebhook(message, [secret]) };
    const changedBody = body.replace('Kungsgatan 12', 'Kungsgatan 13');
    expect(() => verify(secret, changedBody, headers)).toThrow(WebhookVerificationError);
    const laterTimestamp = String(Number(headers['webhook-timestamp']) + 1);
    expect(() => verify(secret, body, { ...headers, 'webhook-timestamp': laterTimestamp })).toThrow(
      WebhookVerificationError,
    );
    expect(() => verify(secret, body, { ...headers, 'webhook-id': 'evt_02' })).toThrow(
      WebhookVerificationError,
    );
    expect(() => verify(generateWebhookSecret(), body, headers)).toThrow(WebhookVerificationError);
  });

  it('should sign the same id, time and body the same way on every retry', () => {
    const secret = generateWebhookSecret();
    expect(signWebhook(message, [secret])).toEqual(signWebhook(message, [secret]));
  });

  it('should refuse to sign without a secret', () => {
    expect(() => signWebhook(message, [])).toThrow(/at least one secret/);
  });
});

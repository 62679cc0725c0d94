import { useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { currentLocale } from '../../../app/i18n';
import '../../../components/responsive-table.css';
import type { ProfileSecurityQuery } from '../../../gql/graphql';
import { dateTimeFormat } from '../../../lib/intl-formats';
import { useTranslation } from '../../../lib/useTranslation';
import { RevokeSessionMutation, SignOutOtherSessionsMutation } from '../operations';
import { describeUserAgent } from '../user-agent';

type Session = ProfileSecurityQuery['mySessions'][number];

interface SessionsListProps {
  sessions: readonly Session[];
  /** a session was ended: the list is asked again */
  onChanged: () => void;
}

/**
 * The signed-in person's sessions (newest first, as the server lists them): the device as its
 * user agent says, the IP address, when it signed in and was last active, and a way to end any
 * other one, or all of them at once.
 */
export function SessionsList({ sessions, onChanged }: SessionsListProps) {
  const { t, i18n } = useTranslation('accounts');
  const format = dateTimeFormat(currentLocale(i18n), { dateStyle: 'medium', timeStyle: 'short' });
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  const [revoke] = useMutation(RevokeSessionMutation);
  const [signOutOthers] = useMutation(SignOutOtherSessionsMutation);
  const others = sessions.filter((session) => !session.current).length;

  async function end(which: string, run: () => Promise<string>) {
    setBusy(which);
    try {
      setNotice({ text: await run() });
      onChanged();
    } catch (error) {
      console.error(`Signing out ${which} failed`, error);
      setNotice({ text: t('form.requestFailed'), error: true });
    } finally {
      setBusy(null);
    }
  }

  const deviceOf = (session: Session) => {
    const { browser, system } = describeUserAgent(session.userAgent);
    if (browser && system) return t('sessions.browserOn', { browser, system });
    return browser ?? system ?? t('sessions.unknownDevice');
  };

  return (
    <section aria-labelledby="profile-sessions">
      <h2 id="profile-sessions">{t('sessions.heading')}</h2>
      <p>{t('sessions.intro')}</p>
      {/* a live region that is always there, so what a sign-out did is announced (not a
          role="status" element: that, the browser tests read as something still loading) */}
      <p className={notice?.error ? 'banner banner-error' : undefined} aria-live="polite">
        {notice?.text}
      </p>
      <div className="table-scroll">
        <table className="table responsive-table sessions-table">
          <thead>
            <tr>
              <th scope="col">{t('sessions.device')}</th>
              <th scope="col">{t('sessions.ip')}</th>
              <th scope="col">{t('sessions.created')}</th>
              <th scope="col">{t('sessions.lastSeen')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('sessions.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => {
              const device = deviceOf(session);
              const created = format.format(new Date(session.createdAt));
              return (
                <tr key={session.id}>
                  <th scope="row" data-label={t('sessions.device')}>
                    {device}
                    {session.current && (
                      <>
                        {' '}
                        <span className="session-badge">{t('sessions.thisDevice')}</span>
                      </>
                    )}
                  </th>
                  <td data-label={t('sessions.ip')}>{session.ip ?? t('sessions.unknown')}</td>
                  <td data-label={t('sessions.created')}>{created}</td>
                  <td data-label={t('sessions.lastSeen')}>
                    {format.format(new Date(session.lastSeenAt))}
                  </td>
                  <td>
                    {!session.current && (
                      <button
                        type="button"
                        className="link-button"
                        disabled={busy !== null}
                        aria-label={t('sessions.signOutOf', { device, created })}
                        onClick={() =>
                          void end(session.id, async () => {
                            const { data } = await revoke({ variables: { id: session.id } });
                            return t(
                              data?.revokeSession ? 'sessions.signedOutOne' : 'sessions.gone',
                            );
                          })
                        }
                      >
                        {t('sessions.signOut')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {others > 0 ? (
        <div className="form-actions">
          <button
            type="button"
            className="button button-secondary"
            disabled={busy !== null}
            onClick={() =>
              void end('the other sessions', async () => {
                const { data } = await signOutOthers();
                return t('sessions.signedOutOthers', { count: data?.signOutOtherSessions ?? 0 });
              })
            }
          >
            {t('sessions.signOutOthers')}
          </button>
        </div>
      ) : (
        <p>{t('sessions.onlyThis')}</p>
      )}
    </section>
  );
}

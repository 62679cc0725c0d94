import type { Ref } from 'react';
import { useTranslation } from '../../../lib/useTranslation';
import { currentLocale } from '../../../app/i18n';
import { formatDate } from '../../../lib/intl-formats';
import { personName } from '../format';
import { RowButton } from './ListParts';

export interface ListedEntryUser {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  apartment?: string | null;
  activeFrom: string;
  moveInDate?: string | null;
  moveOutDate?: string | null;
  /** UPCOMING, ACTIVE or REMOVED */
  status: string;
}

interface EntryUsersTableProps {
  siteName: string;
  users: readonly ListedEntryUser[];
  onEdit: (user: ListedEntryUser) => void;
  onRemove: (user: ListedEntryUser) => void;
  ref?: Ref<HTMLTableElement>;
}

/**
 * A site's Entry app users, a row each with edit and remove. Each row's header can take the
 * focus, for "Load more" to move it to the first new user.
 */
export function EntryUsersTable({ siteName, users, onEdit, onRemove, ref }: EntryUsersTableProps) {
  const { t, i18n } = useTranslation('sites');
  const locale = currentLocale(i18n);
  return (
    <div className="table-wrap">
      <table ref={ref} className="table responsive-table users-table">
        <caption className="visually-hidden">
          {t('sites.users.caption', { site: siteName })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('sites.users.name')}</th>
            <th scope="col">{t('sites.users.email')}</th>
            <th scope="col">{t('sites.users.apartment')}</th>
            <th scope="col">{t('sites.users.addedColumn')}</th>
            <th scope="col">{t('sites.users.statusColumn')}</th>
            <th scope="col">{t('sites.users.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <th scope="row" tabIndex={-1} data-label={t('sites.users.name')}>
                {personName(user)}
              </th>
              <td className="break" data-label={t('sites.users.email')}>
                {user.email}
              </td>
              <td data-label={t('sites.users.apartment')}>{user.apartment}</td>
              <td data-label={t('sites.users.addedColumn')}>
                {formatDate(user.activeFrom, locale)}
              </td>
              <td data-label={t('sites.users.statusColumn')}>
                <MoveStatus user={user} locale={locale} />
              </td>
              <td data-label={t('sites.users.actions')}>
                <div className="row-actions">
                  <RowButton
                    label={t('sites.users.edit')}
                    name={personName(user)}
                    onClick={() => onEdit(user)}
                  />
                  <RowButton
                    label={t('sites.users.remove')}
                    name={personName(user)}
                    onClick={() => onRemove(user)}
                  />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Moves in on 1 May 2027", "Moves out on 30 June 2027", "Active" or "Removed". */
function MoveStatus({ user, locale }: { user: ListedEntryUser; locale: string }) {
  const { t } = useTranslation('sites');
  // the days are UTC days: noon keeps them the same day in every time zone
  const day = (value: string) => formatDate(`${value}T12:00:00Z`, locale);
  if (user.status === 'UPCOMING' && user.moveInDate)
    return <>{t('sites.users.movesIn', { date: day(user.moveInDate) })}</>;
  if (user.status === 'REMOVED') return <>{t('sites.users.statusRemoved')}</>;
  if (user.moveOutDate) return <>{t('sites.users.movesOut', { date: day(user.moveOutDate) })}</>;
  return <>{t('sites.users.statusActive')}</>;
}

import type { AccessLevelCode } from '@entry/shared';
import { useTranslation } from '../../../lib/useTranslation';
import { statusLabel } from '../labels';
import { needsSites, type PolicyViewer } from '../people-policy';
import { PersonRowActions } from './PersonRowActions';
import type { Outcome } from './usePersonCommand';

export interface ListedPerson {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  status: string;
  accessLevel: { code: AccessLevelCode; label: string };
  sites: { totalCount: number; edges: readonly { node: { id: string; name: string } }[] };
}

interface PeopleTableProps {
  people: readonly ListedPerson[];
  viewer: PolicyViewer;
  /** a row's command is done (or failed) */
  onDone: (outcome: Outcome) => void;
}

/** The people of the company, a row each with the commands the viewer may use. */
export function PeopleTable({ people, viewer, onDone }: PeopleTableProps) {
  const { t } = useTranslation('people');
  return (
    <table className="table people-table">
      <caption className="visually-hidden">{t('people.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('people.columns.name')}</th>
          <th scope="col">{t('people.columns.email')}</th>
          <th scope="col">{t('people.columns.level')}</th>
          <th scope="col">{t('people.columns.status')}</th>
          <th scope="col">{t('people.columns.sites')}</th>
          <th scope="col">{t('people.columns.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {people.map((person) => (
          <PersonRow key={person.id} person={person} viewer={viewer} onDone={onDone} />
        ))}
      </tbody>
    </table>
  );
}

interface PersonRowProps {
  person: ListedPerson;
  viewer: PolicyViewer;
  onDone: (outcome: Outcome) => void;
}

function PersonRow({ person, viewer, onDone }: PersonRowProps) {
  const { t } = useTranslation('people');
  const name = `${person.firstName} ${person.lastName}`;
  const self = person.id === viewer.id;
  return (
    <tr>
      <th scope="row" className="person-name">
        {name}
        {self && <span className="you"> ({t('people.you')})</span>}
      </th>
      <td data-label={t('people.columns.email')} className="person-email">
        {person.email}
      </td>
      <td data-label={t('people.columns.level')}>{person.accessLevel.label}</td>
      <td data-label={t('people.columns.status')}>
        <span className={`status-badge status-${person.status.toLowerCase()}`}>
          {statusLabel(t, person.status)}
        </span>
      </td>
      <td data-label={t('people.columns.sites')}>
        <SitesCell person={person} />
      </td>
      <td data-label={t('people.columns.actions')}>
        <PersonRowActions person={person} name={name} viewer={viewer} onDone={onDone} />
      </td>
    </tr>
  );
}

/** "All sites" for all-sites levels, else the first few site names and how many more. */
export function SitesCell({ person }: { person: Pick<ListedPerson, 'accessLevel' | 'sites'> }) {
  const { t } = useTranslation('people');
  if (!needsSites(person.accessLevel.code)) return <>{t('people.allSites')}</>;
  const names = person.sites.edges.map(({ node }) => node.name);
  const more = person.sites.totalCount - names.length;
  if (names.length === 0) return <span className="empty">{t('people.noSites')}</span>;
  return (
    <>
      {names.join(', ')}
      {more > 0 && <> {t('people.moreSites', { number: more })}</>}
    </>
  );
}

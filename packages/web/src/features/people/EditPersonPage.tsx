import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Permission } from '@entry/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from '../../lib/useTranslation';
import { Link, useNavigate, useParams } from '../../lib/router';
import { currentLocale } from '../../app/i18n';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorBanner, Loading } from '../../components/QueryStatus';
import { AccessLevelField, useAccessLevelTexts } from './components/AccessLevelField';
import { Breadcrumb } from '../../components/Breadcrumb';
import { NotAllowed } from '../../components/NotAllowed';
import { RequireAccess } from '../../app/RequireAccess';
import { PersonForm, PersonNameFields, PersonSitesField } from './components/PersonForm';
import { siteOption, type SiteLike } from '../sites/site-options';
import { usePersonForm } from './components/usePersonForm';
import {
  EditPersonQuery,
  PERSON_SITES_PAGE,
  PersonSitesPageQuery,
  UpdatePersonMutation,
} from './operations';
import { grantableLevels, needsSites, personActions, type PolicyViewer } from './people-policy';
import type { PeopleNotice } from './people-notice';
import { EDIT_FIELDS, toUpdateInput, validateEdit, type EditValues } from './person-form';
import { statusLabel } from './labels';
import { forbiddenText, requestRefusal } from './request-errors';
import './people.css';

/** /administrator/people/:id — a colleague's names, level and (for site admins) sites. */
export function EditPersonPage() {
  const { t } = useTranslation('people');
  const { id = '' } = useParams();
  return (
    <RequireAccess
      permission={Permission.MANAGE_PEOPLE}
      notAllowed={<NotAllowed heading={t('people.form.editTitle')} />}
    >
      {({ person, level }) =>
        person && level && <EditPerson id={id} viewer={{ id: person.id, level }} />
      }
    </RequireAccess>
  );
}

type LoadedPerson = NonNullable<ReturnType<typeof useEditPersonQuery>['data']>['person'];

function useEditPersonQuery(id: string) {
  // Fresh from the server: a form starts from what is true now.
  return useQuery(EditPersonQuery, {
    variables: { id, sitesFirst: PERSON_SITES_PAGE },
    fetchPolicy: 'network-only',
  });
}

function EditPerson({ id, viewer }: { id: string; viewer: PolicyViewer }) {
  const { t } = useTranslation('people');
  const { data, loading, error, refetch } = useEditPersonQuery(id);
  const person = data?.person ?? null;
  const sites = useAllSitesOf(person);
  usePageTitle(
    person
      ? t('people.form.editHeading', { name: `${person.firstName} ${person.lastName}` })
      : data
        ? t('people.form.notFoundHeading')
        : t('people.form.editTitle'),
  );
  if (loading && !data) return <Loading />;
  if (error || !data)
    return (
      <ErrorBanner error={error} context={`Loading person ${id}`} onRetry={() => void refetch()} />
    );
  if (!person) return <PersonNotFound />;
  if (sites.status === 'loading') return <Loading />;
  if (sites.status === 'error')
    return (
      <ErrorBanner
        error={sites.error}
        context={`Loading the sites of person ${id}`}
        onRetry={sites.retry}
      />
    );
  return <EditPersonForm person={person} sites={sites.sites} viewer={viewer} />;
}

type SitesState =
  | { status: 'loading' }
  | { status: 'ready'; sites: SiteLike[] }
  | { status: 'error'; error: unknown; retry: () => void };

/**
 * A site admin's sites, all of them: saving replaces the whole set, so the form must start from
 * the whole set (a site admin may have any number). The other levels manage every site and have
 * none of their own.
 */
function useAllSitesOf(person: LoadedPerson | null): SitesState {
  const client = useApolloClient();
  const [extra, setExtra] = useState<{
    personId: string;
    sites: SiteLike[];
    done: boolean;
    error?: unknown;
  } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const firstPage = person?.sites;
  const siteAdmin = person ? needsSites(person.accessLevel.code) : false;
  const more = Boolean(siteAdmin && firstPage?.pageInfo.hasNextPage);
  const personId = person?.id ?? null;
  const endCursor = firstPage?.pageInfo.endCursor ?? null;

  useEffect(() => {
    if (!more || !personId) return;
    let cancelled = false;
    void (async () => {
      const collected: SiteLike[] = [];
      let after = endCursor;
      try {
        for (;;) {
          const { data } = await client.query({
            query: PersonSitesPageQuery,
            variables: { id: personId, after, first: PERSON_SITES_PAGE },
            fetchPolicy: 'network-only',
          });
          const page = data?.person?.sites;
          if (!page) throw new Error(`person ${personId} answered without sites`);
          collected.push(...page.edges.map(({ node }) => node));
          if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) break;
          after = page.pageInfo.endCursor;
        }
        if (!cancelled) setExtra({ personId, sites: collected, done: true });
      } catch (error) {
        if (!cancelled) setExtra({ personId, sites: [], done: false, error });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [client, more, personId, endCursor, attempt]);

  if (!person || !firstPage) return { status: 'ready', sites: [] };
  if (!siteAdmin) return { status: 'ready', sites: [] };
  const first = firstPage.edges.map(({ node }) => node);
  if (!more) return { status: 'ready', sites: first };
  if (extra?.personId !== person.id) return { status: 'loading' };
  if (extra.error !== undefined)
    return {
      status: 'error',
      error: extra.error,
      retry: () => {
        setExtra(null);
        setAttempt((count) => count + 1);
      },
    };
  return { status: 'ready', sites: [...first, ...extra.sites] };
}

function PersonNotFound() {
  const { t } = useTranslation('people');
  const { t: listWords } = useTranslation('lists');
  return (
    <article className="page">
      <Breadcrumb parent={t('people.heading')} current={t('people.form.notFoundHeading')} />
      <h1>{t('people.form.notFoundHeading')}</h1>
      <p className="lead">{t('people.form.notFound')}</p>
      <p>
        <Link to="/administrator">{listWords('lists.backToAdministrator')}</Link>
      </p>
    </article>
  );
}

interface EditPersonFormProps {
  person: NonNullable<LoadedPerson>;
  sites: SiteLike[];
  viewer: PolicyViewer;
}

function EditPersonForm({ person, sites, viewer }: EditPersonFormProps) {
  const { t, i18n } = useTranslation('people');
  const { t: listWords } = useTranslation('lists');
  const locale = currentLocale(i18n);
  const navigate = useNavigate();
  const levels = useAccessLevelTexts();
  const deactivated = listWords('lists.combobox.deactivated');
  const [original] = useState<EditValues>(() => ({
    firstName: person.firstName,
    lastName: person.lastName,
    accessLevel: person.accessLevel.code,
    sites: sites.map((site) => siteOption(site, deactivated)),
  }));
  const form = usePersonForm({
    id: 'edit-person',
    fields: EDIT_FIELDS,
    initial: original,
    locale,
    validate: (values: EditValues) => validateEdit(values, original, locale),
  });
  const { values, errors, fieldId, change } = form;
  const [update, { loading }] = useMutation(UpdatePersonMutation);
  const name = `${person.firstName} ${person.lastName}`;
  const actions = personActions(viewer, {
    id: person.id,
    level: person.accessLevel.code,
    status: person.status,
  });
  const offered = grantableLevels(viewer.level);

  async function save() {
    try {
      const { data } = await update({
        variables: { id: person.id, input: toUpdateInput(values, original) },
      });
      const payload = data?.updatePerson;
      if (!payload) throw new Error('updatePerson answered without a payload');
      if (payload.userErrors.length > 0 || !payload.person) {
        form.showUserErrors(payload.userErrors);
        return;
      }
      const notice: PeopleNotice = {
        kind: 'updated',
        name: `${payload.person.firstName} ${payload.person.lastName}`,
      };
      await navigate('/administrator', { state: { notice } });
    } catch (error) {
      console.error(`Updating person ${person.id} failed`, error);
      const refusal = requestRefusal(error);
      form.show({}, [refusal ? forbiddenText(error) : t('form.requestFailed')]);
    }
  }

  const levelReason =
    person.id === viewer.id
      ? t('people.form.ownLevel')
      : t('people.form.paymentAdminLevel', { level: levels.label('PAYMENT_ADMIN') });

  return (
    <article className="page form-page">
      <Breadcrumb parent={t('people.heading')} current={name} />
      <h1>{actions.edit ? t('people.form.editHeading', { name }) : name}</h1>
      <dl className="details person-facts">
        <div>
          <dt>{t('people.form.email')}</dt>
          <dd>{person.email}</dd>
        </div>
        <div>
          <dt>{t('people.columns.status')}</dt>
          <dd>{statusLabel(t, person.status)}</dd>
        </div>
        {!actions.edit && (
          <div>
            <dt>{t('people.form.accessLevel')}</dt>
            <dd>{levels.label(person.accessLevel.code)}</dd>
          </div>
        )}
      </dl>
      {!actions.edit ? (
        <p className="banner banner-info">
          {t('people.form.paymentAdminDetails', { level: levels.label('PAYMENT_ADMIN') })}
        </p>
      ) : (
        <PersonForm
          sending={loading}
          alertRef={form.alertRef}
          formErrors={form.formErrors}
          onSubmit={(event) => form.submit(event, { sending: loading, send: save })}
        >
          <PersonNameFields
            fieldId={fieldId}
            values={values}
            errors={errors}
            onChange={change}
            onLeave={form.recheck}
          />
          {actions.changeLevel ? (
            <AccessLevelField
              id={fieldId('accessLevel')}
              value={values.accessLevel}
              offered={offered}
              error={errors.accessLevel}
              onChange={(level) => {
                if (level) change('accessLevel', level);
              }}
            />
          ) : (
            <div className="field">
              <p className="field-label">{t('people.form.accessLevel')}</p>
              <p className="read-only-value">{levels.label(person.accessLevel.code)}</p>
              <p className="field-hint">{levelReason}</p>
              {errors.accessLevel && (
                <p id={fieldId('accessLevel')} className="field-error" tabIndex={-1}>
                  {errors.accessLevel}
                </p>
              )}
            </div>
          )}
          {needsSites(values.accessLevel) && (
            <PersonSitesField
              id={fieldId('siteIds')}
              selected={values.sites}
              error={errors.siteIds}
              onChange={(next) => change('sites', next)}
            />
          )}
        </PersonForm>
      )}
    </article>
  );
}

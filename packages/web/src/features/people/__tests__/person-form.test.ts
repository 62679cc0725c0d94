import { describe, expect, it } from 'vitest';
import {
  emptyInvite,
  toInviteInput,
  toUpdateInput,
  validateEdit,
  validateInvite,
  type EditValues,
} from '../person-form';

const grand = { id: 'site-0', label: 'Grand Ave Suites' };

describe('person form', () => {
  it('should ask for every required field in the language shown when nothing is filled in', () => {
    expect(validateInvite(emptyInvite('fr'), 'fr')).toEqual({
      firstName: 'Ce champ est obligatoire.',
      lastName: 'Ce champ est obligatoire.',
      email: 'Ce champ est obligatoire.',
      accessLevel: 'Ce champ est obligatoire.',
    });
  });

  it('should need at least one site when the level is site admin', () => {
    const values = {
      ...emptyInvite('en'),
      firstName: 'Daisy',
      lastName: 'Burton',
      email: 'daisy@email.co.uk',
      accessLevel: 'SITE_ADMIN' as const,
    };
    expect(validateInvite(values, 'en')).toEqual({ siteIds: 'This field is required.' });
    expect(validateInvite({ ...values, sites: [grand] }, 'en')).toEqual({});
  });

  it('should send sites only for a site admin when the invitation is built', () => {
    const values = {
      ...emptyInvite('nl'),
      firstName: ' Daisy ',
      lastName: 'Burton',
      email: 'daisy@email.co.uk',
      sites: [grand],
    };
    expect(toInviteInput({ ...values, accessLevel: 'SITE_ADMIN' })).toEqual({
      firstName: 'Daisy',
      lastName: 'Burton',
      email: 'daisy@email.co.uk',
      accessLevel: 'SITE_ADMIN',
      siteIds: ['site-0'],
      locale: 'nl',
    });
    expect(toInviteInput({ ...values, accessLevel: 'SYSTEM_ADMIN' })).not.toHaveProperty('siteIds');
  });

  it('should send only what changed when a person is edited', () => {
    const original: EditValues = {
      firstName: 'Daisy',
      lastName: 'Burton',
      accessLevel: 'SITE_ADMIN',
      sites: [grand],
    };
    expect(toUpdateInput(original, original)).toEqual({ firstName: 'Daisy', lastName: 'Burton' });
    expect(toUpdateInput({ ...original, accessLevel: 'SYSTEM_ADMIN' }, original)).toEqual({
      firstName: 'Daisy',
      lastName: 'Burton',
      accessLevel: 'SYSTEM_ADMIN',
    });
    expect(toUpdateInput({ ...original, sites: [] }, original)).toEqual({
      firstName: 'Daisy',
      lastName: 'Burton',
      siteIds: [],
    });
    expect(validateEdit({ ...original, sites: [] }, original, 'en')).toEqual({
      siteIds: 'This field is required.',
    });
  });
});

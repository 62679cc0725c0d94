import { mailTemplate } from './template';

/**
 * To the owner of an address a company invited while it already belongs to another account (a
 * person of another company, or an operator). The inviter sees an ordinary pending invitation,
 * so inviting reveals nothing; the owner learns here why there is no link to accept. The
 * inviter's words stay in the body, as in the invitation itself, never in the subject.
 */
export interface InvitationAddressInUseData {
  /** the owner's own first name (an operator's name) */
  readonly firstName: string;
  readonly inviterName: string;
  readonly companyName: string;
}

export const invitationAddressInUse = mailTemplate(
  {
    en: {
      subject: 'You were invited to a company on {product}',
      greeting: 'Hello {firstName},',
      invited:
        '{inviterName} of {companyName} invited your email address to their company on {product}.',
      inUse:
        'Your address already has an account, and an address can belong to one account only, so this invitation cannot be accepted with it. If you want to join them, ask them to invite another email address of yours.',
      notTold:
        'They have not been told that your address has an account. If you were not expecting this invitation, you can ignore this email.',
    },
    nl: {
      subject: 'U bent uitgenodigd voor een bedrijf in {product}',
      greeting: 'Beste {firstName},',
      invited:
        '{inviterName} van {companyName} heeft uw e-mailadres uitgenodigd voor hun bedrijf in {product}.',
      inUse:
        'Uw adres heeft al een account en een adres kan maar bij één account horen. Deze uitnodiging kan daarom niet met dit adres worden geaccepteerd. Wilt u toch meedoen? Vraag hen dan een ander e-mailadres van u uit te nodigen.',
      notTold:
        'Zij hebben niet te horen gekregen dat uw adres al een account heeft. Verwachtte u deze uitnodiging niet? Dan kunt u deze e-mail negeren.',
    },
    sv: {
      subject: 'Du har bjudits in till ett företag i {product}',
      greeting: 'Hej {firstName},',
      invited:
        '{inviterName} på {companyName} har bjudit in din e-postadress till sitt företag i {product}.',
      inUse:
        'Din adress har redan ett konto, och en adress kan bara höra till ett konto, så inbjudan kan inte accepteras med den. Om du vill gå med, be dem bjuda in en annan e-postadress som du har.',
      notTold:
        'De har inte fått veta att din adress redan har ett konto. Om du inte väntade dig inbjudan kan du bortse från det här mejlet.',
    },
    fr: {
      subject: 'Vous avez été invité dans une entreprise sur {product}',
      greeting: 'Bonjour {firstName},',
      invited:
        '{inviterName} ({companyName}) a invité votre adresse e-mail dans son entreprise sur {product}.',
      inUse:
        'Votre adresse a déjà un compte, et une adresse ne peut appartenir qu’à un seul compte : cette invitation ne peut donc pas être acceptée avec elle. Pour les rejoindre, demandez-leur d’inviter une autre de vos adresses e-mail.',
      notTold:
        'Ils n’ont pas été informés que votre adresse a déjà un compte. Si vous n’attendiez pas cette invitation, vous pouvez ignorer cet e-mail.',
    },
  },
  (say, { firstName, inviterName, companyName }: InvitationAddressInUseData) => ({
    subject: say('subject'),
    greeting: say('greeting', { firstName }),
    blocks: [
      { type: 'paragraph', text: say('invited', { inviterName, companyName }) },
      { type: 'paragraph', text: say('inUse') },
      { type: 'paragraph', text: say('notTold') },
    ],
  }),
);

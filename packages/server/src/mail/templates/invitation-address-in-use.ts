import { PRODUCT_NAME } from '../mail-layout';
import type { LocalizedTemplate } from './template';

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

export const invitationAddressInUse: LocalizedTemplate<InvitationAddressInUseData> = {
  en: (data) => ({
    subject: `You were invited to a company on ${PRODUCT_NAME}`,
    greeting: `Hello ${data.firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `${data.inviterName} of ${data.companyName} invited your email address to their company on ${PRODUCT_NAME}.`,
      },
      {
        type: 'paragraph',
        text: 'Your address already has an account, and an address can belong to one account only, so this invitation cannot be accepted with it. If you want to join them, ask them to invite another email address of yours.',
      },
      {
        type: 'paragraph',
        text: 'They have not been told that your address has an account. If you were not expecting this invitation, you can ignore this email.',
      },
    ],
  }),
  nl: (data) => ({
    subject: `U bent uitgenodigd voor een bedrijf in ${PRODUCT_NAME}`,
    greeting: `Beste ${data.firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `${data.inviterName} van ${data.companyName} heeft uw e-mailadres uitgenodigd voor hun bedrijf in ${PRODUCT_NAME}.`,
      },
      {
        type: 'paragraph',
        text: 'Uw adres heeft al een account en een adres kan maar bij één account horen. Deze uitnodiging kan daarom niet met dit adres worden geaccepteerd. Wilt u toch meedoen? Vraag hen dan een ander e-mailadres van u uit te nodigen.',
      },
      {
        type: 'paragraph',
        text: 'Zij hebben niet te horen gekregen dat uw adres al een account heeft. Verwachtte u deze uitnodiging niet? Dan kunt u deze e-mail negeren.',
      },
    ],
  }),
  sv: (data) => ({
    subject: `Du har bjudits in till ett företag i ${PRODUCT_NAME}`,
    greeting: `Hej ${data.firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `${data.inviterName} på ${data.companyName} har bjudit in din e-postadress till sitt företag i ${PRODUCT_NAME}.`,
      },
      {
        type: 'paragraph',
        text: 'Din adress har redan ett konto, och en adress kan bara höra till ett konto, så inbjudan kan inte accepteras med den. Om du vill gå med, be dem bjuda in en annan e-postadress som du har.',
      },
      {
        type: 'paragraph',
        text: 'De har inte fått veta att din adress redan har ett konto. Om du inte väntade dig inbjudan kan du bortse från det här mejlet.',
      },
    ],
  }),
  fr: (data) => ({
    subject: `Vous avez été invité dans une entreprise sur ${PRODUCT_NAME}`,
    greeting: `Bonjour ${data.firstName},`,
    blocks: [
      {
        type: 'paragraph',
        text: `${data.inviterName} (${data.companyName}) a invité votre adresse e-mail dans son entreprise sur ${PRODUCT_NAME}.`,
      },
      {
        type: 'paragraph',
        text: 'Votre adresse a déjà un compte, et une adresse ne peut appartenir qu’à un seul compte : cette invitation ne peut donc pas être acceptée avec elle. Pour les rejoindre, demandez-leur d’inviter une autre de vos adresses e-mail.',
      },
      {
        type: 'paragraph',
        text: 'Ils n’ont pas été informés que votre adresse a déjà un compte. Si vous n’attendiez pas cette invitation, vous pouvez ignorer cet e-mail.',
      },
    ],
  }),
};

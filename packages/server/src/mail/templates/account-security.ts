import type { Locale } from '@entry/shared';
import type { MailBlock } from '../mail-layout';
import { mailTemplate, type MailMessages, type Say } from './template';

/*
 * The emails that tell a person (or an operator) about a change to how their account is signed
 * in to: so that a change they did not make is noticed. Each says what happened, when and from
 * where, and what to do if it was not them.
 */

/** What every account-security email needs. */
export interface AccountSecurityData {
  readonly firstName: string;
  /** ISO date-time of the change */
  readonly occurredAtIso: string;
  /** the address the change came from, as the portal saw it; null when unknown */
  readonly ip: string | null;
  /** `${publicUrl}/profile`, where two-factor sign-in and sessions are managed */
  readonly securityUrl: string;
}

/** A sign-in with a recovery code: how many of the ten are still unused. */
export interface RecoveryCodeUsedData extends AccountSecurityData {
  readonly remaining: number;
}

type NoticeKey = 'subject' | 'happened' | 'notYou';

const COMMON: MailMessages<'greeting' | 'when' | 'from' | 'action'> = {
  en: {
    greeting: 'Hello {firstName},',
    when: 'When',
    from: 'From IP address',
    action: 'Review your account security',
  },
  nl: {
    greeting: 'Beste {firstName},',
    when: 'Wanneer',
    from: 'Vanaf IP-adres',
    action: 'Beveiliging van uw account bekijken',
  },
  sv: {
    greeting: 'Hej {firstName},',
    when: 'När',
    from: 'Från IP-adress',
    action: 'Granska kontots säkerhet',
  },
  fr: {
    greeting: 'Bonjour {firstName},',
    when: 'Quand',
    from: 'Depuis l’adresse IP',
    action: 'Vérifier la sécurité de votre compte',
  },
};

/**
 * One account-security email: its own words (`messages`), laid out as all of them are, with
 * `extra` blocks after what happened.
 */
function securityNotice<K extends string, D extends AccountSecurityData>(
  messages: MailMessages<NoticeKey | K>,
  extra: (say: Say<NoticeKey | K>, data: D) => MailBlock[] = () => [],
) {
  const merged = Object.fromEntries(
    (Object.keys(messages) as Locale[]).map((locale) => [
      locale,
      { ...COMMON[locale], ...messages[locale] },
    ]),
  ) as unknown as MailMessages<NoticeKey | K | keyof (typeof COMMON)['en']>;
  return mailTemplate(merged, (say, data: D, locale) => {
    const when = new Intl.DateTimeFormat(locale, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'UTC',
    }).format(new Date(data.occurredAtIso));
    const facts: Array<readonly [string, string]> = [[say('when'), `${when} UTC`]];
    if (data.ip) facts.push([say('from'), data.ip]);
    return {
      subject: say('subject'),
      greeting: say('greeting', { firstName: data.firstName }),
      blocks: [
        { type: 'paragraph', text: say('happened') },
        { type: 'facts', rows: facts },
        ...extra(say, data),
        { type: 'paragraph', text: say('notYou') },
        { type: 'action', label: say('action'), url: data.securityUrl },
      ],
    };
  });
}

export const twoFactorEnabled = securityNotice<never, AccountSecurityData>({
  en: {
    subject: 'Two-factor sign-in is on for your {product} account',
    happened:
      'Two-factor sign-in was turned on for your account: from now on, signing in takes your password and a code from your authenticator app (or one of your recovery codes).',
    notYou:
      'If you did not do this, someone else has your password: reset your password, and ask a payment admin of your company to help you get your account back.',
  },
  nl: {
    subject: 'Tweestapsaanmelding staat aan voor uw {product}-account',
    happened:
      'Tweestapsaanmelding is ingeschakeld voor uw account: voortaan meldt u zich aan met uw wachtwoord en een code uit uw authenticator-app (of een van uw herstelcodes).',
    notYou:
      'Heeft u dit niet gedaan? Dan kent iemand anders uw wachtwoord: stel uw wachtwoord opnieuw in en vraag een systeembeheerder van uw bedrijf u te helpen uw account terug te krijgen.',
  },
  sv: {
    subject: 'Tvåstegsinloggning är på för ditt konto i {product}',
    happened:
      'Tvåstegsinloggning har slagits på för ditt konto: från och med nu loggar du in med ditt lösenord och en kod från din autentiseringsapp (eller en av dina återställningskoder).',
    notYou:
      'Om det inte var du har någon annan ditt lösenord: återställ lösenordet och be en betalningsadmin i ditt företag hjälpa dig att få tillbaka kontot.',
  },
  fr: {
    subject: 'La connexion en deux étapes est activée pour votre compte {product}',
    happened:
      'La connexion en deux étapes a été activée pour votre compte : désormais, la connexion demande votre mot de passe et un code de votre application d’authentification (ou l’un de vos codes de récupération).',
    notYou:
      'Si ce n’est pas vous, quelqu’un d’autre connaît votre mot de passe : réinitialisez-le et demandez à un administrateur des paiements de votre entreprise de vous aider à récupérer votre compte.',
  },
});

export const twoFactorDisabled = securityNotice<never, AccountSecurityData>({
  en: {
    subject: 'Two-factor sign-in is off for your {product} account',
    happened:
      'Two-factor sign-in was turned off for your account: signing in now takes only your password. Your recovery codes no longer work.',
    notYou:
      'If you did not do this, change your password at once, turn two-factor sign-in on again, and sign out your other sessions.',
  },
  nl: {
    subject: 'Tweestapsaanmelding staat uit voor uw {product}-account',
    happened:
      'Tweestapsaanmelding is uitgeschakeld voor uw account: aanmelden vraagt nu alleen uw wachtwoord. Uw herstelcodes werken niet meer.',
    notYou:
      'Heeft u dit niet gedaan? Wijzig dan meteen uw wachtwoord, schakel tweestapsaanmelding weer in en meld uw andere sessies af.',
  },
  sv: {
    subject: 'Tvåstegsinloggning är av för ditt konto i {product}',
    happened:
      'Tvåstegsinloggning har stängts av för ditt konto: nu räcker ditt lösenord för att logga in. Dina återställningskoder fungerar inte längre.',
    notYou:
      'Om det inte var du: byt lösenord direkt, slå på tvåstegsinloggning igen och logga ut dina andra sessioner.',
  },
  fr: {
    subject: 'La connexion en deux étapes est désactivée pour votre compte {product}',
    happened:
      'La connexion en deux étapes a été désactivée pour votre compte : la connexion ne demande plus que votre mot de passe. Vos codes de récupération ne fonctionnent plus.',
    notYou:
      'Si ce n’est pas vous, changez immédiatement votre mot de passe, réactivez la connexion en deux étapes et déconnectez vos autres sessions.',
  },
});

export const recoveryCodesRegenerated = securityNotice<never, AccountSecurityData>({
  en: {
    subject: 'New recovery codes for your {product} account',
    happened:
      'New recovery codes were made for your account. The earlier ones no longer work: keep the new ones somewhere safe.',
    notYou:
      'If you did not do this, someone else can sign in as you: change your password at once and sign out your other sessions.',
  },
  nl: {
    subject: 'Nieuwe herstelcodes voor uw {product}-account',
    happened:
      'Er zijn nieuwe herstelcodes gemaakt voor uw account. De vorige werken niet meer: bewaar de nieuwe op een veilige plek.',
    notYou:
      'Heeft u dit niet gedaan? Dan kan iemand anders zich als u aanmelden: wijzig meteen uw wachtwoord en meld uw andere sessies af.',
  },
  sv: {
    subject: 'Nya återställningskoder för ditt konto i {product}',
    happened:
      'Nya återställningskoder har skapats för ditt konto. De tidigare fungerar inte längre: förvara de nya på ett säkert ställe.',
    notYou:
      'Om det inte var du kan någon annan logga in som du: byt lösenord direkt och logga ut dina andra sessioner.',
  },
  fr: {
    subject: 'Nouveaux codes de récupération pour votre compte {product}',
    happened:
      'De nouveaux codes de récupération ont été créés pour votre compte. Les précédents ne fonctionnent plus : conservez les nouveaux en lieu sûr.',
    notYou:
      'Si ce n’est pas vous, quelqu’un d’autre peut se connecter à votre place : changez immédiatement votre mot de passe et déconnectez vos autres sessions.',
  },
});

/** Few enough recovery codes left to say: make new ones. */
const FEW_CODES_LEFT = 3;

export const recoveryCodeUsed = securityNotice<'left' | 'makeNew', RecoveryCodeUsedData>(
  {
    en: {
      subject: 'A recovery code was used to sign in to your {product} account',
      happened:
        'Someone signed in to your account with your password and one of your recovery codes. That code no longer works.',
      left: 'Unused recovery codes left: {remaining}.',
      makeNew:
        'Make new recovery codes on your profile page before you run out, and set up your authenticator app again if you lost it.',
      notYou:
        'If this was not you, change your password at once, make new recovery codes and sign out your other sessions.',
    },
    nl: {
      subject: 'Er is met een herstelcode aangemeld op uw {product}-account',
      happened:
        'Iemand heeft zich aangemeld op uw account met uw wachtwoord en een van uw herstelcodes. Die code werkt niet meer.',
      left: 'Ongebruikte herstelcodes over: {remaining}.',
      makeNew:
        'Maak op uw profielpagina nieuwe herstelcodes voordat ze op zijn, en stel uw authenticator-app opnieuw in als u die kwijt bent.',
      notYou:
        'Was u dit niet? Wijzig dan meteen uw wachtwoord, maak nieuwe herstelcodes en meld uw andere sessies af.',
    },
    sv: {
      subject: 'En återställningskod användes för att logga in på ditt konto i {product}',
      happened:
        'Någon loggade in på ditt konto med ditt lösenord och en av dina återställningskoder. Den koden fungerar inte längre.',
      left: 'Oanvända återställningskoder kvar: {remaining}.',
      makeNew:
        'Skapa nya återställningskoder på din profilsida innan de tar slut, och konfigurera autentiseringsappen igen om du har tappat bort den.',
      notYou:
        'Om det inte var du: byt lösenord direkt, skapa nya återställningskoder och logga ut dina andra sessioner.',
    },
    fr: {
      subject: 'Un code de récupération a servi à se connecter à votre compte {product}',
      happened:
        'Quelqu’un s’est connecté à votre compte avec votre mot de passe et l’un de vos codes de récupération. Ce code ne fonctionne plus.',
      left: 'Codes de récupération inutilisés restants : {remaining}.',
      makeNew:
        'Créez de nouveaux codes de récupération sur votre page de profil avant d’en manquer, et reconfigurez votre application d’authentification si vous l’avez perdue.',
      notYou:
        'Si ce n’est pas vous, changez immédiatement votre mot de passe, créez de nouveaux codes de récupération et déconnectez vos autres sessions.',
    },
  },
  (say, data) => [
    { type: 'paragraph', text: say('left', { remaining: String(data.remaining) }) },
    ...(data.remaining <= FEW_CODES_LEFT
      ? [{ type: 'paragraph' as const, text: say('makeNew') }]
      : []),
  ],
);

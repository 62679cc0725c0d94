import { frenchOf, mailTemplate } from './template';

/** To a company's payment admins: the portal disabled a webhook endpoint that kept failing. */
export interface WebhookEndpointDisabledData {
  readonly firstName: string;
  readonly companyName: string;
  readonly endpointUrl: string;
  /** ISO date-time of the first failure without a success since */
  readonly failingSinceIso: string;
  /** the last answer's start or why there was none, e.g. "TIMEOUT: no answer within 10000 ms" */
  readonly lastProblem: string | null;
  /** `${publicUrl}/integrations` */
  readonly integrationsUrl: string;
}

export const webhookEndpointDisabled = mailTemplate(
  {
    en: {
      subject: 'Webhook endpoint disabled: {endpointUrl}',
      greeting: 'Hello {firstName},',
      disabled:
        'Deliveries of {companyName}’s events to {endpointUrl} have failed since {failingSince}, so we have disabled this endpoint. It receives no events until it is enabled again.',
      lastProblem: 'The last attempt got:',
      next: 'Fix the receiver, enable the endpoint again on the Integrations page, and redeliver the events it missed from its delivery log.',
      action: 'Open Integrations',
    },
    nl: {
      subject: 'Webhook-endpoint uitgeschakeld: {endpointUrl}',
      greeting: 'Beste {firstName},',
      disabled:
        'Het afleveren van gebeurtenissen van {companyName} bij {endpointUrl} mislukt sinds {failingSince}, daarom hebben we dit endpoint uitgeschakeld. Het ontvangt geen gebeurtenissen tot het weer wordt ingeschakeld.',
      lastProblem: 'De laatste poging kreeg:',
      next: 'Herstel de ontvanger, schakel het endpoint weer in op de pagina Integraties en lever de gemiste gebeurtenissen opnieuw af vanuit het afleverlogboek.',
      action: 'Integraties openen',
    },
    sv: {
      subject: 'Webhook-mottagare avstängd: {endpointUrl}',
      greeting: 'Hej {firstName},',
      disabled:
        'Leveranserna av {companyName}s händelser till {endpointUrl} har misslyckats sedan {failingSince}, så vi har stängt av mottagaren. Den får inga händelser förrän den slås på igen.',
      lastProblem: 'Det senaste försöket fick:',
      next: 'Åtgärda mottagaren, slå på den igen på sidan Integrationer och leverera om de missade händelserna från leveransloggen.',
      action: 'Öppna Integrationer',
    },
    fr: {
      subject: 'Point de terminaison de webhook désactivé : {endpointUrl}',
      greeting: 'Bonjour {firstName},',
      disabled:
        'Les envois des événements {companyOf} vers {endpointUrl} échouent depuis le {failingSince} : nous avons donc désactivé ce point de terminaison. Il ne reçoit plus d’événements tant qu’il n’est pas réactivé.',
      lastProblem: 'La dernière tentative a obtenu :',
      next: 'Corrigez le récepteur, réactivez le point de terminaison sur la page Intégrations et renvoyez depuis son journal les événements manqués.',
      action: 'Ouvrir Intégrations',
    },
  },
  (say, d: WebhookEndpointDisabledData, locale) => {
    const failingSince = new Intl.DateTimeFormat(locale, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'UTC',
    }).format(new Date(d.failingSinceIso));
    return {
      subject: say('subject', { endpointUrl: d.endpointUrl }),
      greeting: say('greeting', { firstName: d.firstName }),
      blocks: [
        {
          type: 'paragraph',
          text: say('disabled', {
            companyName: d.companyName,
            companyOf: frenchOf(d.companyName),
            endpointUrl: d.endpointUrl,
            failingSince: `${failingSince} UTC`,
          }),
        },
        ...(d.lastProblem
          ? [
              { type: 'paragraph' as const, text: say('lastProblem') },
              { type: 'quote' as const, text: d.lastProblem },
            ]
          : []),
        { type: 'paragraph', text: say('next') },
        { type: 'action', label: say('action'), url: d.integrationsUrl },
      ],
    };
  },
);

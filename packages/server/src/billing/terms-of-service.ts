import type { Localized } from '@entry/shared';

/**
 * The billing terms a payment admin accepts in the first-login wizard. A change of wording is a
 * new version: acceptance records the version, so nobody is held to text they never saw.
 */
export interface TermsVersion {
  readonly version: string;
  readonly text: Localized;
}

export const CURRENT_TERMS: TermsVersion = {
  version: '2026-11-01',
  text: {
    en: `Billing terms for the Entry Portal

1. What is charged. Your company is charged a monthly fee for each Entry app user at each of your sites. The price per user per month depends on your company's country and currency and is shown in the portal before you accept these terms.
2. Proration. A user counts for every calendar day (UTC) on which they were active at a site at any moment, the day they were added and the day they were removed included. The fee for a user is the monthly price multiplied by the days counted divided by the days in the month, and each invoice line is rounded to the nearest minor unit (cent, öre).
3. Invoices. On the 1st of each month you receive one invoice for the previous month, with one line per site that had users. Sites without users and months without any use are not invoiced.
4. VAT. VAT is added at the rate of your company's country. When your company has a valid VAT number in another EU member state than ours, no VAT is charged and the invoice states that VAT is reverse-charged.
5. Payment. With automatic payment, the card on file is charged when the invoice is created. With manual payment (installers only), each invoice is due within 14 days and is paid in the portal. System managers pay automatically.
6. Failed payments. When an automatic payment fails, we tell you by email and try again after 3, 5 and 7 days. Access to the portal is only suspended after a grace period, and never without notice.
7. Changes. We announce changes to prices or to these terms at least 30 days in advance. Deactivating a site stops its charges from the following day.
8. Data. Card details are handled by our payment provider and never stored by the portal.`,
    nl: `Betalingsvoorwaarden voor het Entry Portal

1. Wat wordt gefactureerd. Uw bedrijf betaalt een maandelijks bedrag per Entry app gebruiker op elk van uw locaties. De prijs per gebruiker per maand hangt af van het land en de valuta van uw bedrijf en wordt in het portal getoond voordat u deze voorwaarden accepteert.
2. Naar rato. Een gebruiker telt mee voor elke kalenderdag (UTC) waarop hij of zij op enig moment actief was op een locatie, inclusief de dag van toevoegen en de dag van verwijderen. Het bedrag per gebruiker is de maandprijs maal het aantal getelde dagen gedeeld door het aantal dagen in de maand; elke factuurregel wordt afgerond op de cent.
3. Facturen. Op de 1e van elke maand ontvangt u één factuur over de vorige maand, met één regel per locatie met gebruikers. Locaties zonder gebruikers en maanden zonder gebruik worden niet gefactureerd.
4. Btw. Btw wordt berekend tegen het tarief van het land van uw bedrijf. Heeft uw bedrijf een geldig btw-nummer in een andere EU-lidstaat dan de onze, dan wordt geen btw berekend en vermeldt de factuur dat de btw is verlegd.
5. Betaling. Bij automatisch betalen wordt de geregistreerde creditcard belast zodra de factuur is aangemaakt. Bij handmatige betaling (alleen installateurs) moet elke factuur binnen 14 dagen via het portal worden betaald. Zakelijke vastgoedbeheerders betalen automatisch.
6. Mislukte betalingen. Als een automatische betaling mislukt, laten we u dat per e-mail weten en proberen we het na 3, 5 en 7 dagen opnieuw. De toegang tot het portal wordt pas na een respijtperiode opgeschort, en nooit zonder bericht.
7. Wijzigingen. Wijzigingen van prijzen of van deze voorwaarden kondigen we ten minste 30 dagen vooraf aan. Na het deactiveren van een locatie stopt de facturering vanaf de volgende dag.
8. Gegevens. Creditcardgegevens worden verwerkt door onze betaaldienstverlener en nooit door het portal opgeslagen.`,
    sv: `Betalningsvillkor för Entry Portal

1. Vad som debiteras. Ditt företag debiteras en månadsavgift för varje användare av Entry-appen på var och en av era anläggningar. Priset per användare och månad beror på företagets land och valuta och visas i portalen innan du godkänner villkoren.
2. Proportionering. En användare räknas för varje kalenderdag (UTC) då hen var aktiv på en anläggning vid någon tidpunkt, inklusive dagen då hen lades till och dagen då hen togs bort. Avgiften för en användare är månadspriset gånger antalet räknade dagar delat med antalet dagar i månaden, och varje fakturarad avrundas till närmaste öre.
3. Fakturor. Den 1:a varje månad får ni en faktura för föregående månad, med en rad per anläggning som hade användare. Anläggningar utan användare och månader utan användning faktureras inte.
4. Moms. Moms läggs till enligt skattesatsen i företagets land. Har företaget ett giltigt momsregistreringsnummer i ett annat EU-land än vårt debiteras ingen moms och fakturan anger omvänd skattskyldighet.
5. Betalning. Vid automatisk betalning debiteras det registrerade kortet när fakturan skapas. Vid manuell betalning (endast installatörer) ska varje faktura betalas i portalen inom 14 dagar. Systemansvariga betalar automatiskt.
6. Misslyckade betalningar. Om en automatisk betalning misslyckas meddelar vi er via e-post och försöker igen efter 3, 5 och 7 dagar. Åtkomsten till portalen stängs först efter en frist, och aldrig utan förvarning.
7. Ändringar. Ändringar av priser eller av dessa villkor meddelas minst 30 dagar i förväg. När en anläggning inaktiveras upphör debiteringen från och med nästa dag.
8. Uppgifter. Kortuppgifter hanteras av vår betaltjänstleverantör och lagras aldrig i portalen.`,
    fr: `Conditions de facturation du portail Entry

1. Ce qui est facturé. Votre entreprise paie un montant mensuel pour chaque utilisateur de l'application Entry sur chacun de vos sites. Le prix par utilisateur et par mois dépend du pays et de la devise de votre entreprise et s'affiche dans le portail avant que vous n'acceptiez ces conditions.
2. Prorata. Un utilisateur compte pour chaque jour calendaire (UTC) pendant lequel il a été actif sur un site à un moment quelconque, le jour de son ajout et celui de sa suppression inclus. Le montant pour un utilisateur est le prix mensuel multiplié par le nombre de jours comptés divisé par le nombre de jours du mois ; chaque ligne de facture est arrondie au centime le plus proche.
3. Factures. Le 1er de chaque mois, vous recevez une facture pour le mois précédent, avec une ligne par site ayant des utilisateurs. Les sites sans utilisateurs et les mois sans utilisation ne sont pas facturés.
4. TVA. La TVA est ajoutée au taux du pays de votre entreprise. Lorsque votre entreprise dispose d'un numéro de TVA valide dans un autre État membre de l'UE que le nôtre, aucune TVA n'est facturée et la facture mentionne l'autoliquidation.
5. Paiement. En paiement automatique, la carte enregistrée est débitée dès l'émission de la facture. En paiement manuel (installateurs uniquement), chaque facture est payable dans le portail sous 14 jours. Les gestionnaires de système paient automatiquement.
6. Paiements refusés. Si un paiement automatique échoue, nous vous prévenons par e-mail et réessayons après 3, 5 et 7 jours. L'accès au portail n'est suspendu qu'après un délai de grâce, et jamais sans préavis.
7. Modifications. Nous annonçons toute modification des prix ou de ces conditions au moins 30 jours à l'avance. La désactivation d'un site arrête sa facturation dès le lendemain.
8. Données. Les données de carte sont traitées par notre prestataire de paiement et ne sont jamais conservées par le portail.`,
  },
};

import type { Locale } from '@entry/shared';

export const PRODUCT_NAME = 'Entry Portal';

/**
 * What a template says, as blocks: the layout turns the same blocks into the text part and the
 * HTML part, so a translation is written once and the two parts never say different things.
 */
export type MailBlock =
  | { readonly type: 'paragraph'; readonly text: string }
  /** a link: a button in HTML, the label then the URL on its own line in text */
  | { readonly type: 'action'; readonly label: string; readonly url: string }
  /**
   * a value to copy (a temporary password): in text `${label}${value}` on a line of its own, so
   * people and tests can read it without parsing prose
   */
  | { readonly type: 'secret'; readonly label: string; readonly value: string }
  /** someone else's words (an operator's reason), kept apart from ours */
  | { readonly type: 'quote'; readonly text: string }
  | { readonly type: 'facts'; readonly rows: ReadonlyArray<readonly [string, string]> };

export interface MailContent {
  /**
   * A fixed phrase of ours in the recipient's language (counts and invoice numbers allowed),
   * never user-typed text: a stranger's words in the subject would make the portal their relay.
   */
  readonly subject: string;
  /** "Hello Daisy," */
  readonly greeting: string;
  readonly blocks: readonly MailBlock[];
}

export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

interface LayoutText {
  /** French puts a space before a colon */
  readonly colon: string;
  readonly signOff: readonly [string, string];
  readonly linkFallback: string;
  readonly footer: string;
}

const LAYOUT_TEXT: Readonly<Record<Locale, LayoutText>> = {
  en: {
    colon: ':',
    signOff: ['Kind regards,', `The ${PRODUCT_NAME} team`],
    linkFallback: 'If the button does not work, copy this link into your browser:',
    footer: `This is an automated message from ${PRODUCT_NAME}. Replies to this address are not read.`,
  },
  nl: {
    colon: ':',
    signOff: ['Met vriendelijke groet,', `Het ${PRODUCT_NAME}-team`],
    linkFallback: 'Werkt de knop niet? Kopieer dan deze link naar uw browser:',
    footer: `Dit is een automatisch bericht van ${PRODUCT_NAME}. Antwoorden op dit adres worden niet gelezen.`,
  },
  sv: {
    colon: ':',
    signOff: ['Vänliga hälsningar,', `${PRODUCT_NAME}-teamet`],
    linkFallback: 'Om knappen inte fungerar kan du kopiera länken till din webbläsare:',
    footer: `Det här är ett automatiskt meddelande från ${PRODUCT_NAME}. Svar till den här adressen läses inte.`,
  },
  fr: {
    colon: ' :',
    signOff: ['Cordialement,', `L’équipe ${PRODUCT_NAME}`],
    linkFallback: 'Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :',
    footer: `Ceci est un message automatique d’${PRODUCT_NAME}. Les réponses à cette adresse ne sont pas lues.`,
  },
};

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every character that could open a tag, an entity or leave an attribute value. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** Escaped, with the line breaks of multi-line text (a rejection reason) kept. */
function escapeLines(value: string): string {
  return escapeHtml(value).replace(/\n/g, '<br>');
}

const FONT =
  "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const ACCENT = '#1d4ed8';

// Tables and inline styles only: Outlook and Gmail drop <style> blocks, flexbox and most CSS.
function blockHtml(block: MailBlock, text: LayoutText): string {
  switch (block.type) {
    case 'paragraph':
      return `<p style="margin:0 0 16px;">${escapeLines(block.text)}</p>`;
    case 'action': {
      const href = escapeHtml(block.url);
      return (
        `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 16px;"><tr>` +
        `<td style="border-radius:6px;background-color:${ACCENT};">` +
        `<a href="${href}" style="display:inline-block;padding:12px 24px;${FONT};font-size:16px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:6px;">${escapeHtml(block.label)}</a>` +
        `</td></tr></table>` +
        `<p style="margin:0 0 16px;font-size:13px;line-height:20px;color:#4b5563;">${escapeHtml(text.linkFallback)}<br>` +
        `<a href="${href}" style="color:${ACCENT};word-break:break-all;">${escapeHtml(block.url)}</a></p>`
      );
    }
    case 'secret':
      return (
        `<p style="margin:0 0 8px;">${escapeHtml(block.label.trim())}</p>` +
        `<p style="margin:0 0 16px;padding:12px 16px;background-color:#f3f4f6;border:1px solid #e5e7eb;border-radius:6px;font-family:Menlo,Consolas,'Courier New',monospace;font-size:20px;letter-spacing:1px;color:#111827;">${escapeHtml(block.value)}</p>`
      );
    case 'quote':
      return `<p style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #d1d5db;color:#374151;">${escapeLines(block.text)}</p>`;
    case 'facts':
      return (
        `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px;">` +
        block.rows
          .map(
            ([label, value]) =>
              `<tr><td style="padding:2px 16px 2px 0;color:#6b7280;vertical-align:top;">${escapeHtml(label)}</td>` +
              `<td style="padding:2px 0;vertical-align:top;">${escapeHtml(value)}</td></tr>`,
          )
          .join('') +
        `</table>`
      );
  }
}

function blockText(block: MailBlock, text: LayoutText): string {
  switch (block.type) {
    case 'paragraph':
      return block.text;
    case 'action':
      return `${block.label}${text.colon}\n${block.url}`;
    case 'secret':
      return `${block.label}${block.value}`;
    case 'quote':
      return block.text
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
    case 'facts':
      return block.rows.map(([label, value]) => `${label}${text.colon} ${value}`).join('\n');
  }
}

/** The subject is a header: one line, and it must fit the outbox column. */
function subjectLine(subject: string): string {
  const line = subject.replace(/\s+/g, ' ').trim();
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

/** Links go to the portal: an absolute http(s) URL, never `javascript:` or a relative path. */
function checkLinks(content: MailContent): void {
  for (const block of content.blocks) {
    if (block.type === 'action' && !/^https?:\/\/[^\s]+$/i.test(block.url)) {
      throw new Error(`mail link is not an absolute http(s) URL: ${JSON.stringify(block.url)}`);
    }
  }
}

export function renderLayout(locale: Locale, content: MailContent): RenderedMail {
  checkLinks(content);
  const text = LAYOUT_TEXT[locale];
  const subject = subjectLine(content.subject);
  const textPart = [
    content.greeting,
    ...content.blocks.map((block) => blockText(block, text)),
    text.signOff.join('\n'),
    `-- \n${text.footer}`,
  ].join('\n\n');
  const html =
    `<!DOCTYPE html>\n<html lang="${locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="color-scheme" content="light only"><title>${escapeHtml(subject)}</title></head>\n` +
    `<body style="margin:0;padding:0;background-color:#f3f4f6;">\n` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f3f4f6;"><tr><td align="center" style="padding:24px 12px;">\n` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background-color:#ffffff;border:1px solid #e5e7eb;border-radius:8px;">\n` +
    `<tr><td style="padding:20px 32px;border-bottom:1px solid #e5e7eb;${FONT};font-size:18px;font-weight:bold;color:#111827;">${PRODUCT_NAME}</td></tr>\n` +
    `<tr><td style="padding:28px 32px 12px;${FONT};font-size:16px;line-height:24px;color:#111827;">\n` +
    `<p style="margin:0 0 16px;">${escapeHtml(content.greeting)}</p>\n` +
    content.blocks.map((block) => blockHtml(block, text)).join('\n') +
    `\n<p style="margin:8px 0 16px;">${escapeHtml(text.signOff[0])}<br>${escapeHtml(text.signOff[1])}</p>\n` +
    `</td></tr></table>\n` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;"><tr>` +
    `<td style="padding:16px 32px;${FONT};font-size:12px;line-height:18px;color:#6b7280;">${escapeHtml(text.footer)}</td></tr></table>\n` +
    `</td></tr></table>\n</body></html>\n`;
  return { subject, text: `${textPart}\n`, html };
}

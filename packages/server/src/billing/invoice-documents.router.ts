import express from 'express';
import { In } from 'typeorm';
import { ApiScope, isLocale, Permission } from '@entry/shared';
import { csvRow } from '../common/csv';
import type { ContextDeps } from '../graphql/context';
import { answerNotFound, requirePermission, restContext } from '../http/rest-auth';
import { renderInvoicePdf } from './invoice-documents';
import { InvoiceLineUserEntity } from './invoice-line-user.entity';
import { InvoiceLineEntity } from './invoice-line.entity';
import { InvoiceEntity } from './invoice.entity';
import { parsePeriod } from './billing-period';
import { roundHalfUp } from './proration';

const CSV_HEADER = [
  'invoice',
  'period',
  'site',
  'first_name',
  'last_name',
  'email',
  'apartment',
  'days',
  'days_in_period',
  'unit_amount',
  'user_amount',
  'currency',
  // added with invoice references: at the end, so files read by column position stay as they were
  'cost_center',
  'purchase_order_number',
];

/**
 * GET /api/invoices/:id.pdf (?lang=en|nl|sv|fr) and GET /api/invoices/:id.csv: the invoice and
 * its lines per site and per user, for people with payment access to that company only.
 */
export function invoiceDocumentsRouter(deps: ContextDeps): express.Router {
  const router = express.Router();
  router.get(
    '/invoices/:file',
    requirePermission(deps, Permission.PAYMENTS, 'GET /api/invoices/:file', [
      ApiScope.INVOICES_READ,
    ]),
    async (req, res, next) => {
      try {
        const context = restContext(res);
        const file = req.params['file'];
        const match = typeof file === 'string' ? /^([0-9a-f-]{36})\.(pdf|csv)$/.exec(file) : null;
        const companyId =
          context.viewer?.kind === 'person' || context.viewer?.kind === 'apiKey'
            ? context.viewer.company.id
            : null;
        const invoice =
          match && companyId
            ? await deps.dataSource
                .getRepository(InvoiceEntity)
                .findOneBy({ id: match[1], companyId })
            : null;
        if (!match || !invoice) {
          answerNotFound(res, 'invoice', context.locale);
          return;
        }
        const lines = await deps.dataSource
          .getRepository(InvoiceLineEntity)
          .find({ where: { invoiceId: invoice.id }, order: { position: 'ASC' } });
        if (match[2] === 'pdf') {
          const lang =
            typeof req.query['lang'] === 'string' && isLocale(req.query['lang'])
              ? req.query['lang']
              : context.locale;
          res.setHeader('Content-Type', 'application/pdf');
          res.setHeader('Content-Disposition', `inline; filename="invoice-${invoice.number}.pdf"`);
          renderInvoicePdf(res, invoice, lines, deps.config.seller, lang);
          return;
        }
        const users = lines.length
          ? await deps.dataSource.getRepository(InvoiceLineUserEntity).find({
              where: { invoiceLineId: In(lines.map((line) => line.id)) },
              order: { lastName: 'ASC', firstName: 'ASC' },
            })
          : [];
        const daysInPeriod = parsePeriod(invoice.period)?.days ?? 30;
        res.setHeader('Content-Type', 'text/csv; charset=utf-8');
        res.setHeader(
          'Content-Disposition',
          `attachment; filename="invoice-${invoice.number}-users.csv"`,
        );
        res.write('\uFEFF' + csvRow(CSV_HEADER));
        for (const line of lines) {
          for (const user of users.filter((row) => row.invoiceLineId === line.id)) {
            // Each user's share, rounded on its own: the shares of a site may differ from its line by a cent.
            const share = roundHalfUp(line.unitAmount * user.days, daysInPeriod);
            res.write(
              csvRow([
                invoice.number,
                invoice.period,
                line.description,
                user.firstName,
                user.lastName,
                user.email,
                user.apartment,
                user.days,
                daysInPeriod,
                line.unitAmount,
                share,
                invoice.currency,
                line.costCenter,
                invoice.purchaseOrderNumber,
              ]),
            );
          }
        }
        res.end();
      } catch (error) {
        next(error);
      }
    },
  );
  return router;
}

import { useTranslation } from '../../../lib/useTranslation';
import { currentLocale } from '../../../app/i18n';
import { formatMoney } from '../../../lib/money';
import { formatMonth, formatShortMonth } from '../format';
import {
  barLayout,
  chartInvoices,
  niceMaximum,
  spendSummary,
  type ChartSize,
  type SpendInvoice,
} from '../spend-chart';

const SIZE: ChartSize = { width: 640, height: 240, left: 72, bottom: 28, top: 12 };

/**
 * Monthly spend as bars (inline SVG, no chart library) for the last 12 invoices. The picture is
 * one image to assistive technology, named by the caption and a sentence that says what it
 * shows; the numbers themselves are in a table below it.
 */
export function SpendChart({ invoices }: { invoices: readonly SpendInvoice[] }) {
  const { t, i18n } = useTranslation('billing');
  const locale = currentLocale(i18n);
  const points = chartInvoices(invoices);
  const summary = spendSummary(points, locale);
  if (!summary || !points[0]) return <p className="empty">{t('payment.chart.empty')}</p>;
  const currency = points[0].currency;
  const maximum = niceMaximum(Math.max(...points.map((point) => point.total)));
  const bars = barLayout(points, SIZE, maximum);
  const plotBottom = SIZE.height - SIZE.bottom;
  const ticks = [0, maximum / 2, maximum];
  const money = (amount: number) => formatMoney(amount, currency, locale);
  const y = (amount: number) =>
    SIZE.top + (SIZE.height - SIZE.bottom - SIZE.top) * (1 - amount / maximum);

  return (
    <figure className="spend-chart">
      <figcaption id="spend-chart-caption" className="spend-chart-caption">
        {t('payment.chart.caption', { months: summary.count })}
      </figcaption>
      <svg
        className="spend-chart-svg"
        viewBox={`0 0 ${SIZE.width} ${SIZE.height}`}
        role="img"
        aria-labelledby="spend-chart-caption spend-chart-summary"
      >
        {ticks.map((tick) => (
          <g key={tick} className="spend-chart-tick">
            <line x1={SIZE.left} x2={SIZE.width} y1={y(tick)} y2={y(tick)} />
            <text x={SIZE.left - 8} y={y(tick)} textAnchor="end" dominantBaseline="middle">
              {money(tick)}
            </text>
          </g>
        ))}
        {bars.map((bar, index) => {
          const invoice = points[index]!;
          return (
            <g key={bar.id}>
              <rect
                className="spend-chart-bar"
                x={bar.x}
                y={bar.y}
                width={bar.width}
                height={bar.height}
              />
              <text
                className="spend-chart-label"
                x={bar.x + bar.width / 2}
                y={plotBottom + 18}
                textAnchor="middle"
              >
                {formatShortMonth(invoice.periodStart, locale)}
              </text>
            </g>
          );
        })}
      </svg>
      <p id="spend-chart-summary" className="spend-chart-summary">
        {t('payment.chart.summary', {
          from: summary.from,
          to: summary.to,
          total: summary.total,
          highestMonth: summary.highest.month,
          highestAmount: summary.highest.amount,
          latestMonth: summary.latest.month,
          latestAmount: summary.latest.amount,
        })}
      </p>
      <details className="spend-chart-data">
        <summary>{t('payment.chart.showTable')}</summary>
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t('payment.chart.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('payment.invoices.period')}</th>
                <th scope="col" className="numeric">
                  {t('payment.invoices.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {points.map((invoice) => (
                <tr key={invoice.id}>
                  <th scope="row">{formatMonth(invoice.periodStart, locale)}</th>
                  <td className="numeric">{money(invoice.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

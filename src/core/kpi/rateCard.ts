/**
 * The newest fee table's dates as the user reads them in the sidebar and the Help dialog, so an out-of-date table is
 * visible without opening data/fees/ (issue 16: "tables that age visibly").
 */
import { type Language, translate } from '../i18n';
import { newestRateCard } from './fees';

export function rateCardLines(language: Language): string[] {
  const card = newestRateCard();
  const lines = [
    translate(language, 'fees.card.tables', { schedule: card.schedule, from: card.from, to: card.to }),
  ];
  if (card.peak) {
    const key = card.peakProvisional ? 'fees.card.peakProvisional' : 'fees.card.peak';
    lines.push(translate(language, key, { from: card.peak.from, to: card.peak.to }));
  }
  for (const surcharge of card.surcharges) {
    lines.push(
      translate(language, 'fees.card.surcharge', { rate: surcharge.ratePercent, from: surcharge.from }),
    );
  }
  return lines;
}

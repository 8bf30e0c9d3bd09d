/**
 * Export words for the business case (value columns, the total line, the tracker hand-off's
 * description), in English, Danish and Swedish. A separate block from `labels.ts` on purpose,
 * so it can be joined with the other export words when they move to one catalogue.
 */

export interface ValueLabels {
  columns: { value: string; valueLow: string; valueHigh: string; contactsAvoided: string };
  /** `{n}`: how many actions the total covers. */
  totalOfTop: string;
  /** `{low}`, `{high}`: the range of a value. */
  range: string;
  /** Shown where an action has no value yet; `{missing}` names what to add. */
  noValue: string;
  tracker: {
    stage: string;
    linkedPains: string;
    value: string;
    formula: string;
    missing: string;
    score: string;
    /** `{n}` of `{total}`. */
    rank: string;
    source: string;
  };
}

const EN: ValueLabels = {
  columns: { value: 'Value a year', valueLow: 'Value, low', valueHigh: 'Value, high', contactsAvoided: 'Contacts avoided a year' },
  totalOfTop: 'Total of the top {n}',
  range: '{low} – {high}',
  noValue: 'no value yet: {missing}',
  tracker: {
    stage: 'Stage',
    linkedPains: 'Pain points it addresses',
    value: 'Value a year',
    formula: 'How it is worked out',
    missing: 'Figures still missing',
    score: 'Priority score',
    rank: 'Rank {n} of {total} on the to-do list',
    source: 'From the journey map “{board}” in Rejse',
  },
};

const DA: ValueLabels = {
  columns: { value: 'Værdi om året', valueLow: 'Værdi, lav', valueHigh: 'Værdi, høj', contactsAvoided: 'Sparede kontakter om året' },
  totalOfTop: 'I alt for top {n}',
  range: '{low} – {high}',
  noValue: 'ingen værdi endnu: {missing}',
  tracker: {
    stage: 'Fase',
    linkedPains: 'Smertepunkter, den løser',
    value: 'Værdi om året',
    formula: 'Sådan er den regnet ud',
    missing: 'Tal, der mangler',
    score: 'Prioritetsscore',
    rank: 'Nr. {n} af {total} på handlingslisten',
    source: 'Fra kunderejsekortet »{board}« i Rejse',
  },
};

const SV: ValueLabels = {
  columns: { value: 'Värde per år', valueLow: 'Värde, lågt', valueHigh: 'Värde, högt', contactsAvoided: 'Undvikna kontakter per år' },
  totalOfTop: 'Totalt för topp {n}',
  range: '{low} – {high}',
  noValue: 'inget värde än: {missing}',
  tracker: {
    stage: 'Fas',
    linkedPains: 'Smärtpunkter den åtgärdar',
    value: 'Värde per år',
    formula: 'Så räknas det ut',
    missing: 'Siffror som saknas',
    score: 'Prioritetspoäng',
    rank: 'Nr {n} av {total} på åtgärdslistan',
    source: 'Från kundresekartan ”{board}” i Rejse',
  },
};

export const DEFAULT_VALUE_LABELS = EN;

/** The value words for a locale, by its language; English for any other. */
export function valueLabelsFor(locale: string | null | undefined): ValueLabels {
  const language = (locale ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return language === 'da' ? DA : language === 'sv' ? SV : EN;
}

import { DEFAULT_REPORT_LABELS, type ReportLabels } from './report-html.ts';

/**
 * The report page's own words in Danish and Swedish (the shared export labels cover the rest:
 * `exportLabelsFor` in `@rejse/shared`). Counts are written "Faser: 5" rather than "5 faser", so
 * one wording fits every number without plural rules.
 */
export const REPORT_LABELS_DA: ReportLabels = {
  documentTitle: '{title} – workshoprapport',
  date: 'Dato: {date}',
  participants: 'Deltagere',
  persona: 'Persona',
  summary: 'I tal',
  summaryText: 'Faser: {stages} · Kontaktpunkter: {touchpoints} · Smertepunkter: {pains} · Handlinger: {actions} · Stemmer: {votes}',
  emotionCurve: 'Følelseskurve',
  emotionCurveEmpty: 'Ingen kontaktpunkter har en følelse endnu, så der er ingen kurve.',
  painsByStage: 'Smertepunkter pr. fase',
  noPains: 'Der blev ikke kortlagt nogen smertepunkter.',
  addressedBy: 'Løses af',
  notAddressed: 'Ingen handling løser det endnu.',
  actions: 'Top {n} handlinger',
  noActions: 'Ingen handlinger endnu.',
  belowLine: 'Yderligere {n} under stregen.',
  linkedPains: 'Smertepunkter',
  mapPicture: 'Kortet',
  mapPictureMissing:
    'Billedet af kortet er ikke med i denne fil. Åbn tavlens rapportside i Rejse (/b/{id}/report) for at udskrive rapporten med det levende kort.',
  generatedBy: 'Lavet med Rejse',
};

export const REPORT_LABELS_SV: ReportLabels = {
  documentTitle: '{title} – workshoprapport',
  date: 'Datum: {date}',
  participants: 'Deltagare',
  persona: 'Persona',
  summary: 'I siffror',
  summaryText: 'Faser: {stages} · Kontaktpunkter: {touchpoints} · Smärtpunkter: {pains} · Åtgärder: {actions} · Röster: {votes}',
  emotionCurve: 'Känslokurva',
  emotionCurveEmpty: 'Ingen kontaktpunkt har någon känsla ännu, så det finns ingen kurva.',
  painsByStage: 'Smärtpunkter per fas',
  noPains: 'Inga smärtpunkter kartlades.',
  addressedBy: 'Åtgärdas av',
  notAddressed: 'Ingen åtgärd tar hand om det ännu.',
  actions: 'Topp {n} åtgärder',
  noActions: 'Inga åtgärder ännu.',
  belowLine: 'Ytterligare {n} under strecket.',
  linkedPains: 'Smärtpunkter',
  mapPicture: 'Kartan',
  mapPictureMissing:
    'Bilden av kartan finns inte med i den här filen. Öppna tavlans rapportsida i Rejse (/b/{id}/report) för att skriva ut rapporten med den levande kartan.',
  generatedBy: 'Skapad med Rejse',
};

const BY_LANGUAGE: Readonly<Record<string, ReportLabels>> = {
  en: DEFAULT_REPORT_LABELS,
  da: REPORT_LABELS_DA,
  sv: REPORT_LABELS_SV,
};

/** The report's words for a board locale, by its language; English for any other. */
export function reportLabelsFor(locale: string | null | undefined): ReportLabels {
  const language = (locale ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return BY_LANGUAGE[language] ?? DEFAULT_REPORT_LABELS;
}

/**
 * The business case's sentences in English, Danish and Swedish, for the UI and the exports
 * alike. Kept apart from the export labels on purpose (one small block to move when the
 * catalogues are joined in one place). `{name}` is an argument, formatted by its type.
 */
import type { BusinessArg, BusinessMessageKey, BusinessText } from './text.ts';

type BusinessMessages = Readonly<Record<BusinessMessageKey, string>>;

const EN: BusinessMessages = {
  'formula.fewerContacts': '“{touchpoint}” ({stage}): {volume} contacts a year × {share} fewer = {contacts} contacts avoided',
  'formula.responseRate':
    '“{touchpoint}” ({stage}): response rate {from} → {rate}, so {gain} of the {volume} contacts a year at “{avoidsAt}” are avoided = {contacts} contacts',
  'formula.contactsValue': '{contacts} contacts × {cost} per contact = {value} a year',
  'formula.customersKept': '{customers} customers kept a year × {revenue} a year × {years} = {value}',
  'formula.costAvoided': '“{touchpoint}” ({stage}): {volume} contacts a year × {share} × {amount} = {value} a year',
  'formula.range': 'Confidence {confidence} of 5: {low} – {high} (±{spread})',
  'formula.confidenceAssumed': 'Confidence not set: {confidence} assumed',
  'missing.effects': 'State what this idea changes (fewer contacts, a higher response rate, customers kept, costs avoided) to value it',
  'missing.touchpoint': 'An effect refers to a touchpoint that is no longer on the board; choose another',
  'missing.yearlyVolume': 'Add the contacts a year at “{touchpoint}” ({stage}) to value this',
  'missing.costPerContact': 'Add the cost per contact at “{touchpoint}” ({stage}) to value this',
  'missing.responseRate': 'Add today’s response rate at “{touchpoint}” ({stage}) to value this',
  'missing.customersPerYear': 'Add how many customers a year this keeps to value this',
  'missing.revenuePerCustomerYear': 'Add the yearly revenue per customer to value this',
  'missing.lifetimeYears': 'Add a customer’s lifetime in years to value this',
  'missing.amountPerContact': 'Add the fee or cost per contact avoided at “{touchpoint}” ({stage}) to value this',
};

const DA: BusinessMessages = {
  'formula.fewerContacts': '»{touchpoint}« ({stage}): {volume} kontakter om året × {share} færre = {contacts} kontakter sparet',
  'formula.responseRate':
    '»{touchpoint}« ({stage}): svarprocent {from} → {rate}, så {gain} af de {volume} kontakter om året ved »{avoidsAt}« spares = {contacts} kontakter',
  'formula.contactsValue': '{contacts} kontakter × {cost} pr. kontakt = {value} om året',
  'formula.customersKept': '{customers} kunder fastholdt om året × {revenue} om året × {years} = {value}',
  'formula.costAvoided': '»{touchpoint}« ({stage}): {volume} kontakter om året × {share} × {amount} = {value} om året',
  'formula.range': 'Sikkerhed {confidence} af 5: {low} – {high} (±{spread})',
  'formula.confidenceAssumed': 'Sikkerhed ikke angivet: {confidence} antaget',
  'missing.effects': 'Angiv hvad idéen ændrer (færre kontakter, højere svarprocent, fastholdte kunder, sparede omkostninger) for at værdisætte den',
  'missing.touchpoint': 'En effekt peger på et kontaktpunkt, der ikke længere er på tavlen; vælg et andet',
  'missing.yearlyVolume': 'Tilføj antal kontakter om året ved »{touchpoint}« ({stage}) for at værdisætte dette',
  'missing.costPerContact': 'Tilføj omkostningen pr. kontakt ved »{touchpoint}« ({stage}) for at værdisætte dette',
  'missing.responseRate': 'Tilføj dagens svarprocent ved »{touchpoint}« ({stage}) for at værdisætte dette',
  'missing.customersPerYear': 'Tilføj hvor mange kunder om året dette fastholder for at værdisætte det',
  'missing.revenuePerCustomerYear': 'Tilføj den årlige omsætning pr. kunde for at værdisætte dette',
  'missing.lifetimeYears': 'Tilføj en kundes levetid i år for at værdisætte dette',
  'missing.amountPerContact': 'Tilføj det gebyr eller den omkostning pr. kontakt, der spares ved »{touchpoint}« ({stage}), for at værdisætte dette',
};

const SV: BusinessMessages = {
  'formula.fewerContacts': '”{touchpoint}” ({stage}): {volume} kontakter per år × {share} färre = {contacts} kontakter som undviks',
  'formula.responseRate':
    '”{touchpoint}” ({stage}): svarsfrekvens {from} → {rate}, så {gain} av de {volume} kontakterna per år vid ”{avoidsAt}” undviks = {contacts} kontakter',
  'formula.contactsValue': '{contacts} kontakter × {cost} per kontakt = {value} per år',
  'formula.customersKept': '{customers} kunder kvar per år × {revenue} per år × {years} = {value}',
  'formula.costAvoided': '”{touchpoint}” ({stage}): {volume} kontakter per år × {share} × {amount} = {value} per år',
  'formula.range': 'Säkerhet {confidence} av 5: {low} – {high} (±{spread})',
  'formula.confidenceAssumed': 'Säkerhet inte angiven: {confidence} antas',
  'missing.effects': 'Ange vad idén ändrar (färre kontakter, högre svarsfrekvens, kunder som stannar, kostnader som undviks) för att värdera den',
  'missing.touchpoint': 'En effekt hänvisar till en kontaktpunkt som inte längre finns på tavlan; välj en annan',
  'missing.yearlyVolume': 'Lägg till antal kontakter per år vid ”{touchpoint}” ({stage}) för att värdera detta',
  'missing.costPerContact': 'Lägg till kostnaden per kontakt vid ”{touchpoint}” ({stage}) för att värdera detta',
  'missing.responseRate': 'Lägg till dagens svarsfrekvens vid ”{touchpoint}” ({stage}) för att värdera detta',
  'missing.customersPerYear': 'Lägg till hur många kunder per år detta behåller för att värdera det',
  'missing.revenuePerCustomerYear': 'Lägg till årsintäkten per kund för att värdera detta',
  'missing.lifetimeYears': 'Lägg till en kunds livslängd i år för att värdera detta',
  'missing.amountPerContact': 'Lägg till avgiften eller kostnaden per kontakt som undviks vid ”{touchpoint}” ({stage}) för att värdera detta',
};

const YEARS: Readonly<Record<'en' | 'da' | 'sv', { one: string; other: string }>> = {
  en: { one: '# year', other: '# years' },
  da: { one: '# år', other: '# år' },
  sv: { one: '# år', other: '# år' },
};

const CATALOGUES = { en: EN, da: DA, sv: SV } as const;
type BusinessLanguage = keyof typeof CATALOGUES;

function languageOf(locale: string): BusinessLanguage {
  const language = locale.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return language === 'da' || language === 'sv' ? language : 'en';
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  try {
    return new Intl.NumberFormat(locale, options);
  } catch {
    return new Intl.NumberFormat('en', options);
  }
}

/** Money in the board's currency, whole units from 100 up ("12.500.000 kr."). */
/** A business value: whole units from 100 up (a yearly value in cents reads as false precision). */
export function formatValueMoney(value: number, locale: string, currency: string): string {
  const whole = Math.abs(value) >= 100;
  return numberFormat(locale, { style: 'currency', currency, maximumFractionDigits: whole ? 0 : 2, minimumFractionDigits: whole ? 0 : undefined }).format(value);
}

/** One argument as the reader expects it in `locale`. */
export function formatBusinessArg(arg: BusinessArg, locale: string, currency: string): string {
  if (typeof arg.value === 'string') return arg.value;
  switch (arg.type) {
    case 'money':
      return formatValueMoney(arg.value, locale, currency);
    case 'count':
      return numberFormat(locale, { maximumFractionDigits: 0 }).format(arg.value);
    case 'percent':
      return numberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(arg.value);
    case 'years': {
      const forms = YEARS[languageOf(locale)];
      const n = numberFormat(locale, { maximumFractionDigits: 1 }).format(arg.value);
      return (arg.value === 1 ? forms.one : forms.other).replace('#', n);
    }
    case 'score':
    case 'text':
      return numberFormat(locale, { maximumFractionDigits: 1 }).format(arg.value);
  }
}

/**
 * A business-case sentence in the language of `locale` (English when not da/sv). Numbers and
 * money follow `numberLocale` (default the same): the UI writes its own language with the
 * board's number format.
 */
export function renderBusinessText(message: BusinessText, locale: string, currency: string, numberLocale: string = locale): string {
  const template = CATALOGUES[languageOf(locale)][message.key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const arg = Object.hasOwn(message.args, name) ? message.args[name] : undefined;
    if (!arg) return whole;
    // "år"/"years" belong to the sentence's language, the digits to the board's format.
    if (arg.type === 'years' && typeof arg.value === 'number') {
      const forms = YEARS[languageOf(locale)];
      const n = numberFormat(numberLocale, { maximumFractionDigits: 1 }).format(arg.value);
      return (arg.value === 1 ? forms.one : forms.other).replace('#', n);
    }
    return formatBusinessArg(arg, numberLocale, currency);
  });
}

/** The templates themselves, for tests that check every language has every key. */
export const BUSINESS_MESSAGES: Readonly<Record<BusinessLanguage, BusinessMessages>> = CATALOGUES;

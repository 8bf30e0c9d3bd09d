import type { DunningLanguage } from './defaults.ts';

/** The words of a generated dunning board, per language (board data, like a template's texts). */
export interface GeneratedWords {
  title: string;
  lanes: Readonly<Record<'actions' | 'touchpoints' | 'thoughts' | 'emotions' | 'pains' | 'ideas' | 'backstage', string>>;
  stages: Readonly<Record<StageKey, string>>;
  cards: Readonly<Record<CardKey, string>>;
}

export type StageKey = 'invoice' | 'due' | 'window' | 'reminder1' | 'reminder2' | 'finalNotice' | 'collection' | 'plan' | 'legal';
export type CardKey =
  | 'invoice'
  | 'due'
  | 'nudgeFirst'
  | 'nudgeLast'
  | 'paysInWindow'
  | 'reminder1'
  | 'disputeCall'
  | 'paysExplained'
  | 'reminder2'
  | 'breathingSpace'
  | 'promise'
  | 'finalNotice'
  | 'collection'
  | 'plan'
  | 'legal';

export const GENERATED_WORDS: Readonly<Record<DunningLanguage, GeneratedWords>> = {
  en: {
    title: 'Dunning process',
    lanes: {
      actions: 'Customer actions',
      touchpoints: 'Touchpoints',
      thoughts: 'Thoughts',
      emotions: 'Emotions',
      pains: 'Pain points',
      ideas: 'Ideas and actions',
      backstage: 'Backstage',
    },
    stages: {
      invoice: 'Invoice',
      due: 'Due date',
      window: 'Pre-reminder window',
      reminder1: 'Reminder 1',
      reminder2: 'Reminder 2',
      finalNotice: 'Final notice',
      collection: 'Collection',
      plan: 'Payment plan',
      legal: 'Enforcement',
    },
    cards: {
      invoice: 'Invoice with due date and payment details',
      due: 'Due-date reminder: the invoice is due today',
      nudgeFirst: 'Friendly nudge: the invoice is overdue, pay now',
      nudgeLast: 'Last nudge before the reminder and its fee',
      paysInWindow: 'Pays inside the window: no reminder, no fee',
      reminder1: 'Reminder 1 with a reminder fee',
      disputeCall: 'Calls: this must be a mistake',
      paysExplained: 'Pays once the claim is explained',
      reminder2: 'Reminder 2 with a reminder fee',
      breathingSpace: 'Breathing space: dunning paused while the customer gets debt advice',
      promise: 'Promises to pay by a new date',
      finalNotice: 'Final notice: the claim goes to collection',
      collection: 'Claim handed to collection',
      plan: 'Payment plan offered and agreed',
      legal: 'Legal step: the claim goes to court and enforcement',
    },
  },
  da: {
    title: 'Rykkerforløb',
    lanes: {
      actions: 'Kundens handlinger',
      touchpoints: 'Kontaktpunkter',
      thoughts: 'Tanker',
      emotions: 'Følelser',
      pains: 'Smertepunkter',
      ideas: 'Idéer og handlinger',
      backstage: 'Bag kulisserne',
    },
    stages: {
      invoice: 'Faktura',
      due: 'Forfaldsdato',
      window: 'Før rykker',
      reminder1: 'Rykker 1',
      reminder2: 'Rykker 2',
      finalNotice: 'Sidste varsel',
      collection: 'Inkasso',
      plan: 'Afdragsordning',
      legal: 'Fogedretten',
    },
    cards: {
      invoice: 'Faktura med forfaldsdato og betalingsoplysninger',
      due: 'Påmindelse på forfaldsdagen: fakturaen forfalder i dag',
      nudgeFirst: 'Venlig påmindelse: fakturaen er forfalden, betal nu',
      nudgeLast: 'Sidste påmindelse før rykkeren og rykkergebyret',
      paysInWindow: 'Betaler inden rykkeren: ingen rykker, intet gebyr',
      reminder1: 'Rykker 1 med rykkergebyr',
      disputeCall: 'Ringer: det må være en fejl',
      paysExplained: 'Betaler, da kravet er forklaret',
      reminder2: 'Rykker 2 med rykkergebyr',
      breathingSpace: 'Pusterum: rykkerne stilles i bero, mens kunden får gældsrådgivning',
      promise: 'Lover at betale på en ny dato',
      finalNotice: 'Sidste varsel: kravet sendes til inkasso',
      collection: 'Kravet overdrages til inkasso',
      plan: 'Afdragsordning tilbudt og aftalt',
      legal: 'Retsligt skridt: kravet sendes til fogedretten',
    },
  },
  sv: {
    title: 'Påminnelseprocess',
    lanes: {
      actions: 'Kundens handlingar',
      touchpoints: 'Kontaktpunkter',
      thoughts: 'Tankar',
      emotions: 'Känslor',
      pains: 'Smärtpunkter',
      ideas: 'Idéer och åtgärder',
      backstage: 'Bakom kulisserna',
    },
    stages: {
      invoice: 'Faktura',
      due: 'Förfallodag',
      window: 'Före påminnelse',
      reminder1: 'Påminnelse 1',
      reminder2: 'Påminnelse 2',
      finalNotice: 'Sista påminnelse',
      collection: 'Inkassokrav',
      plan: 'Avbetalningsplan',
      legal: 'Kronofogden',
    },
    cards: {
      invoice: 'Faktura med förfallodag och betalningsuppgifter',
      due: 'Påminnelse på förfallodagen: fakturan förfaller i dag',
      nudgeFirst: 'Vänlig påminnelse: fakturan är förfallen, betala nu',
      nudgeLast: 'Sista påminnelsen före påminnelseavgiften',
      paysInWindow: 'Betalar före påminnelsen: ingen avgift',
      reminder1: 'Påminnelse 1 med påminnelseavgift',
      disputeCall: 'Ringer: det måste vara ett misstag',
      paysExplained: 'Betalar när kravet har förklarats',
      reminder2: 'Påminnelse 2 med påminnelseavgift',
      breathingSpace: 'Andrum: påminnelserna pausas medan kunden får skuldrådgivning',
      promise: 'Lovar att betala ett nytt datum',
      finalNotice: 'Sista påminnelse: kravet går till inkasso',
      collection: 'Kravet lämnas till inkasso',
      plan: 'Avbetalningsplan erbjuden och avtalad',
      legal: 'Rättsligt steg: betalningsföreläggande hos Kronofogden',
    },
  },
};

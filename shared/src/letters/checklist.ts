/**
 * What a debtor must be able to see on a reminder or a collection letter (`shared/DOMAIN.md`):
 * the original creditor, the product or invoice, the amount and due date, the fee and why,
 * how to pay, how to get help or a payment plan, and whom to contact. Each item is found
 * (with the words that showed it) or missing.
 *
 * Cues are word patterns in English, Danish and Swedish, all tried on every letter (a Danish
 * letter quoting an English product name still counts). They look at words, not meaning:
 * the checklist says "no word for a payment plan was found", never "the letter is lawful".
 */

export const CHECKLIST_ITEMS = [
  'original-creditor',
  'product-or-invoice',
  'amount-and-due-date',
  'fee-and-why',
  'how-to-pay',
  'help-or-plan',
  'contact',
] as const;
export type ChecklistItemKey = (typeof CHECKLIST_ITEMS)[number];

/** Parts an item needs; an item is found when every part is. */
export type ChecklistPart = 'creditor' | 'product' | 'amount' | 'due-date' | 'fee' | 'reason' | 'payment' | 'help' | 'contact';

export interface ChecklistResult {
  item: ChecklistItemKey;
  found: boolean;
  /** Each part and the text that showed it (null: not found). */
  parts: Array<{ part: ChecklistPart; evidence: string | null }>;
}

const MONTHS =
  'jan(?:uary|uar|uari)?|feb(?:ruary|ruar|ruari)?|mar(?:ch|ts|s)?|apr(?:il)?|ma[jy]|maj|jun(?:e|i)?|jul(?:y|i)?|aug(?:ust|usti)?|sep(?:tember)?|o[ck]t(?:ober)?|nov(?:ember)?|dec(?:ember)?';

/** A pattern that only matches at word edges (letters in æøåäö included). */
const words = (source: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}])`, 'iu');
/** A pattern that may sit inside a compound word ("rykkergebyr", "påminnelseavgift"). */
const stem = (source: string): RegExp => new RegExp(source, 'iu');

const CUES: Readonly<Record<ChecklistPart, readonly RegExp[]>> = {
  creditor: [
    words(
      'original creditor|your creditor|creditor:|on behalf of|your (?:agreement|contract|account) with|bought (?:the|your) (?:claim|debt) from|took over the claim',
    ),
    words('oprindelige? kreditor|din kreditor|kreditor:|på vegne af|din aftale med|købt (?:kravet|fordringen) af|overtaget kravet fra'),
    words(
      'ursprungliga? (?:fordringsägare|borgenär)|din (?:fordringsägare|borgenär)|fordringsägare:|på uppdrag av|för .{1,60}? räkning|ditt avtal med|köpt (?:fordran|skulden) från',
    ),
  ],
  product: [
    stem('invoice\\s*(?:no\\.?|number|nr\\.?|#)?\\s*\\d|faktura(?:nummer|nr\\.?)?\\s*\\d|fakturanummer'),
    words('product|subscription|order (?:no\\.?|number)|(?:customer|account|contract|agreement) (?:no\\.?|number)'),
    words('produkt|abonnement|ordrenummer|kundenummer|aftalenummer|abonnemang|ordernummer|kundnummer|avtalsnummer'),
  ],
  amount: [stem('\\d[\\d.,\\s]*\\s?(?:kr\\.?|dkk|sek|eur|€|\\$)(?![\\p{L}])|(?:kr\\.?|dkk|sek|eur|€|\\$)\\s?\\d')],
  'due-date': [
    stem('\\d{4}-\\d{2}-\\d{2}|\\b\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}'),
    words(`\\d{1,2}\\.?\\s(?:${MONTHS})(?:\\s\\d{4})?|(?:${MONTHS})\\s\\d{1,2}`),
  ],
  fee: [stem('(?<![\\p{L}])fees?(?![\\p{L}])|(?<![\\p{L}])charges?(?![\\p{L}])|gebyr|avgift')],
  reason: [
    words('because|since (?:the|your|we)|as (?:the|your) (?:invoice|payment)|the law (?:allows|lets)|interest act|under (?:the|section)'),
    words('fordi|da (?:fakturaen|betalingen|beløbet)|renteloven|efter loven|jf\\.|i henhold til|skyldes'),
    words('eftersom|på grund av|enligt (?:lag|lagen|förordning)|inkassolagen'),
  ],
  payment: [
    words(
      'pay (?:by|with|to|online|via|at|in)|account (?:no\\.?|number)|(?:to )?account \\d|bank transfer|payment (?:slip|details|reference)|iban|mobilepay|swish',
    ),
    words(
      'betal (?:med|via|på|til|online)|betale (?:med|via|på|til)|kontonummer|konto \\d|reg\\.?\\s?nr|indbetal\\w*|betalingsservice|fik-?nummer',
    ),
    words('betala (?:med|via|till|på|in)|bankgiro|plusgiro|ocr(?:-nummer)?|betalkort|autogiro'),
  ],
  help: [
    words("payment plan|instal(?:l)?ments?|pay in parts|(?:cannot|can't|can’t) pay|difficult(?:y|ies)? (?:paying|to pay)|help"),
    words('afdragsordning|afdrag|betalingsaftale|(?:ikke kan|kan ikke) betale|svært ved at betale|hjælp'),
    words('avbetalningsplan|avbetalning|(?:inte kan|kan inte) betala|svårt att betala|hjälp'),
  ],
  contact: [
    // Phone numbers: "+45 70 20 30 40", "70 20 30 40", "08-123 456 00" — not an account number.
    stem(
      '\\+\\d{2,3}(?:[\\s-]?\\d){6,12}(?![\\d])|(?<!\\d[\\s-]?)\\d{2}(?:[\\s-]\\d{2}){3}(?![\\s-]?\\d)|(?<!\\d[\\s-]?)0\\d{1,3}-\\d{2,3}(?:\\s\\d{2,3}){1,3}(?![\\s-]?\\d)',
    ),
    words(
      'call us|phone|tel\\.?|e-?mail us|write to us|contact us|chat|my pages|ring (?:til )?os|telefon|tlf\\.?|kontakt(?:a|e)?(?: os| oss)?|skriv til os|mine sider|ring oss|skriv till oss|e-post|chatt|mina sidor',
    ),
  ],
};

const PARTS_OF: Readonly<Record<ChecklistItemKey, readonly ChecklistPart[]>> = {
  'original-creditor': ['creditor'],
  'product-or-invoice': ['product'],
  'amount-and-due-date': ['amount', 'due-date'],
  'fee-and-why': ['fee', 'reason'],
  'how-to-pay': ['payment'],
  'help-or-plan': ['help'],
  contact: ['contact'],
};

function evidenceFor(part: ChecklistPart, text: string): string | null {
  for (const cue of CUES[part]) {
    const match = cue.exec(text);
    if (match) return match[0].trim();
  }
  return null;
}

/** The debtor checklist of one message text. */
export function debtorChecklist(text: string): ChecklistResult[] {
  const flat = text.replace(/\s+/g, ' ');
  return CHECKLIST_ITEMS.map((item) => {
    const parts = PARTS_OF[item].map((part) => ({ part, evidence: evidenceFor(part, flat) }));
    return { item, found: parts.every((p) => p.evidence !== null), parts };
  });
}

/** The items a text misses, in checklist order. */
export const missingItems = (text: string): ChecklistItemKey[] =>
  debtorChecklist(text)
    .filter((r) => !r.found)
    .map((r) => r.item);

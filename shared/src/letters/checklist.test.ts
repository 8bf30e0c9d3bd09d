import { describe, expect, it } from 'vitest';
import { debtorChecklist, missingItems, CHECKLIST_ITEMS } from './checklist.ts';
import { letterLab } from './lab.ts';

const GOOD = {
  en: `We write on behalf of Nordtel about invoice 20417 for your phone. You owe 1,249.00 DKK, due on 5 March 2026.
A reminder fee of 100 DKK was added because the invoice was not paid on time.
Pay with MobilePay to 12345. Can't pay it all? Set up a payment plan. Questions? Call us on +45 70 20 30 40.`,
  da: `Vi skriver på vegne af Nordtel om faktura 20417 for din telefon. Du skylder 1.249,00 kr., der forfaldt den 5. marts 2026.
Vi har lagt et rykkergebyr på 100 kr. til, fordi fakturaen ikke blev betalt til tiden.
Betal med MobilePay til 12345. Kan du ikke betale det hele, kan du få en afdragsordning. Ring til os på 70 20 30 40.`,
  sv: `Vi skriver på uppdrag av Nordtel om faktura 20417 för din telefon. Du är skyldig 1 249,00 kr som förföll den 5 mars 2026.
En påminnelseavgift på 60 kr har lagts till eftersom fakturan inte betalades i tid.
Betala med Swish till 123 456 78 90. Kan du inte betala allt kan du få en avbetalningsplan. Ring oss på 08-123 456 00.`,
} as const;

describe('the debtor checklist', () => {
  it.each(Object.entries(GOOD))('finds all seven items in a complete letter (%s)', (_lang, text) => {
    expect(missingItems(text)).toEqual([]);
  });

  it('names the original creditor only when the letter says whose claim it is', () => {
    expect(missingItems('Your claim has been transferred to Nordkredit for collection.')).toContain('original-creditor');
    const [creditor] = debtorChecklist('Nordkredit writes on behalf of Nordtel.');
    expect(creditor).toEqual({
      item: 'original-creditor',
      found: true,
      parts: [{ part: 'creditor', evidence: 'on behalf of' }],
    });
  });

  it('needs both the amount and a due date; "within 10 days" is no date', () => {
    const result = debtorChecklist('Total outstanding: 1.749,00 kr. Betal inden 10 dage.').find((r) => r.item === 'amount-and-due-date');
    expect(result?.found).toBe(false);
    expect(result?.parts).toEqual([
      { part: 'amount', evidence: '1.749,00 kr.' },
      { part: 'due-date', evidence: null },
    ]);
  });

  it('needs the fee and the reason it was added, in compound words too', () => {
    const fee = (text: string) => debtorChecklist(text).find((r) => r.item === 'fee-and-why');
    expect(fee('Rykkergebyr: 100 kr.')?.found).toBe(false);
    expect(fee('Rykkergebyr: 100 kr., fordi fakturaen ikke blev betalt.')?.found).toBe(true);
    expect(fee('Påminnelseavgift 60 kr enligt lagen.')?.found).toBe(true);
    expect(fee('Collection charges have been added.')?.found).toBe(false);
  });

  it('a threatening letter without help, product or creditor misses them all', () => {
    const text =
      'FINAL NOTICE. The outstanding obligation remains unsettled. Failure to remit 1,749.00 DKK within 10 days will result in the matter being referred to the enforcement court. Payment must be effected to account 1234 5678901234.';
    expect(missingItems(text)).toEqual([
      'original-creditor',
      'product-or-invoice',
      'amount-and-due-date',
      'fee-and-why',
      'help-or-plan',
      'contact',
    ]);
  });

  it('does not see a word inside another word: "helpful" is not help, "chatter" is no chat', () => {
    expect(missingItems('We are helpful. No chatter.')).toEqual(expect.arrayContaining(['help-or-plan', 'contact']));
  });

  it('lists every item once, in order', () => {
    expect(debtorChecklist('').map((r) => r.item)).toEqual([...CHECKLIST_ITEMS]);
  });
});

describe('the letter lab', () => {
  it('puts the variants side by side with readability and checklist, marking the one in use', () => {
    const verdicts = letterLab({ a: 'Pay now.', b: GOOD.en, inUse: 'a' }, 'en');
    expect(verdicts.map((v) => [v.variant, v.inUse, v.found])).toEqual([
      ['a', true, 0],
      ['b', false, 7],
    ]);
    expect(verdicts[1]?.readability.index).toBe('flesch');
  });

  it('skips an empty variant and a missing message', () => {
    expect(letterLab({ a: '  ', b: 'Betal nu.' }, 'da').map((v) => v.variant)).toEqual(['b']);
    expect(letterLab(undefined, 'da')).toEqual([]);
  });
});

describe('phone numbers as a way to contact', () => {
  const contact = (text: string) => debtorChecklist(text).find((r) => r.item === 'contact')?.parts[0]?.evidence ?? null;
  it.each(['+45 70 20 30 40', '70 20 30 40', '08-123 456 00', '+46812345600'])('sees %s', (phone) => {
    expect(contact(`Numret är ${phone}.`)).toBe(phone);
  });
  it('does not take an account number for a phone number', () => {
    expect(contact('Account 1234 5678901234, reference 20417.')).toBeNull();
  });
});

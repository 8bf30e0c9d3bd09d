/**
 * ICU messages (`{name}`, `{n, plural, one {# card} other {# cards}}`, `{x, select, a {…} other {…}}`)
 * formatted by `intl-messageformat`, the maintained formatter, rather than a parser of our own.
 * Two things are added on top, both for the way our catalogues are written:
 * - a number passed to a plain `{n}` is written the locale's way ("800.000" in Danish), as a
 *   `{n, number}` would be, instead of the library's `String(n)`;
 * - a missing parameter does not throw: it stays visible as `{name}` (plural counts read as 0,
 *   selects take `other`), so a forgotten parameter shows up in the UI instead of blanking it.
 */
import {
  createNumberElement,
  isArgumentElement,
  isDateElement,
  isLiteralElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  isTimeElement,
  parse,
  type MessageFormatElement,
} from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { safeLocale } from './locales.ts';

export type MessageParams = Readonly<Record<string, string | number>>;

/** A message that is not valid ICU, named with the library's reason. */
export class MessageSyntaxError extends Error {
  constructor(reason: string, source: string) {
    super(`${reason} in message "${source}"`);
    this.name = 'MessageSyntaxError';
  }
}

/** How a message reads one argument (it may read it in more than one way). */
interface ArgumentUse {
  plain: boolean;
  plural: boolean;
  select: boolean;
}

interface ParsedMessage {
  ast: MessageFormatElement[];
  /** The text of a message that is only text (most are): it needs no formatter. */
  plain: string | null;
  /** Every argument the message reads, nested branches included. */
  args: ReadonlyMap<string, ArgumentUse>;
}

const parsed = new Map<string, ParsedMessage>();

function collectArguments(elements: readonly MessageFormatElement[], into: Map<string, ArgumentUse>): void {
  const use = (name: string): ArgumentUse => {
    let found = into.get(name);
    if (!found) {
      found = { plain: false, plural: false, select: false };
      into.set(name, found);
    }
    return found;
  };
  for (const el of elements) {
    if (isPluralElement(el)) use(el.value).plural = true;
    else if (isSelectElement(el)) use(el.value).select = true;
    else if (isArgumentElement(el) || isNumberElement(el) || isDateElement(el) || isTimeElement(el)) use(el.value).plain = true;
    if (isPluralElement(el) || isSelectElement(el)) {
      for (const option of Object.values(el.options)) collectArguments(option.value, into);
    } else if (isTagElement(el)) {
      collectArguments(el.children, into);
    }
  }
}

/** The literal text of a message, branches included. */
function literalText(elements: readonly MessageFormatElement[]): string {
  return elements
    .map((el) =>
      isLiteralElement(el)
        ? el.value
        : isPluralElement(el) || isSelectElement(el)
          ? Object.values(el.options)
              .map((o) => literalText(o.value))
              .join('')
          : '',
    )
    .join('');
}

/** Parses (once per source) and checks a message; throws `MessageSyntaxError` when it is not ICU. */
function parseCached(source: string): ParsedMessage {
  let found = parsed.get(source);
  if (!found) {
    let ast: MessageFormatElement[];
    try {
      ast = parse(source, { ignoreTag: true, requiresOtherClause: true });
    } catch (error) {
      throw new MessageSyntaxError((error as Error).message, source);
    }
    // The library reads a stray `}` as text; in a catalogue it is a typo, so it is refused
    // (a brace meant as text is quoted, `'}'`, ICU's way).
    if (/[{}]/.test(literalText(ast)) && !/'[{}]/.test(source)) throw new MessageSyntaxError('unbalanced "}"', source);
    const args = new Map<string, ArgumentUse>();
    collectArguments(ast, args);
    const plain = ast.every(isLiteralElement) ? ast.map((el) => el.value).join('') : null;
    found = { ast, args, plain };
    parsed.set(source, found);
  }
  return found;
}

/** The names of every argument a message uses, sorted (for comparing translations). */
export function messageArguments(source: string): string[] {
  return [...parseCached(source).args.keys()].sort();
}

/** Checks a message's syntax; throws `MessageSyntaxError` naming the source when it is not ICU. */
export function checkMessage(source: string): void {
  parseCached(source);
}

/** The AST with each plain `{name}` whose value is a number turned into `{name, number}`. */
function numbersAsNumbers(elements: readonly MessageFormatElement[], numeric: ReadonlySet<string>): MessageFormatElement[] {
  return elements.map((el): MessageFormatElement => {
    if (isArgumentElement(el) && numeric.has(el.value)) return createNumberElement(el.value);
    if (isPluralElement(el) || isSelectElement(el)) {
      const options = Object.fromEntries(
        Object.entries(el.options).map(([key, option]) => [key, { ...option, value: numbersAsNumbers(option.value, numeric) }]),
      );
      return { ...el, options } as MessageFormatElement;
    }
    return el;
  });
}

// A new formatter resolves its locale through Intl.NumberFormat.supportedLocalesOf, which loads
// ICU's list of locales (30–40 ms the first time, on a page's first render), only to keep the
// result for parsing message strings. Ours come parsed, and formatting uses the tag it is given.
IntlMessageFormat.resolveLocale = (locales) => new Intl.Locale(Array.isArray(locales) ? (locales[0] ?? 'en') : locales);

const formatters = new Map<string, IntlMessageFormat>();

function formatterFor(source: string, message: ParsedMessage, locale: string, numeric: readonly string[]): IntlMessageFormat {
  const key = `${locale}\u0000${numeric.join(',')}\u0000${source}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const ast = numeric.length > 0 ? numbersAsNumbers(message.ast, new Set(numeric)) : message.ast;
    formatter = new IntlMessageFormat(ast, locale, undefined, { ignoreTag: true });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Formats one message for a locale: any BCP 47 tag (`da-DK` writes numbers the Danish way);
 * a malformed tag formats as English.
 */
export function formatMessage(source: string, locale: string, params: MessageParams = {}): string {
  const message = parseCached(source);
  // Making a formatter resolves its locale through Intl, tens of milliseconds for a page's first
  // few; a message that is only text has nothing to format.
  if (message.plain !== null) return message.plain;
  const tag = safeLocale(locale);
  if (message.args.size === 0) return formatterFor(source, message, tag, []).format() as string;
  const values: Record<string, string | number> = {};
  const numeric: string[] = [];
  for (const [name, use] of message.args) {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (value === undefined) values[name] = use.plural ? 0 : use.select ? 'other' : `{${name}}`;
    else {
      values[name] = value;
      if (typeof value === 'number' && use.plain) numeric.push(name);
    }
  }
  return formatterFor(source, message, tag, numeric).format(values) as string;
}

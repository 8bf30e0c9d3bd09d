/**
 * A small ICU-like message formatter: `{name}` interpolation, `{n, plural, =0 {…} one {# card} other {# cards}}`
 * (plural categories from Intl.PluralRules, `#` is the number formatted for the locale) and
 * `{x, select, a {…} other {…}}`. Messages are parsed once and cached.
 */
export type MessageParams = Readonly<Record<string, string | number>>;

type Part =
  | { type: 'text'; value: string }
  | { type: 'arg'; name: string }
  | { type: 'pound' }
  | { type: 'plural'; name: string; options: Map<string, Part[]> }
  | { type: 'select'; name: string; options: Map<string, Part[]> };

export class MessageSyntaxError extends Error {
  constructor(message: string, source: string) {
    super(`${message} in message "${source}"`);
    this.name = 'MessageSyntaxError';
  }
}

class Parser {
  private pos = 0;
  constructor(private readonly source: string) {}

  parse(): Part[] {
    const parts = this.parseParts(false, false);
    if (this.pos < this.source.length) this.fail('unexpected "}"');
    return parts;
  }

  private fail(message: string): never {
    throw new MessageSyntaxError(`${message} at ${this.pos}`, this.source);
  }

  /** Text and arguments until the end, or until the `}` closing a plural/select branch. */
  private parseParts(inBranch: boolean, inPlural: boolean): Part[] {
    const parts: Part[] = [];
    let text = '';
    const flush = () => {
      if (text) parts.push({ type: 'text', value: text });
      text = '';
    };
    while (this.pos < this.source.length) {
      const ch = this.source[this.pos] as string;
      if (ch === '}') {
        if (!inBranch) this.fail('unexpected "}"');
        break;
      }
      if (ch === '{') {
        flush();
        parts.push(this.parseArgument());
        continue;
      }
      if (ch === '#' && inPlural) {
        flush();
        parts.push({ type: 'pound' });
        this.pos += 1;
        continue;
      }
      text += ch;
      this.pos += 1;
    }
    flush();
    return parts;
  }

  private skipSpace(): void {
    while (/\s/.test(this.source[this.pos] ?? '')) this.pos += 1;
  }

  private readWord(): string {
    this.skipSpace();
    const start = this.pos;
    while (this.pos < this.source.length && /[^\s{},]/.test(this.source[this.pos] as string)) this.pos += 1;
    if (start === this.pos) this.fail('expected a name');
    return this.source.slice(start, this.pos);
  }

  private expect(ch: string): void {
    this.skipSpace();
    if (this.source[this.pos] !== ch) this.fail(`expected "${ch}"`);
    this.pos += 1;
  }

  private parseArgument(): Part {
    this.expect('{');
    const name = this.readWord();
    this.skipSpace();
    if (this.source[this.pos] === '}') {
      this.pos += 1;
      return { type: 'arg', name };
    }
    this.expect(',');
    const kind = this.readWord();
    if (kind !== 'plural' && kind !== 'select') this.fail(`unknown argument type "${kind}"`);
    this.expect(',');
    const options = new Map<string, Part[]>();
    this.skipSpace();
    while (this.source[this.pos] !== '}') {
      if (this.pos >= this.source.length) this.fail('unclosed argument');
      const key = this.readWord();
      this.expect('{');
      options.set(key, this.parseParts(true, kind === 'plural'));
      this.expect('}');
      this.skipSpace();
    }
    this.pos += 1;
    if (!options.has('other')) this.fail(`"${name}" needs an "other" branch`);
    return { type: kind, name, options };
  }
}

const parsed = new Map<string, Part[]>();

export function parseMessage(source: string): Part[] {
  let parts = parsed.get(source);
  if (!parts) {
    parts = new Parser(source).parse();
    parsed.set(source, parts);
  }
  return parts;
}

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function rulesFor(locale: string): Intl.PluralRules {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}

function numberFormatFor(locale: string): Intl.NumberFormat {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format;
}

function render(parts: readonly Part[], locale: string, params: MessageParams, pound: number | null): string {
  let out = '';
  for (const part of parts) {
    switch (part.type) {
      case 'text':
        out += part.value;
        break;
      case 'pound':
        out += pound === null ? '#' : numberFormatFor(locale).format(pound);
        break;
      case 'arg': {
        const value = params[part.name];
        if (value === undefined) out += `{${part.name}}`;
        else out += typeof value === 'number' ? numberFormatFor(locale).format(value) : value;
        break;
      }
      case 'plural': {
        const value = Number(params[part.name] ?? 0);
        const branch =
          part.options.get(`=${value}`) ?? part.options.get(rulesFor(locale).select(value)) ?? part.options.get('other');
        out += render(branch ?? [], locale, params, value);
        break;
      }
      case 'select': {
        const value = String(params[part.name] ?? 'other');
        out += render(part.options.get(value) ?? part.options.get('other') ?? [], locale, params, pound);
        break;
      }
    }
  }
  return out;
}

/** Formats one message for a locale; a missing parameter is left visible as `{name}`. */
export function formatMessage(source: string, locale: string, params: MessageParams = {}): string {
  return render(parseMessage(source), locale, params, null);
}

/**
 * Chinese for the English texts the API produces (problem details, field messages), keyed by the
 * English text like a gettext catalogue. Messages are written in English where they are thrown;
 * each lib registers the Chinese of its own messages (see its `messages.zh.ts`), and the problem
 * filter answers in Chinese when the caller asks for it.
 *
 * A template names its variable parts in braces: `{id}` takes any text and keeps it as it is;
 * `{name:term}` takes one of the registered terms (an entity or a state) and uses its Chinese;
 * `{name:field}` takes a field name (no spaces) and keeps it;
 * `{name:message}` takes another message and translates it in turn.
 */
export interface MessageRule {
  en: string;
  zh: string;
}

/** A lib's Chinese: its message templates, and the words (entity and state names) they use. */
export interface ZhMessageSet {
  rules: MessageRule[];
  terms?: Record<string, string>;
}

interface CompiledRule {
  pattern: RegExp;
  slots: { name: string; kind: SlotKind }[];
  zh: string;
  specificity: number;
}

type SlotKind = 'text' | 'term' | 'field' | 'message';

const SLOT = /\{(\w+)(?::(term|field|message))?\}/g;
const FIELD_NAME = '([\\w.\\[\\]-]+)';
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class ZhCatalogue {
  private readonly sources: MessageRule[] = [];
  private readonly terms = new Map<string, string>();
  private compiled: CompiledRule[] | null = null;

  add({ rules, terms = {} }: ZhMessageSet): void {
    this.sources.push(...rules);
    for (const [en, zh] of Object.entries(terms)) this.terms.set(en, zh);
    this.compiled = null;
  }

  /** The Chinese of an English message, or undefined when the catalogue does not know it. */
  translate(english: string, depth = 0): string | undefined {
    if (depth > 3) return undefined;
    const term = this.terms.get(english);
    if (term) return term;
    for (const rule of this.rules()) {
      const match = rule.pattern.exec(english);
      if (!match) continue;
      const values = new Map<string, string>();
      let complete = true;
      rule.slots.forEach((slot, index) => {
        const value = match[index + 1];
        if (slot.kind === 'term') values.set(slot.name, this.terms.get(value) ?? value);
        else if (slot.kind === 'message') {
          const inner = this.translate(value, depth + 1);
          if (inner === undefined) complete = false;
          values.set(slot.name, inner ?? value);
        } else values.set(slot.name, value);
      });
      if (!complete) continue;
      return rule.zh.replace(SLOT, (_whole, name: string) => values.get(name) ?? '');
    }
    return undefined;
  }

  /** Most specific first (the most fixed text), so `{entity:term} {id} was not found` wins over looser rules. */
  private rules(): CompiledRule[] {
    if (this.compiled) return this.compiled;
    // A term slot takes a known term, or else one word kept as it is (a state the catalogue lacks).
    const termAlternation = [...[...this.terms.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp), '[^\\s;:,]+'].join('|');
    this.compiled = this.sources
      .map((rule) => {
        const slots: CompiledRule['slots'] = [];
        let pattern = '';
        let last = 0;
        let specificity = 0;
        for (const match of rule.en.matchAll(SLOT)) {
          const literal = rule.en.slice(last, match.index);
          pattern += escapeRegExp(literal);
          specificity += literal.length;
          const kind = (match[2] as SlotKind | undefined) ?? 'text';
          pattern += kind === 'term' ? `(${termAlternation})` : kind === 'field' ? FIELD_NAME : '([\\s\\S]+?)';
          slots.push({ name: match[1], kind });
          last = match.index + match[0].length;
        }
        const tail = rule.en.slice(last);
        pattern += escapeRegExp(tail);
        specificity += tail.length + (slots.some((s) => s.kind === 'term') ? 1 : 0);
        return { pattern: new RegExp(`^${pattern}$`), slots, zh: rule.zh, specificity };
      })
      .sort((a, b) => b.specificity - a.specificity);
    return this.compiled;
  }
}

/** The one catalogue of the process; libs add to it when they load. */
export const zhMessages = new ZhCatalogue();

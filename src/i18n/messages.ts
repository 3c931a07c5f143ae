/**
 * Message catalogs: every sentence the player reads, keyed by id, per language, apart from the code
 * that shows it; a translation adds a catalog and touches nothing else. Separate from the Nozama/AWS
 * word switch (lexicon.ts, the Rosetta mode): a message that reads differently in the two vocabularies
 * holds both (`{ nozama, aws }`) and the mode picks one, in any language.
 *
 * A text is a string with `{name}` placeholders, or plural forms keyed by the CLDR plural category of
 * the `count` parameter, chosen by the platform's own `Intl.PluralRules` (built into browsers and
 * Node: no plural rules are written here); a `zero` form, where a message has one, is used for a count of
 * 0 in any language (as ICU's `=0`: "no kingdom yet" rather than "0 kingdoms"). English is the only catalog so far; a catalog may leave
 * ids out, and those fall back to English.
 */
import { byMode, type NameMode } from './lexicon.ts';
import { EN } from './messages/en/index.ts';

/** Plural forms: `other` always, the language's other categories (`one`, `few`, ...) as it needs. */
export type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Text = string | Plural;
/** A message: one text, or one per vocabulary when Nozama's words and AWS's differ. */
export type Message = Text | { nozama: Text; aws: Text };

export type MessageId = keyof typeof EN;
export type Catalog = Partial<Record<MessageId, Message>>;
export type Params = Record<string, string | number>;

export const CATALOGS: Record<string, Catalog> = { en: EN };

function isPair(m: Message): m is { nozama: Text; aws: Text } {
  return typeof m === 'object' && 'nozama' in m;
}

export interface Translator {
  lang: string;
  /** The message in the language; a two-vocabulary message in Nozama's words. */
  t(id: MessageId, params?: Params): string;
  /** A two-vocabulary message as [Nozama's words, AWS's words] (a one-text message twice). */
  pair(id: MessageId, params?: Params): [nozama: string, aws: string];
  /** The message in the Rosetta mode's words ("nozama (aws)" for both, as lexicon's byMode). */
  inMode(id: MessageId, mode: NameMode, params?: Params): string;
}

/** A translator for `lang` (English when there is no catalog for it), from `catalogs`. */
export function translator(lang = 'en', catalogs: Record<string, Catalog> = CATALOGS): Translator {
  const known = catalogs[lang];
  const catalog = known ?? EN;
  const plurals = new Intl.PluralRules(known ? lang : 'en');
  const fill = (text: Text, params: Params): string => {
    const count = params.count;
    const chosen =
      typeof text === 'string'
        ? text
        : typeof count === 'number' && count === 0 && text.zero !== undefined
          ? text.zero
          : (text[typeof count === 'number' ? plurals.select(count) : 'other'] ?? text.other);
    return chosen.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };
  const message = (id: MessageId): Message => catalog[id] ?? EN[id];
  const pair = (id: MessageId, params: Params = {}): [string, string] => {
    const m = message(id);
    return isPair(m) ? [fill(m.nozama, params), fill(m.aws, params)] : [fill(m, params), fill(m, params)];
  };
  return {
    lang: known ? lang : 'en',
    t: (id, params = {}) => pair(id, params)[0],
    pair,
    inMode: (id, mode, params = {}) => byMode(mode, ...pair(id, params)),
  };
}

/** The player's language for now (English; a language option would pick another catalog). */
export const T = translator('en');

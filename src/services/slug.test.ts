/**
 * `slugify` against the contract's slug rules (CONTRACT.md "Rules", Slugs): what a title becomes,
 * the 120-character cap and the fallback. `uniqueSlug`/`claimSlug` need a database (tests/).
 */
import { SLUG_PATTERN, slugify } from './slug';

const expectSlug = (title: string) => expect(slugify(title, 'post'));

describe('slugify', () => {
  it('lower-cases words and joins them with "-"', () => expectSlug('Hello World').toBe('hello-world'));
  it('strips accents', () => expectSlug('Crème Brûlée à São Paulo').toBe('creme-brulee-a-sao-paulo'));
  it('drops apostrophes', () => expectSlug("It's official").toBe('its-official'));
  it('drops typographic apostrophes too', () => expectSlug('Don’t panic').toBe('dont-panic'));
  it('turns every other run of non-alphanumerics into one "-"', () => expectSlug('a -- b / c?!d').toBe('a-b-c-d'));
  it('trims leading and trailing dashes', () => expectSlug('  ...Breaking: news!!  ').toBe('breaking-news'));
  it('keeps digits', () => expectSlug('Top 10 of 2024').toBe('top-10-of-2024'));
  it('transliterates ß, æ, ø and ł', () => expectSlug('Straße Æble Øst Łódź').toBe('strasse-aeble-ost-lodz'));
  it('caps the slug at 120 characters', () => expectSlug('a'.repeat(200)).toBe('a'.repeat(120)));
  it('does not end on a dash when the cap falls on one', () =>
    expectSlug(`${'a'.repeat(119)} bcd`).toBe('a'.repeat(119)));
  it('falls back when only punctuation is left', () => expectSlug('!!!').toBe('post'));
  it('falls back when no letter reduces to ASCII', () => expectSlug('日本語').toBe('post'));
  it('falls back on an empty title', () => expect(slugify('', 'author')).toBe('author'));
  it('handles a mixed title', () => expectSlug("¡Ça va? C'est l'été — 100%!").toBe('ca-va-cest-lete-100'));
  it('always yields a slug SLUG_PATTERN accepts', () => {
    for (const title of ["-It's-", '  ß  ', `${'ab '.repeat(60)}`, 'x—y', '😀 emoji 😀']) {
      expect(slugify(title, 'post')).toMatch(SLUG_PATTERN);
    }
  });
});

describe('SLUG_PATTERN', () => {
  const expectValid = (slug: string) => expect(SLUG_PATTERN.test(slug)).toBe(true);
  const expectInvalid = (slug: string) => expect(SLUG_PATTERN.test(slug)).toBe(false);

  it('accepts lower-case words joined by "-"', () => expectValid('its-official-2'));
  it('accepts a single word', () => expectValid('news'));
  it('refuses upper case', () => expectInvalid('Hello-world'));
  it('refuses a leading or trailing dash', () => {
    expectInvalid('-news');
    expectInvalid('news-');
  });
  it('refuses two dashes in a row', () => expectInvalid('a--b'));
  it('refuses non-ASCII letters and spaces', () => {
    expectInvalid('café');
    expectInvalid('a b');
  });
  it('refuses the empty string', () => expectInvalid(''));
});

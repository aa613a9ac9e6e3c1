import { normalizeTag } from './tag';

describe('normalizeTag', () => {
  it.each([
    ['Ferries', 'ferries'],
    ['  harbour  ', 'harbour'],
    ['New  York', 'new york'],
    ['new\tyork\n', 'new york'],
    ['São Paulo', 'são paulo'],
  ])('%j is stored and filtered as %j', (raw, normalized) => {
    expect(normalizeTag(raw)).toBe(normalized);
  });
});

import { MAX_DOCUMENT_NESTING, nestingOf } from './document-shape';

describe('nestingOf', () => {
  it('counts selections, arguments, lists and input objects', () => {
    expect(nestingOf('{ posts(first: 1) { nodes { id } } }')).toBe(3);
    expect(nestingOf('{ a(x: [[{ y: [1] }]]) }')).toBe(6);
  });

  it('ignores brackets inside strings, block strings and comments', () => {
    expect(nestingOf('{ search(query: "{{{[[[((( \\" {{{") { totalCount } }')).toBe(2);
    expect(nestingOf('{ a(x: """ {{{ \\""" [[[ """) }')).toBe(2);
    expect(nestingOf('# {{{{{{\n{ id }')).toBe(1);
  });

  it('sees a document deeper than the limit', () => {
    const deep = `{ a(x: ${'['.repeat(MAX_DOCUMENT_NESTING)}${']'.repeat(MAX_DOCUMENT_NESTING)}) }`;
    expect(nestingOf(deep)).toBe(MAX_DOCUMENT_NESTING + 2);
  });
});

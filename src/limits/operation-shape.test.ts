/**
 * `measureOperation` feeds the depth and alias limits (CONTRACT.md "Rules", Limits): fragments
 * expanded, introspection not counted, and fragment fan-out refused before it can stall the server.
 */
import { Kind, OperationDefinitionNode, parse } from 'graphql';
import { extensionsOf } from '../../tests/helpers/thrown';
import { measureOperation } from './operation-shape';

const measure = (source: string) => {
  const document = parse(source);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) throw new Error('no operation in the source');
  return measureOperation(document, operation);
};
const expectDepth = (source: string) => expect(measure(source).depth);
const expectAliases = (source: string) => expect(measure(source).aliases);

/** `{ ...F1 ×width }`, each `Fk` spreading `Fk+1` `width` times, the last one selecting `a`. */
function fanOut(levels: number, width: number): string {
  const spreads = (k: number) => Array(width).fill(`...F${k}`).join(' ');
  const fragments = Array.from(
    { length: levels },
    (_, i) => `fragment F${i + 1} on Query { ${i + 1 === levels ? 'a' : spreads(i + 2)} }`,
  );
  return `{ ${spreads(1)} }\n${fragments.join('\n')}`;
}

describe('measureOperation depth', () => {
  it('counts one level per nested field', () => expectDepth('{ a { b { c } } }').toBe(3));
  it('takes the deepest branch', () => expectDepth('{ a { b } x { y { z { w } } } }').toBe(4));
  it('is 1 for top-level leaves', () => expectDepth('{ a b c }').toBe(1));
  it('does not count __typename', () => expectDepth('{ a { b { __typename } } }').toBe(2));
  it('does not count an introspection tree', () =>
    expectDepth('{ a __schema { types { fields { type { ofType { name } } } } } }').toBe(1));
  it('expands a fragment spread without a level of its own', () =>
    expectDepth('{ a { ...F } } fragment F on A { b { c } }').toBe(3));
  it('expands an inline fragment without a level of its own', () =>
    expectDepth('{ a { ... on A { b { c } } } }').toBe(3));
  it('expands fragments spread inside fragments', () =>
    expectDepth('{ a { ...F } } fragment F on A { b { ...G } } fragment G on B { c { d } }').toBe(4));
  it('counts a fragment used twice at the depth of its deeper use', () =>
    expectDepth('{ a { ...F } x { y { z { ...F } } } } fragment F on T { d { e } }').toBe(5));
  it('measures the same whichever use of a fragment comes first', () =>
    expectDepth('{ x { y { z { ...F } } } a { ...F } } fragment F on T { d { e } }').toBe(5));
  it('ignores a spread of a fragment the document does not define', () => expectDepth('{ a { ...Missing } }').toBe(1));
  it('measures a named operation among fragments', () =>
    expectDepth('fragment F on Query { a { b } } query Q { ...F c { d { e } } }').toBe(3));
});

describe('measureOperation aliases', () => {
  it('counts each alias', () => expectAliases('{ x: a y: a }').toBe(2));
  it('does not count plain fields', () => expectAliases('{ a b { c } }').toBe(0));
  it('counts nested aliases', () => expectAliases('{ a { x: b { y: c } } }').toBe(2));
  it('counts aliases in a fragment once per use', () =>
    expectAliases('{ a { ...F } b { ...F } } fragment F on T { x: c y: d }').toBe(4));
  it('counts aliases in inline fragments', () => expectAliases('{ ... on Query { x: a } }').toBe(1));
});

describe('measureOperation fan-out', () => {
  it('measures a modest fan-out (2,110 fields visited)', () =>
    expect(measure(fanOut(3, 10))).toEqual({ depth: 1, aliases: 0 }));
  it('refuses, as QUERY_TOO_COMPLEX, fragments that fan out past 20,000 visited fields (21,110 here)', () =>
    expect(extensionsOf(() => measure(fanOut(4, 10)))).toMatchObject({ code: 'QUERY_TOO_COMPLEX' }));
  it('refuses a fan-out of 100 million fields at the limit instead of walking it', () =>
    expect(extensionsOf(() => measure(fanOut(8, 10)))).toMatchObject({ code: 'QUERY_TOO_COMPLEX' }));
});

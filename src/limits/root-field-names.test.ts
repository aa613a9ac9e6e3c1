import { getOperationAST, parse } from 'graphql';
import { rootFieldNames } from './root-field-names';

const namesIn = (source: string) => {
  const document = parse(source);
  return [...rootFieldNames(document, getOperationAST(document)!)].sort();
};

describe('rootFieldNames', () => {
  it('names fields, not aliases', () => {
    expect(namesIn('mutation { a: login(email: "", password: "") { token } logout }')).toEqual(['login', 'logout']);
  });
  it('reads inline fragments, with or without a type condition', () => {
    expect(namesIn('mutation { ...on Mutation { login { token } } ... { logout } }')).toEqual(['login', 'logout']);
  });
  it('reads named fragments, nested ones too', () => {
    expect(
      namesIn('mutation { ...A } fragment A on Mutation { ...B } fragment B on Mutation { x: login { token } }'),
    ).toEqual(['login']);
  });
  it('names fields that @skip or @include might leave out', () => {
    expect(namesIn('mutation { login @skip(if: true) { token } }')).toEqual(['login']);
  });
  it('not the fields below the root', () => {
    expect(namesIn('mutation { createPost(input: {}) { login: id } }')).toEqual(['createPost']);
  });
  it('survives a cycle of fragments and an unknown fragment', () => {
    expect(namesIn('mutation { ...A ...Missing } fragment A on Mutation { logout ...A }')).toEqual(['logout']);
  });
});

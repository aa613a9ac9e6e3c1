import { cacheTagHeaders, graphqlExecution, postgresUrls } from './setting-values';

describe('cacheTagHeaders', () => {
  it('is both by default, as the contract says', () => expect(cacheTagHeaders(undefined)).toBe('both'));
  it('takes each choice, in any case', () => expect(cacheTagHeaders(' Surrogate-Key ')).toBe('surrogate-key'));
  it('refuses anything else, naming the setting', () =>
    expect(() => cacheTagHeaders('xkey')).toThrow('CACHE_TAG_HEADERS'));
});

describe('postgresUrls', () => {
  it('is none when unset', () => expect(postgresUrls('DATABASE_REPLICA_URLS', '')).toEqual([]));
  it('splits on commas, trimmed', () =>
    expect(postgresUrls('X', 'postgres://a/db, postgresql://b:5433/db')).toEqual([
      'postgres://a/db',
      'postgresql://b:5433/db',
    ]));
  it('refuses what is not a postgres:// URL', () =>
    expect(() => postgresUrls('DATABASE_REPLICA_URLS', 'postgres://a/db,mysql://b/db')).toThrow(
      'DATABASE_REPLICA_URLS',
    ));
});

describe('GRAPHQL_EXECUTION', () => {
  it('is compiled unless set, and takes compiled or resolvers', () => {
    expect([graphqlExecution(undefined), graphqlExecution(''), graphqlExecution('resolvers')]).toEqual([
      'compiled',
      'compiled',
      'resolvers',
    ]);
  });

  it('refuses anything else, naming the setting', () => {
    expect(() => graphqlExecution('jit')).toThrow('GRAPHQL_EXECUTION must be compiled or resolvers; got "jit"');
  });
});

// Unit tests sit beside the pure functions they test (`<name>.test.ts` under src); integration
// tests against a real PostgreSQL (embedded, or DATABASE_URL) are in tests/, see tests/helpers.
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // sanitize-html's parser (htmlparser2 and its dom* and entities packages) and `feed` ship ESM
  // only; Node loads them with require(esm), Jest 30 on Node 20 cannot, so Jest compiles them
  // like our own code. ruru loads its assets with import(), which Jest's VM refuses without
  // --experimental-vm-modules; compiled, it is a require().
  transformIgnorePatterns: [
    '/node_modules/(?!(htmlparser2|domhandler|domutils|dom-serializer|domelementtype|entities|feed|ruru)/)',
  ],
  transform: {
    '^.+\\.(ts|js)$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
  testTimeout: 30000,
  // Both cores: Jest's default on 2 is one worker. Files never share rows (each copies the
  // template database), but they share one PostgreSQL server; see tests/live/fan-out.test.ts for
  // what that means for a test that waits on the event dispatcher.
  maxWorkers: 2,
};

// Jest runs in native ESM mode (node --experimental-vm-modules) because NestJS 12
// ships ES modules only; @swc/jest compiles TypeScript with decorator metadata.
// See docs/adr/0001-stack.md.
const swc = [
  '@swc/jest',
  {
    swcrc: false,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      target: 'es2023',
      keepClassNames: true,
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    },
  },
];

// CommonJS packages that require() an ES-module-only dependency work in Node 20.19+
// (require(esm)) but not in Jest's module registry before Node 24.9, so Jest compiles
// those dependencies to CommonJS itself. https://jestjs.io/docs/ecmascript-modules
const esmOnlyDependencies = ['content-disposition'];

const shared = {
  transform: { '^.+\\.(t|j)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyDependencies.join('|')})/)`],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^@kasian/(.*)$': '<rootDir>/libs/$1/src/index.ts' },
  testEnvironment: 'node',
};

export default {
  rootDir: '.',
  // End-to-end tests wait on real services (Keycloak token lifetimes, the Prisma CLI); unit tests finish in milliseconds anyway.
  testTimeout: 60_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,bench,prisma}/**/*.spec.ts', '<rootDir>/test/static/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
    },
  ],
};

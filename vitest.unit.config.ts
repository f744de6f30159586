import { defineConfig } from 'vitest/config';

/**
 * The unit project: every test that is pure or runs over the memory fakes (no server), domain tests included.
 * `npm run test:unit` runs it (as a project of vitest.config.ts) and the mutation run (`npm run mutation`) tests
 * against this file directly.
 */
export default defineConfig({
  test: {
    name: 'unit',
    include: ['tests/unit/**/*.test.ts'],
    // Nothing here touches a server or the environment: one module graph per worker, not one per file (the imports
    // were most of this project's time).
    isolate: false,
    // A test of a few hundred ms takes seconds when `npm test` runs the type check and cdk synth beside the servers'
    // tests on a 2-core machine (the printed letters' hostile PDF: 3 s alone, over 5 s in a loaded run).
    testTimeout: 20_000,
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});

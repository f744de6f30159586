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
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});

import { defineConfig } from 'vitest/config';

/** The unit tests alone (memory fakes, no servers): what the mutation run (`npm run mutation`) tests against. */
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});

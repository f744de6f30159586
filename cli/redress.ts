#!/usr/bin/env node
/**
 * The staff and operator command line: `npm run --silent redress -- <verb>` (cli/main.ts dispatches).
 */
import { redress } from './main.js';

// A reader that stops early (`| head`) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// Lambda runs Node 22; on a Node 20 workstation the SDK's notice about its 2027 releases is only noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

process.exitCode = await redress(process.argv.slice(2));

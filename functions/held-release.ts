/**
 * Lambda behind the API Gateway HTTP API: releasing held mail into a case from the staff console
 * (POST /console/held/<id>/release), with the console's session. A function of its own: it alone in the console
 * parses raw mail, so the console's pages never load the mail parser.
 */
import { heldReleaseApp } from '#adapters/http/held-release-app';
import { composeHeldRelease } from '#composition/held-release';
import { webFunction } from '#composition/web-function';
import { loadConfig } from '#config/config';

export const handler = webFunction(async () => {
  const { deps, log, metrics } = await composeHeldRelease(loadConfig());
  return { app: heldReleaseApp(deps), log, metrics };
});

/**
 * The layers of ../shared/design/architecture.md, checked in `npm test`: dependencies point down only
 * (entry points -> composition -> adapters -> application -> domain), and the domain is pure.
 */
const ENTRY_POINTS = '^(functions|cli|local|infra|tests|bench|scripts)/';
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'The domain imports only itself, zod, luxon and the template engine (an allow-list): no I/O, no node: module, no SDK, no parser, no other layer.',
      severity: 'error',
      from: { path: '^shared/domain/' },
      to: { pathNot: ['^shared/domain/', '(^|/)node_modules/(zod|luxon|mustache|@types/(luxon|mustache))/'] },
    },
    {
      name: 'application-uses-ports',
      comment: 'Use cases talk to the world only through their ports: no adapter, no SDK, no configuration, no file system.',
      severity: 'error',
      from: { path: '^shared/application/' },
      to: {
        path: [
          '^shared/(adapters|composition|config)/',
          ENTRY_POINTS,
          // dependency-cruiser names core modules without their node: prefix (it resolves 'node:fs' to 'fs').
          '^(node:)?(fs|fs/promises|child_process|net|http|https)$',
          'node_modules/(@aws-sdk|aws-cdk-lib|smtp-server|nodemailer|@aws-lambda-powertools)/',
        ],
      },
    },
    {
      name: 'adapters-know-no-composition',
      comment: 'An adapter implements a port; it neither builds other adapters nor reads the configuration.',
      severity: 'error',
      from: { path: '^shared/adapters/' },
      to: { path: ['^shared/(composition|config)/', ENTRY_POINTS] },
    },
    {
      name: 'shared-knows-no-entry-point',
      comment: 'Entry points depend on shared/, never the other way round.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: ENTRY_POINTS },
    },
    {
      name: 'no-cycles-in-shared',
      severity: 'error',
      from: { path: '^shared/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.json'] },
    // Packages are in the graph (not followed into): excluding node_modules hid every package import, so the domain's
    // allow-list and the use cases' ban on the SDK passed whatever package they named (found by a fresh tester).
    exclude: { path: ['cdk.out'] },
  },
};

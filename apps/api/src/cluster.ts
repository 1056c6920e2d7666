import cluster from 'node:cluster';

// `npm run start:cluster`. The primary (cluster-primary.ts) loads nothing of the API; each API
// process starts as `npm start` does, through main.ts (tracing first, see tracing.ts).
if (cluster.isPrimary) void import('./cluster-primary').then(({ primary }) => primary());
else void import('./main');

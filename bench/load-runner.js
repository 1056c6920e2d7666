// Runs one autocannon load in its own process (so the load generator does not share the
// measured server's event loop) and prints the result as JSON on stdout.
// Config (argv[2], JSON): { url, connections, duration, headers?, overallRate?, paths?: string[],
//   requests?: [{ method, path, body?, headers? }] }. Paths or requests are cycled; "{n}" in a
//   path or body becomes a running number, so repeated writes stay distinct.
const autocannon = require('autocannon');

const config = JSON.parse(process.argv[2]);
const templates = config.requests ?? config.paths.map((path) => ({ method: 'GET', path }));
let next = 0;
const instance = autocannon(
  {
    url: config.url,
    connections: config.connections,
    duration: config.duration,
    overallRate: config.overallRate,
    headers: config.headers ?? {},
    requests: [
      {
        setupRequest: (request) => {
          const n = next++;
          const template = templates[n % templates.length];
          const fill = (text) => text.replaceAll('{n}', String(n)).replaceAll('{pid}', String(process.pid));
          request.method = template.method;
          request.path = fill(template.path);
          if (template.body !== undefined) {
            request.body = fill(JSON.stringify(template.body));
            request.headers = { ...request.headers, 'content-type': 'application/json', ...(template.headers ?? {}) };
          }
          return request;
        },
      },
    ],
  },
  (error, result) => {
    if (error) {
      console.error(error);
      process.exit(1);
    }
    process.stdout.write(
      JSON.stringify({
        requestsPerSecond: result.requests.average,
        latencyP50: result.latency.p50,
        latencyP99: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        total: result.requests.total,
        statusCodes: result.statusCodeStats,
      }),
    );
  },
);
autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });

// Runs one autocannon load in its own process (so the load generator does not share the
// measured server's event loop) and prints the result as JSON on stdout.
// Usage: node bench/load-runner.js '{"url":"http://127.0.0.1:3000","paths":["/a","/b"],"connections":50,"duration":10,"headers":{}}'
const autocannon = require('autocannon');

const config = JSON.parse(process.argv[2]);
let next = 0;
const instance = autocannon(
  {
    url: config.url,
    connections: config.connections,
    duration: config.duration,
    headers: config.headers ?? {},
    requests: [
      {
        setupRequest: (request) => {
          request.path = config.paths[next++ % config.paths.length];
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
      }),
    );
  },
);
autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });

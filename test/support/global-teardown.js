module.exports = async function globalTeardown() {
  const server = globalThis.__REGISTRY_TEST_PG__;
  if (server) await server.stop();
};

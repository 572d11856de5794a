// Preloaded (node --require) into the server process by test/server/serverProcess.test.ts: once the
// server runs, a promise fails with nobody waiting for it.
setImmediate(() => {
  Promise.reject(new Error('injected: a promise nobody waits for'));
});

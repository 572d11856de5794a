// Preloaded (node --require) into the server process by test/server/serverProcess.test.ts: once the
// server runs, an exception escapes into the event loop, past every guard of the server.
setImmediate(() => {
  throw new Error('injected: an exception that escapes every guard');
});

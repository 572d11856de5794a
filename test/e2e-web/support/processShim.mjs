// esbuild `inject` for the web suite's bundle: the npm assert polyfill and its util dependency
// expect a `process` binding; they get the npm `process` shim, scoped to the bundle's modules.
export { default as process } from 'process/browser.js';

/** `import bytes from './x.wat'`: the assembled module's bytes (scripts/vite-plugin-wat.mjs). */
declare module '*.wat' {
  const bytes: Uint8Array;
  export default bytes;
}
/** `import bytes from './x.wat?shared'`: the same module importing a shared memory. */
declare module '*.wat?shared' {
  const bytes: Uint8Array;
  export default bytes;
}

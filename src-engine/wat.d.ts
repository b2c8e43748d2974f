/** `import bytes from './x.wat'`: the assembled module's bytes (scripts/vite-plugin-wat.mjs). */
declare module '*.wat' {
  const bytes: Uint8Array;
  export default bytes;
}

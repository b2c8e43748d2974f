/**
 * Must be the first import of a bundle that runs under LayerLab's CSP (the Web Worker
 * trainer): zod 4 probes `new Function` for its JIT, which script-src without
 * 'unsafe-eval' refuses and reports as a violation. Parsing without the JIT is fine here.
 */
import { z } from 'zod';

z.config({ jitless: true });

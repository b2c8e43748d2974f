/**
 * Must be the renderer's first import. Zod 4 compiles object parsers with `new Function`
 * when it may; it probes for that while the schemas in project.ts are being defined, and
 * under our CSP (script-src without 'unsafe-eval') the probe is refused and reported as a
 * violation. Parsing without the JIT is a little slower and entirely fine for our sizes.
 */
import { z } from 'zod';

z.config({ jitless: true });

import { z } from 'zod';

// Every schema in the domain imports zod from here, so this runs before any of them is used:
// no code generation, because the app's Content-Security-Policy forbids eval and zod's JIT probes
// for it.
z.config({ jitless: true });

export { z };

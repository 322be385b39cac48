// graphql-http's GraphQL-over-HTTP server audit (its 61 serverAudits) against the running service.
// Prints one line per audit that is not ok, then a summary line the Java test checks.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
const results = await auditServer({ url });
const counts = { ok: 0, warn: 0, error: 0 };
for (const result of results) {
  counts[result.status] = (counts[result.status] ?? 0) + 1;
  if (result.status !== 'ok') {
    console.log(`${result.status}: ${result.name}: ${result.reason ?? ''}`);
  }
}
console.log(`graphql-http audit: ${counts.ok}/${results.length} ok, ${counts.warn} warn, ${counts.error} error`);

// Runs inside the network namespace next to `ikp-status serve`: polls /api/v1/status
// until every component has been judged, then prints the body.
const url = process.argv[2];
const deadline = Date.now() + 60_000;
let body = null;
while (Date.now() < deadline) {
  try {
    const res = await fetch(url);
    body = await res.json();
    if (body.components.every((c) => c.reason !== 'no_data')) break;
  } catch {
    // not listening yet
  }
  await new Promise((r) => setTimeout(r, 500));
}
process.stdout.write(JSON.stringify(body));

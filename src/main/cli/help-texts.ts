/** The `--verify` flag, shared by `serve` and `listen`. */
const VERIFY_HELP = `  --verify <scheme>:<secret>
                    Check the signature of every capture of the --inbox given
                    before this flag (default when none came before); one per
                    inbox. The secret stays in memory for this run, never saved.
                    Schemes and secrets:
                      standard-webhooks:whsec_…  svix:whsec_…  (also whsk_/whpk_ ed25519)
                      stripe:whsec_…  github:<secret>  slack:<signing secret>
                      shopify:<client secret>  bearer:<token>
                      static:<Header-Name>=<value>   (a fixed shared header, e.g. Credas)
                      hmac:<secret>;header=X-Sig;algorithm=sha256|sha512;
                        encoding=hex|base64;prefix=sha256=;template={timestamp}.{body};
                        timestamp-header=X-Timestamp;id-header=X-Id  (all optional;
                        defaults X-Signature, sha256, hex, no prefix, {body})
                    ;tolerance=<seconds> (default 300) after the secret of
                    standard-webhooks, svix, stripe, slack and hmac`;

/** The `--public` flag, shared by `serve` and `listen`. */
const PUBLIC_HELP = `  --public <kind>   Give the receiver a public URL too, for senders on the internet:
                      cloudflared        a Cloudflare quick tunnel (needs the
                                         cloudflared program; no account)
                      ngrok              the ngrok agent (needs ngrok and your
                                         authtoken in its config)
                      smee               a new smee.io relay channel; smee=<URL>
                                         an existing one. Delivers to the first
                                         --inbox (else default). A relay
                                         re-serializes JSON: signatures fail
                      custom=<URL>       a tunnel or proxy you run yourself
                    While it is online, the receiver accepts its host (and your
                    --allow-host names, and loopback) and marks the captures that
                    come through it. If it fails, the tool's message is printed,
                    it restarts with back-off, and local capture keeps working`;

/** `--help` texts; keep them in step with what the commands really do. */
export const HELP: Record<string, string> = {
  main: `Hookbench — a workbench for webhooks: receive, inspect and replay them locally.

Usage: hookbench <command> [options]

Commands:
  serve     Run the receiver and the full UI in your browser (browser mode)
  listen    Run the receiver and store webhooks, printing one line per capture (no UI)
  history   List, show, export, import and clear stored captures (no receiver)
  sign      Print the signature headers a sender would add to a body
  catalog   List and show the providers' documented events (and import your own spec)
  trigger   Send a catalogued event with a realistic payload to a URL (or N of them)
  check     Check a payload (or the stored history) against the documented shapes
  tenant    Run the sandbox tenant: Credo AI, v1 platform and Credas APIs on this machine
  help      Show help for a command: hookbench help <command>

Options:
  -h, --help     Show this help
  -v, --version  Print the version

Data lives in the data directory shared with the desktop app; override it with --data-dir
or the HOOKBENCH_DATA_DIR environment variable.
`,
  serve: `Usage: hookbench serve [options]

Runs the receiver and the Hookbench UI for a browser. Prints the receiver URL (send
webhooks there) and the UI URL with a one-time token (open it in a browser), then keeps
running until Ctrl+C.

Options:
  --port <n>        Receiver port (default 4545; 0 picks a free port)
  --ui-port <n>     UI/control port, always bound to 127.0.0.1 (default 0: a free port)
  --host <addr>     Address the receiver binds (default 127.0.0.1; 0.0.0.0 exposes it
                    to your network)
  --data-dir <dir>  Data directory (default: HOOKBENCH_DATA_DIR or the desktop app's)
  --inbox <slug>    Create this inbox if it does not exist (repeatable); its URL,
                    <receiver>/hooks/<slug>, is printed after the data directory
  --max-body <size> Largest body kept (default 10MB); bigger ones are answered 413
                    and stored truncated. Sizes: 512KB, 10MB or bytes
  --allow-host <h>  Accept only this Host name besides 127.0.0.1/localhost
                    (repeatable; for a tunnel's public host). Others get 421
${VERIFY_HELP}
${PUBLIC_HELP}
                    (printed as a "Public: <url>" line after UI:)
  -h, --help        Show this help

Secrets saved in the UI are encrypted in <data dir>/secrets.enc.json with the
HOOKBENCH_SECRET_KEY passphrase (at least 16 characters); without it the UI
cannot save secrets, and --verify still works.
`,
  listen: `Usage: hookbench listen [options]

Runs the receiver without UI. The first line printed is the receiver URL
(http://127.0.0.1:<port>); then one line per capture, within 20 ms of storing it:
  <time>  <method>  <path and query>  <answered status>  <content type>  <size>  #<id>
When the capture's inbox verifies signatures, the verdict comes before the id and
the reason of a failure after it:
  … 1.2 KB  sig:invalid  #12  The signature matches the body re-serialized as …
Verdicts: valid, invalid, expired, missing, unconfigured.
Runs until Ctrl+C. Captures are stored in the history the desktop app and
\`hookbench serve\` show.

Options:
  --port <n>        Receiver port (default 4545; 0 picks a free port)
  --host <addr>     Address the receiver binds (default 127.0.0.1)
  --data-dir <dir>  Data directory (default: HOOKBENCH_DATA_DIR or the desktop app's)
  --json            Print each capture as one JSON object per line instead
  --inbox <slug>    Create this inbox if it does not exist (repeatable); its URL,
                    <receiver>/hooks/<slug>, is printed on stderr
  --max-body <size> Largest body kept (default 10MB); bigger ones are answered 413
                    and stored truncated. Sizes: 512KB, 10MB or bytes
  --allow-host <h>  Accept only this Host name besides 127.0.0.1/localhost
                    (repeatable; for a tunnel's public host). Others get 421
${VERIFY_HELP}
${PUBLIC_HELP}
                    ("Public: <url>" and the inbox's public URL go to stderr;
                    captures that came through it show via:<kind>)
  -h, --help        Show this help

Examples:
  hookbench listen --inbox credo --verify svix:whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
  hookbench listen --inbox credo --public cloudflared
`,
  history: `Usage: hookbench history <list|show|export|import|clear> [options]

Reads and changes the stored history without starting the receiver, so it also
works while \`hookbench listen\`, \`hookbench serve\` or the desktop app runs.

Subcommands:
  list             The newest captures, one row each: id, time, method, inbox, URL,
                   answered status, content type, body size, signature verdict
  show <id>        One capture: request line, headers, body, signature check
                   (secret masked), check against the documentation (verdict
                   and findings), then the response
  export           Matching captures, oldest first, to stdout or to --out FILE
  import <file>    Add the captures of a Hookbench NDJSON export (all or nothing:
                   a bad line is named and nothing is stored)
  clear            Delete captures (pinned ones stay); needs --yes

Options:
  --data-dir <dir>     Data directory (default: HOOKBENCH_DATA_DIR or the desktop app's)
  --json               list: one JSON object per capture, with signature {scheme,
                       verdict, reason}; show: the whole capture as JSON (bodies as
                       base64); import, clear: the count as JSON
  -h, --help           Show this help
list and export:
  --inbox <slug>       Only captures of this inbox
  --text <words>       Full-text search in URL, headers and body (every word must occur)
  --method <method>    Only this method, e.g. POST
  --status <status>    Only this answered status: 404, or a class such as 4xx
  --signature <v>      Only this signature verdict: valid, invalid, expired,
                       missing or unconfigured
  --check <verdict>    Only this check against the documentation: conforms,
                       deviates (deviates from the documentation), unidentified,
                       not-json or pending
list:
  --limit <n>          How many captures to show, newest first (default 50)
export:
  --format <format>    ndjson (default: lossless, what import reads) or har (HAR 1.2)
  --out <file>         Write to this file (replaced atomically) instead of stdout
  --redact             Replace the values of Authorization, Proxy-Authorization,
                       Cookie, Set-Cookie, X-Api-Key and signature headers with
                       [redacted]
clear:
  --inbox <slug>       Only captures of this inbox
  --include-pinned     Delete pinned captures too
  --yes                Really delete (without it, clear only says how many would go)

NDJSON export: one capture per line with id, inbox, receivedAt (ISO 8601 with ms),
method, url (path and query as received), httpVersion, headers ([name, value] pairs
in received order), bodyBase64, remoteAddress, response {status, headers, bodyBase64},
durationMs, truncated, unmatched, deliveryId, attempt, pinned, signature {scheme,
verdict, reason}, route (direct, cloudflared, ngrok, relay or custom: how it
arrived), forwarded, replays. Never a secret. Import gives captures new ids and
keeps each signature verdict as it was made at arrival (not checked again); an inbox
that does not exist here is created.

Examples:
  hookbench history list --inbox credo --status 4xx
  hookbench history show 12
  hookbench history export --format har --redact --out captures.har
  hookbench history import captures.ndjson
  hookbench history list --inbox credo --signature invalid
`,
  sign: `Usage: hookbench sign --scheme <scheme> --secret <secret> [options] <file|->

Prints the headers a sender using that scheme would add to the body read from
<file> (or from standard input with -), one "Name: value" per line. Use it to
send a correctly signed test request, or to compare with what a provider sent.

Options:
  --scheme <scheme>  standard-webhooks, svix, stripe, github, slack, shopify, hmac,
                     static or bearer
  --secret <secret>  What follows "<scheme>:" in --verify (see hookbench listen
                     --help): whsec_… (whsk_… signs v1a ed25519), a plain secret,
                     hmac options after ;, static's <Header-Name>=<value>
  --id <id>          Message id (default msg_<random>): webhook-id/svix-id,
                     X-GitHub-Delivery, X-Shopify-Webhook-Id, hmac's id-header
  --timestamp <unix> Seconds since 1970 (default now)
  --json             Print a JSON array of [name, value] pairs instead
  -h, --help         Show this help

Examples:
  hookbench sign --scheme standard-webhooks --secret whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw body.json
  echo -n '{"a":1}' | hookbench sign --scheme stripe --secret whsec_test -
  hookbench sign --scheme static --secret 'XApiToken=s3cret' body.json
`,
  catalog: `Usage: hookbench catalog <list|show|import> [options]

The provider catalogue: every event type the providers document, with its
description, payload schema, documented example, deprecation and the notes on
where the documents disagree. Shipped providers: credo-ai, credas,
compliance-platform-v1; your own OpenAPI 3.1 files (with webhooks) can be added.

Subcommands:
  list               Every event of every provider (or of --provider), one per line,
                     with its status: deprecated, wildcard, test, partial or
                     "no payload doc" (the provider documents only the name)
  show <event>       One event: description, composed type, sources, notes,
                     schema and example. The name may be composed
                     (CredoAI.use_case_name_updated.v1)
  show --provider P  One provider: envelope, signature, delivery, subscription
                     API, notes and sources
  import <file>      Check an OpenAPI 3.1 file (JSON or YAML) with webhooks and add
                     it to the catalogue in the data directory

Options:
  --provider <id>    Only this provider
  --json             Machine-readable output
  --data-dir <dir>   Data directory holding imported files (default:
                     HOOKBENCH_DATA_DIR or the desktop app's)
  -h, --help         Show this help

An unknown event name is answered with the nearest documented names (exit 2).
`,
  tenant: `Usage: hookbench tenant serve [--port P] [--data-dir D] [--tenant NAME] [--api-key KEY]

Runs the sandbox tenant: a local server implementing the providers' documented APIs.
Prints its base URL on the first line, then the API key when it generated one.
State (subscriptions, API key) is kept in <data dir>/sandbox/sandbox-tenant.json.

  Credo AI   POST /auth/exchange {"api_token","tenant"} -> {"access_token"} (JWT)
             /api/v2/<tenant>/webhooks[/<id>]  (JSON:API, 201/200/204, 401/403/404/422)
  v1         /api/v1/webhooks/[<id>/]  (API key in X-API-Key; HTTPS only, http:// on
             this machine allowed), POST /api/v1/webhooks/test/
  Credas     POST /api/v2/ci/processes {"webhookUrl"}  (X-API-KEY; 403 when wrong)
  Sandbox    POST /_sandbox/events {"provider","eventType","data"?}
             GET  /_sandbox/subscriptions, /_sandbox/subscriptions/<id>/attempts
             POST /_sandbox/credas/processes/<id>/complete
             POST /_sandbox/oauth/token (client_credentials), GET /_sandbox
             POST /_sandbox/faults {"status","body"?,"headers"?,"stallMs"?,"times"?}

Options:
  --port <n>        Port (default 4600; 0 picks a free one)
  --host <addr>     Address (default 127.0.0.1)
  --data-dir <dir>  Data directory (default: the app's)
  --tenant <name>   Credo AI tenant name (default sandbox)
  --api-key <key>   The API key all three APIs accept (default: generated once, kept)
  --compress <n>    Divide retry delays by n (default 1000)
`,
  check: `Usage: hookbench check <file|-> [--provider P] [--event E] [--json]
       hookbench check --history [--data-dir D] [--json]

Identifies a payload (provider and event type) and checks it against the
documented shape: fields missing, of another JSON type or undocumented, values
outside the documented set or not of the documented form, deprecated events,
an envelope that disagrees with itself, JSON encoded inside strings (decoded
and checked too). Reads <file>, or standard input with -.

Exit codes: 0 it conforms (no error finding), 1 it deviates, 2 unidentified or
not JSON (the closest candidates are printed, and why).

Options:
  --provider <id>    Check against this provider's events only
  --event <name>     Check against this event (a documented name, an alias or a
                     composed type such as CredoAI.use_case_name_updated.v1)
  --json             Print one object: {"provider", "eventType", "conforms",
                     "findings": [{"path", "kind", "severity", "message"}]}
                     (provider and eventType null when unidentified or not JSON)
  --history          Check the stored captures not yet checked with this
                     catalogue, then summarise the history: captures per verdict
                     (conforms, deviates, unidentified, not-json, pending), per
                     event type, and the most frequent findings. With --json, one
                     object {total, verdicts, events, findings, checkedWith,
                     rechecked}
  --data-dir <dir>   Data directory: the history (--history) and imported specs
                     (default: HOOKBENCH_DATA_DIR or the desktop app's)
  -h, --help         Show this help

Finding kinds: missing, type (errors); undocumented, enum, format, deprecated,
envelope (warnings); undocumented-shape (a note: the provider documents the event
but not its payload); not-json. Paths are dotted: data.user.userId,
data.taggedUsers[0].user_id, Payload.ProcessId (inside JSON in a string).

Examples:
  hookbench check delivery.json
  curl -s https://example.test/last-hook | hookbench check - --json
  hookbench check body.json --event use_case_review_status_updated
  hookbench check --history
`,
  trigger: `Usage: hookbench trigger <event-type> --to <url> [options]

Sends a catalogued event: a realistic sample payload (fresh ids in the
provider's format, current timestamps) or your --body, wrapped in the
provider's envelope, with the provider's delivery headers (Credo AI: Svix-Id,
Svix-Timestamp, User-Agent) and, with --sign, its signature. Prints the answer:
status, latency, headers and body. Exit 0 for a 2xx answer, 1 otherwise.

Options:
  --to <url>           Where to send it (required, unless --tenant)
  --tenant <base URL>  Make the event happen in a sandbox tenant (hookbench tenant
                       serve): POST <base>/_sandbox/events delivers it to every
                       matching subscription, signed like the provider
  --data <json>        With --tenant: the event's "data" instead of a sample
  --provider <id>      The provider, when the event name is not unique
  --prefix <text>      The envelope type's prefix (Credo AI default CredoAI; '' none)
  --suffix <text>      The envelope type's suffix (Credo AI default v1; '' none)
  --sign <scheme>:<secret>
                       Sign like the provider, e.g. svix:whsec_… (schemes as for
                       hookbench listen --verify)
  --header 'Name: value'
                       Add or replace a header (repeatable)
  --body <file|->      Send this body instead of a sample (- reads stdin)
  --retry <schedule>   Retry failed attempts with one message id: provider (its
                       documented schedule), svix (0,5,300,1800,7200,18000,36000,
                       36000 s) or delays in seconds such as 0,5,300
  --compress <factor>  Divide the retry delays by this (1000: 5 min → 0.3 s)
  --count <n>          Send n events (each with its own message id) and print a
                       summary: sent, ok, errors, latency p50/p95/p99, requests/s
  --concurrency <c>    Requests in flight with --count (default 10)
  --timeout <ms>       Per request (default 10000)
  --json               Print the result as JSON
  --data-dir <dir>     Data directory holding imported catalogue files
  -h, --help           Show this help

Examples:
  hookbench trigger use_case_review_status_updated --to http://127.0.0.1:4545/hooks/credo
  hookbench trigger use_case_review_status_updated --to https://example.test/hook \\
      --sign svix:whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw --suffix ''
  hookbench trigger process.completed --to http://127.0.0.1:8080/hook --count 5000 --concurrency 50
`,
};

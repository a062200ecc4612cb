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

/** `--help` texts; keep them in step with what the commands really do. */
export const HELP: Record<string, string> = {
  main: `Hookbench — a workbench for webhooks: receive, inspect and replay them locally.

Usage: hookbench <command> [options]

Commands:
  serve     Run the receiver and the full UI in your browser (browser mode)
  listen    Run the receiver and store webhooks, printing one line per capture (no UI)
  history   List, show, export, import and clear stored captures (no receiver)
  sign      Print the signature headers a sender would add to a body
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
  -h, --help        Show this help

Secrets saved in the UI are encrypted in <data dir>/secrets.enc.json with the
HOOKBENCH_SECRET_KEY passphrase (at least 16 characters); without it the UI
cannot save secrets, and --verify still works.
`,
  listen: `Usage: hookbench listen [options]

Runs the receiver without UI. The first line printed is the receiver URL
(http://127.0.0.1:<port>); then one line per capture, as it is stored:
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
  -h, --help        Show this help

Example:
  hookbench listen --inbox credo --verify svix:whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
`,
  history: `Usage: hookbench history <list|show|export|import|clear> [options]

Reads and changes the stored history without starting the receiver, so it also
works while \`hookbench listen\`, \`hookbench serve\` or the desktop app runs.

Subcommands:
  list             The newest captures, one row each: id, time, method, inbox, URL,
                   answered status, content type, body size, signature verdict
  show <id>        One capture: request line, headers, body, signature check
                   (secret masked), then the response
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
verdict, reason}, forwarded, replays. Never a secret. Import gives captures new ids and
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
};

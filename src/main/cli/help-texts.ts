/** `--help` texts; keep them in step with what the commands really do. */
export const HELP: Record<string, string> = {
  main: `Hookbench — a workbench for webhooks: receive, inspect and replay them locally.

Usage: hookbench <command> [options]

Commands:
  serve     Run the receiver and the full UI in your browser (browser mode)
  listen    Run the receiver and store webhooks, printing one line per capture (no UI)
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
  -h, --help        Show this help
`,
  listen: `Usage: hookbench listen [options]

Runs the receiver without UI. The first line printed is the receiver URL
(http://127.0.0.1:<port>); then one line per capture, as it is stored:
  <time>  <method>  <path and query>  <answered status>  <content type>  <size>  #<id>
Runs until Ctrl+C. Captures are stored in the history the desktop app and
\`hookbench serve\` show.

Options:
  --port <n>        Receiver port (default 4545; 0 picks a free port)
  --host <addr>     Address the receiver binds (default 127.0.0.1)
  --data-dir <dir>  Data directory (default: HOOKBENCH_DATA_DIR or the desktop app's)
  --json            Print each capture as one JSON object per line instead
  -h, --help        Show this help
`,
};

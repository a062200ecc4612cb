/** What a running tunnel or relay reports to the manager. */
export interface TunnelCallbacks {
  /** The public URL is known and serving. Called at most once. */
  online(url: string): void;
  /**
   * The tunnel is dead: it never came online (exited early, URL not printed in time) or it stopped serving. `message`
   * is the tool's own words; `retry` false when starting again cannot help (program missing, authtoken refused).
   * Called at most once, never after `stop()`.
   */
  failed(message: string, retry: boolean): void;
  /** One line the tool printed (or a note of the relay client), for the log view. */
  output(line: string): void;
}

/** A started tunnel or relay. */
export interface TunnelHandle {
  /** Ends it (the whole process tree for a program); resolves when it is gone. */
  stop(): Promise<void>;
}

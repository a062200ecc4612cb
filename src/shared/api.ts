import type { EventChannel, RequestChannel } from './channels';
import type { EventPayload, RequestInput, RequestOutput } from './contract';
import type { Result } from './models';

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C extends string, D extends string> = C extends `${D}:${infer V}` ? V : never;

/** A function that sends one request; the input may be left out when the channel needs none. */
export type Caller<C extends RequestChannel, R> =
  object extends RequestInput<C>
    ? (input?: RequestInput<C>) => Promise<R>
    : (input: RequestInput<C>) => Promise<R>;

/** Subscribe to one pushed event; returns the function that unsubscribes. */
export type Subscribe = <E extends EventChannel>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
) => () => void;

/**
 * The shape both transports offer the renderer: `api.history.list(q)` resolves to a `Result`, never throws for an
 * error the core reported. The preload exposes exactly this as `window.hookbench`.
 */
export type RawApi = {
  [D in DomainOf<RequestChannel>]: {
    [V in VerbOf<RequestChannel, D>]: Caller<
      `${D}:${V}` & RequestChannel,
      Result<RequestOutput<`${D}:${V}` & RequestChannel>>
    >;
  };
} & { on: Subscribe };

/** Splits `domain:verb` into its two parts. */
export function splitChannel(channel: RequestChannel): [string, string] {
  const at = channel.indexOf(':');
  return [channel.slice(0, at), channel.slice(at + 1)];
}

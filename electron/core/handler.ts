import type { Channel, ParsedRequestOf, ResponseOf } from '../../shared/contract.js';
import type { RequestContext } from './requestContext.js';

export type Handler<C extends Channel> = (
  request: ParsedRequestOf<C>,
  context: RequestContext,
) => ResponseOf<C> | Promise<ResponseOf<C>>;

/** Every channel of the contract with its handler: what the router dispatches to. */
export type Handlers = { [C in Channel]: Handler<C> };

/** The part of a channel name before its dot: `documents` for `documents.save`. */
export type ChannelPrefix = Channel extends `${infer P}.${string}` ? P : never;

/**
 * The handlers for exactly one prefix's channels: each domain declares its handlers with this,
 * so a channel added to the contract without a handler is a compile error in its own domain.
 */
export type HandlersFor<P extends ChannelPrefix> = {
  [C in Extract<Channel, `${P}.${string}`>]: Handler<C>;
};

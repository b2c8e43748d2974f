/**
 * The renderer's view of the trainer: send protocol messages, subscribe to validated
 * replies. Two implementations share `createMessageConnection`: a DOM MessagePort handed
 * over by Electron's preload (desktop) and a Web Worker (browser build).
 */
import { parseFromTrainer, type FromTrainer, type ToTrainerInput } from '../../src-engine/protocol/messages';

export interface TrainerConnection {
  send(msg: ToTrainerInput): void;
  /** Registers a listener for validated trainer messages; returns an unsubscribe function. */
  subscribe(fn: (msg: FromTrainer) => void): () => void;
  /**
   * Registers a listener for the loss of the trainer (its process exited or the worker
   * failed); the message says what happened. Optional: not every transport can tell.
   */
  onLost?(fn: (reason: string) => void): () => void;
}

/** Anything with postMessage and 'message' events: a DOM MessagePort or a Worker. */
export interface MessageEndpoint {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  start?(): void;
}

/** A set of listeners that survives a change of transport (a new port after a restart). */
export class Listeners<T> {
  private readonly fns = new Set<(value: T) => void>();

  add(fn: (value: T) => void): () => void {
    this.fns.add(fn);
    return () => {
      this.fns.delete(fn);
    };
  }

  emit(value: T): void {
    for (const fn of [...this.fns]) fn(value);
  }
}

/**
 * Turns raw incoming data into validated messages for `listeners`. Malformed messages are
 * dropped with a warning: a newer or broken trainer must not crash the UI.
 */
export function deliverRaw(raw: unknown, listeners: Listeners<FromTrainer>): void {
  const parsed = parseFromTrainer(raw);
  if (!parsed.ok) {
    console.warn(`LayerLab: dropped a message from the trainer. ${parsed.error}`);
    return;
  }
  listeners.emit(parsed.message);
}

/**
 * Wraps an endpoint as a connection. Returns the connection and a `close` function that
 * removes the message listener (the endpoint itself is the caller's to close).
 */
export function createMessageConnection(endpoint: MessageEndpoint): { connection: TrainerConnection; close(): void } {
  const listeners = new Listeners<FromTrainer>();
  const onMessage = (event: MessageEvent) => deliverRaw(event.data, listeners);
  endpoint.addEventListener('message', onMessage);
  endpoint.start?.();
  return {
    connection: {
      send: (msg) => endpoint.postMessage(msg),
      subscribe: (fn) => listeners.add(fn),
    },
    close: () => endpoint.removeEventListener('message', onMessage),
  };
}

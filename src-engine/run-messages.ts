/**
 * The trainer's messages about a run, one English template per situation (as the compiler's
 * in compile-messages.ts): a divergence, and step mode refusing a network too large to show.
 * Each message travels with its template `key` and the `params` that filled it, so a UI in
 * another language says the same thing in its own words (the renderer has a sentence for
 * every key; a test checks that none is missing). `layer` is the layer's name as the user
 * gave it (or its id).
 */
import type { ProblemParams } from './compile-messages';

/** What fills a template: names and numbers only, so the message survives any channel. */
export type MessageParams = ProblemParams;

const lrFix = (p: MessageParams) => `The learning rate (${p.lr}) is probably too high: lower it, or enable gradient clipping.`;

/** English text for each run message key, from its params. */
export const RUN_MESSAGES = {
  /** `value`: 'NaN' or 'infinite'. */
  'diverged-loss-output': (p: MessageParams) =>
    `Training diverged at step ${p.step}: the loss became ${p.value} at the output '${p.layer}'; the update was not applied. ${lrFix(p)} Very large inputs can also cause this: scale them to about −1 … 1.`,
  'diverged-loss-overflow': (p: MessageParams) =>
    `Training diverged at step ${p.step}: the loss became ${p.value} because the outputs of '${p.layer}' overflowed; the update was not applied. ${lrFix(p)} Very large inputs can also cause this: scale them to about −1 … 1.`,
  'diverged-gradient': (p: MessageParams) =>
    `Training diverged at step ${p.step}: the gradient of '${p.layer}' became infinite or NaN (exploding gradients); the update was not applied. ${lrFix(p)}`,
  'diverged-update': (p: MessageParams) => `Training diverged at step ${p.step}: the update made the weights of '${p.layer}' overflow, so it was not applied. ${lrFix(p)}`,
  'trace-too-many-features': (p: MessageParams) =>
    `Step mode shows networks of up to ${p.max} values a layer, but the data has ${p.features} inputs. Use a data set with fewer features.`,
  'trace-too-many-units': (p: MessageParams) => `Step mode shows networks of up to ${p.max} units a layer, but layer '${p.layer}' has ${p.units}. Give it ${p.max} units or fewer.`,
  'trace-batch-too-large': (p: MessageParams) =>
    `Step mode shows batches of up to ${p.max} samples, but the next batch has ${p.rows}. Choose stochastic or mini-batch training with a batch size of ${p.max} or less.`,
} satisfies Record<string, (p: MessageParams) => string>;

export type RunMessageKey = keyof typeof RUN_MESSAGES;

/** A run message: its English text, and the key and params it was made from. */
export interface RunMessage {
  message: string;
  key: RunMessageKey;
  params: MessageParams;
}

/** The message for `key` filled with `params`. */
export function runMessage(key: RunMessageKey, params: MessageParams): RunMessage {
  return { message: RUN_MESSAGES[key](params), key, params };
}

// `desk`: the one door to the backend, used by the stores only (components go through a store).
// Electron's preload puts it on window.desk; in a browser the web client speaks the same contract
// to the web host. Every answer is a Reply, kept as data: a failure is an ErrorShape the store
// keeps or shows, never an exception to catch and rebuild.
import type { Args, DeskBridge, RequestName, Result } from '../shared/api';
import { isErrorShape, isReply, type Reply } from '../shared/errors';
import { createWebBridge } from './web-bridge';

declare global {
  interface Window {
    desk?: DeskBridge;
  }
}

export const desk: DeskBridge = window.desk ?? createWebBridge();

const GARBLED: Reply<never> = {
  ok: false,
  error: { code: 'internal', message: 'The Trigger Desk backend gave an answer the page cannot read.' },
};

/** One request; the answer is always a Reply (both bridges already turn transport failures into one). */
export async function request<K extends RequestName>(name: K, args: Args<K>): Promise<Reply<Result<K>>> {
  const reply: unknown = await desk.request[name](args);
  return isReply(reply) ? (reply as Reply<Result<K>>) : GARBLED;
}

/** Plain words for a failure (a Reply's error, or a problem found in the page), with the hint when there is one. */
export function errorText(error: unknown): string {
  if (isErrorShape(error)) return error.hint ? `${error.message} ${error.hint}` : error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

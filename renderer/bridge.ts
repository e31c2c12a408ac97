// `desk`: the one door to the backend. Electron's preload puts it on window.desk; in a browser the
// web client speaks the same contract to the web host. `call` unwraps a Reply or throws DeskError.
import type { Args, DeskBridge, RequestName, Result } from '../shared/api';
import { DeskError } from '../shared/errors';
import { createWebBridge } from './web-bridge';

declare global {
  interface Window {
    desk?: DeskBridge;
  }
}

export const desk: DeskBridge = window.desk ?? createWebBridge();

export async function call<K extends RequestName>(name: K, args: Args<K>): Promise<Result<K>> {
  const reply = await desk.request[name](args);
  if (reply.ok) return reply.value;
  throw DeskError.from(reply.error);
}

/** Plain words for any error thrown at the page, with the hint when there is one. */
export function errorText(error: unknown): string {
  if (error instanceof DeskError) return error.hint ? `${error.message} ${error.hint}` : error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

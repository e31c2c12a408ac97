// The IPC channel table, kept free of Electron so the tests can check it: one route per request
// of the contract (channel name = request name), each refusing a caller that is not the app's own
// top frame before the shared dispatch (schema check → handler → Reply) runs.
import { requestNames, type Handlers, type RequestName } from '../shared/api';
import type { Reply } from '../shared/errors';
import { isTrustedSender, type SenderFrame } from './app-page';
import { dispatch, logToStderr, type Log, type Secrets } from './dispatch';

export type IpcRoute = (sender: SenderFrame | null, raw: unknown) => Promise<Reply<unknown>>;

export const UNTRUSTED_SENDER: Reply<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This request did not come from the Trigger Desk window and was refused.' },
};

export function ipcRoutes(
  handlers: Handlers,
  appIndexUrl: string,
  log: Log = logToStderr,
  secrets?: Secrets,
): [RequestName, IpcRoute][] {
  return requestNames.map((name) => [
    name,
    async (sender, raw) => {
      if (!isTrustedSender(sender, appIndexUrl)) {
        log(
          `refused ${name} from ${sender === null ? 'a frame that is gone' : sender.isMainFrame ? 'another page' : 'a sub-frame'}`,
        );
        return UNTRUSTED_SENDER;
      }
      return dispatch(handlers, name, raw, log, secrets);
    },
  ]);
}

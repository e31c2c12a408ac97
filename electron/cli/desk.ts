// The CLI asks the backend through the same dispatch as the app's page (electron/dispatch.ts): the
// arguments are checked against the contract, a domain error comes back as its shape, and anything
// unexpected is logged in the data folder's trigger-desk.log with a reference id. A reply that is
// not ok is thrown as `Replied`, which failure.ts prints (input: exit 2; internal: exit 1).
import type { Args, RequestName, Result } from '../../shared/api';
import type { Backend } from '../backend/types';
import { dispatch } from '../dispatch';
import { Replied } from './failure';

export async function ask<K extends RequestName>(backend: Backend, name: K, args: Args<K>): Promise<Result<K>> {
  const reply = await dispatch(backend.handlers, name, args, backend.log, backend.secrets);
  if (!reply.ok) throw new Replied(reply.error);
  // dispatch answers the value of this name's handler.
  return reply.value as Result<K>;
}

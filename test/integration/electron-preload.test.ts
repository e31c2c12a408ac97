// The built preload (dist-electron/preload.cjs) run the way Electron runs a sandboxed preload: a
// context of its own whose `require` knows only 'electron', answered by the stand-in
// (test/fixtures/electron-stub). It must put exactly the contract on window.desk: one function per
// request, the contract's events, and nothing generic (no raw invoke/send/on of any channel).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestNames, type DeskBridge } from '../../shared/api';
import { eventNames, type EventName } from '../../shared/events';
import { createFakePreload, type FakePreload } from '../fixtures/electron-stub/fake-preload';
import { buildShellBundles, runPreload, type ShellBundles } from '../fixtures/electron-stub/load';

let bundles: ShellBundles;
beforeAll(async () => {
  bundles = await buildShellBundles();
});
afterAll(() => {
  bundles.dispose();
});

function loadPreload(): { electron: FakePreload; desk: DeskBridge; required: string[] } {
  const electron = createFakePreload();
  const required = runPreload(bundles.preload, electron);
  const exposed = [...electron.contextBridge.exposed.entries()];
  expect(exposed.map(([key]) => key)).toEqual(['desk']);
  return { electron, desk: exposed[0]?.[1] as DeskBridge, required };
}

const sorted = (names: Iterable<string>): string[] => [...names].sort();

describe('the preload bundle', () => {
  it('requires only electron, and exposes one object, window.desk, with mode, request and on', () => {
    const { desk, required } = loadPreload();
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(sorted(Object.keys(desk))).toEqual(['mode', 'on', 'request']);
    expect(desk.mode).toBe('electron');
    expect(typeof desk.on).toBe('function');
  });

  it('has one function per contract request, each invoking its own channel and nothing else', async () => {
    const { electron, desk } = loadPreload();
    expect(sorted(Object.keys(desk.request))).toEqual(sorted(requestNames));
    expect(Object.isFrozen(desk.request)).toBe(true);
    for (const name of requestNames) {
      const call = desk.request[name] as (args: unknown) => Promise<unknown>;
      expect(await call({ probe: name }), name).toEqual({ ok: true, value: name });
    }
    expect(electron.ipcRenderer.invoked).toEqual(requestNames.map((name) => [name, [{ probe: name }]]));
    expect(electron.ipcRenderer.sentFromRenderer).toEqual([]);
  });

  it('offers nothing generic: no way to name a channel, no ipcRenderer, no Node', () => {
    const { desk } = loadPreload();
    const request = desk.request as unknown as Record<string, unknown>;
    for (const generic of ['invoke', 'send', 'sendSync', 'ipcRenderer', 'postMessage', 'require', 'process']) {
      expect(request[generic], generic).toBeUndefined();
      expect((desk as unknown as Record<string, unknown>)[generic], generic).toBeUndefined();
    }
  });

  it('turns a lost or odd answer from main into a Reply, never a throw', async () => {
    const { electron, desk } = loadPreload();
    electron.ipcRenderer.invokeAnswer = () => 'not a reply';
    expect(await desk.request['app:info']({})).toMatchObject({ ok: false, error: { code: 'internal' } });
    electron.ipcRenderer.invokeAnswer = () => {
      throw new Error("No handler registered for 'app:info'");
    };
    expect(await desk.request['app:info']({})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('subscribes only to the contract’s events, hands the page the payload only, and unsubscribes', () => {
    const { electron, desk } = loadPreload();
    const got: unknown[] = [];
    const offs = eventNames.map((event) => desk.on(event, (payload) => got.push([event, payload])));
    expect(sorted(electron.ipcRenderer.listeners.eventNames().map(String))).toEqual(sorted(eventNames));
    for (const event of eventNames) electron.ipcRenderer.deliver(event, { scope: 'triggers' });
    // The IPC event object (with its sender) never reaches the page.
    expect(got).toEqual(eventNames.map((event) => [event, { scope: 'triggers' }]));
    for (const off of offs) off();
    expect(electron.ipcRenderer.listeners.eventNames()).toEqual([]);

    for (const bad of ['triggers:fire', 'electron-store-get-data', 'ipc', '__proto__', 'constructor', '']) {
      expect(() => desk.on(bad as EventName, () => undefined), bad).toThrow(/Unknown event/);
    }
    expect(electron.ipcRenderer.listeners.eventNames()).toEqual([]);
  });
});

// The payload area of a trigger: the composer (CodeMirror and its panels) is loaded on first use,
// so the first screen stays small; until then a placeholder holds its place.
import { lazy, Suspense, type ReactNode } from 'react';
import { isJsonContentType } from '../../../shared/harness/request-preview';
import type { Trigger } from '../../../shared/model';

const Composer = lazy(() => import('../composer/Composer'));

export function isJsonType(contentType: string): boolean {
  return isJsonContentType(contentType);
}

export function PayloadEditor({ trigger }: { trigger: Trigger }): ReactNode {
  return (
    <Suspense
      fallback={
        <section className="panel payload-panel" aria-busy="true">
          <p className="muted">Loading the editor…</p>
        </section>
      }
    >
      <Composer trigger={trigger} />
    </Suspense>
  );
}

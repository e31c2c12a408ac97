// The account's browser: organization and project (native selects: keyboard and screen readers know
// them), then each pipeline with its custom webhook triggers, each marked new / imported / changed in
// Harness / deleted in Harness, with Import (one, a pipeline's, the whole project) and Refresh.
import type { ReactNode } from 'react';
import type { AccountPipeline, RemoteTrigger } from '../../../shared/account-model';
import type { Trigger } from '../../../shared/model';
import {
  checkImported,
  chooseOrg,
  chooseProject,
  importKey,
  importTriggers,
  useAccount,
  type ImportScope,
} from '../../stores/account';
import { showView } from '../../stores/ui';
import { selectTrigger, useDesk } from '../../stores/workspaces';
import { ImportReportView } from './ImportReportView';
import { RefreshButton } from './RefreshButton';
import { RemoteMark } from './RemoteMark';

function openTrigger(id: string): void {
  selectTrigger(id);
  showView('triggers');
}

function ImportButton({ scope, label, name }: { scope: ImportScope; label: string; name: string }): ReactNode {
  const importing = useAccount((s) => s.importing);
  const mine = importing === importKey(scope);
  return (
    <button
      type="button"
      className="small"
      disabled={importing !== null}
      aria-label={name}
      onClick={() => void importTriggers(scope)}
    >
      {mine ? 'Importing…' : label}
    </button>
  );
}

function TriggerLine({ remote }: { remote: RemoteTrigger }): ReactNode {
  const imported = remote.imported;
  return (
    <li className="remote-trigger" data-state={imported?.state ?? 'new'}>
      <span className="remote-name">
        {remote.name} <code className="muted">{remote.identifier}</code>
      </span>
      <RemoteMark state={imported?.state ?? 'new'} />
      {!remote.enabled && (
        <span className="badge" title="Harness keeps it but it starts nothing">
          disabled in Harness
        </span>
      )}
      <span className="remote-actions">
        {imported?.state === 'changed' && <RefreshButton triggerId={imported.triggerId} name={remote.name} />}
        {imported ? (
          <button
            type="button"
            className="small"
            aria-label={`Open ${imported.name}`}
            onClick={() => {
              openTrigger(imported.triggerId);
            }}
          >
            Open
          </button>
        ) : (
          <ImportButton
            scope={{ pipelineIdentifier: remote.pipelineIdentifier, triggerIdentifier: remote.identifier }}
            label="Import"
            name={`Import ${remote.name}`}
          />
        )}
      </span>
    </li>
  );
}

/** An imported trigger Harness no longer has: kept and marked, never removed. */
function GoneLine({ trigger }: { trigger: Trigger }): ReactNode {
  return (
    <li className="remote-trigger" data-state="deleted">
      <span className="remote-name">
        {trigger.name} <code className="muted">{trigger.harness?.triggerIdentifier}</code>
      </span>
      <RemoteMark state="deleted" />
      <span className="remote-actions">
        <button
          type="button"
          className="small"
          aria-label={`Open ${trigger.name}`}
          onClick={() => {
            openTrigger(trigger.id);
          }}
        >
          Open
        </button>
      </span>
    </li>
  );
}

function PipelineGroup({
  pipeline,
  remote,
  gone,
}: {
  pipeline: AccountPipeline;
  remote: RemoteTrigger[];
  gone: Trigger[];
}): ReactNode {
  return (
    <section className="remote-pipeline" aria-label={`Pipeline ${pipeline.name}`}>
      <div className="remote-pipeline-head">
        <h4>
          {pipeline.name} <code className="muted">{pipeline.identifier}</code>
        </h4>
        {remote.length > 0 && (
          <ImportButton
            scope={{ pipelineIdentifier: pipeline.identifier }}
            label={`Import pipeline’s ${remote.length}`}
            name={`Import the ${remote.length} custom triggers of ${pipeline.name}`}
          />
        )}
      </div>
      {remote.length === 0 && gone.length === 0 ? (
        <p className="muted small-text">No custom webhook trigger.</p>
      ) : (
        <ul className="remote-triggers" aria-label={`Custom triggers of ${pipeline.name}`}>
          {remote.map((t) => (
            <TriggerLine key={t.identifier} remote={t} />
          ))}
          {gone.map((t) => (
            <GoneLine key={t.id} trigger={t} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ProjectTriggers(): ReactNode {
  const workspaceId = useAccount((s) => s.workspaceId);
  const org = useAccount((s) => s.org);
  const project = useAccount((s) => s.project);
  const pipelines = useAccount((s) => s.pipelines);
  const remote = useAccount((s) => s.remote);
  const importing = useAccount((s) => s.importing);
  const busy = useAccount((s) => s.busy.import ?? false);
  const progress = useAccount((s) => s.progress);
  const error = useAccount((s) => s.errors.import);
  const triggers = useDesk((s) => s.triggers);
  if (!pipelines || !remote) return null;
  // Imported triggers of this project that Harness no longer has: kept, marked.
  const gone = triggers.filter(
    (t) =>
      t.workspaceId === workspaceId &&
      t.harness?.orgIdentifier === org &&
      t.harness.projectIdentifier === project &&
      t.harness.state === 'deleted',
  );
  // Pipelines named only by a trigger (a page of pipelines cut short) still get a group.
  const all = [...pipelines];
  for (const p of [
    ...remote.triggers.map((t) => t.pipelineIdentifier),
    ...gone.map((t) => t.harness?.pipelineIdentifier),
  ])
    if (p && !all.some((x) => x.identifier === p))
      all.push({ orgIdentifier: org ?? '', projectIdentifier: project ?? '', identifier: p, name: p });
  const changed = remote.triggers.filter((t) => t.imported?.state === 'changed').length;
  return (
    <>
      <div className="account-import-bar" role="toolbar" aria-label="Project actions">
        <ImportButton
          scope={{}}
          label={`Import all of project (${remote.triggers.length})`}
          name={`Import all ${remote.triggers.length} custom triggers of the project`}
        />
        <button type="button" className="small" disabled={busy} onClick={() => void checkImported()}>
          Check imported for changes
        </button>
        <span className="muted small-text">
          {remote.triggers.length} custom trigger{remote.triggers.length === 1 ? '' : 's'}
          {changed > 0 ? `, ${changed} changed in Harness` : ''}
          {gone.length > 0 ? `, ${gone.length} deleted in Harness` : ''}
          {remote.otherTriggers > 0 ? ` (${remote.otherTriggers} other triggers left out: not custom webhooks)` : ''}
        </span>
      </div>
      <div role="status" aria-live="polite" className="account-progress">
        {importing !== null ? (progress ?? 'Importing from Harness, each trigger with its YAML…') : null}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <ImportReportView />
      {remote.notes.map((n) => (
        <p key={n} className="muted small-text">
          {n}
        </p>
      ))}
      {all.map((p) => (
        <PipelineGroup
          key={p.identifier}
          pipeline={p}
          remote={remote.triggers.filter((t) => t.pipelineIdentifier === p.identifier)}
          gone={gone.filter((t) => t.harness?.pipelineIdentifier === p.identifier)}
        />
      ))}
    </>
  );
}

export function AccountBrowser(): ReactNode {
  const connection = useAccount((s) => s.connection);
  const orgs = useAccount((s) => s.orgs);
  const org = useAccount((s) => s.org);
  const projects = useAccount((s) => s.projects);
  const project = useAccount((s) => s.project);
  const loading = useAccount((s) => s.busy.browse ?? false);
  const error = useAccount((s) => s.errors.browse);
  const refused = useAccount((s) => s.test?.ok === false);
  return (
    <section className="account-browser" aria-labelledby="account-browser-heading" aria-busy={loading}>
      <h2 id="account-browser-heading">Browse and import</h2>
      {!connection?.key ? (
        <p className="muted">Connect the workspace to a Harness account (on the left) to browse its triggers.</p>
      ) : refused && orgs === null ? (
        <p className="muted">Harness refused the connection (see the test on the left): fix it to browse.</p>
      ) : (
        <>
          <div className="account-pickers">
            <label className="field-inline">
              <span className="label">Organization</span>
              <select value={org ?? ''} disabled={orgs === null} onChange={(e) => void chooseOrg(e.target.value)}>
                <option value="">{orgs === null ? (loading ? 'Loading…' : '—') : `Choose (${orgs.length})`}</option>
                {(orgs ?? []).map((o) => (
                  <option key={o.identifier} value={o.identifier}>
                    {o.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field-inline">
              <span className="label">Project</span>
              <select
                value={project ?? ''}
                disabled={projects === null}
                onChange={(e) => void chooseProject(e.target.value)}
              >
                <option value="">{projects === null ? '—' : `Choose (${projects.length})`}</option>
                {(projects ?? []).map((p) => (
                  <option key={p.identifier} value={p.identifier}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            {loading && <span className="muted small-text">Asking Harness…</span>}
          </div>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
          <ProjectTriggers />
        </>
      )}
    </section>
  );
}

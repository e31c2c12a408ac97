// One view's crash never blanks the app: each view is mounted inside this boundary (App.tsx), which
// shows what broke in plain words and a way to mount the view again; the app bar, the other views
// and the dialogs keep working. The message passes the one redaction, like every error shown; the
// console gets a warning with the component stack (main.tsx, onCaughtError).
import { Component, type ReactNode } from 'react';
import { redact } from '../../shared/harness/redact';
import './view-error.css';

interface Props {
  label: string;
  children: ReactNode;
}
interface State {
  error: Error | null;
  mounts: number;
}

export class ViewErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, mounts: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  private readonly reload = (): void => {
    this.setState((s) => ({ error: null, mounts: s.mounts + 1 }));
  };

  override render(): ReactNode {
    const { error, mounts } = this.state;
    if (!error) return <ViewMount key={mounts}>{this.props.children}</ViewMount>;
    const what = redact(error.message || error.name || 'an unknown error');
    return (
      <section className="view-error" role="alert" aria-labelledby="view-error-title">
        <h2 id="view-error-title">The {this.props.label} view stopped working</h2>
        <p>
          Something in this view failed: <code>{what}</code>
        </p>
        <p className="muted">
          The other views keep working. Reloading this view starts it afresh, without reloading the app.
        </p>
        <button type="button" className="primary" onClick={this.reload}>
          Reload the {this.props.label} view
        </button>
      </section>
    );
  }
}

/** A keyed wrapper: a new key mounts the view from scratch. */
function ViewMount({ children }: { children: ReactNode }): ReactNode {
  return children;
}

// The answer as received (pretty-printed, redacted by the backend), with search and copy.
import { useId, useMemo, useState, type ReactNode } from 'react';
import { CopyButton } from '../../ui/CopyButton';
import { splitMatches } from './matches';

export function RawJson({ raw }: { raw: string }): ReactNode {
  const [needle, setNeedle] = useState('');
  const id = useId();
  const parts = useMemo(() => splitMatches(raw, needle), [raw, needle]);
  const matches = (parts.length - 1) / 2;
  return (
    <section className="raw-json" aria-labelledby={`${id}-title`}>
      <div className="raw-head">
        <h3 id={`${id}-title`}>Raw answer (JSON)</h3>
        <input
          type="search"
          aria-label="Search the raw answer"
          placeholder="Search…"
          value={needle}
          onChange={(e) => {
            setNeedle(e.target.value);
          }}
        />
        <span className="muted small-text" role="status" aria-live="polite">
          {needle ? `${matches} ${matches === 1 ? 'match' : 'matches'}` : ''}
        </span>
        <CopyButton text={raw} what="raw answer" />
      </div>
      <pre className="code-block raw-text" tabIndex={0} aria-label="Raw answer">
        {parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part))}
      </pre>
    </section>
  );
}

// A parse error in plain words, with the place: line, column and the text around it.
import type { ReactNode } from 'react';
import { DeskError } from '../../../shared/errors';
import { redact } from '../../../shared/harness/redact';
import { lineColumn } from '../../json-check';

const AROUND = 30;

/** The text around the column with a caret under it; null when that stretch holds anything secret-looking. */
function excerpt(text: string, line: number, column: number): string | null {
  const lineText = text.split('\n')[line - 1] ?? '';
  const start = Math.max(0, column - 1 - AROUND);
  const end = Math.min(lineText.length, column - 1 + AROUND);
  const piece = lineText.slice(start, end);
  // The pasted text may hold a key or a webhook token: the stretch is shown only if it survives
  // redaction of its whole line unchanged (so not even part of a secret is in it).
  if (!redact(lineText).includes(piece)) return null;
  const prefix = start > 0 ? '…' : '';
  const shown = `${prefix}${piece}${end < lineText.length ? '…' : ''}`;
  return `${shown}\n${' '.repeat(prefix.length + column - 1 - start)}^`;
}

export function ParseError({ error, text }: { error: unknown; text: string }): ReactNode {
  const message = redact(error instanceof Error ? error.message : String(error));
  const where = error instanceof DeskError ? error.where : undefined;
  const hint = error instanceof DeskError ? error.hint : undefined;
  let place: { line: number; column: number } | null = null;
  if (where?.line !== undefined) place = { line: where.line, column: where.column ?? 1 };
  else if (where?.offset !== undefined) place = lineColumn(text, Math.min(where.offset, text.length));
  const saysWhere = /line \d+, column \d+/i.test(message);
  const shown = place ? excerpt(text, place.line, place.column) : null;
  return (
    <div className="parse-error" role="alert" data-testid="parse-error">
      <p>
        {place && !saysWhere && <strong>{`Line ${place.line}, column ${place.column}: `}</strong>}
        {message}
      </p>
      {hint && <p className="hint">{hint}</p>}
      {shown !== null && (
        <pre className="mono excerpt" aria-hidden="true">
          {shown}
        </pre>
      )}
    </div>
  );
}

// Code in a narrow column wraps where a reader would break it (before a dot or bracket, after a
// slash or comma), not in the middle of a word: `<+trigger.payload.tag>` never reads "<+trigge r.pay".
import { Fragment, type ReactElement } from 'react';

const BREAK_BEFORE = /(?=[.[])|(?<=[/,(])/;

export function CodeText({ text }: { text: string }): ReactElement {
  const parts = text.split(BREAK_BEFORE);
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </>
  );
}

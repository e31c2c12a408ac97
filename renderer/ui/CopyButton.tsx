// Copies a value to the clipboard and says so for a moment.
import { useEffect, useState, type ReactNode } from 'react';
import { showToast } from '../stores/toasts';

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    showToast('Could not reach the clipboard: select the text and press Ctrl+C.', { tone: 'error' });
    return false;
  }
}

export function CopyButton({ text, what }: { text: string; what: string }): ReactNode {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => {
      setCopied(false);
    }, 1500);
    return () => {
      clearTimeout(timer);
    };
  }, [copied]);
  return (
    <button
      type="button"
      className="small"
      aria-label={`Copy ${what}`}
      onClick={() => {
        void copyText(text).then(setCopied);
      }}
    >
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}

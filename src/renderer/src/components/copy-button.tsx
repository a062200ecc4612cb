import { Check, Copy, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { copyText } from '../lib/clipboard';

export interface CopyButtonProps {
  /** The text to copy, or a function producing it (for large bodies, computed only on click). */
  text: string | (() => string);
  /** Visible label; when absent the button shows only the icon and `label` becomes its accessible name. */
  children?: string;
  /** Accessible name, e.g. "Copy receiver URL". */
  label: string;
  className?: string;
}

/** How long "Copied" stays before the button returns to normal. */
const FEEDBACK_MS = 1500;

/** A button that copies text and says whether it worked ("Copied" / "Copy failed"), never failing silently. */
export function CopyButton({ text, children, label, className }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onClick = async (): Promise<void> => {
    clearTimeout(timer.current);
    try {
      await copyText(typeof text === 'function' ? text() : text);
      setState('copied');
    } catch {
      setState('failed');
    }
    timer.current = setTimeout(() => setState('idle'), FEEDBACK_MS);
  };

  const Icon = state === 'copied' ? Check : state === 'failed' ? X : Copy;
  const feedback = state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : null;
  return (
    <button
      type="button"
      className={`button button-ghost copy-button copy-${state} ${className ?? ''}`}
      onClick={() => void onClick()}
      aria-label={feedback ?? label}
      title={label}
    >
      <Icon size={14} aria-hidden="true" />
      {children !== undefined && <span>{feedback ?? children}</span>}
    </button>
  );
}

import { RotateCw, TriangleAlert } from 'lucide-react';

export interface ErrorBannerProps {
  /** What was being done, e.g. "Could not load captures". */
  title: string;
  /** The error in plain words, as the core or transport reported it. */
  message: string;
  /** When given, a Retry button repeats the failed request. */
  onRetry?: () => void;
}

/** A visible, announced error with an optional retry: bridge errors end up here instead of being swallowed. */
export function ErrorBanner({ title, message, onRetry }: ErrorBannerProps) {
  return (
    <div role="alert" className="error-banner">
      <TriangleAlert size={16} aria-hidden="true" className="error-banner-icon" />
      <div className="error-banner-text">
        <strong>{title}</strong>
        <span>{message}</span>
      </div>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          <RotateCw size={14} aria-hidden="true" />
          Retry
        </button>
      )}
    </div>
  );
}

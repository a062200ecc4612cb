import { Pin, Search, X } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useInboxStore } from '../../stores/inbox';
import { isFiltered } from '../../stores/inbox/list-filter';
import { CHECK_OPTIONS } from '../check/check-format';
import {
  CONTENT_TYPE_OPTIONS,
  fromLocalInput,
  METHOD_OPTIONS,
  SIGNATURE_OPTIONS,
  parseExactStatus,
  STATUS_CLASSES,
  TIME_OPTIONS,
  timeValue,
  toLocalInput,
} from './filter-options';

/** A `datetime-local` "to" value as the last millisecond of that minute, so the bound includes it. */
function endOfMinute(value: string): number | null {
  const start = fromLocalInput(value);
  return start === null ? null : start + 59_999;
}

/** The id of the search field, so `/` can focus it from anywhere. */
export const SEARCH_INPUT_ID = 'capture-search';

/** How long typing must pause before the search runs. */
export const SEARCH_DEBOUNCE_MS = 250;

/**
 * Above the list: full-text search (bodies, headers, URL; runs when typing pauses), method, status (class or
 * exact), content type, time range (relative or custom) and pinned only. Each change reloads the list.
 */
export function FiltersBar() {
  const filter = useInboxStore((s) => s.filter);
  const filterChanged = useInboxStore((s) => s.filterChanged);
  const [text, setText] = useState(filter.text);
  const [exactStatus, setExactStatus] = useState(
    typeof filter.status === 'number' ? String(filter.status) : '',
  );
  const [statusMode, setStatusMode] = useState(
    typeof filter.status === 'number' ? 'exact' : (filter.status ?? ''),
  );
  const [customTime, setCustomTime] = useState(filter.time?.kind === 'between');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const sent = useRef(filter.text);

  // Follow the store when the search is changed elsewhere, but never undo what is being typed here.
  useEffect(() => {
    if (filter.text !== sent.current) {
      sent.current = filter.text;
      setText(filter.text);
    }
  }, [filter.text]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onText = (value: string): void => {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      sent.current = value;
      void filterChanged({ text: value });
    }, SEARCH_DEBOUNCE_MS);
  };

  const onStatusMode = (mode: string): void => {
    setStatusMode(mode);
    if (mode === 'exact') {
      const exact = parseExactStatus(exactStatus);
      if (exact !== null) void filterChanged({ status: exact });
      return;
    }
    const chosen = STATUS_CLASSES.find((c) => c === mode) ?? null;
    void filterChanged({ status: chosen });
  };

  const onTime = (value: string): void => {
    if (value === 'custom') {
      setCustomTime(true);
      void filterChanged({ time: { kind: 'between', from: Date.now() - 60 * 60_000, to: null } });
      return;
    }
    setCustomTime(false);
    void filterChanged({ time: value === '' ? null : { kind: 'last', minutes: Number(value) } });
  };

  const range = filter.time?.kind === 'between' ? filter.time : null;
  const clearAll = (): void => {
    clearTimeout(timer.current);
    sent.current = '';
    setText('');
    setExactStatus('');
    setStatusMode('');
    setCustomTime(false);
    void filterChanged({
      method: null,
      status: null,
      contentType: null,
      time: null,
      text: '',
      pinned: false,
      signature: null,
      check: null,
    });
  };

  return (
    <div className="filters" role="search" aria-label="Filter captures" data-testid="filters-bar">
      <div className="filters-row">
        <label className="search-box">
          <Search size={14} aria-hidden="true" />
          <span className="visually-hidden">Search bodies, headers and URLs</span>
          <input
            id={SEARCH_INPUT_ID}
            type="search"
            className="search-input"
            placeholder="Search bodies, headers, URLs"
            value={text}
            onChange={(e) => onText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && text) {
                e.preventDefault();
                onText('');
              }
            }}
          />
          <kbd className="search-hint" aria-hidden="true">
            /
          </kbd>
        </label>
        <button
          type="button"
          className={`button ${filter.pinned ? 'button-selected' : 'button-ghost'}`}
          aria-pressed={filter.pinned}
          onClick={() => void filterChanged({ pinned: !filter.pinned })}
          title="Show pinned captures only"
        >
          <Pin size={14} aria-hidden="true" />
          Pinned
        </button>
      </div>
      <div className="filters-row">
        <select
          className="select"
          aria-label="Method"
          value={filter.method ?? ''}
          onChange={(e) => void filterChanged({ method: e.target.value || null })}
        >
          <option value="">Method</option>
          {METHOD_OPTIONS.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
        <select
          className="select"
          aria-label="Status"
          value={statusMode}
          onChange={(e) => onStatusMode(e.target.value)}
        >
          <option value="">Status</option>
          {STATUS_CLASSES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
          <option value="exact">Exact…</option>
        </select>
        {statusMode === 'exact' && (
          <input
            className="input narrow"
            aria-label="Exact status"
            inputMode="numeric"
            placeholder="404"
            value={exactStatus}
            aria-invalid={exactStatus !== '' && parseExactStatus(exactStatus) === null}
            onChange={(e) => {
              setExactStatus(e.target.value);
              const exact = parseExactStatus(e.target.value);
              if (exact !== null || e.target.value === '') void filterChanged({ status: exact });
            }}
          />
        )}
        <select
          className="select"
          aria-label="Content type"
          value={filter.contentType ?? ''}
          onChange={(e) => void filterChanged({ contentType: e.target.value || null })}
        >
          <option value="">Type</option>
          {CONTENT_TYPE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <select
          className="select"
          aria-label="Time range"
          value={customTime ? 'custom' : timeValue(filter.time)}
          onChange={(e) => onTime(e.target.value)}
        >
          <option value="">Time</option>
          {TIME_OPTIONS.map((o) => (
            <option key={o.minutes} value={o.minutes}>
              {o.label}
            </option>
          ))}
          <option value="custom">Custom…</option>
        </select>
        <select
          className="select select-signature"
          aria-label="Signature"
          value={filter.signature ?? ''}
          onChange={(e) =>
            void filterChanged({
              signature: SIGNATURE_OPTIONS.find((o) => o.value === e.target.value)?.value ?? null,
            })
          }
        >
          <option value="">Signature</option>
          {SIGNATURE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <select
          className="select select-check"
          aria-label="Check"
          value={filter.check ?? ''}
          onChange={(e) =>
            void filterChanged({
              check: CHECK_OPTIONS.find((o) => o.value === e.target.value)?.value ?? null,
            })
          }
        >
          <option value="">Check</option>
          {CHECK_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {isFiltered({ ...filter, inbox: null }) && (
          <button
            type="button"
            className="button button-ghost"
            onClick={clearAll}
            title="Clear every filter but the inbox"
            aria-label="Clear filters"
          >
            <X size={14} aria-hidden="true" />
            Clear
          </button>
        )}
      </div>
      {customTime && (
        <div className="filters-row">
          <label className="range-field">
            From
            <input
              type="datetime-local"
              className="input"
              value={toLocalInput(range?.from ?? null)}
              onChange={(e) =>
                void filterChanged({
                  time: { kind: 'between', from: fromLocalInput(e.target.value), to: range?.to ?? null },
                })
              }
            />
          </label>
          <label className="range-field">
            To
            <input
              type="datetime-local"
              className="input"
              value={toLocalInput(range?.to ?? null)}
              onChange={(e) =>
                void filterChanged({
                  time: { kind: 'between', from: range?.from ?? null, to: endOfMinute(e.target.value) },
                })
              }
            />
          </label>
        </div>
      )}
    </div>
  );
}

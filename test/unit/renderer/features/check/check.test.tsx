import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckProgress } from '../../../../../src/shared/check-models';
import { checkBadgeLook, checkTabMark } from '../../../../../src/renderer/src/features/check/check-format';
import { checkKey, CheckView } from '../../../../../src/renderer/src/features/check/check-view';
import { DriftList, DriftWorkspace } from '../../../../../src/renderer/src/features/check/drift-view';
import type { HookbenchApi } from '../../../../../src/renderer/src/lib/bridge';
import { useCheckStore } from '../../../../../src/renderer/src/stores/check';
import { createCheckActions } from '../../../../../src/renderer/src/stores/check/actions';
import { initialCheckState } from '../../../../../src/renderer/src/stores/check/initial-state';
import {
  matchesFilter,
  toHistoryFilter,
  EMPTY_FILTER,
} from '../../../../../src/renderer/src/stores/inbox/list-filter';
import { createFakeRawApi } from '../../helpers/fake-raw-api';
import { detail, summary } from '../../helpers/fixtures';
import { renderApp } from '../../helpers/render-app';
import { deviatingCheck, DRIFT } from './check-fixtures';

const deviates = {
  verdict: 'deviates',
  provider: 'credo-ai',
  eventType: 'use_case_review_status_updated',
  errors: 2,
  warnings: 1,
} as const;
const conforms = { ...deviates, verdict: 'conforms', errors: 0, warnings: 0 } as const;

// Tests swap in actions over a fake API: put the app's own back before each.
const appStore = useCheckStore.getState();
beforeEach(() => useCheckStore.setState({ ...appStore, ...initialCheckState }, true));
afterEach(() => {
  delete window.hookbench;
});

describe('check badge', () => {
  it('maps each verdict to a mark and a tone', () => {
    expect(checkBadgeLook(conforms)).toMatchObject({ mark: '✓', tone: 'success' });
    expect(checkBadgeLook(deviates)).toMatchObject({ mark: '⚠ 2', tone: 'warning' });
    expect(checkBadgeLook(deviates).label).toContain('2 errors, 1 warning');
    expect(
      checkBadgeLook({ ...deviates, verdict: 'unidentified', provider: null, eventType: null }),
    ).toMatchObject({
      mark: '?',
    });
    expect(checkBadgeLook({ ...deviates, verdict: 'not-json' }).mark).toBe('not JSON');
    expect(checkBadgeLook({ ...deviates, verdict: 'pending' })).toMatchObject({ mark: '•', tone: 'faint' });
    expect(checkTabMark(deviates)).toBe('⚠2');
    expect(checkTabMark(conforms)).toBe('✓');
    expect(checkTabMark({ ...deviates, verdict: 'pending' })).toBeNull();
  });
});

describe('check filter', () => {
  it('sends the verdict to the core and judges live rows by it', () => {
    expect(toHistoryFilter({ ...EMPTY_FILTER, check: 'deviates' }, 0)).toEqual({ check: 'deviates' });
    const filter = { check: 'deviates' } as const;
    expect(matchesFilter(summary(1, { check: deviates }), filter)).toBe(true);
    expect(matchesFilter(summary(2, { check: conforms }), filter)).toBe(false);
    expect(matchesFilter(summary(3), filter)).toBe(false);
  });

  it('shows the event type and badge in rows, and filters the list by "Deviates from the documentation"', async () => {
    const fake = createFakeRawApi([
      detail(1, { check: conforms }),
      detail(2, { check: deviates }),
      detail(3),
    ]);
    renderApp(fake);
    const rows = await screen.findAllByTestId('capture-row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByTestId('row-event')).toHaveTextContent('use_case_review_status_updated');
    expect(within(rows[1]!).getByTestId('check-badge')).toHaveTextContent('⚠ 2');
    expect(within(rows[2]!).getByTestId('check-badge')).toHaveAttribute('data-verdict', 'conforms');
    expect(within(rows[0]!).queryByTestId('row-event')).toBeNull();
    expect(within(rows[0]!).getByTestId('check-badge')).toHaveAttribute('data-verdict', 'pending');

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Check' }),
      'Deviates from the documentation',
    );
    await waitFor(() => expect(screen.getAllByTestId('capture-row')).toHaveLength(1));
    expect(fake.listCalls.at(-1)).toMatchObject({ check: 'deviates' });
  });
});

describe('Check tab', () => {
  function renderCheck() {
    const capture = detail(7, { check: deviates, checkDetail: { result: null, checkedWith: 'cat-1' } });
    useCheckStore.setState({
      captures: { 7: { status: 'ready', key: checkKey(capture), check: deviatingCheck(7) } },
    });
    Element.prototype.scrollIntoView = vi.fn();
    return render(<CheckView detail={capture} />);
  }

  it('shows the event, the findings and both trees with statuses', () => {
    renderCheck();
    const view = screen.getByTestId('check-view');
    expect(view).toHaveTextContent('Credo AI');
    expect(screen.getByTestId('check-event')).toHaveTextContent('use_case_review_status_updated');
    expect(view).toHaveTextContent('deprecated');
    const findings = screen.getAllByTestId('check-finding');
    expect(findings).toHaveLength(2);
    expect(findings[0]).toHaveTextContent('missing');
    expect(findings[0]).toHaveTextContent('data.reviewId');
    const missing = document.querySelector('[data-testid="shape-node"][data-path="data.reviewId"]');
    expect(missing).toHaveAttribute('data-status', 'missing');
    expect(missing).toHaveTextContent('missing (required)');
    const decoded = document.querySelector('[data-testid="shape-node"][data-path="data.meta"]');
    expect(decoded).toHaveTextContent('decoded from string');
  });

  it('jumps from a finding to its node, opening collapsed ancestors', async () => {
    renderCheck();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Collapse data.meta' }));
    expect(document.querySelector('[data-testid="shape-node"][data-path="data.meta.note"]')).toBeNull();

    await user.click(screen.getAllByTestId('check-finding')[1]!);
    const note = await waitFor(() => {
      const found = document.querySelector('[data-testid="shape-node"][data-path="data.meta.note"]');
      expect(found).not.toBeNull();
      return found as HTMLElement;
    });
    await waitFor(() => expect(note).toHaveAttribute('data-highlighted', 'true'));
    expect(note).toHaveFocus();
    expect(Element.prototype.scrollIntoView).toHaveBeenCalled();

    await user.click(screen.getAllByTestId('check-finding')[0]!);
    await waitFor(() =>
      expect(document.querySelector('[data-testid="shape-node"][data-path="data.reviewId"]')).toHaveAttribute(
        'data-highlighted',
        'true',
      ),
    );
    expect(note).not.toHaveAttribute('data-highlighted');
  });
});

describe('Drift', () => {
  it("lists event types and shows the chosen one's fields", () => {
    useCheckStore.setState({ drift: { status: 'ready', report: DRIFT } });
    render(
      <>
        <DriftWorkspace />
      </>,
    );
    expect(screen.getByTestId('drift-event-name')).toHaveTextContent('use_case_review_status_updated');
    const rows = screen.getAllByTestId('drift-field');
    expect(rows.map((r) => r.getAttribute('data-status'))).toEqual(['ok', 'undocumented', 'never-seen']);
    expect(rows[0]).toHaveTextContent('required');
    expect(rows[0]).toHaveTextContent('string ×2');
    expect(rows[1]).toHaveTextContent('integer ×1');
    expect(rows[2]).toHaveTextContent('never seen');
  });

  it('loads the report, switches events, exports the observed schema and re-checks with progress', async () => {
    const api = {
      check: {
        drift: vi.fn().mockResolvedValue(DRIFT),
        recheck: vi.fn().mockResolvedValue({ started: true, total: 4 }),
        'observed-schema': vi.fn().mockResolvedValue({
          provider: 'credo-ai',
          eventType: 'use_case_name_updated',
          captures: 1,
          firstSeen: null,
          lastSeen: null,
          schema: { type: 'object' },
        }),
      },
      catalog: {},
    } as unknown as Pick<HookbenchApi, 'check' | 'catalog'>;
    // The views use the app's store: give it actions over the fake API.
    useCheckStore.setState(createCheckActions(useCheckStore.setState, useCheckStore.getState, api));
    const createObjectURL = vi.fn(() => 'blob:x');
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = vi.fn();
    render(
      <>
        <DriftList />
        <DriftWorkspace />
      </>,
    );
    const user = userEvent.setup();
    const events = await screen.findAllByTestId('drift-event');
    expect(events).toHaveLength(2);
    await user.click(events[1]!);
    expect(screen.getByTestId('drift-event-name')).toHaveTextContent('use_case_name_updated');
    await user.click(screen.getByRole('button', { name: 'Export observed schema' }));
    await waitFor(() =>
      expect(api.check['observed-schema']).toHaveBeenCalledWith({
        provider: 'credo-ai',
        event: 'use_case_name_updated',
      }),
    );
    expect(createObjectURL).toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Re-check all history' }));
    expect(api.check.recheck).toHaveBeenCalledWith({ scope: 'all' });
    const progress: CheckProgress = {
      state: 'running',
      reason: 'requested',
      done: 1,
      total: 4,
      changed: 0,
      checkedWith: 'c',
    };
    useCheckStore.getState().progressReceived(progress);
    await waitFor(() =>
      expect(screen.getByTestId('recheck-progress')).toHaveTextContent('Re-checking 1 of 4'),
    );
    useCheckStore.getState().progressReceived({ ...progress, state: 'done', done: 4, changed: 1 });
    await waitFor(() =>
      expect(screen.getByTestId('recheck-progress')).toHaveTextContent('Re-checked 4 captures · 1 changed'),
    );
    // A finished job refreshes the drift report.
    expect(api.check.drift).toHaveBeenCalledTimes(2);
  });
});

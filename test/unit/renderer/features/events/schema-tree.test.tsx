import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { SchemaTree } from '../../../../../src/renderer/src/features/events/schema-tree';
import { catalogEvent } from './catalog-fixtures';

const field = (name: string): HTMLElement =>
  screen.getAllByTestId('schema-field').find((el) => el.dataset.field === name) as HTMLElement;

describe('schema tree', () => {
  it('shows each field with its type, required mark, format, description and allowed values', () => {
    render(<SchemaTree schema={catalogEvent('x').schema} />);
    const status = field('status');
    expect(within(status).getByText('string')).toBeInTheDocument();
    expect(within(status).getByText('required')).toBeInTheDocument();
    expect(within(status).getByText('Where the review is.')).toBeInTheDocument();
    expect(within(status).getByText('"in_progress"')).toBeInTheDocument();
    expect(within(status).getByText('"completed"')).toBeInTheDocument();
    expect(within(field('reviewId')).queryByText('required')).toBeNull();
    expect(within(field('time')).getByText('format: date-time')).toBeInTheDocument();
  });

  it('collapses and expands an object with its button', async () => {
    const user = userEvent.setup();
    render(<SchemaTree schema={catalogEvent('x').schema} />);
    await user.click(screen.getByRole('button', { name: 'Collapse data' }));
    expect(screen.queryByText('Where the review is.')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Expand data' }));
    expect(screen.getByText('Where the review is.')).toBeInTheDocument();
  });

  it('says so when the payload is not described', () => {
    render(<SchemaTree schema={null} />);
    expect(screen.getByText("The documents do not describe this payload's fields.")).toBeInTheDocument();
  });
});

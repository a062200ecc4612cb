import * as Menu from '@radix-ui/react-dropdown-menu';
import { Download, Eraser, MoreHorizontal, Upload } from 'lucide-react';
import { useRef, useState } from 'react';
import { useTransferStore } from '../../stores/transfer';
import { ClearDialog } from './clear-dialog';
import { ExportDialog } from './export-dialog';

/** The list's "more" menu: Export…, Import… (an NDJSON file picker), Clear…; with the dialogs they open. */
export function ListMenu() {
  const [dialog, setDialog] = useState<'export' | 'clear' | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const importing = useTransferStore((s) => s.running === 'import');
  return (
    <>
      <Menu.Root>
        <Menu.Trigger className="button button-ghost icon-button" aria-label="More: export, import, clear">
          <MoreHorizontal size={16} aria-hidden="true" />
        </Menu.Trigger>
        <Menu.Portal>
          <Menu.Content className="menu" align="end" sideOffset={4}>
            <Menu.Item className="menu-item" onSelect={() => setDialog('export')}>
              <Download size={14} aria-hidden="true" className="menu-icon" />
              Export…
            </Menu.Item>
            <Menu.Item className="menu-item" disabled={importing} onSelect={() => fileInput.current?.click()}>
              <Upload size={14} aria-hidden="true" className="menu-icon" />
              Import…
            </Menu.Item>
            <Menu.Separator className="menu-separator" />
            <Menu.Item className="menu-item menu-item-danger" onSelect={() => setDialog('clear')}>
              <Eraser size={14} aria-hidden="true" className="menu-icon" />
              Clear…
            </Menu.Item>
          </Menu.Content>
        </Menu.Portal>
      </Menu.Root>
      <input
        ref={fileInput}
        type="file"
        accept=".ndjson,.jsonl,application/x-ndjson"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Import an NDJSON export"
        data-testid="import-file"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void useTransferStore.getState().importRequested(file);
        }}
      />
      {dialog === 'export' && <ExportDialog onClose={() => setDialog(null)} />}
      {dialog === 'clear' && <ClearDialog onClose={() => setDialog(null)} />}
    </>
  );
}

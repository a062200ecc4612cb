import * as Menu from '@radix-ui/react-dropdown-menu';
import { Check, ChevronDown, Inbox as InboxIcon, ListTree, Plus } from 'lucide-react';
import { formatCount } from '../../lib/format';
import { useInboxStore } from '../../stores/inbox';
import { useInboxesStore } from '../../stores/inboxes';

const ALL = '*all*';

/**
 * Picks which inbox the list shows (All inboxes, default, each inbox with its capture count); also where a new inbox
 * is created and all of them are managed. Sets the list's `inbox` filter.
 */
export function InboxSwitcher() {
  const inboxes = useInboxesStore((s) => s.inboxes);
  const current = useInboxStore((s) => s.filter.inbox);
  const total = inboxes.reduce((sum, i) => sum + i.captureCount, 0);
  const openDialog = useInboxesStore((s) => s.dialogOpened);
  return (
    <Menu.Root>
      <Menu.Trigger
        className="switcher-trigger"
        aria-label={`Choose inbox, showing ${current ?? 'all inboxes'}`}
        data-testid="inbox-switcher"
      >
        <InboxIcon size={15} aria-hidden="true" />
        <span className="switcher-label">{current ?? 'All inboxes'}</span>
        <ChevronDown size={14} aria-hidden="true" />
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className="menu" align="start" sideOffset={4}>
          <Menu.RadioGroup
            value={current ?? ALL}
            onValueChange={(value) =>
              void useInboxStore.getState().filterChanged({ inbox: value === ALL ? null : value })
            }
          >
            <Menu.RadioItem value={ALL} className="menu-item">
              <Menu.ItemIndicator className="menu-check">
                <Check size={14} aria-hidden="true" />
              </Menu.ItemIndicator>
              <span className="menu-item-label">All inboxes</span>
              <span className="menu-item-count">{formatCount(total)}</span>
            </Menu.RadioItem>
            <Menu.Separator className="menu-separator" />
            {inboxes.map((inbox) => (
              <Menu.RadioItem
                key={inbox.slug}
                value={inbox.slug}
                className="menu-item"
                data-testid="inbox-option"
              >
                <Menu.ItemIndicator className="menu-check">
                  <Check size={14} aria-hidden="true" />
                </Menu.ItemIndicator>
                <span className="menu-item-label mono">{inbox.slug}</span>
                {inbox.name !== inbox.slug && <span className="menu-item-hint">{inbox.name}</span>}
                <span className="menu-item-count">{formatCount(inbox.captureCount)}</span>
              </Menu.RadioItem>
            ))}
          </Menu.RadioGroup>
          <Menu.Separator className="menu-separator" />
          <Menu.Item className="menu-item" onSelect={() => openDialog({ kind: 'create' })}>
            <Plus size={14} aria-hidden="true" className="menu-icon" />
            New inbox…
          </Menu.Item>
          <Menu.Item className="menu-item" onSelect={() => openDialog({ kind: 'manage' })}>
            <ListTree size={14} aria-hidden="true" className="menu-icon" />
            Manage inboxes…
          </Menu.Item>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}

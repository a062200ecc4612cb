import { ChevronDown, ChevronRight } from 'lucide-react';
import { useEffect, useMemo, useRef } from 'react';
import type { ShapeNode } from '../../../../shared/check-models';
import { shapeStatusMark, shapeStatusWords } from './check-format';

/** One visible row of the tree. */
interface ShapeRow {
  node: ShapeNode;
  depth: number;
  /** A stable key: the node's path, or its position when paths repeat. */
  id: string;
}

/** The ids of every node, with the ids of its ancestors, in document order. */
export function indexTree(root: ShapeNode): { id: string; node: ShapeNode; ancestors: string[] }[] {
  const out: { id: string; node: ShapeNode; ancestors: string[] }[] = [];
  const seen = new Set<string>();
  const walk = (node: ShapeNode, ancestors: string[], position: string): void => {
    const id = seen.has(node.path) ? `${node.path}#${position}` : node.path;
    seen.add(id);
    out.push({ id, node, ancestors });
    node.children.forEach((child, i) => walk(child, [...ancestors, id], `${position}.${i}`));
  };
  walk(root, [], '0');
  return out;
}

/** The node that a finding (by index) concerns: the one listing it, else the one at its path. */
export function nodeForFinding(
  index: readonly { id: string; node: ShapeNode; ancestors: string[] }[],
  findingIndex: number,
  findingPath: string,
): { id: string; ancestors: string[] } | null {
  return (
    index.find((n) => n.node.findings.includes(findingIndex)) ??
    index.find((n) => n.node.path === findingPath) ??
    null
  );
}

function visibleRows(root: ShapeNode, collapsed: ReadonlySet<string>): ShapeRow[] {
  const rows: ShapeRow[] = [];
  const all = indexTree(root);
  const hidden = new Set<string>();
  for (const entry of all) {
    if (entry.ancestors.some((a) => collapsed.has(a) || hidden.has(a))) {
      hidden.add(entry.id);
      continue;
    }
    rows.push({ node: entry.node, depth: entry.ancestors.length, id: entry.id });
  }
  return rows;
}

/** The DOM id of a node's row, so a finding can scroll to it. */
export const shapeRowDomId = (prefix: string, id: string): string =>
  `${prefix}-node-${id.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0)}`)}`;

export interface ShapeTreeProps {
  root: ShapeNode;
  /** Prefix for row ids (`useId()` output). */
  idPrefix: string;
  /** The node a finding pointed at: its ancestors are expanded and it is scrolled to and highlighted. */
  highlighted: { id: string; ancestors: string[]; seq: number } | null;
  /** Ids of the collapsed nodes. */
  collapsed: ReadonlySet<string>;
  onToggle: (id: string) => void;
}

function NodeKey({ node }: { node: ShapeNode }) {
  return <span className="shape-key mono">{node.key === '' ? 'body' : node.key}</span>;
}

/**
 * The shape diff: the documented shape (left) and the received payload (right) side by side, one row per field so
 * both trees line up. Each row is marked ok, missing, undocumented or type changed; objects and arrays collapse.
 */
export function ShapeTree({ root, idPrefix, highlighted, collapsed, onToggle }: ShapeTreeProps) {
  const rows = useMemo(() => visibleRows(root, collapsed), [root, collapsed]);
  const container = useRef<HTMLDivElement>(null);

  // A finding was chosen (its ancestors were opened): bring its row into view and focus it.
  useEffect(() => {
    if (!highlighted) return;
    const row = container.current?.querySelector<HTMLElement>(
      `#${CSS.escape(shapeRowDomId(idPrefix, highlighted.id))}`,
    );
    if (!row) return;
    row.scrollIntoView({ block: 'center', behavior: 'smooth' });
    row.focus({ preventScroll: true });
  }, [highlighted, rows, idPrefix]);

  const toggle = onToggle;

  return (
    <div className="shape-diff" ref={container} data-testid="shape-diff">
      <div className="shape-head" aria-hidden="true">
        <span>Documented</span>
        <span>Received</span>
      </div>
      <div role="tree" aria-label="Documented shape and received payload" className="shape-rows">
        {rows.map(({ node, depth, id }) => {
          const open = !collapsed.has(id);
          const hasChildren = node.children.length > 0;
          const isHighlighted = highlighted?.id === id;
          const indent = { paddingLeft: `${depth * 14 + 4}px` };
          const toggleButton = hasChildren ? (
            <button
              type="button"
              className="shape-toggle"
              aria-label={`${open ? 'Collapse' : 'Expand'} ${node.path || 'body'}`}
              onClick={() => toggle(id)}
              tabIndex={-1}
            >
              {open ? (
                <ChevronDown size={12} aria-hidden="true" />
              ) : (
                <ChevronRight size={12} aria-hidden="true" />
              )}
            </button>
          ) : (
            <span className="shape-toggle-space" />
          );
          return (
            <div
              key={id}
              id={shapeRowDomId(idPrefix, id)}
              role="treeitem"
              aria-level={depth + 1}
              aria-expanded={hasChildren ? open : undefined}
              aria-selected={isHighlighted}
              aria-label={`${node.path || 'body'}: ${shapeStatusWords(node.status)}`}
              tabIndex={isHighlighted ? 0 : -1}
              className={`shape-row shape-${node.status}${node.status === 'missing' && !node.required ? ' shape-optional' : ''}${isHighlighted ? ' shape-highlighted' : ''}`}
              data-testid="shape-node"
              data-path={node.path}
              data-status={node.status}
              data-highlighted={isHighlighted ? 'true' : undefined}
              onKeyDown={(e) => {
                if (!hasChildren) return;
                if ((e.key === 'ArrowLeft' && open) || (e.key === 'ArrowRight' && !open)) toggle(id);
              }}
            >
              <div className="shape-cell shape-documented" style={indent}>
                {toggleButton}
                {node.status === 'undocumented' ? (
                  <span className="shape-absent">not documented</span>
                ) : (
                  <>
                    <NodeKey node={node} />
                    <span className="shape-type mono">{node.documentedType ?? 'any'}</span>
                    {node.required && <span className="shape-required">required</span>}
                  </>
                )}
              </div>
              <div className="shape-cell shape-received" style={indent}>
                {node.status === 'missing' ? (
                  <span className="shape-absent">{node.required ? 'missing (required)' : 'not sent'}</span>
                ) : (
                  <>
                    <NodeKey node={node} />
                    <span className="shape-type mono">{node.receivedType}</span>
                    {node.preview !== null && <span className="shape-preview mono">{node.preview}</span>}
                    {node.decoded && <span className="tag tag-observed">decoded from string</span>}
                  </>
                )}
                <span className="shape-status" title={shapeStatusWords(node.status)} aria-hidden="true">
                  {shapeStatusMark(node.status)}
                </span>
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}

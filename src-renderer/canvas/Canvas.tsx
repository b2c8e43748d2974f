/**
 * The network canvas: React Flow, controlled by the store. Node moves, selection, new
 * connections and deletions become store actions; layers dropped from the palette are
 * added where they are dropped.
 */
import {
  Background,
  BackgroundVariant,
  Controls,
  ReactFlow,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
  type OnDelete,
  type ReactFlowProps,
} from '@xyflow/react';
import { useCallback, useMemo, useRef, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTROL_NAMES } from '../i18n/stable-names';
import { appStore, useApp } from '../store/app-store';
import { checkConnection, type Position } from '../store/graph-edits';
import type { Size } from '../store/types';
import { createFlowCache, toFlowEdges, toFlowNodes, type LayerFlowNode } from './flow-elements';
import { isLayerKind, LAYER_MIME } from './layer-mime';
import { NODE_TYPES } from './node-types';

/** Half the width of a node card, so a dropped layer is centred under the pointer. */
export const NODE_HALF_WIDTH = 95;

const DELETE_KEYS = ['Delete', 'Backspace'];
const FIT_VIEW_OPTIONS = { padding: 0.2, maxZoom: 1.1 };

/** Applies React Flow's node changes: moves, sizes and selection (deletion goes through onDelete). */
function onNodesChange(changes: NodeChange<LayerFlowNode>[]): void {
  const state = appStore.getState();
  const positions: Record<string, Position> = {};
  const sizes: Record<string, Size> = {};
  let nodeIds: string[] | null = null;
  for (const c of changes) {
    if (c.type === 'position' && c.position) positions[c.id] = c.position;
    else if (c.type === 'dimensions' && c.dimensions) sizes[c.id] = c.dimensions;
    else if (c.type === 'select') {
      nodeIds ??= [...state.selection.nodeIds];
      nodeIds = c.selected ? (nodeIds.includes(c.id) ? nodeIds : [...nodeIds, c.id]) : nodeIds.filter((id) => id !== c.id);
    }
  }
  if (Object.keys(sizes).length > 0) state.setMeasured(sizes);
  if (Object.keys(positions).length > 0) state.moveNodes(positions);
  if (nodeIds) state.setSelection({ nodeIds, edgeIds: appStore.getState().selection.edgeIds });
}

function onEdgesChange(changes: EdgeChange[]): void {
  const state = appStore.getState();
  let edgeIds: string[] | null = null;
  for (const c of changes) {
    if (c.type !== 'select') continue;
    edgeIds ??= [...state.selection.edgeIds];
    edgeIds = c.selected ? (edgeIds.includes(c.id) ? edgeIds : [...edgeIds, c.id]) : edgeIds.filter((id) => id !== c.id);
  }
  if (edgeIds) state.setSelection({ nodeIds: appStore.getState().selection.nodeIds, edgeIds });
}

const onConnect = (c: Connection) => {
  appStore.getState().connect(c.source, c.target);
};

const isValidConnection: IsValidConnection = (c) =>
  checkConnection(appStore.getState().project.graph, c.source, c.target) === null;

const onDelete: OnDelete<LayerFlowNode, Edge> = ({ nodes, edges }) =>
  appStore.getState().removeElements(
    nodes.map((n) => n.id),
    edges.map((e) => e.id),
  );

const onNodeDragStart = () => appStore.getState().beginDrag();
const onNodeDragStop = () => appStore.getState().endDrag();

function onDragOver(event: DragEvent): void {
  if (!event.dataTransfer.types.includes(LAYER_MIME)) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
}

export function Canvas() {
  const { t } = useTranslation();
  const { screenToFlowPosition } = useReactFlow();
  const graph = useApp((s) => s.project.graph);
  const selection = useApp((s) => s.selection);
  const measured = useApp((s) => s.measured);
  const cache = useRef(createFlowCache());
  const nodes = useMemo(() => toFlowNodes(graph.nodes, selection.nodeIds, measured, cache.current), [graph.nodes, selection.nodeIds, measured]);
  const edges = useMemo(() => toFlowEdges(graph.edges, selection.edgeIds, cache.current), [graph.edges, selection.edgeIds]);
  const ariaLabelConfig = useMemo<ReactFlowProps['ariaLabelConfig']>(
    () => ({
      'node.a11yDescription.default': t('flow.nodeDescription'),
      'node.a11yDescription.keyboardDisabled': t('flow.nodeDescriptionKeyboard'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }) => t('flow.nodeMoved', { direction, x, y }),
      'edge.a11yDescription.default': t('flow.edgeDescription'),
      'controls.ariaLabel': t('flow.controls'),
      'controls.zoomIn.ariaLabel': t('flow.zoomIn'),
      'controls.zoomOut.ariaLabel': t('flow.zoomOut'),
      'controls.fitView.ariaLabel': t('flow.fitView'),
      'controls.interactive.ariaLabel': t('flow.interactive'),
      'minimap.ariaLabel': t('flow.minimap'),
      'handle.ariaLabel': t('flow.handle'),
    }),
    [t],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(LAYER_MIME);
      if (!isLayerKind(kind)) return;
      event.preventDefault();
      const p = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      appStore.getState().addNode(kind, { x: p.x - NODE_HALF_WIDTH, y: p.y - 30 }, t(`layers.${kind}`));
    },
    [screenToFlowPosition, t],
  );

  return (
    <div className="canvas" aria-label={CONTROL_NAMES.canvas} role="region" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<LayerFlowNode, Edge>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onDelete={onDelete}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onNodeDragStop}
        deleteKeyCode={DELETE_KEYS}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.25}
        maxZoom={2}
        ariaLabelConfig={ariaLabelConfig}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

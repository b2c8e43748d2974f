/**
 * The network canvas: React Flow, controlled by the store. Node moves, selection, new
 * connections and deletions become store actions; layers dropped from the palette are
 * added where they are dropped.
 */
import {
  Background,
  BackgroundVariant,
  Controls,
  MiniMap,
  Panel,
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
import { useCallback, useEffect, useMemo, useRef, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTROL_NAMES } from '../i18n/stable-names';
import { appStore, useApp } from '../store/app-store';
import { checkConnection, type Position } from '../store/graph-edits';
import type { Size } from '../store/types';
import { runCommand } from '../app/commands';
import { setCanvasController } from './canvas-controller';
import { createFlowCache, toFlowEdges, toFlowNodes, type LayerFlowNode } from './flow-elements';
import { isLayerKind, LAYER_MIME } from './layer-mime';
import { NODE_TYPES } from './node-types';

/** Half the width of a node card, so a dropped layer is centred under the pointer. */
export const NODE_HALF_WIDTH = 95;

const DELETE_KEYS = ['Delete', 'Backspace'];
/** Shift+click adds to the selection (as in most editors), besides React Flow's Ctrl/⌘+click. */
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
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

/** Minimap colour of a node: its kind's colour (see app.css --kind-*). */
const KIND_COLORS: Record<string, string> = {
  input: '#0d9488',
  dense: '#2563eb',
  dropout: '#d97706',
  activation: '#7c3aed',
  output: '#db2777',
};
const MINIMAP_SIZE = { width: 160, height: 104 };
const minimapColor = (node: LayerFlowNode) => KIND_COLORS[node.type ?? ''] ?? '#94a3b8';

export function Canvas() {
  const { t } = useTranslation();
  const { screenToFlowPosition, fitView, getViewport, setViewport } = useReactFlow();
  const graph = useApp((s) => s.project.graph);
  const selection = useApp((s) => s.selection);
  const measured = useApp((s) => s.measured);
  const loadCount = useApp((s) => s.loadCount);
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

  useEffect(() => {
    setCanvasController({
      fitView: () => void fitView({ ...FIT_VIEW_OPTIONS, duration: 200 }),
      center: () => {
        const { x, y, zoom } = getViewport();
        const el = document.querySelector('.react-flow');
        const w = el?.clientWidth ?? 800;
        const h = el?.clientHeight ?? 600;
        return { x: (w / 2 - x) / zoom, y: (h / 2 - y) / zoom };
      },
    });
    return () => setCanvasController(null);
  }, [fitView, getViewport]);

  // A project just opened, created or restored: show all of it (after React Flow placed it).
  // Only when loadCount changes: the helpers of useReactFlow may change identity meanwhile.
  const fittedLoad = useRef(0);
  useEffect(() => {
    if (loadCount === fittedLoad.current) return;
    fittedLoad.current = loadCount;
    // Never fit an empty graph (React Flow would queue the fit until the first layer is
    // dropped): start it at 100 % instead.
    if (appStore.getState().project.graph.nodes.length === 0) {
      void setViewport({ x: 0, y: 0, zoom: 1 });
      return;
    }
    requestAnimationFrame(() => requestAnimationFrame(() => void fitView(FIT_VIEW_OPTIONS)));
  }, [loadCount, fitView, setViewport]);

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
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        minZoom={0.25}
        maxZoom={2}
        ariaLabelConfig={ariaLabelConfig}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} />
        <Controls showInteractive={false} />
        <MiniMap style={MINIMAP_SIZE} pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={0} maskColor="rgba(241, 245, 249, 0.7)" />
        <Panel position="top-right" className="canvas-toolbar">
          <button type="button" className="btn btn-small" aria-label={CONTROL_NAMES.arrange} title={t('canvas.arrangeHint')} onClick={() => runCommand('arrange')}>
            {t('canvas.arrange')}
          </button>
        </Panel>
        {graph.nodes.length === 0 && (
          <Panel position="top-center" className="canvas-empty">
            {t('canvas.empty')}
          </Panel>
        )}
      </ReactFlow>
    </div>
  );
}

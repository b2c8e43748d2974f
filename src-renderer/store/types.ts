/**
 * The shape of the one renderer store: the project being edited, the selection, the
 * training run and its loss history, and the notices shown to the user. Actions live
 * beside the state (see project-slice.ts and run-slice.ts).
 */
import type { DatasetSpec, LayerKind, Project, TrainingSettings } from '../../src-engine/project';
import type { FromTrainer, Hyperparameters } from '../../src-engine/protocol/messages';
import type { TrainerConnection } from '../bridge/trainer-connection';
import type { GraphAnalysis } from './analysis';
import type { LayerDataPatch, Position } from './graph-edits';
import type { LossHistory } from './loss-history';
import type { Notice, RunStatus } from './run-status';
import type { Capture, UndoState } from './undo';

export interface Selection {
  nodeIds: string[];
  edgeIds: string[];
}

export interface Size {
  width: number;
  height: number;
}

export interface ProjectSlice {
  project: Project;
  /** Where the project was opened from or saved to (desktop), for Save without a dialog. */
  filePath: string | null;
  /** True when the project changed since it was opened or saved. */
  dirty: boolean;
  analysis: GraphAnalysis;
  selection: Selection;
  /** Node sizes React Flow measured; UI state, kept so controlled nodes stay visible. */
  measured: Record<string, Size>;
  undo: UndoState;
  /** The project when the current drag began (see beginDrag/endDrag). */
  dragBase: Project | null;

  addNode(kind: LayerKind, position: Position, baseName: string): string | null;
  connect(source: string, target: string): boolean;
  removeElements(nodeIds: readonly string[], edgeIds: readonly string[]): void;
  /** Moves nodes; recorded for undo only through beginDrag/endDrag (or when `capture` says). */
  moveNodes(positions: Record<string, Position>, capture?: Capture): void;
  beginDrag(): void;
  endDrag(): void;
  updateNodeData(nodeId: string, data: LayerDataPatch, capture?: Capture): void;
  updateTraining(patch: Partial<TrainingSettings>, capture?: Capture): void;
  setDataset(dataset: DatasetSpec, capture?: Capture): void;
  setSelection(selection: Selection): void;
  setMeasured(sizes: Record<string, Size>): void;
  undoEdit(): void;
  redoEdit(): void;
  /** Replaces the project (open, example). Clears undo history and the run. */
  loadProject(project: Project, filePath?: string | null): void;
  markSaved(filePath: string | null): void;
}

export interface RunSlice {
  run: RunStatus;
  history: LossHistory;
  trainerHost: string | null;
  notices: Notice[];
  connection: TrainerConnection | null;

  /** Connects the store to a trainer; returns a function that detaches it. */
  attachTrainer(connection: TrainerConnection): () => void;
  train(): void;
  pause(): void;
  resume(): void;
  step(): void;
  stop(): void;
  reset(): void;
  /** Sends changed hyperparameters (learning rate) to the active run, if there is one. */
  setLiveHyperparameters(values: Hyperparameters): void;
  /** Handles a validated trainer message (drops those of other runs). */
  receive(msg: FromTrainer): void;
  /** The trainer process ended (desktop): the run is lost. */
  trainerLost(reason: string): void;
  notify(notice: Omit<Notice, 'id'>): void;
  dismissNotice(id: number): void;
}

export type AppState = ProjectSlice & RunSlice;

/** Injected for tests: the clock (ms) and the run-id generator. */
export interface StoreDeps {
  now(): number;
  newRunId(): string;
}

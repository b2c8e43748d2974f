/**
 * The shape of the one renderer store: the project being edited, the selection, the
 * training run and its loss history, and the notices shown to the user. Actions live
 * beside the state (see project-slice.ts and run-slice.ts).
 */
import type { DatasetSpec, LayerKind, Project, TrainingSettings } from '../../src-engine/project';
import type { Checkpoint } from '../../src-engine/checkpoint';
import type { CheckpointRecordHead } from '../../src-engine/checkpoint-record';
import type { FromTrainer, Hyperparameters, LayerSnapshot, SnapshotViews } from '../../src-engine/protocol/messages';
import type { TrainerConnection } from '../bridge/trainer-connection';
import type { GraphAnalysis } from './analysis';
import type { ClipboardData } from './clipboard';
import type { LayerDataPatch, Position } from './graph-edits';
import type { LossHistory } from './loss-history';
import type { Notice, RunStatus } from './run-status';
import type { Capture, UndoState } from './undo';
import type { ViewsSlice } from './views-slice';
import type { ClassroomSlice } from './classroom-slice';

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
  /** True when the project differs from the one last opened or saved (undo back to it: false). */
  dirty: boolean;
  /** The project as last opened or saved; null when it was never saved (new, restored). */
  savedProject: Project | null;
  /** Counts loadProject calls (open, new, restore), so the canvas can fit the new graph in view. */
  loadCount: number;
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
  /** Fits the output layer and loss to the data set (one undo step); false when they already fit. */
  fitOutputToData(): boolean;
  setSelection(selection: Selection): void;
  setMeasured(sizes: Record<string, Size>): void;
  undoEdit(): void;
  redoEdit(): void;
  /** Renames the project (one undo step per burst of typing). */
  renameProject(name: string): void;
  /** Replaces the project (open, example, new). Clears undo history and the run. */
  loadProject(project: Project, filePath?: string | null): void;
  /** Loads a project recovered from autosave; `dirty` as it was when autosaved. */
  restoreProject(project: Project, filePath: string | null, dirty: boolean): void;
  markSaved(filePath: string | null, saved?: Project): void;
}

/** Editing gestures over the selection: clipboard, duplicate, select all, arrange, nudge. */
export interface EditorSlice {
  /** The layers last copied in this window (used when the system clipboard is unavailable). */
  clipboard: ClipboardData | null;
  /** Copies the selected layers; returns what was copied, or null when nothing was selected. */
  copySelection(): ClipboardData | null;
  /** Copies, then removes the selection (one undo step). */
  cutSelection(): ClipboardData | null;
  /** Inserts copied layers (at `at`, else offset from where they were), selects them; one undo step. */
  paste(data?: ClipboardData | null, at?: Position): boolean;
  /** Copies and pastes the selected layers in one step. */
  duplicateSelection(): boolean;
  deleteSelection(): void;
  selectAll(): void;
  /** Moves the selected layers by (dx, dy); presses in a row are one undo step. */
  nudgeSelection(dx: number, dy: number): void;
  /** Lays the graph out left to right (one undo step). */
  arrange(): void;
}

/** Playback speed of training: optimizer steps per second, 0 = as fast as possible. */
export type Speed = number;

/** The latest weights the trainer sent, for the live views and model export. */
export interface SnapshotView {
  runId: string;
  seq: number;
  step: number;
  layers: LayerSnapshot[];
  /** The live views the trainer attached (only those switched on with 'set-views'). */
  views?: SnapshotViews;
}

export interface RunSlice {
  run: RunStatus;
  /** The project the current run was started with (its graph maps the snapshot's layers). */
  runProject: Project | null;
  /** Latest snapshot of the current run; never in undo history. */
  snapshot: SnapshotView | null;
  speed: Speed;
  /** Sets the speed for the next run and the current one. */
  setSpeed(stepsPerSecond: Speed): void;
  history: LossHistory;
  trainerHost: string | null;
  notices: Notice[];
  connection: TrainerConnection | null;

  /** Connects the store to a trainer; returns a function that detaches it. */
  attachTrainer(connection: TrainerConnection): () => void;
  train(): void;
  pause(): void;
  resume(): void;
  /** Takes one batch (or one epoch) and pauses; from idle, starts a paused run first. */
  step(unit?: 'batch' | 'epoch'): void;
  stop(): void;
  reset(): void;
  /** Sends changed hyperparameters (learning rate) to the active run, if there is one. */
  setLiveHyperparameters(values: Hyperparameters): void;
  /** Handles a validated trainer message (drops those of other runs). */
  receive(msg: FromTrainer): void;
  /** The trainer process ended (desktop): the run is lost. */
  trainerLost(reason: string): void;
  /**
   * Starts a new run from the last weights received (after a trainer crash or a diverged
   * run, whose last weights are finite), with a fresh optimizer state; `lrFactor` scales the
   * project's learning rate first (an undoable edit). False when there are no weights to use.
   */
  resumeFromLastWeights(lrFactor?: number): boolean;
  /**
   * The latest checkpoint of the current run and the project it runs (saved beside the
   * autosave by saved-run.ts); null when there is none, after Reset and after a completed run.
   */
  lastCheckpoint: RunCheckpoint | null;
  /**
   * Starts a run that continues exactly from `checkpoint` (a saved run), on the current
   * project; the trainer refuses a checkpoint that does not fit the graph, with a notice
   * naming the layer, and applies nothing. False when Train is blocked.
   */
  continueFromCheckpoint(checkpoint: unknown): boolean;
  notify(notice: Omit<Notice, 'id'>): void;
  dismissNotice(id: number): void;
}

/** A checkpoint of the current run, as received from the trainer. */
export interface RunCheckpoint {
  runId: string;
  project: Project;
  checkpoint: Checkpoint;
}

/** A question the app asks with a dialog (discard unsaved changes …). */
export interface ConfirmRequest {
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel: string;
}

/** A project found in autosave at start, offered for restoring. */
export interface RestoreOffer {
  project: Project;
  savedAt: number;
  filePath: string | null;
  dirty: boolean;
}

/** State of the app shell that is not the project: dialogs, autosave, restore offer. */
export interface ShellSlice {
  confirm: ConfirmRequest | null;
  helpOpen: boolean;
  restoreOffer: RestoreOffer | null;
  /** A run saved at its last checkpoint before the app closed, offered for continuing. */
  savedRunOffer: CheckpointRecordHead | null;
  /** When autosave last wrote (epoch ms), and its last error. */
  autosavedAt: number | null;
  autosaveError: string | null;
  setShell(patch: Partial<Pick<ShellSlice, 'confirm' | 'helpOpen' | 'restoreOffer' | 'savedRunOffer' | 'autosavedAt' | 'autosaveError'>>): void;
}

export type AppState = ProjectSlice & EditorSlice & RunSlice & ShellSlice & ViewsSlice & ClassroomSlice;

/** Injected for tests: the clock (ms), the run-id generator and the frame scheduler. */
export interface StoreDeps {
  now(): number;
  newRunId(): string;
  /** Runs `fn` after the next frame is drawn (requestAnimationFrame in the app). */
  afterFrame(fn: () => void): void;
}

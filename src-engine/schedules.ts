/**
 * Learning-rate schedules: the rate η used by each optimizer step, from the base rate η₀
 * (the optimizer's `lr`). Time is counted as follows:
 *
 * - exponential: t = optimizer steps already taken (0 for the first step), T = `decaySteps`;
 *   η = η₀·δ^(t/T), with `staircase` the notes' integer division t div T (Keras
 *   `ExponentialDecay`).
 * - step: e = epochs completed; η = η₀·γ^(e div stepSize) (torch `StepLR`).
 * - cosine: e = epochs completed, P = `periodEpochs`; η = η_min + (η₀ − η_min)(1 + cos(πe/P))/2,
 *   torch `CosineAnnealingLR`'s closed form (after P epochs it rises again).
 * - plateau: torch `ReduceLROnPlateau` (mode 'min', relative threshold 1e-4, no cooldown) on
 *   the validation loss (the training loss without a validation split), checked at each
 *   epoch end: after more than `patience` epochs without improvement η ← max(η·factor, η_min).
 */
import type { ScheduleSpec } from './project';
import { assertNever } from './tensor';

const PLATEAU_THRESHOLD = 1e-4;
const PLATEAU_EPS = 1e-8;

/**
 * The mutable state of a schedule (only plateau has any): the best monitored loss so far
 * (null before the first epoch end, so the state stays JSON-safe), the epochs since it
 * improved, and the reductions so far as the multiplier on η₀.
 */
export interface ScheduleState {
  best: number | null;
  badEpochs: number;
  plateauScale: number;
}

/** A schedule with its state (plateau only). */
export class LearningRateSchedule {
  readonly spec: ScheduleSpec;
  private best = Infinity;
  private badEpochs = 0;
  /** Plateau reductions so far, as the multiplier on η₀. */
  private plateauScale = 1;

  constructor(spec: ScheduleSpec) {
    this.spec = spec;
  }

  /**
   * η for the next step, given the base rate, the optimizer steps already taken and the
   * epochs completed. Pure apart from reading the plateau state.
   */
  rate(baseLr: number, stepsTaken: number, epochsCompleted: number): number {
    const s = this.spec;
    switch (s.type) {
      case 'constant':
        return baseLr;
      case 'exponential': {
        const p = s.staircase ? Math.floor(stepsTaken / s.decaySteps) : stepsTaken / s.decaySteps;
        return baseLr * s.decayRate ** p;
      }
      case 'step':
        return baseLr * s.gamma ** Math.floor(epochsCompleted / s.stepSize);
      case 'cosine':
        return s.minLr + ((baseLr - s.minLr) * (1 + Math.cos((Math.PI * epochsCompleted) / s.periodEpochs))) / 2;
      case 'plateau':
        return baseLr * this.plateauScale;
      default:
        return assertNever(s, 'schedule');
    }
  }

  /** A copy of the state, for checkpoints. */
  getState(): ScheduleState {
    return { best: Number.isFinite(this.best) ? this.best : null, badEpochs: this.badEpochs, plateauScale: this.plateauScale };
  }

  /** Continues from a state `getState` returned. Mutates this schedule. */
  setState(state: ScheduleState): void {
    this.best = state.best ?? Infinity;
    this.badEpochs = state.badEpochs;
    this.plateauScale = state.plateauScale;
  }

  /** Feeds the monitored loss at an epoch end (plateau only; others ignore it). Mutates the state. */
  observeEpoch(monitoredLoss: number, baseLr: number): void {
    const s = this.spec;
    if (s.type !== 'plateau') return;
    if (monitoredLoss < this.best * (1 - PLATEAU_THRESHOLD)) {
      this.best = monitoredLoss;
      this.badEpochs = 0;
      return;
    }
    this.badEpochs++;
    if (this.badEpochs > s.patience) {
      const old = baseLr * this.plateauScale;
      const next = Math.max(old * s.factor, s.minLr);
      if (old - next > PLATEAU_EPS && baseLr > 0) this.plateauScale = next / baseLr;
      this.badEpochs = 0;
    }
  }
}

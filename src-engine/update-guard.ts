/**
 * The bookkeeping around each optimizer step of a session: the checks that decide whether an
 * update is applied, the backup that undoes an overflowing one, and the per-layer statistics
 * the snapshots report. Kept to what the step needs: one pass over the gradients (their
 * statistics, which double as the finiteness check), one copy of the parameters, one
 * finiteness pass over them after the update (both passes in SIMD on float32 layers,
 * layers/param-kernels.ts); the update ratios wait for `layerStats`.
 */
import type { DenseLayer } from './layers/dense';
import type { Param } from './layers/layer';
import { gradientStats, updateRatio, type GradientStats } from './layer-metrics';
import { allFinite, cloneTensor, type Tensor } from './tensor';

/** A layer's statistics as a snapshot reports them. */
export type LayerStepStats = GradientStats & { updateRatio?: number };

/** Guards the optimizer steps of one network's parameters; allocates only in the constructor and `layerStats`. */
export class UpdateGuard {
  private readonly params: readonly Param[];
  private readonly dense: readonly DenseLayer[];
  /** Per dense layer, the index in `params` of its weights. */
  private readonly weightIndex: number[];
  /** Parameters that belong to no dense layer (none today; checked element by element). */
  private readonly others: readonly Param[];
  /**
   * Two backups used in turn. The one at `applied` holds the parameters from before the last
   * applied update; as a skipped or undone step leaves the parameters exactly as they were,
   * that backup and the current weights give the last update's ratio whenever it is asked for.
   */
  private readonly backups: [Tensor[], Tensor[]];
  private applied = -1;
  private spare = 0;
  /** Gradient statistics of the last step whose gradients were finite (what snapshots show). */
  private readonly kept: GradientStats[];
  /** Gradient statistics of the current step, kept once the step is found finite. */
  private readonly measured: GradientStats[];

  /** `params` in the network's order; `dense` its dense layers, whose weights are among `params`. */
  constructor(params: readonly Param[], dense: readonly DenseLayer[]) {
    this.params = params;
    this.dense = dense;
    this.weightIndex = dense.map((d) => params.findIndex((p) => p.value === d.weights));
    this.others = params.filter((p) => !dense.some((d) => p.value === d.weights || p.value === d.bias));
    this.backups = [params.map((p) => cloneTensor(p.value)), params.map((p) => cloneTensor(p.value))];
    this.kept = dense.map(() => ({ gradNorm: 0, meanAbsGrad: 0 }));
    this.measured = dense.map(() => ({ gradNorm: 0, meanAbsGrad: 0 }));
  }

  /**
   * Measures every dense layer's gradient statistics (before any clipping) and returns true
   * when all are finite, which holds exactly when no gradient is NaN or infinite, unless a sum
   * of squares overflowed (the caller's closer look then finds every element finite).
   */
  measureGradients(): boolean {
    let finite = true;
    for (let i = 0; i < this.dense.length; i++) {
      const s = gradientStats(this.dense[i], this.measured[i]);
      if (!Number.isFinite(s.gradNorm) || !Number.isFinite(s.meanAbsGrad)) finite = false;
    }
    return finite;
  }

  /** Makes the statistics `measureGradients` found the ones snapshots report (the step goes ahead). */
  keepGradientStats(): void {
    for (let i = 0; i < this.kept.length; i++) {
      this.kept[i].gradNorm = this.measured[i].gradNorm;
      this.kept[i].meanAbsGrad = this.measured[i].meanAbsGrad;
    }
  }

  /** Copies every parameter into the backup that does not hold the last applied update's start. */
  backUp(): void {
    this.spare = this.applied === 0 ? 1 : 0;
    const backup = this.backups[this.spare];
    for (let k = 0; k < this.params.length; k++) backup[k].set(this.params[k].value);
  }

  /** After the optimizer step: true, and the update counts as applied, when every parameter is finite. */
  updateFinite(): boolean {
    for (let i = 0; i < this.dense.length; i++) if (!this.dense[i].parametersFinite()) return false;
    for (let k = 0; k < this.others.length; k++) if (!allFinite(this.others[k].value)) return false;
    this.applied = this.spare;
    return true;
  }

  /** Puts back the parameters `backUp` saved (after an update that overflowed). */
  restore(): void {
    const backup = this.backups[this.spare];
    for (let k = 0; k < this.params.length; k++) this.params[k].value.set(backup[k]);
  }

  /**
   * Dense layer i's gradient statistics of the last finite step and the ratio
   * ‖W_new − W_old‖/‖W_old‖ of the last applied update (absent before the first). Allocates the result.
   */
  layerStats(i: number): LayerStepStats {
    const stats: LayerStepStats = { gradNorm: this.kept[i].gradNorm, meanAbsGrad: this.kept[i].meanAbsGrad };
    if (this.applied >= 0) stats.updateRatio = updateRatio(this.backups[this.applied][this.weightIndex[i]], this.dense[i].weights);
    return stats;
  }
}

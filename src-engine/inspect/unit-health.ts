/**
 * "Watch it learn": unit health per layer. A sigmoid or tanh unit is saturated when its
 * pre-activation z sits far out on the flat part of the curve for most samples (its
 * gradient then vanishes, see the notes' vanishing-gradient section); a ReLU unit is dead
 * when z ≤ 0 on every sample (f′ = 0 there, so it never learns again: the notes' "Dead ReLU").
 */
import { ActivationLayer } from '../layers/activation-layer';
import { DenseLayer } from '../layers/dense';
import type { ActivationName } from '../project';
import { sessionCore } from '../session-core';
import type { TrainingSession } from '../training-session';
import type { TraceLayerRef } from './step-trace-types';
import { layerRef } from './trace-forward';

/**
 * |z| beyond which a unit counts as saturated. Both thresholds put the slope at 7 % of its
 * maximum: σ′(4)/σ′(0) = 0.0177/0.25 = 0.071 and tanh′(2)/tanh′(0) = 1 − tanh²(2) = 0.071
 * (tanh(z) = 2σ(2z) − 1, so tanh at 2 is σ at 4).
 */
export const SATURATION_Z: Readonly<Partial<Record<ActivationName, number>>> = { sigmoid: 4, tanh: 2 };

/** Options of `unitHealth`. */
export interface UnitHealthOptions {
  /** Training samples looked at, evenly spread over the split; default 500 (all when fewer). */
  maxSamples?: number;
  /** A unit is saturated when saturated on more than this share of the samples; default 0.5. */
  saturatedShare?: number;
}

/** The health of one layer's units. */
export interface LayerHealth extends TraceLayerRef {
  /** 'saturation' for sigmoid/tanh, 'dead' for ReLU; other activations have nothing to flag ('none'). */
  check: 'saturation' | 'dead' | 'none';
  units: number;
  /** Samples looked at. */
  samples: number;
  /** Per unit: the share of samples with |z| > threshold ('saturation') or with z > 0 ('dead': how often it is active). */
  perUnit: number[];
  /** The units flagged: saturated on more than `saturatedShare` of the samples, or active on none. */
  flagged: number[];
  /** flagged.length / units. */
  share: number;
  /** The |z| threshold for 'saturation'; null otherwise. */
  threshold: number | null;
}

const DEFAULT_MAX_SAMPLES = 500;
const DEFAULT_SATURATED_SHARE = 0.5;

/**
 * Health of every layer that applies an activation (dense and activation layers), from an
 * inference pass over up to `maxSamples` training samples. Uses the network's batch
 * buffers; changes no weights, gradients, RNGs or counters.
 */
export function unitHealth(session: TrainingSession, options: UnitHealthOptions = {}): LayerHealth[] {
  const core = sessionCore(session);
  const net = core.network;
  const train = core.train;
  const m = Math.min(train.n, Math.max(1, Math.floor(options.maxSamples ?? DEFAULT_MAX_SAMPLES)));
  const share = options.saturatedShare ?? DEFAULT_SATURATED_SHARE;
  const sampleAt = (s: number): number => Math.floor((s * train.n) / m);

  const watched = net.layers.map((layer, k) => ({ layer, k })).filter((e): e is { layer: DenseLayer | ActivationLayer; k: number } => e.layer instanceof DenseLayer || e.layer instanceof ActivationLayer);
  const hits = watched.map(({ layer }) => new Float64Array(layer.units));
  // The samples' indices, so the session's gather copies whole rows (float32 runs: a memcpy each).
  const order = Int32Array.from({ length: m }, (_, s) => sampleAt(s));
  for (let start = 0; start < m; start += net.forwardCapacity) {
    const rows = Math.min(net.forwardCapacity, m - start);
    core.gather(train, order, start, rows);
    net.forward(rows, false);
    watched.forEach(({ layer, k }, w) => {
      const threshold = SATURATION_Z[layer.activation];
      const dead = layer.activation === 'relu';
      if (threshold === undefined && !dead) return;
      const z = layer instanceof DenseLayer ? layer.z : net.layerOutput(k - 1);
      const units = layer.units;
      for (let r = 0; r < rows; r++) {
        for (let j = 0; j < units; j++) {
          const v = z[r * units + j];
          if (dead ? v > 0 : Math.abs(v) > (threshold as number)) hits[w][j]++;
        }
      }
    });
  }

  return watched.map(({ layer, k }, w): LayerHealth => {
    const threshold = SATURATION_Z[layer.activation] ?? null;
    const check = threshold !== null ? 'saturation' : layer.activation === 'relu' ? 'dead' : 'none';
    const perUnit = Array.from(hits[w], (h) => (m > 0 ? h / m : 0));
    const flagged: number[] = [];
    perUnit.forEach((p, j) => {
      if ((check === 'saturation' && p > share) || (check === 'dead' && hits[w][j] === 0)) flagged.push(j);
    });
    return { ...layerRef(core, layer, k), check, units: layer.units, samples: m, perUnit, flagged, share: flagged.length / layer.units, threshold };
  });
}

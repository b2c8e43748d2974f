/** Colours of comparison lanes, in lane order: eight that stay apart on a projector and in print. */
export const LANE_COLORS = ['#475569', '#2563eb', '#0891b2', '#16a34a', '#ca8a04', '#ea580c', '#dc2626', '#9333ea'] as const;

export function laneColor(index: number): string {
  return LANE_COLORS[index % LANE_COLORS.length];
}

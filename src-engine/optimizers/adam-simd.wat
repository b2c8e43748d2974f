;; Adam's update (adam.ts) over float32 buffers in WebAssembly SIMD, two elements per pass in
;; f64x2 lanes, assembled at build time (scripts/vite-plugin-wat.mjs), driven by wasm-adam.ts.
;;
;; It performs exactly the TS loop's operations: every value is widened to float64, each
;; operation is the same IEEE add, multiply, divide or square root in the same order, and a
;; value is rounded to float32 (roundTiesToEven, as a Float32Array store) wherever the TS
;; loop stores it and reads it back. So the results are bit for bit those of the TS loop.
(module
  (import "env" "memory" (memory 1))

  ;; For k < n, with w, g, m, v, vMax float32 arrays (byte addresses):
  ;;   decoupled: w ← f32(w·decay)  else: g ← g + wd·w
  ;;   m ← f32(m + (g − m)·omb1);  v ← f32(v·beta2 + (omb2·g)·g)
  ;;   amsgrad: vMax ← v if v > vMax; second = vMax  else second = v
  ;;   w ← f32(w − (stepSize·m) / (√second / bc2Sqrt + eps))
  (func (export "adam")
        (param $w i32) (param $g i32) (param $m i32) (param $v i32) (param $vMax i32) (param $n i32)
        (param $decay f64) (param $wd f64) (param $omb1 f64) (param $beta2 f64) (param $omb2 f64)
        (param $bc2Sqrt f64) (param $eps f64) (param $stepSize f64) (param $decoupled i32) (param $amsgrad i32)
    (local $k i32) (local $end2 i32) (local $off i32)
    (local $wv v128) (local $gv v128) (local $mv v128) (local $vv v128) (local $xv v128)
    (local $ws f64) (local $gs f64) (local $ms f64) (local $vs f64) (local $xs f64)
    (local.set $end2 (i32.and (local.get $n) (i32.const -2)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $end2)))
        (local.set $off (i32.shl (local.get $k) (i32.const 2)))
        (local.set $wv (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $w) (local.get $off)))))
        (local.set $gv (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $g) (local.get $off)))))
        (if (local.get $decoupled)
          (then
            (local.set $wv
              (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero (f64x2.mul (local.get $wv) (f64x2.splat (local.get $decay)))))))
          (else
            (local.set $gv (f64x2.add (local.get $gv) (f64x2.mul (f64x2.splat (local.get $wd)) (local.get $wv))))))
        (local.set $mv (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $m) (local.get $off)))))
        (local.set $mv
          (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero
            (f64x2.add (local.get $mv) (f64x2.mul (f64x2.sub (local.get $gv) (local.get $mv)) (f64x2.splat (local.get $omb1)))))))
        (v128.store64_lane 0 (i32.add (local.get $m) (local.get $off)) (f32x4.demote_f64x2_zero (local.get $mv)))
        (local.set $vv (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $v) (local.get $off)))))
        (local.set $vv
          (f64x2.promote_low_f32x4 (f32x4.demote_f64x2_zero
            (f64x2.add
              (f64x2.mul (local.get $vv) (f64x2.splat (local.get $beta2)))
              (f64x2.mul (f64x2.mul (f64x2.splat (local.get $omb2)) (local.get $gv)) (local.get $gv))))))
        (v128.store64_lane 0 (i32.add (local.get $v) (local.get $off)) (f32x4.demote_f64x2_zero (local.get $vv)))
        (if (local.get $amsgrad)
          (then
            (local.set $xv (f64x2.promote_low_f32x4 (v128.load64_zero (i32.add (local.get $vMax) (local.get $off)))))
            ;; Lanes where v > vMax take v (a NaN on either side keeps vMax, as `>` does in TS).
            (local.set $vv (v128.bitselect (local.get $vv) (local.get $xv) (f64x2.gt (local.get $vv) (local.get $xv))))
            (v128.store64_lane 0 (i32.add (local.get $vMax) (local.get $off)) (f32x4.demote_f64x2_zero (local.get $vv)))))
        (local.set $wv
          (f64x2.sub (local.get $wv)
            (f64x2.div
              (f64x2.mul (f64x2.splat (local.get $stepSize)) (local.get $mv))
              (f64x2.add (f64x2.div (f64x2.sqrt (local.get $vv)) (f64x2.splat (local.get $bc2Sqrt))) (f64x2.splat (local.get $eps))))))
        (v128.store64_lane 0 (i32.add (local.get $w) (local.get $off)) (f32x4.demote_f64x2_zero (local.get $wv)))
        (local.set $k (i32.add (local.get $k) (i32.const 2)))
        (br $next)))
    ;; The last element of an odd length, the same operations on scalars.
    (if (i32.lt_u (local.get $k) (local.get $n))
      (then
        (local.set $off (i32.shl (local.get $k) (i32.const 2)))
        (local.set $ws (f64.promote_f32 (f32.load (i32.add (local.get $w) (local.get $off)))))
        (local.set $gs (f64.promote_f32 (f32.load (i32.add (local.get $g) (local.get $off)))))
        (if (local.get $decoupled)
          (then (local.set $ws (f64.promote_f32 (f32.demote_f64 (f64.mul (local.get $ws) (local.get $decay))))))
          (else (local.set $gs (f64.add (local.get $gs) (f64.mul (local.get $wd) (local.get $ws))))))
        (local.set $ms (f64.promote_f32 (f32.load (i32.add (local.get $m) (local.get $off)))))
        (local.set $ms
          (f64.promote_f32 (f32.demote_f64
            (f64.add (local.get $ms) (f64.mul (f64.sub (local.get $gs) (local.get $ms)) (local.get $omb1))))))
        (f32.store (i32.add (local.get $m) (local.get $off)) (f32.demote_f64 (local.get $ms)))
        (local.set $vs (f64.promote_f32 (f32.load (i32.add (local.get $v) (local.get $off)))))
        (local.set $vs
          (f64.promote_f32 (f32.demote_f64
            (f64.add
              (f64.mul (local.get $vs) (local.get $beta2))
              (f64.mul (f64.mul (local.get $omb2) (local.get $gs)) (local.get $gs))))))
        (f32.store (i32.add (local.get $v) (local.get $off)) (f32.demote_f64 (local.get $vs)))
        (if (local.get $amsgrad)
          (then
            (local.set $xs (f64.promote_f32 (f32.load (i32.add (local.get $vMax) (local.get $off)))))
            (local.set $vs (select (local.get $vs) (local.get $xs) (f64.gt (local.get $vs) (local.get $xs))))
            (f32.store (i32.add (local.get $vMax) (local.get $off)) (f32.demote_f64 (local.get $vs)))))
        (local.set $ws
          (f64.sub (local.get $ws)
            (f64.div
              (f64.mul (local.get $stepSize) (local.get $ms))
              (f64.add (f64.div (f64.sqrt (local.get $vs)) (local.get $bc2Sqrt)) (local.get $eps)))))
        (f32.store (i32.add (local.get $w) (local.get $off)) (f32.demote_f64 (local.get $ws)))))))

;; Adam's update over float32 buffers in WebAssembly SIMD, four elements per pass in f32x4
;; lanes (then up to three in scalar f32), assembled at build time (scripts/vite-plugin-wat.mjs),
;; driven by wasm-adam.ts.
;;
;; Every operation is one IEEE float32 operation, the same operations in the same order as
;; `updateAdamFloat32` in adam-float32.ts (torch's order, written out there), so the results are
;; bit for bit those of the TS loop. WebAssembly float arithmetic rounds to nearest-even and
;; keeps subnormals, as Math.fround does.
(module
  (import "env" "memory" (memory 1))

  ;; For k < n, with w, g, m, v, vMax float32 arrays (byte addresses, 16-byte aligned):
  ;;   decoupled: w ← w·decay   l2: g ← g + wd·w
  ;;   m ← m + (g − m)·omb1;  v ← v·beta2 + (omb2·g)·g
  ;;   amsgrad: vMax ← v where v > vMax; second = vMax  else second = v
  ;;   w ← w − (stepSize·m) / (√second / bc2Sqrt + eps)
  (func $adam (export "adam")
        (param $w i32) (param $g i32) (param $m i32) (param $v i32) (param $vMax i32) (param $n i32)
        (param $decay f32) (param $wd f32) (param $omb1 f32) (param $beta2 f32) (param $omb2 f32)
        (param $bc2Sqrt f32) (param $eps f32) (param $stepSize f32)
        (param $decoupled i32) (param $l2 i32) (param $amsgrad i32)
    (local $k i32) (local $end4 i32) (local $off i32)
    (local $wv v128) (local $gv v128) (local $mv v128) (local $vv v128) (local $xv v128)
    (local $decayV v128) (local $wdV v128) (local $omb1V v128) (local $beta2V v128) (local $omb2V v128)
    (local $bc2SqrtV v128) (local $epsV v128) (local $stepSizeV v128)
    (local $ws f32) (local $gs f32) (local $ms f32) (local $vs f32) (local $xs f32)
    (local.set $decayV (f32x4.splat (local.get $decay)))
    (local.set $wdV (f32x4.splat (local.get $wd)))
    (local.set $omb1V (f32x4.splat (local.get $omb1)))
    (local.set $beta2V (f32x4.splat (local.get $beta2)))
    (local.set $omb2V (f32x4.splat (local.get $omb2)))
    (local.set $bc2SqrtV (f32x4.splat (local.get $bc2Sqrt)))
    (local.set $epsV (f32x4.splat (local.get $eps)))
    (local.set $stepSizeV (f32x4.splat (local.get $stepSize)))
    (local.set $end4 (i32.and (local.get $n) (i32.const -4)))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $k) (local.get $end4)))
        (local.set $off (i32.shl (local.get $k) (i32.const 2)))
        (local.set $wv (v128.load (i32.add (local.get $w) (local.get $off))))
        (local.set $gv (v128.load (i32.add (local.get $g) (local.get $off))))
        (if (local.get $decoupled)
          (then (local.set $wv (f32x4.mul (local.get $wv) (local.get $decayV))))
          (else
            (if (local.get $l2)
              (then (local.set $gv (f32x4.add (local.get $gv) (f32x4.mul (local.get $wdV) (local.get $wv))))))))
        (local.set $mv (v128.load (i32.add (local.get $m) (local.get $off))))
        (local.set $mv
          (f32x4.add (local.get $mv) (f32x4.mul (f32x4.sub (local.get $gv) (local.get $mv)) (local.get $omb1V))))
        (v128.store (i32.add (local.get $m) (local.get $off)) (local.get $mv))
        (local.set $vv
          (f32x4.add
            (f32x4.mul (v128.load (i32.add (local.get $v) (local.get $off))) (local.get $beta2V))
            (f32x4.mul (f32x4.mul (local.get $omb2V) (local.get $gv)) (local.get $gv))))
        (v128.store (i32.add (local.get $v) (local.get $off)) (local.get $vv))
        (if (local.get $amsgrad)
          (then
            (local.set $xv (v128.load (i32.add (local.get $vMax) (local.get $off))))
            ;; Lanes where v > vMax take v (a NaN on either side keeps vMax, as `>` does in TS).
            (local.set $vv (v128.bitselect (local.get $vv) (local.get $xv) (f32x4.gt (local.get $vv) (local.get $xv))))
            (v128.store (i32.add (local.get $vMax) (local.get $off)) (local.get $vv))))
        (v128.store (i32.add (local.get $w) (local.get $off))
          (f32x4.sub (local.get $wv)
            (f32x4.div
              (f32x4.mul (local.get $stepSizeV) (local.get $mv))
              (f32x4.add (f32x4.div (f32x4.sqrt (local.get $vv)) (local.get $bc2SqrtV)) (local.get $epsV)))))
        (local.set $k (i32.add (local.get $k) (i32.const 4)))
        (br $next)))
    ;; The last n mod 4 elements: the same operations on scalars.
    (block $tailDone
      (loop $tail
        (br_if $tailDone (i32.ge_u (local.get $k) (local.get $n)))
        (local.set $off (i32.shl (local.get $k) (i32.const 2)))
        (local.set $ws (f32.load (i32.add (local.get $w) (local.get $off))))
        (local.set $gs (f32.load (i32.add (local.get $g) (local.get $off))))
        (if (local.get $decoupled)
          (then (local.set $ws (f32.mul (local.get $ws) (local.get $decay))))
          (else
            (if (local.get $l2)
              (then (local.set $gs (f32.add (local.get $gs) (f32.mul (local.get $wd) (local.get $ws))))))))
        (local.set $ms (f32.load (i32.add (local.get $m) (local.get $off))))
        (local.set $ms
          (f32.add (local.get $ms) (f32.mul (f32.sub (local.get $gs) (local.get $ms)) (local.get $omb1))))
        (f32.store (i32.add (local.get $m) (local.get $off)) (local.get $ms))
        (local.set $vs
          (f32.add
            (f32.mul (f32.load (i32.add (local.get $v) (local.get $off))) (local.get $beta2))
            (f32.mul (f32.mul (local.get $omb2) (local.get $gs)) (local.get $gs))))
        (f32.store (i32.add (local.get $v) (local.get $off)) (local.get $vs))
        (if (local.get $amsgrad)
          (then
            (local.set $xs (f32.load (i32.add (local.get $vMax) (local.get $off))))
            (local.set $vs (select (local.get $vs) (local.get $xs) (f32.gt (local.get $vs) (local.get $xs))))
            (f32.store (i32.add (local.get $vMax) (local.get $off)) (local.get $vs))))
        (f32.store (i32.add (local.get $w) (local.get $off))
          (f32.sub (local.get $ws)
            (f32.div
              (f32.mul (local.get $stepSize) (local.get $ms))
              (f32.add (f32.div (f32.sqrt (local.get $vs)) (local.get $bc2Sqrt)) (local.get $eps)))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $tail))))

  ;; The same update with its scalars read from memory: eight f32 at `scalars` (decay, wd, omb1,
  ;; beta2, omb2, bc2Sqrt, eps, stepSize) and flags 1 decoupled, 2 l2, 4 amsgrad. All arguments
  ;; are i32, so a helper thread can be handed the call through an Int32Array (kernel-helper.ts).
  (func (export "adamPacked")
        (param $w i32) (param $g i32) (param $m i32) (param $v i32) (param $vMax i32) (param $n i32)
        (param $scalars i32) (param $flags i32)
    (call $adam (local.get $w) (local.get $g) (local.get $m) (local.get $v) (local.get $vMax) (local.get $n)
      (f32.load (local.get $scalars)) (f32.load offset=4 (local.get $scalars)) (f32.load offset=8 (local.get $scalars))
      (f32.load offset=12 (local.get $scalars)) (f32.load offset=16 (local.get $scalars)) (f32.load offset=20 (local.get $scalars))
      (f32.load offset=24 (local.get $scalars)) (f32.load offset=28 (local.get $scalars))
      (i32.and (local.get $flags) (i32.const 1))
      (i32.and (i32.shr_u (local.get $flags) (i32.const 1)) (i32.const 1))
      (i32.and (i32.shr_u (local.get $flags) (i32.const 2)) (i32.const 1)))))

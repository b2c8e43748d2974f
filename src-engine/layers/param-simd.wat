;; The per-step passes over a float32 dense layer's parameters and gradients in WebAssembly
;; SIMD (f32x4 loads), assembled at build time (scripts/vite-plugin-wat.mjs) and driven by
;; param-kernels.ts on the layer's own memory (wasm-dense.ts): the gradient statistics the
;; live views show (which double as the gradients' finiteness check) and the finiteness check
;; of the parameters after an update. Both replace scalar TS loops that cost W3 about a sixth
;; of a step.
;;
;; Sums run in float64 (each float32 value widened exactly), in four interleaved partial sums
;; (two f64x2 lanes per quantity) added at the end; the TS loop sums in one chain, so the two
;; agree within float64 rounding. NaN and ±Infinity propagate into the sums as in TS.
(module
  (import "env" "memory" (memory 1))

  ;; Σ |x| of the last `sums` call (a global, so reading it allocates nothing in JS).
  (global $abs (export "abs") (mut f64) (f64.const 0))

  ;; Returns Σ x² and sets the global `abs` to Σ |x|, over the n float32 at p.
  (func (export "sums") (param $p i32) (param $n i32) (result f64)
    (local $end i32) (local $v v128) (local $lo v128) (local $hi v128)
    (local $sq0 v128) (local $sq1 v128) (local $ab0 v128) (local $ab1 v128)
    (local $x f64) (local $sq f64) (local $ab f64)
    (local.set $end (i32.add (local.get $p) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $v (f32x4.abs (v128.load (local.get $p))))
        (local.set $lo (f64x2.promote_low_f32x4 (local.get $v)))
        (local.set $hi (f64x2.promote_low_f32x4
          (i8x16.shuffle 8 9 10 11 12 13 14 15 8 9 10 11 12 13 14 15 (local.get $v) (local.get $v))))
        (local.set $sq0 (f64x2.add (local.get $sq0) (f64x2.mul (local.get $lo) (local.get $lo))))
        (local.set $sq1 (f64x2.add (local.get $sq1) (f64x2.mul (local.get $hi) (local.get $hi))))
        (local.set $ab0 (f64x2.add (local.get $ab0) (local.get $lo)))
        (local.set $ab1 (f64x2.add (local.get $ab1) (local.get $hi)))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $next)))
    (local.set $sq0 (f64x2.add (local.get $sq0) (local.get $sq1)))
    (local.set $ab0 (f64x2.add (local.get $ab0) (local.get $ab1)))
    (local.set $sq (f64.add (f64x2.extract_lane 0 (local.get $sq0)) (f64x2.extract_lane 1 (local.get $sq0))))
    (local.set $ab (f64.add (f64x2.extract_lane 0 (local.get $ab0)) (f64x2.extract_lane 1 (local.get $ab0))))
    ;; The last n mod 4 values one at a time.
    (local.set $end (i32.add (local.get $end) (i32.shl (i32.and (local.get $n) (i32.const 3)) (i32.const 2))))
    (block $doneTail
      (loop $nextTail
        (br_if $doneTail (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $x (f64.abs (f64.promote_f32 (f32.load (local.get $p)))))
        (local.set $sq (f64.add (local.get $sq) (f64.mul (local.get $x) (local.get $x))))
        (local.set $ab (f64.add (local.get $ab) (local.get $x)))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $nextTail)))
    (global.set $abs (local.get $ab))
    (local.get $sq))

  ;; 1 when none of the n float32 at p is NaN or ±Infinity, else 0 (x − x is 0 exactly for
  ;; finite x and NaN otherwise, and a NaN stays in the running sum).
  (func (export "finite") (param $p i32) (param $n i32) (result i32)
    (local $end i32) (local $v v128) (local $acc v128) (local $x f32) (local $s f32)
    (local.set $end (i32.add (local.get $p) (i32.shl (i32.and (local.get $n) (i32.const -4)) (i32.const 2))))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $v (v128.load (local.get $p)))
        (local.set $acc (f32x4.add (local.get $acc) (f32x4.sub (local.get $v) (local.get $v))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $next)))
    (local.set $end (i32.add (local.get $end) (i32.shl (i32.and (local.get $n) (i32.const 3)) (i32.const 2))))
    (block $doneTail
      (loop $nextTail
        (br_if $doneTail (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $x (f32.load (local.get $p)))
        (local.set $s (f32.add (local.get $s) (f32.sub (local.get $x) (local.get $x))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $nextTail)))
    (i32.and
      (i32x4.all_true (f32x4.eq (local.get $acc) (v128.const i32x4 0 0 0 0)))
      (f32.eq (local.get $s) (f32.const 0)))))

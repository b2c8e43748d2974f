;; Element-wise activations of float32 dense layers in WebAssembly SIMD (f32x4), assembled at
;; build time (scripts/vite-plugin-wat.mjs) and driven by activation-kernels.ts: forward
;; a = f(z) and backward dZ = dA ⊙ f′ for linear, ReLU, Leaky ReLU, sigmoid and tanh (the
;; others stay in TS, activations.ts). Every operation is a float32 operation.
;;
;; e^x is Cephes' expf: n = round(x·log₂e), r = x − n·ln2 (ln2 split in two so r is exact),
;; a degree-6 polynomial for e^r, times 2ⁿ built in the exponent bits; within 2 ulp of e^x
;; for |x| ≤ 88 (test/engine/layers/activation-kernels.test.ts). sigmoid = 1/(1 + e^(−z));
;; tanh is Cephes' tanhf: an odd polynomial for |z| < 0.625, else 1 − 2/(e^(2|z|) + 1) with
;; the sign of z, ±1 from |z| ≥ 9 (where float32 tanh rounds to ±1). NaN stays NaN, except
;; that ReLU maps NaN to 0 exactly as the TS `z > 0 ? z : 0` does. Leaky ReLU multiplies by α
;; rounded to float32 (the TS loop by α in float64), so it may differ by 1 ulp.
;;
;; n counts float32 values and must be ≥ 4: the last 4 − (n mod 4) values are computed twice
;; by one more vector ending at n, so outputs must not alias inputs.
(module
  (import "env" "memory" (memory 1))

  (func $exp (param $x v128) (result v128)
    (local $fx v128) (local $r v128) (local $y v128)
    (local.set $x (f32x4.max (f32x4.min (local.get $x) (f32x4.splat (f32.const 88.3762626647949)))
                             (f32x4.splat (f32.const -88.3762626647949))))
    (local.set $fx (f32x4.nearest (f32x4.mul (local.get $x) (f32x4.splat (f32.const 1.44269504088896341)))))
    (local.set $r (f32x4.sub (local.get $x) (f32x4.mul (local.get $fx) (f32x4.splat (f32.const 0.693359375)))))
    (local.set $r (f32x4.sub (local.get $r) (f32x4.mul (local.get $fx) (f32x4.splat (f32.const -2.12194440e-4)))))
    (local.set $y (f32x4.splat (f32.const 1.9875691500e-4)))
    (local.set $y (f32x4.add (f32x4.mul (local.get $y) (local.get $r)) (f32x4.splat (f32.const 1.3981999507e-3))))
    (local.set $y (f32x4.add (f32x4.mul (local.get $y) (local.get $r)) (f32x4.splat (f32.const 8.3334519073e-3))))
    (local.set $y (f32x4.add (f32x4.mul (local.get $y) (local.get $r)) (f32x4.splat (f32.const 4.1665795894e-2))))
    (local.set $y (f32x4.add (f32x4.mul (local.get $y) (local.get $r)) (f32x4.splat (f32.const 1.6666665459e-1))))
    (local.set $y (f32x4.add (f32x4.mul (local.get $y) (local.get $r)) (f32x4.splat (f32.const 5.0000001201e-1))))
    (local.set $y (f32x4.add (f32x4.add (f32x4.mul (local.get $y) (f32x4.mul (local.get $r) (local.get $r))) (local.get $r))
                             (f32x4.splat (f32.const 1))))
    ;; 2ⁿ: n + 127 in the exponent field (n ≤ 128 gives +∞ above e^88.72, n ≤ −127 gives 0).
    (f32x4.mul (local.get $y)
      (i32x4.shl (i32x4.add (i32x4.trunc_sat_f32x4_s (local.get $fx)) (i32x4.splat (i32.const 127))) (i32.const 23))))

  ;; 0 below −88.376 (where σ is subnormal or 0 and the clamped e^(−z) would be too small).
  (func $sigmoid (param $z v128) (result v128)
    (v128.andnot
      (f32x4.div (f32x4.splat (f32.const 1))
        (f32x4.add (f32x4.splat (f32.const 1)) (call $exp (f32x4.neg (local.get $z)))))
      (f32x4.lt (local.get $z) (f32x4.splat (f32.const -88.3762626647949)))))

  (func $tanh (param $z v128) (result v128)
    (local $x v128) (local $s v128) (local $big v128) (local $small v128)
    (local.set $x (f32x4.abs (local.get $z)))
    ;; |z| < 0.625: z + z·s·P(s), s = z².
    (local.set $s (f32x4.mul (local.get $z) (local.get $z)))
    (local.set $small (f32x4.splat (f32.const -5.70498872745e-3)))
    (local.set $small (f32x4.add (f32x4.mul (local.get $small) (local.get $s)) (f32x4.splat (f32.const 2.06390887954e-2))))
    (local.set $small (f32x4.add (f32x4.mul (local.get $small) (local.get $s)) (f32x4.splat (f32.const -5.37397155531e-2))))
    (local.set $small (f32x4.add (f32x4.mul (local.get $small) (local.get $s)) (f32x4.splat (f32.const 1.33314422036e-1))))
    (local.set $small (f32x4.add (f32x4.mul (local.get $small) (local.get $s)) (f32x4.splat (f32.const -3.33332819422e-1))))
    (local.set $small (f32x4.add (f32x4.mul (f32x4.mul (local.get $small) (local.get $s)) (local.get $z)) (local.get $z)))
    ;; Else 1 − 2/(e^(2|z|) + 1), 1 from 9 on, with z's sign bit.
    (local.set $big
      (f32x4.sub (f32x4.splat (f32.const 1))
        (f32x4.div (f32x4.splat (f32.const 2))
          (f32x4.add (call $exp (f32x4.add (local.get $x) (local.get $x))) (f32x4.splat (f32.const 1))))))
    (local.set $big (v128.bitselect (f32x4.splat (f32.const 1)) (local.get $big) (f32x4.ge (local.get $x) (f32x4.splat (f32.const 9)))))
    (local.set $big (v128.or (local.get $big) (v128.and (local.get $z) (v128.const i32x4 0x80000000 0x80000000 0x80000000 0x80000000))))
    ;; NaN fails both comparisons and stays in `big`'s lane as NaN (1 − 2/(NaN + 1)).
    (v128.bitselect (local.get $small) (local.get $big) (f32x4.lt (local.get $x) (f32x4.splat (f32.const 0.625)))))

  ;; One loop per activation (a call per vector cost as much as ReLU itself). Each steps k by
  ;; 16 bytes, clamped to the last full vector, which ends at n (see the header).

  ;; a = f(z) over n ≥ 4 float32 values (byte addresses; a must not overlap z); kind 0 linear,
  ;; 1 relu, 2 leaky_relu, 3 sigmoid, 4 tanh.
  (func (export "forward") (param $kind i32) (param $z i32) (param $a i32) (param $n i32) (param $alpha f32)
    (local $k i32) (local $last i32) (local $al v128) (local $v v128)
    (local.set $al (f32x4.splat (local.get $alpha)))
    (block $tanh (block $sigmoid (block $leaky (block $relu (block $linear
      (br_table $linear $relu $leaky $sigmoid $tanh $tanh (local.get $kind)))
      (memory.copy (local.get $a) (local.get $z) (i32.shl (local.get $n) (i32.const 2)))
      (return))
    (local.set $last (i32.sub (i32.shl (local.get $n) (i32.const 2)) (i32.const 16)))
    (loop $next
      (local.set $v (v128.load (i32.add (local.get $z) (local.get $k))))
      (v128.store (i32.add (local.get $a) (local.get $k)) (v128.and (local.get $v) (f32x4.gt (local.get $v) (f32x4.splat (f32.const 0)))))
      (if (i32.lt_u (local.get $k) (local.get $last))
        (then
          (local.set $k (select (i32.add (local.get $k) (i32.const 16)) (local.get $last)
            (i32.lt_u (i32.add (local.get $k) (i32.const 16)) (local.get $last))))
          (br $next))))
      (return))
    (local.set $last (i32.sub (i32.shl (local.get $n) (i32.const 2)) (i32.const 16)))
    (loop $next
      (local.set $v (v128.load (i32.add (local.get $z) (local.get $k))))
      (v128.store (i32.add (local.get $a) (local.get $k)) (v128.bitselect (local.get $v) (f32x4.mul (local.get $al) (local.get $v)) (f32x4.gt (local.get $v) (f32x4.splat (f32.const 0)))))
      (if (i32.lt_u (local.get $k) (local.get $last))
        (then
          (local.set $k (select (i32.add (local.get $k) (i32.const 16)) (local.get $last)
            (i32.lt_u (i32.add (local.get $k) (i32.const 16)) (local.get $last))))
          (br $next))))
      (return))
    (local.set $last (i32.sub (i32.shl (local.get $n) (i32.const 2)) (i32.const 16)))
    (loop $next
      (local.set $v (v128.load (i32.add (local.get $z) (local.get $k))))
      (v128.store (i32.add (local.get $a) (local.get $k)) (call $sigmoid (local.get $v)))
      (if (i32.lt_u (local.get $k) (local.get $last))
        (then
          (local.set $k (select (i32.add (local.get $k) (i32.const 16)) (local.get $last)
            (i32.lt_u (i32.add (local.get $k) (i32.const 16)) (local.get $last))))
          (br $next))))
      (return))
    (local.set $last (i32.sub (i32.shl (local.get $n) (i32.const 2)) (i32.const 16)))
    (loop $next
      (local.set $v (v128.load (i32.add (local.get $z) (local.get $k))))
      (v128.store (i32.add (local.get $a) (local.get $k)) (call $tanh (local.get $v)))
      (if (i32.lt_u (local.get $k) (local.get $last))
        (then
          (local.set $k (select (i32.add (local.get $k) (i32.const 16)) (local.get $last)
            (i32.lt_u (i32.add (local.get $k) (i32.const 16)) (local.get $last))))
          (br $next)))))

  ;; dZ = dA ⊙ f′(z) over n ≥ 4 float32 values, from z and a = f(z) (dZ must not overlap z, a or dA).
  (func (export "backward") (param $kind i32) (param $z i32) (param $a i32) (param $dA i32) (param $dZ i32) (param $n i32) (param $alpha f32)
    (local $k i32) (local $last i32) (local $al v128) (local $v v128) (local $y v128) (local $g v128)
    (local.set $al (f32x4.splat (local.get $alpha)))
    (block $tanh (block $sigmoid (block $leaky (block $relu (block $linear
      (br_table $linear $relu $leaky $sigmoid $tanh $tanh (local.get $kind)))
      (memory.copy (local.get $dZ) (local.get $dA) (i32.shl (local.get $n) (i32.const 2)))
      (return))
    (local.set $last (i32.sub (i32.shl (local.get $n) (i32.const 2)) (i32.const 16)))
    (loop $next
      (local.set $g (v128.load (i32.add (local.get $dA) (local.get $k))))
      (local.set $v (v128.load (i32.add (local.get $z) (local.get $k))))
      (v128.store (i32.add (local.get $dZ) (local.get $k)) (v128.and (local.get $g) (f32x4.gt (local.get $v) (f32x4.splat (f32.const 0)))))
      (if (i32.lt_u (local.get $k) (local.get $last))
        (then
          (local.set $k (select (i32.add (local.get $k) (i32.const 16)) (local.get $last)
            (i32.lt_u (i32.add (local.get $k) (i32.const 16)) (local.get $last))))
          (br $next))))
      (return))
    (local.set $last (i32.sub (i32.shl (local.get $n) (i32.const 2)) (i32.const 16)))
    (loop $next
      (local.set $g (v128.load (i32.add (local.get $dA) (local.get $k))))
      (local.set $v (v128.load (i32.add (local.get $z) (local.get $k))))
      (v128.store (i32.add (local.get $dZ) (local.get $k)) (v128.bitselect (local.get $g) (f32x4.mul (local.get $al) (local.get $g)) (f32x4.gt (local.get $v) (f32x4.splat (f32.const 0)))))
      (if (i32.lt_u (local.get $k) (local.get $last))
        (then
          (local.set $k (select (i32.add (local.get $k) (i32.const 16)) (local.get $last)
            (i32.lt_u (i32.add (local.get $k) (i32.const 16)) (local.get $last))))
          (br $next))))
      (return))
    (local.set $last (i32.sub (i32.shl (local.get $n) (i32.const 2)) (i32.const 16)))
    (loop $next
      (local.set $g (v128.load (i32.add (local.get $dA) (local.get $k))))
      (local.set $y (v128.load (i32.add (local.get $a) (local.get $k))))
      (v128.store (i32.add (local.get $dZ) (local.get $k)) (f32x4.mul (f32x4.mul (local.get $g) (local.get $y)) (f32x4.sub (f32x4.splat (f32.const 1)) (local.get $y))))
      (if (i32.lt_u (local.get $k) (local.get $last))
        (then
          (local.set $k (select (i32.add (local.get $k) (i32.const 16)) (local.get $last)
            (i32.lt_u (i32.add (local.get $k) (i32.const 16)) (local.get $last))))
          (br $next))))
      (return))
    (local.set $last (i32.sub (i32.shl (local.get $n) (i32.const 2)) (i32.const 16)))
    (loop $next
      (local.set $g (v128.load (i32.add (local.get $dA) (local.get $k))))
      (local.set $y (v128.load (i32.add (local.get $a) (local.get $k))))
      (v128.store (i32.add (local.get $dZ) (local.get $k)) (f32x4.mul (local.get $g) (f32x4.mul (f32x4.sub (f32x4.splat (f32.const 1)) (f32x4.abs (local.get $y))) (f32x4.add (f32x4.splat (f32.const 1)) (f32x4.abs (local.get $y))))))
      (if (i32.lt_u (local.get $k) (local.get $last))
        (then
          (local.set $k (select (i32.add (local.get $k) (i32.const 16)) (local.get $last)
            (i32.lt_u (i32.add (local.get $k) (i32.const 16)) (local.get $last))))
          (br $next))))
    ))
